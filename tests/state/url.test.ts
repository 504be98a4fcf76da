import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, normalizeView, parseView, serializeView, type ViewParams } from '../../src/lib/state/url';

describe('URL state', () => {
  const views: ViewParams[] = [
    { ...DEFAULT_VIEW },
    { ...DEFAULT_VIEW, metric: 'civilian-deaths', year: 2016, perp: 'russia', gov: 'SY-HL' },
    { ...DEFAULT_VIEW, metric: 'barrel-bombs', year: 2015, period: '2015-07', victims: 'children', lang: 'ar', v: 'abcdef012345' },
    { ...DEFAULT_VIEW, period: '2014-02-22/2016-02-20', perp: 'regime-russia-joint' },
  ];
  it.each(views.map((v, i) => [i, v] as const))('round-trips view %i', (_i, v) => {
    expect(parseView(serializeView(v))).toEqual(v);
  });
  it('writes the filters explicitly so links survive a change of defaults', () => {
    expect(serializeView(DEFAULT_VIEW)).toBe('?metric=barrel-bombs&year=all&perp=all');
  });
  it.each([
    ['', {}],
    ['?metric=zzz&year=abc&perp=<script>&gov=XX&victims=men&lang=fr&v=../../x', {}],
    ['?year=1999', {}],
    ['?year=2015.5', {}],
    ['?period=2015-13', {}],
    ['?period=2017/2015', {}],
    ['%%%', {}],
    ['?gov=sy-hl', { gov: 'SY-HL' }],
    ['?metric=landmine-deaths&unknown=1', { metric: 'landmine-deaths' }],
    ['?year=all', {}],
  ] as const)('garbage %s falls back to defaults without throwing', (search, expected) => {
    expect(parseView(search)).toEqual({ ...DEFAULT_VIEW, ...expected });
  });
  it('drops values the data has nothing for', () => {
    const v = { ...DEFAULT_VIEW, year: 2011, perp: 'russia', period: '2015-07' };
    expect(normalizeView(v, { years: [2015], perps: ['regime'], periods: [] })).toEqual(DEFAULT_VIEW);
    expect(normalizeView(v, { years: [2011, 2015], perps: ['russia'], periods: ['2015-07'] })).toEqual({ ...v, year: 2015 });
  });
  it('files a period under its year, a period across years under "all years"; a period with no table falls back to the year', () => {
    const domain = { years: [2014, 2015, 2017], perps: [], periods: ['2015-07', '2012-07/2017-11'] };
    expect(normalizeView({ ...DEFAULT_VIEW, year: null, period: '2015-07' }, domain)).toMatchObject({ year: 2015, period: '2015-07' });
    expect(normalizeView({ ...DEFAULT_VIEW, year: 2015, period: '2012-07/2017-11' }, domain)).toMatchObject({ year: null, period: '2012-07/2017-11' });
    expect(normalizeView({ ...DEFAULT_VIEW, year: 2014, period: '2014-06' }, domain)).toMatchObject({ year: 2014, period: null });
    expect(normalizeView(parseView('?year=2017&period=2017-13'), domain)).toMatchObject({ year: 2017, period: null });
  });
});
