/**
 * The exported map's callouts and selected label (src/lib/share/annotations.ts), on the built
 * geometry and the synthetic dataset fixture (tests/data/fixture: invented figures).
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { cellsByCode, governoratesOf, type SyriaTopology } from '../../src/lib/map/geo';
import { fillFor, scaleFor } from '../../src/lib/map/color';
import { cellLabel } from '../../src/lib/map/legend';
import { calloutPlaces } from '../../src/lib/map/callouts';
import { indexDataset, selectMap } from '../../src/lib/data/select';
import { i18n } from '../../src/lib/i18n/i18n.svelte';
import { fixture } from '../data/fixture';
import { annotationsSvg, type AnnotationInput } from '../../src/lib/share/annotations';
import { composeExportSvg, layoutExport } from '../../src/lib/share/exportSvg';

const governorates = governoratesOf(JSON.parse(readFileSync('static/geo/syria.topo.json', 'utf8')) as SyriaTopology);
const atlas = indexDataset(fixture());
const map = selectMap(atlas, { metric: 'barrel-bombs', year: null, period: '2012-07/2017-11', perp: 'all', victims: 'all', gov: null });
const scale = scaleFor(map);
const cells = cellsByCode(
  map,
  governorates.map((g) => g.id),
);
const nameOf = (code: string) => governorates.find((g) => g.id === code)!.properties.name_en;

function input(o: Partial<AnnotationInput> = {}): AnnotationInput {
  return {
    width: 700,
    height: 520,
    places: calloutPlaces(governorates, 700, 520),
    cellOf: (c) => cells.get(c),
    fillOf: (c) => fillFor(c, scale),
    nameOf,
    label: '',
    selected: null,
    dir: 'ltr',
    ...o,
  };
}

describe('annotationsSvg', () => {
  test('a callout per small governorate, with its fill, its name and a leader to where it lies', () => {
    const svg = annotationsSvg(input());
    expect(svg).toMatch(/^<svg [^>]*width="700" height="520" viewBox="0 0 700 520">/);
    for (const p of calloutPlaces(governorates, 700, 520)) {
      const g = svg.slice(svg.indexOf(`data-callout="${p.code}"`), svg.indexOf('</g>', svg.indexOf(`data-callout="${p.code}"`)));
      expect(g, p.code).toContain(`>${nameOf(p.code)}</text>`);
      const cell = cells.get(p.code)!;
      expect(g, p.code).toContain(`fill="${cell.status === 'gap' ? 'url(#export-gap)' : fillFor(cell, scale)}"`);
      expect(g, p.code).toContain(`L${Math.round(p.anchor[0] * 10) / 10} ${Math.round(p.anchor[1] * 10) / 10}"`);
    }
    expect(svg).not.toContain('selected-label');
  });
  test('the selected governorate: bold among the callouts, and its label with its figure in the bottom-right corner', () => {
    const code = 'SY-DI';
    const label = cellLabel(code, cells.get(code)!, nameOf, i18n.t);
    const svg = annotationsSvg(input({ selected: code, label }));
    expect(svg).toContain(`font-weight="700" fill="#1a1a1a">${nameOf(code)}</text>`);
    const part = svg.slice(svg.indexOf('data-part="selected-label"'));
    const texts = [...part.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((t) => t[1]);
    expect(texts.join(' ')).toBe(label.replace(/&/g, '&amp;'));
    const [, x, y, w, h] = /<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(part)!.map(Number);
    expect(Math.abs(x + w - (700 - 4))).toBeLessThanOrEqual(1);
    expect(Math.abs(y + h - (520 - 4))).toBeLessThanOrEqual(1);
  });
  test("a long label wraps on two lines within 60% of the map's width", () => {
    const label = 'Damascus (combined with Rif Dimashq in the source): 22,149 barrel bombs';
    const part = annotationsSvg(input({ selected: 'SY-DI', label })).split('data-part="selected-label"')[1];
    expect([...part.matchAll(/<text/g)].length).toBe(2);
    const w = Number(/width="([\d.]+)"/.exec(part)![1]);
    expect(w).toBeLessThanOrEqual(700 * 0.6);
  });
  test('right to left: the swatch on the right of the box, the text runs from the right', () => {
    const svg = annotationsSvg(input({ dir: 'rtl', nameOf: (c) => governorates.find((g) => g.id === c)!.properties.name_ar }));
    expect(svg).toContain('direction="rtl"');
    const swatch = /<rect x="([\d.]+)" y="[\d.]+" width="13"/.exec(svg)!;
    expect(Number(swatch[1])).toBeGreaterThan(30);
  });
  test('nothing to say: no markup; composed into the export over the map only', () => {
    expect(annotationsSvg(input({ places: [] }))).toBe('');
    const layout = layoutExport('wide', 'map', { title: 't', summary: 's', legendTitle: 'l', legend: [], note: 'n', source: 'so', url: 'u', credit: 'c' });
    const out = composeExportSvg(layout, { map: '<svg width="10" height="10"></svg>', mapAnnotations: annotationsSvg(input()) }, 't');
    expect(out).toContain('data-part="map-annotations"');
    expect(composeExportSvg(layout, { map: null, mapAnnotations: annotationsSvg(input()) }, 't')).not.toContain('map-annotations');
  });
});
