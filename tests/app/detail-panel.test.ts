// The governorate detail panel: the figures of the view on the map first (the map's period, the
// selected year), the rest folded under a disclosure. Pure rules on synthetic periods, then the
// panel rendered by svelte/server from the built data.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'svelte/server';
import DetailPanel from '../../src/lib/app/DetailPanel.svelte';
import { inView, splitRows } from '../../src/lib/app/detailRows';
import { indexDataset, selectArea, selectMap } from '../../src/lib/data/select';
import { parseDataset } from '../../src/lib/data/load';
import { DEFAULT_VIEW } from '../../src/lib/state/url';
import { periodLabel } from '../../src/lib/data/describe';
import { i18n } from '../../src/lib/i18n/i18n.svelte';
import type { Period } from '../../src/lib/data/types';

// synthetic periods (not SNHR's)
const P = (key: string, start: string, end: string): Period => ({ key, kind: 'range', start, end });
const y2015 = P('2015', '2015-01-01', '2015-12-31');
const span = P('2012-07/2017-11', '2012-07-01', '2017-11-30');
const y2019 = P('2019', '2019-01-01', '2019-12-31');

describe('inView', () => {
  it.each([
    [{ period: null, metric: 'barrel-bombs', year: 2015 }, 'barrel-bombs', y2015, true],
    [{ period: null, metric: 'barrel-bombs', year: 2015 }, 'barrel-bombs', span, true],
    [{ period: null, metric: 'barrel-bombs', year: 2015 }, 'barrel-bombs', y2019, false],
    [{ period: '2012-07/2017-11', metric: 'barrel-bombs', year: null }, 'barrel-bombs', span, true],
    [{ period: '2012-07/2017-11', metric: 'barrel-bombs', year: null }, 'barrel-bombs', y2015, false],
    // the map's period is its own measure's table
    [{ period: '2012-07/2017-11', metric: 'barrel-bombs', year: null }, 'massacres', span, false],
    [{ period: null, metric: 'barrel-bombs', year: null }, 'barrel-bombs', y2015, false],
    [{ period: null, metric: 'barrel-bombs', year: 2015 }, 'barrel-bombs', undefined, false],
  ] as const)('%o, %s %o → %s', (view, metric, period, expected) => expect(inView(view, metric, period)).toBe(expected));
});

describe('splitRows', () => {
  it('keeps the order within each part', () => expect(splitRows([1, 2, 3, 4, 5], (n) => n % 2 === 0)).toEqual({ first: [2, 4], rest: [1, 3, 5] }));
  it('nothing in view: every row in the open list', () => expect(splitRows([1, 2], () => false)).toEqual({ first: [], rest: [1, 2] }));
});

const dataFile = join(import.meta.dirname, '../../static/data/atlas.json');
describe.skipIf(!existsSync(dataFile))('DetailPanel (server render, built data)', () => {
  const atlas = indexDataset(parseDataset(readFileSync(dataFile, 'utf8')));
  const detail = selectArea(atlas, 'SY-HL');
  const html = (year: number | null, period: string | null) =>
    render(DetailPanel, { props: { detail, atlas, metric: 'barrel-bombs', year, period, onclose: () => {} } }).body;

  it("with a year: that year's figures first, marked, and the others behind a disclosure", () => {
    const out = html(2015, null);
    const current = out.indexOf('data-testid="detail-current"');
    const more = out.indexOf('data-testid="detail-more"');
    expect(current).toBeGreaterThan(-1);
    expect(more).toBeGreaterThan(current);
    expect(out.slice(out.lastIndexOf('<', more), more + 200)).toMatch(/^<details[^>]*><summary[^>]*>Other periods \(\d+\)<\/summary>/);
    const first = out.slice(current, more);
    const rows = first.match(/<tr[^>]*>/g)!.slice(1); // the header row has no class
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toMatch(/class="[^"]*\bcurrent\b/);
    expect(out.slice(more)).not.toMatch(/<tr class="[^"]*\bcurrent\b/);
  });

  it("with the map's period (the default view): that table's figure first", () => {
    const map = selectMap(atlas, { ...DEFAULT_VIEW });
    const out = html(null, map.period!.key);
    const first = out.slice(out.indexOf('data-testid="detail-current"'), out.indexOf('data-testid="detail-more"'));
    expect(first).toMatch(new RegExp(`<td[^>]*>${periodLabel(map.period, i18n)}`));
    expect((first.match(/<tr[^>]*>/g) ?? []).length).toBeGreaterThan(1);
  });

  it('nothing selected: every figure listed open, no disclosure', () => {
    const out = html(null, null);
    expect(out).not.toContain('data-testid="detail-more"');
    expect(out).toContain('data-testid="detail-rest"');
  });
});
