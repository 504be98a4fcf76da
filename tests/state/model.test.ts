/**
 * The view model (state/model.ts): normalisation, a change of filters, and the selections a view
 * shows, on the SYNTHETIC fixture of the selection rules (tests/data/fixture.ts: made-up figures).
 * In the fixture, civilian deaths have figures in 2015–2018 and 2020 (none in 2019), parties
 * regime, russia, isis, sdf and other, and one governorate table (2020-03); barrel bombs have
 * 2014 and 2015, one sole party (regime), and tables for 2015, 2015-07 and two spans.
 */
import { describe, expect, it } from 'vitest';
import { indexDataset } from '../../src/lib/data/select';
import { changeView, measureChange, normalizeParams, queryOf, viewDomain, viewModel } from '../../src/lib/state/model';
import { DEFAULT_VIEW, type ViewParams } from '../../src/lib/state/url';
import { fixture } from '../data/fixture';

const atlas = indexDataset(fixture());
const view = (p: Partial<ViewParams>): ViewParams => ({ ...DEFAULT_VIEW, ...p });

describe('viewDomain', () => {
  it('lists the years, parties (sole and sub-parties left out) and table periods of a measure', () => {
    expect(viewDomain(atlas, 'civilian-deaths')).toEqual({
      years: [2015, 2016, 2017, 2018, 2020],
      perps: ['regime', 'russia', 'isis', 'sdf', 'other'],
      periods: ['2020-03'],
    });
    const bombs = viewDomain(atlas, 'barrel-bombs');
    expect(bombs.perps).toEqual([]);
    expect([...bombs.periods].sort()).toEqual(['2012-07/2017-11', '2012-07/2024-09', '2015', '2015-07']);
  });
});

describe('normalisation', () => {
  it.each<[string, Partial<ViewParams>, Partial<ViewParams>]>([
    ['a year the measure lacks', { metric: 'civilian-deaths', year: 2019 }, { year: null }],
    ['a year it has', { metric: 'civilian-deaths', year: 2016 }, { year: 2016 }],
    ['a party the measure lacks', { metric: 'civilian-deaths', perp: 'nobody' }, { perp: 'all' }],
    ['a sub-party (listed under its parent)', { metric: 'civilian-deaths', perp: 'turkey' }, { perp: 'all' }],
    ['a party it has', { metric: 'civilian-deaths', year: 2016, perp: 'russia' }, { year: 2016, perp: 'russia' }],
    ['a period with no governorate table', { metric: 'civilian-deaths', year: 2016, period: '2016' }, { year: 2016, period: null }],
    ['a period of another measure', { metric: 'civilian-deaths', year: 2015, period: '2015-07' }, { year: 2015, period: null }],
    ['a period files the view under its year', { metric: 'barrel-bombs', year: 2014, period: '2015-07' }, { year: 2015, period: '2015-07' }],
    [
      'a period across years files it under all years',
      { metric: 'barrel-bombs', year: 2015, period: '2012-07/2017-11' },
      { year: null, period: '2012-07/2017-11' },
    ],
  ])('%s', (_what, given, expected) => {
    const out = normalizeParams(atlas, view(given));
    expect(out).toEqual(view({ ...given, ...expected }));
    // the view model normalises the same way, and leaves the other parameters as they were
    expect(viewModel(atlas, view({ ...given, lang: 'ar' })).params).toEqual({ ...out, lang: 'ar' });
  });
  it('is idempotent', () => {
    const once = normalizeParams(atlas, view({ metric: 'barrel-bombs', year: 2014, period: '2015-07', perp: 'x' }));
    expect(normalizeParams(atlas, once)).toEqual(once);
  });
  it('takes the filters as given with normalize: false', () => {
    const given = view({ metric: 'civilian-deaths', year: 2019, perp: 'nobody' });
    const m = viewModel(atlas, given, { normalize: false });
    expect(m.params).toBe(given);
    expect(m.query).toMatchObject({ year: 2019, perp: 'nobody' });
  });
});

describe('changeView', () => {
  const from = view({ metric: 'civilian-deaths', year: 2016, perp: 'russia' });
  it.each<[string, ViewParams, Partial<ViewParams>, Partial<ViewParams>]>([
    ['a change of measure drops a year and a party it lacks', from, { metric: 'barrel-bombs' }, { metric: 'barrel-bombs', year: null, perp: 'all' }],
    ['a change of measure keeps a year it has', from, { metric: 'civilian-deaths', year: 2017 }, { year: 2017, perp: 'russia' }],
    ['a year drops the period', view({ metric: 'barrel-bombs', year: 2015, period: '2015-07' }), { year: 2014 }, { year: 2014, period: null }],
    ['the same year drops the period too', view({ metric: 'barrel-bombs', year: 2015, period: '2015-07' }), { year: 2015 }, { year: 2015, period: null }],
    ['a period with a year keeps both', view({ metric: 'barrel-bombs' }), { year: 2015, period: '2015-07' }, { year: 2015, period: '2015-07' }],
    ['a period alone sets its year', view({ metric: 'barrel-bombs', year: 2014 }), { period: '2015-07' }, { year: 2015, period: '2015-07' }],
    ['a governorate leaves the rest', from, { gov: 'SY-HL' }, { year: 2016, perp: 'russia', gov: 'SY-HL' }],
  ])('%s', (_what, params, change, expected) => {
    expect(changeView(atlas, params, change)).toEqual({ ...params, ...expected });
  });
  it('without data, takes the change as it is (a year still drops the period)', () => {
    expect(changeView(null, view({ period: '2015-07' }), { year: 1999, perp: 'nobody' })).toEqual(view({ year: 1999, perp: 'nobody' }));
  });
  it('never modifies the filters it is given', () => {
    const before = { ...from };
    changeView(atlas, from, { metric: 'barrel-bombs' });
    expect(from).toEqual(before);
  });
});

describe('measureChange (a measure picked from the menu)', () => {
  it.each<[string, Partial<ViewParams>, ViewParams['metric'], Partial<ViewParams>]>([
    ['opens on all years when that has a map', { metric: 'civilian-deaths', year: 2016 }, 'barrel-bombs', { year: null }],
    [
      'else on the year with the most complete table',
      { metric: 'barrel-bombs', year: 2015, period: '2015-07' },
      'civilian-deaths',
      { year: 2020, period: null },
    ],
    ['for the party kept (no table for it: all years)', { metric: 'barrel-bombs', perp: 'regime' }, 'civilian-deaths', { year: null }],
    ['a measure whose figures are not loaded: all years', { metric: 'barrel-bombs', year: 2015 }, 'massacres', { year: null }],
  ])('%s', (_what, from, metric, expected) => {
    expect(measureChange(atlas, view(from), metric)).toEqual({ metric, period: null, ...expected });
  });
  it('applied as a change, keeps the party where the measure has it', () => {
    const from = view({ metric: 'civilian-deaths', year: 2016, perp: 'regime' });
    expect(changeView(atlas, from, measureChange(atlas, from, 'civilian-deaths'))).toMatchObject({ year: null, perp: 'regime' });
    const russia = view({ metric: 'civilian-deaths', year: 2016, perp: 'russia' });
    expect(changeView(atlas, russia, measureChange(atlas, russia, 'barrel-bombs'))).toMatchObject({ metric: 'barrel-bombs', year: null, perp: 'all' });
  });
});

describe('the selections', () => {
  it('a period overrides the year for the map; the timeline answers the year', () => {
    const year = viewModel(atlas, view({ metric: 'barrel-bombs', year: 2015 }));
    const month = viewModel(atlas, view({ metric: 'barrel-bombs', year: 2015, period: '2015-07' }));
    expect(year.map.period?.key).toBe('2015');
    expect(month.map.period?.key).toBe('2015-07');
    expect(month.map.cells.filter((c) => c.status === 'value').map((c) => [c.area, c.figure!.shown.value])).toEqual([['SY-HL', 30]]);
    expect(month.time.years.map((b) => b.period.key)).toEqual(year.time.years.map((b) => b.period.key));
    expect(month.time.years.map((b) => b.period.key)).toContain('2015');
  });
  it('all years opens on the most complete cumulative table', () => {
    expect(viewModel(atlas, view({ metric: 'barrel-bombs' })).map.period?.key).toBe('2012-07/2017-11');
  });
  it('gives the chosen governorate’s figures, and none without one', () => {
    const m = viewModel(atlas, view({ metric: 'barrel-bombs', gov: 'SY-HL' }));
    expect(m.area?.code).toBe('SY-HL');
    expect(m.area?.figures.map((f) => `${f.shown.metric} ${f.shown.period} ${f.shown.value}`)).toEqual([
      'barrel-bombs 2012-07/2017-11 700',
      'barrel-bombs 2015 300',
      'barrel-bombs 2015-07 30',
      'civilian-deaths 2020 27',
    ]);
    expect(viewModel(atlas, view({ metric: 'barrel-bombs' })).area).toBeNull();
  });
  it('gaps stay gaps: no table, no figure, never a zero', () => {
    const m = viewModel(atlas, view({ metric: 'civilian-deaths', year: 2016 }));
    expect(m.map.hasBreakdown).toBe(false);
    expect(new Set(m.map.cells.map((c) => c.status))).toEqual(new Set(['gap']));
    expect(m.map.cells.every((c) => c.figure === null)).toBe(true);
    expect(m.map.national?.shown.value).toBe(100);
    const y2019 = m.time.years.find((b) => b.period.key === '2019');
    expect(y2019?.status).toBe('gap');
    expect(y2019?.total).toBeNull();
    // a party with nothing published for the year: a gap, not a zero
    const sdf = viewModel(atlas, view({ metric: 'civilian-deaths', year: 2016, perp: 'sdf' }));
    expect(sdf.map.national).toBeNull();
    expect(sdf.time.years.find((b) => b.period.key === '2016')?.status).toBe('gap');
  });
  it('the query is the six filters', () => {
    const p = view({ metric: 'civilian-deaths', year: 2016, perp: 'russia', victims: 'children', gov: 'SY-ID', lang: 'ar', v: 'abcdef' });
    expect(viewModel(atlas, p, { normalize: false }).query).toEqual(queryOf(p));
    expect(Object.keys(queryOf(p)).sort()).toEqual(['gov', 'metric', 'period', 'perp', 'victims', 'year']);
  });
  it('the same filters give the same objects (another language included)', () => {
    const a = viewModel(atlas, view({ metric: 'barrel-bombs', year: 2015 }));
    const b = viewModel(atlas, view({ metric: 'barrel-bombs', year: 2015, lang: 'ar' }));
    expect(b.query).toBe(a.query);
    expect(b.map).toBe(a.map);
    expect(b.time).toBe(a.time);
    expect(b.years).toBe(a.years);
    expect(viewModel(atlas, view({ metric: 'barrel-bombs', year: 2014 })).map).not.toBe(a.map);
    // another indexed dataset has its own
    expect(viewModel(indexDataset(fixture()), view({ metric: 'barrel-bombs', year: 2015 })).map).not.toBe(a.map);
  });
});
