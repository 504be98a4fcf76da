// The UCDP view as an exported image (ucdp/exportUcdp.ts) and as a table (UcdpTable.svelte), from
// the built tables and geometry (run `npm run data` first): UCDP's sums on the map and in the table,
// UCDP's palette and legend, the release in the credit line, and never SNHR's name or figures.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'svelte/server';
import { addMessages, i18n } from '../../src/lib/i18n/i18n.svelte';
import ucdpMessages from '../../src/lib/i18n/en/ucdp';
import { ucdpExportSvg, ucdpFileStem, ucdpLegendItems, ucdpMapMarks, ucdpMapSvg } from '../../src/lib/ucdp/exportUcdp';
import { anchorOf, fitProjection, governoratesOf, pathGenerator } from '../../src/lib/map/geo';
import { selectUcdpMap } from '../../src/lib/ucdp/select';
import { DEFAULT_UCDP } from '../../src/lib/ucdp/url';
import { UCDP_PALETTES, NO_EVENT } from '../../src/lib/ucdp/palette';
import { UCDP_RELEASE, type UcdpTables } from '../../src/lib/ucdp/types';
import { areaNameOf } from '../../src/lib/ucdp/describe';
import type { SyriaTopology } from '../../src/lib/map/geo';
import UcdpTable from '../../src/lib/ucdp/UcdpTable.svelte';

addMessages(ucdpMessages);
const root = join(import.meta.dirname, '../..');
const tablesFile = join(root, 'static/data/ucdp/tables.json');
const geoFile = join(root, 'static/geo/syria.topo.json');
const ready = existsSync(tablesFile) && existsSync(geoFile);
const fmt = (n: number) => n.toLocaleString('en-GB');

describe.skipIf(!ready)('UCDP export and table (built data)', () => {
  const tables = JSON.parse(readFileSync(tablesFile, 'utf8')) as UcdpTables;
  const topo = JSON.parse(readFileSync(geoFile, 'utf8')) as SyriaTopology;
  const u = { ...DEFAULT_UCDP, year: 2018, measure: 'civilians' as const };
  const sel = selectUcdpMap(tables, u);

  it('draws the map in UCDP’s palette with UCDP’s sums, every colour an attribute', () => {
    const svg = ucdpMapSvg(topo, sel, u.measure, i18n, { width: 600, height: 500, title: 't' });
    const fills = [...svg.matchAll(/<path data-code="(SY-\w\w)" d="[^"]*" fill="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(fills).toHaveLength(14);
    const palette = new Set<string>([...Object.values(UCDP_PALETTES).flat(), NO_EVENT.fill]);
    for (const [code, fill] of fills) {
      expect(palette.has(fill), `${code} ${fill}`).toBe(true);
      expect(fill === NO_EVENT.fill).toBe(!sel.cells.has(code));
    }
    for (const [code, s] of sel.cells) expect(svg).toMatch(new RegExp(`<text data-code="${code}"[^>]*>${fmt(s.civilians)}</text>`));
    expect(svg).not.toMatch(/class=|style=/);
  });

  it('draws the shapes of the SNHR map at the same size (one projection, map/frame.ts)', () => {
    const marks = ucdpMapMarks(topo, sel, u.measure, i18n, { width: 600, height: 500, title: 't', selected: 'SY-HL' });
    const governorates = governoratesOf(topo);
    const projection = fitProjection(governorates, 600, 500, 15);
    const path = pathGenerator(projection);
    expect(marks.governorates.map((g) => [g.code, g.d])).toEqual(governorates.map((g) => [g.id, path(g)]));
    expect(marks.selected).toBe(path(governorates.find((g) => g.id === 'SY-HL')!));
    for (const l of marks.labels)
      expect([l.x, l.y]).toEqual(
        anchorOf(
          projection,
          governorates.find((g) => g.id === l.code)!,
        ),
      );
    expect(marks.labels.length).toBe(sel.cells.size);
  });

  it('composes the image: title, legend, the unplaced events said, UCDP and the release in the credit line, no SNHR', () => {
    const svg = ucdpExportSvg({ topology: topo, params: u, selection: sel, gov: 'SY-ID', link: 'https://example.org/?source=ucdp', format: 'wide' }, i18n);
    expect(svg).toMatch(/^<\?xml/);
    expect(svg).toContain('Civilian deaths recorded by UCDP, 2018');
    expect(svg).toContain(`Data: UCDP, ${UCDP_RELEASE.name} (version ${UCDP_RELEASE.version}), CC BY 4.0`);
    expect(svg).toContain('https://example.org/?source=ucdp');
    expect(svg).toContain(fmt(sel.unplaced.best));
    expect(svg).toContain('data-part="legend"');
    for (const item of ucdpLegendItems(sel, u.measure, i18n))
      expect(svg).toContain(`fill="${item.kind === 'class' || item.kind === 'not-listed' ? item.color : ''}"`);
    // SNHR is named once, to say this is not its documentation
    expect(svg.replace('not SNHR’s documentation', '')).not.toMatch(/Syrian Network|SNHR/);
    expect(ucdpFileStem(u)).toBe('ucdp-civilians-2018');
  });

  it('a table of the 14 governorates with UCDP’s values, the unit, the unplaced apart, and UCDP cited', () => {
    const html = render(UcdpTable, { props: { selection: sel, params: u } }).body;
    const rows = [...html.matchAll(/<tr data-code="(SY-\w\w)"[^>]*>[\s\S]*?data-value="(\d+)"/g)].map((m) => [m[1], +m[2]]);
    expect(rows).toHaveLength(14);
    for (const [code, v] of rows) expect(v).toBe(sel.cells.get(code as string)?.civilians ?? 0);
    expect(html).toContain(areaNameOf('SY-DY', i18n));
    expect(html).toContain('Civilian deaths (UCDP)');
    expect(html).toMatch(new RegExp(`data-code="unplaced"[\\s\\S]*?data-value="${sel.unplaced.civilians}"`));
    expect(html).toMatch(new RegExp(`data-code="SY"[\\s\\S]*?data-value="${sel.total.civilians}"`));
    expect(html).toContain(UCDP_RELEASE.name);
    expect(html).not.toMatch(/Syrian Network|SNHR/);
  });
});
