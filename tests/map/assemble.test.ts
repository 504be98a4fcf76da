/**
 * The map assembly helper (src/lib/map/assemble.ts and its first-paint stages in frame.ts), on the
 * built topology (static/geo/syria.topo.json: run `npm run data` first) and the SYNTHETIC
 * selections of ./fixtures.ts (invented values, not SNHR figures).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { render } from 'svelte/server';
import ChoroplethSvg from '../../src/lib/map/ChoroplethSvg.svelte';
import { assembleMap, mapFrame, mapGeometry, mapMarks, mapPadding, paintMap, withFrame } from '../../src/lib/map/assemble';
import { calloutPlaces } from '../../src/lib/map/callouts';
import { BORDER, GAP, NOT_LISTED, fillFor, scaleFor } from '../../src/lib/map/color';
import { governoratesOf, type SyriaTopology } from '../../src/lib/map/geo';
import { i18n } from '../../src/lib/i18n/i18n.svelte';
import { GOVERNORATE_CODES } from '../../src/lib/data/types';
import { SYNTHETIC_NO_BREAKDOWN, SYNTHETIC_TABLE } from './fixtures';

const topo = JSON.parse(readFileSync('static/geo/syria.topo.json', 'utf8')) as SyriaTopology;
const words = i18n;

describe('stage 1: mapGeometry', () => {
  it('decodes the 14 governorates, the named neighbours and the borders between them', () => {
    const g = mapGeometry(topo);
    expect(g.governorates.map((f) => f.id).sort()).toEqual([...GOVERNORATE_CODES].sort());
    expect(g.neighbours.length).toBeGreaterThan(3);
    for (const n of g.neighbours) expect(n.properties.name).toBeTruthy();
    expect(g.borders?.type).toBe('MultiLineString');
  });
  it('assembleMap decodes a topology once: the same geometry for every selection and size', () => {
    const a = assembleMap(topo, SYNTHETIC_TABLE, { width: 600, height: 480 }, { words });
    const b = assembleMap(topo, SYNTHETIC_NO_BREAKDOWN, { width: 390, height: 320 }, { words });
    expect(b.geometry).toBe(a.geometry);
  });
});

describe('stage 2: mapFrame', () => {
  const geometry = mapGeometry(topo);
  const frame = mapFrame(geometry, 600, 480);

  it("one path and anchor per governorate, in the geometry's order, rounded to 0.1 px, inside the padded box", () => {
    expect(frame.shapes.map((s) => s.code)).toEqual(geometry.governorates.map((g) => g.id));
    const p = mapPadding(600, 480);
    expect(p).toBe(14);
    for (const s of frame.shapes) {
      expect(s.d).toMatch(/^M\d+(\.\d)?,\d+(\.\d)?/);
      expect(s.d).not.toMatch(/\.\d\d/);
      expect(s.anchor[0]).toBeGreaterThanOrEqual(p);
      expect(s.anchor[0]).toBeLessThanOrEqual(600 - p);
      expect(s.anchor[1]).toBeGreaterThanOrEqual(p);
      expect(s.anchor[1]).toBeLessThanOrEqual(480 - p);
    }
    expect(frame.outline).toMatch(/^M/);
    expect(frame.borders).toMatch(/^M/);
    expect(frame.neighbours.every((n) => n.d !== '')).toBe(true);
  });

  it('a geometry without borders draws no border line', () => {
    expect(mapFrame({ ...geometry, borders: null }, 600, 480).borders).toBe('');
  });

  it("ChoroplethSvg draws exactly the frame's paths and outline", () => {
    const { body } = render(ChoroplethSvg, {
      props: {
        governorates: geometry.governorates,
        neighbours: geometry.neighbours,
        neighbourBorders: geometry.borders,
        selection: SYNTHETIC_TABLE,
        scale: scaleFor(SYNTHETIC_TABLE),
        width: 600,
        height: 480,
      },
    });
    for (const s of frame.shapes) expect(body).toContain(`d="${s.d}"`);
    expect(body).toMatch(new RegExp(`class="outline[^"]*" d="${frame.outline.replace(/[.]/g, '\\.')}"`));
  });

  it('the assembled map keeps its frame per size: a change of filters projects nothing again', () => {
    const a = assembleMap(geometry, SYNTHETIC_TABLE, { width: 500, height: 410 }, { words });
    const b = assembleMap(geometry, SYNTHETIC_NO_BREAKDOWN, { width: 500, height: 410 }, { words });
    expect(b.frame).toBe(a.frame);
    expect(assembleMap(geometry, SYNTHETIC_TABLE, { width: 501, height: 410 }, { words }).frame).not.toBe(a.frame);
  });
});

describe('stage 3: paintMap', () => {
  it('the scale, one cell per governorate (not-listed never a zero), names and the legend', () => {
    const p = paintMap(topo, SYNTHETIC_TABLE, { words });
    expect(p.scale).toEqual(scaleFor(SYNTHETIC_TABLE));
    expect(p.cells.size).toBe(14);
    expect(p.cells.get('SY-TA')?.status).toBe('not-listed');
    expect(p.cells.get('SY-DI')).toBe(p.cells.get('SY-RD'));
    expect(p.nameOf('SY-HL')).toBe('Aleppo');
    expect(p.nameOf('SY-XX')).toBe('SY-XX');
    expect(p.legend.title).toBe('barrel bombs · Jul 2012 – Nov 2017');
    expect(p.legend.items.map((i) => i.kind)).toEqual(['class', 'class', 'class', 'class', 'class', 'not-listed', 'combined']);
    expect(p.selected).toBeNull();
    expect(p.label).toBe('');
  });

  it("names in the reader's language", () => {
    const p = paintMap(topo, SYNTHETIC_TABLE, { words: { ...words, t: words.t, locale: 'ar' } });
    const aleppo = mapGeometry(topo).governorates.find((g) => g.id === 'SY-HL')!;
    expect(p.nameOf('SY-HL')).toBe(aleppo.properties.name_ar);
  });

  it('the selected governorate is named with its figure; a combined one says so; an unknown code has no label', () => {
    expect(paintMap(topo, SYNTHETIC_TABLE, { words, selected: 'SY-HL' }).label).toBe('Aleppo: 13,436 barrel bombs');
    expect(paintMap(topo, SYNTHETIC_TABLE, { words, selected: 'SY-DI' }).label).toBe('Damascus (combined with Rif Dimashq in the source): 10,800 barrel bombs');
    expect(paintMap(topo, SYNTHETIC_TABLE, { words, selected: 'SY-TA' }).label).toBe('Tartus: no figure in this table');
    expect(paintMap(topo, SYNTHETIC_TABLE, { words, selected: 'SY-XX' }).label).toBe('');
  });

  it('no governorate breakdown: every cell a gap, and the legend says so', () => {
    const p = paintMap(topo, SYNTHETIC_NO_BREAKDOWN, { words });
    expect([...p.cells.values()].every((c) => c.status === 'gap')).toBe(true);
    expect(p.legend.items.map((i) => i.kind)).toEqual(['gap']);
  });
});

describe('mapMarks: what ChoroplethSvg draws', () => {
  const geometry = mapGeometry(topo);
  const frame = mapFrame(geometry, 600, 480);

  it('fills from color.ts, no border inside a combined cell, labels, and counts', () => {
    const scale = scaleFor(SYNTHETIC_TABLE);
    const { marks, combined, counts } = mapMarks(frame, geometry, SYNTHETIC_TABLE, scale, words, 'url(#hatch)');
    const by = new Map(marks.map((m) => [m.code, m]));
    expect(by.get('SY-TA')).toMatchObject({ fill: NOT_LISTED.fill, stroke: BORDER.stroke, label: 'Tartus: no figure in this table' });
    const hl = by.get('SY-HL')!;
    expect(hl.fill).toBe(fillFor(hl.cell, scale));
    expect(hl.d).toBe(frame.shapes.find((s) => s.code === 'SY-HL')!.d);
    expect(by.get('SY-DI')!.stroke).toBe(by.get('SY-DI')!.fill);
    expect(by.get('SY-DI')!.label).toBe('Damascus (combined with Rif Dimashq in the source): 10,800 barrel bombs');
    expect(combined).toEqual([{ area: 'SY-DI+SY-RD', d: frame.outlineOf(['SY-DI', 'SY-RD']) }]);
    expect(counts).toEqual({ value: 13, notListed: 1, gap: 0 });
  });

  it("a gap takes the renderer's hatch; its stroke stays the border", () => {
    const { marks, counts, combined } = mapMarks(frame, geometry, SYNTHETIC_NO_BREAKDOWN, scaleFor(SYNTHETIC_NO_BREAKDOWN), words, 'url(#hatch)');
    for (const m of marks) expect(m).toMatchObject({ fill: 'url(#hatch)', stroke: BORDER.stroke });
    expect(counts).toEqual({ value: 0, notListed: 0, gap: 14 });
    expect(combined).toEqual([]);
    expect(GAP.background).not.toBe('url(#hatch)');
  });
});

describe('assembleMap: the callouts', () => {
  const governorates = governoratesOf(topo);

  it('the same places as calloutPlaces, with name, colour and the selected one', () => {
    for (const [w, h] of [
      [820, 672],
      [358, 294],
    ] as const) {
      const m = assembleMap(topo, SYNTHETIC_TABLE, { width: w, height: h }, { words, selected: 'SY-QU' });
      expect(m.callouts.map(({ code, x, y, height, anchor }) => ({ code, x, y, height, anchor }))).toEqual(calloutPlaces(governorates, w, h));
      const qu = m.callouts.find((c) => c.code === 'SY-QU')!;
      expect(qu).toMatchObject({ name: 'Quneitra', selected: true, fill: fillFor(m.cells.get('SY-QU')!, m.scale) });
      expect(m.callouts.filter((c) => c.selected)).toHaveLength(1);
    }
    expect(assembleMap(topo, SYNTHETIC_TABLE, { width: 358, height: 294 }, { words }).callouts.map((c) => c.code)).toContain('SY-LA');
  });

  it("withFrame: a paint placed at a size learnt later (the export's layout) equals the one-call assembly", () => {
    const paint = paintMap(topo, SYNTHETIC_TABLE, { words, selected: 'SY-HL' });
    const late = withFrame(paint, { width: 700, height: 560 });
    const once = assembleMap(topo, SYNTHETIC_TABLE, { width: 700, height: 560 }, { words, selected: 'SY-HL' });
    expect(late.frame).toBe(once.frame);
    expect(late.callouts).toEqual(once.callouts);
    expect(late.label).toBe(once.label);
  });
});
