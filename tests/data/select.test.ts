import { describe, expect, it } from 'vitest';
import { figureOf, indexDataset, selectArea, selectMap, selectTime, perpsOf, yearsOf } from '../../src/lib/data/select';
import type { Query } from '../../src/lib/data/selection';
import { fixture } from './fixture';

const atlas = indexDataset(fixture());
const q = (over: Partial<Query>): Query => ({ metric: 'civilian-deaths', year: null, period: null, perp: 'all', victims: 'all', gov: null, ...over });

describe('selectTime: bars by year', () => {
  const t = selectTime(atlas, q({}));
  const bar = (y: number) => t.years.find((b) => b.period.start.startsWith(String(y)))!;

  it('spans 2011 to the last year, gaps included', () => {
    expect(t.years.map((b) => b.period.start.slice(0, 4))).toEqual(['2011', '2012', '2013', '2014', '2015', '2016', '2017', '2018', '2019', '2020']);
    expect(t.years.slice(0, 4).every((b) => b.status === 'gap')).toBe(true);
    expect(bar(2019).status).toBe('gap');
    expect(bar(2019).value).toBeNull();
  });
  it('stacks a full split with no residual, and leaves sub-items of other parties out', () => {
    expect(bar(2016).segments.map((s) => [s.perp, s.value])).toEqual([['regime', 60], ['russia', 30], ['other', 10]]);
  });
  it('adds the residual of a partial split as unattributed, with no figure', () => {
    const segs = bar(2017).segments;
    expect(segs.at(-1)).toEqual({ perp: 'unattributed', value: 60, figure: null });
    expect(bar(2017).value).toBe(80);
  });
  it('draws parts without a total as parts-only, summed', () => {
    expect(bar(2018).status).toBe('parts-only');
    expect(bar(2018).value).toBe(45);
    expect(bar(2018).segments.some((s) => s.perp === 'unattributed')).toBe(false);
  });
  it('does not stack parts that exceed their total', () => {
    expect(bar(2020).value).toBe(50);
    expect(bar(2020).segments).toEqual([]);
  });
  it('never draws persons in a civilians series, but lists them', () => {
    expect(bar(2015).status).toBe('gap');
    expect(bar(2015).otherUnits.map((o) => o.value)).toEqual([300]);
  });
  it('filters to one party without stacking, and shows a gap where that party has no figure', () => {
    const r = selectTime(atlas, q({ perp: 'regime' }));
    expect(r.years.find((b) => b.period.key === '2016')!.value).toBe(60);
    expect(r.years.find((b) => b.period.key === '2016')!.segments).toEqual([]);
    expect(r.years.find((b) => b.period.key === '2017')!.status).toBe('gap');
  });
  it('lists months of the selected year only when some were published', () => {
    expect(selectTime(atlas, q({ year: 2020 })).months).toHaveLength(12);
    expect(selectTime(atlas, q({ year: 2020 })).months.filter((m) => m.status === 'value').map((m) => m.value)).toEqual([7]);
    expect(selectTime(atlas, q({ year: 2016 })).months).toEqual([]);
  });
});

describe('figures: vintages, corroboration, conflicts', () => {
  it('shows the latest vintage and keeps the earlier one', () => {
    const t = selectTime(atlas, q({ metric: 'barrel-bombs' }));
    const f = t.years.find((b) => b.period.key === '2014')!.total!;
    expect(f.shown.value).toBe(1300);
    expect(f.earlier.map((o) => o.value)).toEqual([1000]);
    expect(f.conflicting).toEqual([]);
  });
  it('prefers the primary page and counts an outlet with the same value as corroboration', () => {
    const f = selectTime(atlas, q({})).years.find((b) => b.period.key === '2017')!.total!;
    expect(f.shown.source).toBe('a2018'); // the outlet's date is later, the value identical: SNHR's page is cited
    expect(f.corroborating.map((o) => o.source)).toEqual(['outlet2018']);
  });
  it("cites SNHR's older page when a later outlet repeats its number, even without its 'at least'", () => {
    // synthetic: SNHR's January report says "at least 500"; an outlet three years later prints 500;
    // an outlet in between printed 450, an earlier vintage of the number shown
    const rows = [
      { ...atlas.dataset.observations[0], id: 'x1', period: '2015', value: 500, qualifier: 'at-least' as const, source: 'a2016' },
      { ...atlas.dataset.observations[0], id: 'x2', period: '2015', value: 450, source: 'outlet2018', status: 'published-secondary' as const },
      { ...atlas.dataset.observations[0], id: 'x3', period: '2015', value: 500, source: 'a2019', status: 'published-secondary' as const },
    ];
    const secondary = indexDataset({ ...fixture(), sources: fixture().sources.map((x) => (x.id === 'a2019' ? { ...x, role: 'secondary' as const } : x)) });
    const f = figureOf(secondary, rows)!;
    expect(f.shown.id).toBe('x1');
    expect(f.corroborating.map((o) => o.id)).toEqual(['x3']);
    expect(f.earlier.map((o) => o.id)).toEqual(['x2']);
    expect(f.conflicting).toEqual([]);
  });
  it('shows the latest number when no SNHR page prints it', () => {
    const rows = [
      { ...atlas.dataset.observations[0], id: 'y1', period: '2015', value: 400, source: 'a2016' },
      { ...atlas.dataset.observations[0], id: 'y2', period: '2015', value: 500, source: 'outlet2018', status: 'published-secondary' as const },
    ];
    const f = figureOf(atlas, rows)!;
    expect(f.shown.id).toBe('y2');
    expect(f.earlier.map((o) => o.id)).toEqual(['y1']);
  });
  it('keeps both values of a conflict', () => {
    const f = selectTime(atlas, q({ victims: 'children' })).years.find((b) => b.period.key === '2020')!.total!;
    expect([f.shown.value, ...f.conflicting.map((o) => o.value)].sort()).toEqual([12, 21]);
  });
});

describe('selectMap: governorate tables and gaps', () => {
  it('all years: the table covering most governorates (not a longer one-governorate table), a combined area drawn as one, unlisted governorates not-listed', () => {
    const m = selectMap(atlas, q({ metric: 'barrel-bombs' }));
    expect(m.period?.key).toBe('2012-07/2017-11');
    expect(m.hasBreakdown).toBe(true);
    const combined = m.cells.find((c) => c.area === 'SY-DI+SY-RD')!;
    expect(combined.codes).toEqual(['SY-DI', 'SY-RD']);
    expect(combined.figure!.shown.value).toBe(800);
    expect(m.cells.find((c) => c.area === 'SY-TA')!.status).toBe('not-listed');
    expect(m.cells.flatMap((c) => c.codes).sort()).toHaveLength(14);
    expect(m.national!.shown.value).toBe(2000);
  });
  it('all years with only yearly tables: a gap, not a one-year table', () => {
    const m = selectMap(atlas, q({ metric: 'civilian-deaths' }));
    expect(m.hasBreakdown).toBe(false);
    expect(m.cells.every((c) => c.status === 'gap')).toBe(true);
  });
  it('a year with a table', () => {
    const m = selectMap(atlas, q({ metric: 'barrel-bombs', year: 2015 }));
    expect(m.cells.filter((c) => c.status === 'value').map((c) => [c.area, c.figure!.shown.value])).toEqual([['SY-RD', 600], ['SY-HL', 300]]);
    expect(m.national!.shown.value).toBe(900);
  });
  it('a year without a table: every governorate a gap, the national figure and the nearest tables offered', () => {
    const m = selectMap(atlas, q({ metric: 'barrel-bombs', year: 2014 }));
    expect(m.hasBreakdown).toBe(false);
    expect(m.cells.every((c) => c.status === 'gap' && c.figure === null)).toBe(true);
    expect(m.national!.shown.value).toBe(1300);
    expect(m.nearest.map((p) => p.key)).toEqual(['2012-07/2017-11', '2012-07/2024-09', '2015', '2015-07']);
  });
  it('a year without a full-year table opens on the table published within it, under that period', () => {
    const m = selectMap(atlas, q({ year: 2020 }));
    expect(m.period?.key).toBe('2020-03');
    expect(m.cells.filter((c) => c.status === 'value').map((c) => [c.area, c.figure!.shown.value])).toEqual([['SY-ID', 3]]);
    // the national figure is the table's month, never the year's total
    expect(m.national!.shown.period).toBe('2020-03');
    expect(m.national!.shown.value).toBe(7);
  });
  it('all years with no cumulative figure at all: no period, not a single year\'s figure', () => {
    const m = selectMap(atlas, q({}));
    expect(m.period).toBeNull();
    expect(m.national).toBeNull();
  });
  it('a chosen published period overrides the year', () => {
    const m = selectMap(atlas, q({ metric: 'barrel-bombs', year: 2015, period: '2015-07' }));
    expect(m.cells.filter((c) => c.status === 'value').map((c) => c.area)).toEqual(['SY-HL']);
  });
  it('never colours shares; returns them as text', () => {
    const m = selectMap(atlas, q({ year: 2020, period: '2020' }));
    expect(m.hasBreakdown).toBe(false);
    expect(m.shares.map((o) => [o.area, o.value])).toEqual([['SY-HL', 27]]);
    expect(m.national!.shown.value).toBe(50);
  });
  it('a party with no figure gives gaps, never zeros', () => {
    const m = selectMap(atlas, q({ metric: 'barrel-bombs', perp: 'russia' }));
    expect(m.cells.every((c) => c.status === 'gap')).toBe(true);
    expect(m.national).toBeNull();
  });
});

describe('filter domains and area detail', () => {
  it('years and parties come from the data', () => {
    expect(yearsOf(atlas, 'barrel-bombs')).toEqual([2014, 2015]);
    expect(perpsOf(atlas, 'civilian-deaths')).toEqual(['regime', 'russia', 'isis', 'sdf', 'other']);
    expect(perpsOf(atlas, 'barrel-bombs')).toEqual([]);
  });
  it('a governorate lists its own figures and those of combined areas it is part of', () => {
    const d = selectArea(atlas, 'SY-RD');
    expect(d.figures.map((f) => [f.shown.period, f.shown.area, f.shown.value])).toEqual([
      ['2012-07/2017-11', 'SY-DI+SY-RD', 800],
      ['2015', 'SY-RD', 600],
    ]);
  });
});

import { coverage } from '../../src/lib/data/coverage';
describe('coverage table', () => {
  const c = coverage(atlas);
  const row = (m: string) => c.rows.find((r) => r.metric === m)!;
  it('spans the years with any figure', () => {
    expect(c.years).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2020]);
  });
  it('says per year what was published', () => {
    const d = row('civilian-deaths');
    expect(d.years.get(2016)).toEqual({ total: true, otherUnit: false, parties: 3, governorates: false, shares: false, months: 0, victims: false });
    expect(d.years.get(2020)).toMatchObject({ victims: true });
    expect(d.years.get(2015)).toMatchObject({ total: false, otherUnit: true });
    expect(d.years.get(2018)).toMatchObject({ total: false, parties: 2 });
    expect(d.years.get(2019)).toBeUndefined();
    expect(d.years.get(2020)).toMatchObject({ total: true, shares: true, governorates: false, months: 1, parties: 1 });
  });
  it('counts a sole party figure as the total and lists ranges', () => {
    const b = row('barrel-bombs');
    expect(b.years.get(2014)).toMatchObject({ total: true, parties: 0 });
    expect(b.years.get(2015)).toMatchObject({ total: true, governorates: true, months: 0 });
    expect(b.ranges.map((r) => [r.period.key, r.cell.total, r.cell.governorates])).toEqual([
      ['2012-07/2017-11', true, true],
      ['2012-07/2024-09', false, true],
    ]);
  });
});

import { isLaterVintage, publicationMoments } from '../../src/lib/data/vintage';
describe('publication moments', () => {
  it.each([
    ['2020-01-10', '2020-01-28', false],
    ['2020-01', '2020-01-23', false],
    ['2020-01-10', '2020-03-01', true],
    ['2017-12-25', '2021-04-15', true],
  ] as const)('%s then %s is a later vintage: %s', (a, b, expected) => {
    expect(isLaterVintage(a, b)).toBe(expected);
  });
  it('groups dates into moments, oldest first', () => {
    expect(publicationMoments(['2021-04-15', '2017-12-25', '2018-01-02', '2021-04-17'], (d) => d)).toEqual([
      ['2017-12-25', '2018-01-02'],
      ['2021-04-15', '2021-04-17'],
    ]);
  });
});

describe('finer splits win over combinations from the same source', () => {
  it('draws Hama and Idlib apart when the source gives both and their combination', () => {
    const ds = fixture();
    ds.observations.push(
      { id: 'c1', metric: 'barrel-bombs', period: '2019', area: 'SY-HM+SY-ID', perp: 'regime', perpPublished: 'x', victims: 'all', unit: 'barrels', value: 3, source: 'b2021', status: 'published' },
      { id: 'c2', metric: 'barrel-bombs', period: '2019', area: 'SY-HM', perp: 'regime', perpPublished: 'x', victims: 'all', unit: 'barrels', value: 1, source: 'b2021', status: 'published' },
      { id: 'c3', metric: 'barrel-bombs', period: '2019', area: 'SY-ID', perp: 'regime', perpPublished: 'x', victims: 'all', unit: 'barrels', value: 2, source: 'b2021', status: 'published' },
    );
    const m = selectMap(indexDataset(ds), q({ metric: 'barrel-bombs', year: 2019 }));
    expect(m.cells.filter((c) => c.status === 'value').map((c) => [c.area, c.figure!.shown.value])).toEqual([['SY-HM', 1], ['SY-ID', 2]]);
  });
});

import { latestCumulative } from '../../src/lib/data/select';
describe('latest cumulative figure for "all years"', () => {
  it('starts earliest, then ends latest', () => {
    const ds = fixture();
    ds.observations.push(
      { id: 'k1', metric: 'barrel-bombs', period: '2015-09/2021-03', area: 'SY', perp: 'regime', perpPublished: 'x', victims: 'all', unit: 'barrels', value: 30, source: 'b2021', status: 'published' },
      { id: 'k2', metric: 'barrel-bombs', period: '2012-07/2021-03', area: 'SY', perp: 'regime', perpPublished: 'x', victims: 'all', unit: 'barrels', value: 3000, source: 'b2021', status: 'published' },
    );
    const a = indexDataset(ds);
    expect(latestCumulative(a, selectTime(a, q({ metric: 'barrel-bombs' })))!.shown.value).toBe(3000);
    expect(latestCumulative(atlas, selectTime(atlas, q({ metric: 'barrel-bombs' })))!.shown.value).toBe(2000);
    expect(latestCumulative(atlas, selectTime(atlas, q({ metric: 'civilian-deaths', perp: 'isis' })))).toBeNull();
  });
});
