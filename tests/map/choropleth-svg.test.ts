import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { render } from 'svelte/server';
import ChoroplethSvg from '../../src/lib/map/ChoroplethSvg.svelte';
import Legend from '../../src/lib/map/Legend.svelte';
import MapPanel from '../../src/lib/map/MapPanel.svelte';
import ChoroplethMapLibre from '../../src/lib/map/ChoroplethMapLibre.svelte';
import { governoratesOf, neighbourBorders, neighboursOf, type SyriaTopology } from '../../src/lib/map/geo';
import { COMBINED, GAP, NOT_LISTED, PALETTES, SELECTED, fillFor, scaleFor } from '../../src/lib/map/color';
import { GOVERNORATE_CODES } from '../../src/lib/data/types';
import type { MapSelection } from '../../src/lib/data/selection';
import { SYNTHETIC_NO_BREAKDOWN, SYNTHETIC_TABLE } from './fixtures';

const topo = JSON.parse(readFileSync('static/geo/syria.topo.json', 'utf8')) as SyriaTopology;
const governorates = governoratesOf(topo);
const neighbours = neighboursOf(topo);

function draw(selection: MapSelection, extra: Record<string, unknown> = {}) {
  const { body } = render(ChoroplethSvg, {
    props: {
      governorates,
      neighbours,
      neighbourBorders: neighbourBorders(topo),
      selection,
      scale: scaleFor(selection),
      selected: null,
      width: 600,
      height: 480,
      ...extra,
    },
  });
  // hydration markers are noise in a snapshot
  return body.replace(/<!--[\s\S]*?-->/g, '');
}

/** The governorate <path> elements, as attribute maps. */
function paths(svg: string): Record<string, string>[] {
  return [...svg.matchAll(/<path ([^>]*data-code="[^"]+"[^>]*)>/g)].map((m) =>
    Object.fromEntries([...m[1].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])),
  );
}

describe('ChoroplethSvg (svelte/server)', () => {
  const svg = draw(SYNTHETIC_TABLE, { selected: 'SY-HL' });
  const ps = paths(svg);
  const by = new Map(ps.map((p) => [p['data-code'], p]));

  test('draws 14 governorate paths, each a focusable button with its fill inlined', () => {
    expect(ps).toHaveLength(14);
    expect([...by.keys()].sort()).toEqual([...GOVERNORATE_CODES].sort());
    for (const p of ps) {
      expect(p.role).toBe('button');
      expect(p.tabindex).toBe('0');
      expect(p.fill).toMatch(/^#|^url\(/);
      expect(p.d).toMatch(/^M[\d.]+,[\d.]+/);
    }
  });

  test('fills match color.ts for every cell', () => {
    const scale = scaleFor(SYNTHETIC_TABLE);
    for (const cell of SYNTHETIC_TABLE.cells) for (const code of cell.codes) expect(by.get(code)!.fill).toBe(fillFor(cell, scale));
    expect(by.get('SY-HL')!.fill).toBe(PALETTES[5][4]);
    expect(by.get('SY-RA')!.fill).toBe(PALETTES[5][0]);
  });

  test('combined cell: one fill, no border between members, one dashed outline', () => {
    const di = by.get('SY-DI')!;
    const rd = by.get('SY-RD')!;
    expect(di.fill).toBe(rd.fill);
    expect(di.stroke).toBe(di.fill);
    expect(di['data-area']).toBe('SY-DI+SY-RD');
    expect(svg).toMatch(/class="combined[ "]/);
    expect(svg).toContain(`stroke-dasharray="${COMBINED.dash}"`);
    expect(di['aria-label']).toBe('Damascus (combined with Rif Dimashq in the source): 10,800 barrel bombs');
    expect(rd['aria-label']).toBe('Rif Dimashq (combined with Damascus in the source): 10,800 barrel bombs');
  });

  test('aria-labels carry name and value as text; not-listed never reads as zero', () => {
    expect(by.get('SY-HL')!['aria-label']).toBe('Aleppo: 13,436 barrel bombs');
    expect(by.get('SY-RA')!['aria-label']).toBe('Raqqa: 0 barrel bombs');
    expect(by.get('SY-TA')!['aria-label']).toBe('Tartus: no figure in this table');
    expect(by.get('SY-TA')!.fill).toBe(NOT_LISTED.fill);
    expect(by.get('SY-TA')!['data-status']).toBe('not-listed');
  });

  test('selected governorate: aria-pressed and an outline', () => {
    expect(by.get('SY-HL')!['aria-pressed']).toBe('true');
    expect(by.get('SY-ID')!['aria-pressed']).toBe('false');
    expect(svg).toContain(`class="selected"`);
    expect(svg).toContain(`stroke="${SELECTED.stroke}"`);
  });

  test('has <title> and <desc>, referenced by the svg', () => {
    expect(svg).toMatch(/<title id="([^"]+)">Map of Syria’s governorates<\/title>/);
    expect(svg).toContain('13 governorates with a published figure, 1 without a figure in the table, 0 without a governorate breakdown');
    const titleId = svg.match(/<title id="([^"]+)"/)![1];
    expect(svg).toContain(`aria-labelledby="${titleId}"`);
  });

  test('gap: every governorate hatched with the pattern, labelled as no breakdown', () => {
    const gapSvg = draw(SYNTHETIC_NO_BREAKDOWN);
    const gp = paths(gapSvg);
    const patternId = gapSvg.match(/<pattern id="([^"]+)"/)![1];
    expect(gp).toHaveLength(14);
    for (const p of gp) {
      expect(p.fill).toBe(`url(#${patternId})`);
      expect(p['aria-label']).toMatch(/: no governorate breakdown published$/);
    }
    expect(gapSvg).toContain(`fill="${GAP.background}"`);
    expect(gapSvg).toContain(`stroke="${GAP.line}"`);
    expect(gapSvg).toContain('No governorate breakdown was published for this selection.');
  });

  test('static export: no buttons, labels as <title>', () => {
    const out = draw(SYNTHETIC_TABLE, { interactive: false });
    expect(out).not.toContain('tabindex');
    expect(out).not.toContain('role="button"');
    expect(out).toContain('<title>Aleppo: 13,436 barrel bombs</title>');
  });

  test('snapshot (rounded coordinates)', async () => {
    // one element per line, so that a change shows as a readable diff
    await expect(svg.replace(/></g, '>\n<')).toMatchFileSnapshot('./__snapshots__/choropleth-synthetic.svg.html');
  });
});

describe('other map components render on the server', () => {
  test('Legend', () => {
    const { body } = render(Legend, { props: { selection: SYNTHETIC_TABLE, scale: scaleFor(SYNTHETIC_TABLE) } });
    expect(body).toContain('barrel bombs');
    expect(body).toContain('7,000–13,436');
    expect(body).toContain('No figure in this table');
    expect(body).toContain('Combined in the source');
  });

  test('MapPanel: SVG and legend, no MapLibre on the server', () => {
    const { body } = render(MapPanel, { props: { topology: topo, selection: SYNTHETIC_TABLE } });
    expect(paths(body)).toHaveLength(14);
    expect(body).toContain('class="legend');
    expect(body).not.toContain('maplibregl');
  });

  test('ChoroplethMapLibre: an empty container until mounted', () => {
    const { body } = render(ChoroplethMapLibre, { props: { governorates, neighbours, selection: SYNTHETIC_TABLE, scale: scaleFor(SYNTHETIC_TABLE) } });
    expect(body).toContain('class="maplibre');
  });
});
