// Data-quality checks on small synthetic observation sets: each check catches its case and stays
// quiet on a clean one. Every figure here is invented for the test.
import { describe, expect, it } from 'vitest';
import {
  checkConflicts,
  checkDuplicates,
  checkHalfYears,
  checkMonthsVsYears,
  checkNestedPeriods,
  checkPartsVsTotals,
  checkVintages,
  checkYearsVsCumulative,
  halfOf,
  runChecks,
  type CheckContext,
} from '../../scripts/data/checks';
import type { Observation, Perpetrator, Source } from '../../src/lib/data/types';
import { GOVERNORATE_CODES } from '../../src/lib/data/types';
import { period } from '../../src/lib/data/period';

const perp = (id: string, parent?: string): Perpetrator => ({
  id,
  ...(parent ? { parent } : {}),
  name_en: id,
  name_ar: id,
  names_published: [],
  description_en: '',
});
const src = (id: string, date: string, role: Source['role'] = 'primary'): Source => ({
  id,
  publisher: 'P',
  title: 'T',
  date,
  url: `https://example.org/${id}`,
  language: 'en',
  role,
});
const CTX: CheckContext = {
  perpetrators: [perp('regime'), perp('russia'), perp('other'), perp('regime+russia'), perp('turkey', 'other')],
  sources: [src('a', '2020-01-10'), src('a2', '2020-01-10'), src('b', '2021-03-01'), src('m', '2019-02-01'), src('out', '2022-01-01', 'secondary'), src('soon', '2020-01-28', 'secondary')],
};

let n = 0;
function obs(p: Partial<Observation>): Observation {
  n++;
  return {
    id: p.id ?? `o${n}`,
    metric: 'civilian-deaths',
    period: '2015',
    area: 'SY',
    perp: 'all',
    victims: 'all',
    unit: 'civilians',
    value: 0,
    source: 'a',
    status: 'published',
    ...p,
  };
}

describe('parts vs totals', () => {
  const cases: { name: string; rows: Observation[]; expected: { expected: number; actual: number; difference: number } | null }[] = [
    {
      name: 'perpetrator parts exceeding the total',
      rows: [obs({ value: 100 }), obs({ perp: 'regime', value: 80 }), obs({ perp: 'russia', value: 30 })],
      expected: { expected: 100, actual: 110, difference: 10 },
    },
    {
      name: 'a partial split less than the total is not flagged',
      rows: [obs({ value: 100 }), obs({ perp: 'regime', value: 80 })],
      expected: null,
    },
    {
      name: 'a complete split less than the total',
      rows: [obs({ value: 100 }), obs({ perp: 'regime', value: 50 }), obs({ perp: 'russia', value: 20 }), obs({ perp: 'other', value: 10 })],
      expected: { expected: 100, actual: 80, difference: -20 },
    },
    {
      name: 'a complete split that adds up',
      rows: [obs({ value: 100 }), obs({ perp: 'regime', value: 70 }), obs({ perp: 'russia', value: 20 }), obs({ perp: 'other', value: 10 })],
      expected: null,
    },
    {
      name: 'a split listing other parties but not every party is partial',
      rows: [obs({ value: 100 }), obs({ perp: 'regime', value: 50 }), obs({ perp: 'other', value: 10 })],
      expected: null,
    },
    {
      name: 'a combined party completes the split',
      rows: [obs({ value: 100 }), obs({ perp: 'regime+russia', value: 60 }), obs({ perp: 'other', value: 10 })],
      expected: { expected: 100, actual: 70, difference: -30 },
    },
    {
      name: 'a combination given alongside its members is not counted twice',
      rows: [obs({ value: 100 }), obs({ perp: 'regime', value: 60 }), obs({ perp: 'russia', value: 30 }), obs({ perp: 'regime+russia', value: 90 })],
      expected: null,
    },
    {
      name: 'sub-item perpetrators are left out',
      rows: [obs({ value: 100 }), obs({ perp: 'other', value: 40 }), obs({ perp: 'turkey', value: 30 }), obs({ perp: 'regime', value: 60 })],
      expected: null,
    },
    {
      name: 'parts from another source are not summed',
      rows: [obs({ value: 100 }), obs({ perp: 'regime', value: 80, source: 'b' }), obs({ perp: 'russia', value: 30 })],
      expected: null,
    },
    {
      name: 'an at-least total is a lower bound',
      rows: [obs({ value: 100, qualifier: 'at-least' }), obs({ perp: 'regime', value: 80 }), obs({ perp: 'russia', value: 30 })],
      expected: null,
    },
    {
      name: 'approximate parts are not summed',
      rows: [obs({ value: 100 }), obs({ perp: 'regime', value: 80, qualifier: 'approx' }), obs({ perp: 'russia', value: 30 })],
      expected: null,
    },
    {
      name: 'percent rows are skipped',
      rows: [obs({ value: 100 }), obs({ perp: 'regime', unit: 'percent', value: 80 }), obs({ perp: 'russia', unit: 'percent', value: 30 })],
      expected: null,
    },
    {
      name: 'governorate parts exceeding SY, a combined area counted',
      rows: [obs({ value: 100 }), obs({ area: 'SY-HL', value: 60 }), obs({ area: 'SY-DI+SY-RD', value: 50 })],
      expected: { expected: 100, actual: 110, difference: 10 },
    },
    {
      name: 'a partial governorate table below SY',
      rows: [obs({ value: 100 }), obs({ area: 'SY-HL', value: 60 }), obs({ area: 'SY-DI+SY-RD', value: 30 })],
      expected: null,
    },
    {
      name: 'all 14 governorates (two combined) below SY',
      rows: [
        obs({ value: 100 }),
        obs({ area: 'SY-DI+SY-RD', value: 10 }),
        ...GOVERNORATE_CODES.filter((g) => g !== 'SY-DI' && g !== 'SY-RD').map((g) => obs({ area: g, value: 5 })),
      ],
      expected: { expected: 100, actual: 70, difference: -30 },
    },
    {
      name: 'governorate parts of another perpetrator are not summed under all',
      rows: [obs({ value: 100 }), obs({ area: 'SY-HL', perp: 'regime', value: 160 })],
      expected: null,
    },
    {
      name: 'children above all victims',
      rows: [obs({ value: 100 }), obs({ victims: 'children', value: 120 })],
      expected: { expected: 100, actual: 120, difference: 20 },
    },
    {
      name: 'children plus women above all victims is expected',
      rows: [obs({ value: 100 }), obs({ victims: 'children', value: 60 }), obs({ victims: 'women', value: 50 })],
      expected: null,
    },
  ];
  it.each(cases)('$name', ({ rows, expected }) => {
    const found = checkPartsVsTotals(rows, CTX);
    if (expected === null) expect(found).toEqual([]);
    else {
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ kind: 'parts-vs-total', ...expected, sources: ['a'] });
      expect(found[0].message).toContain(String(expected.expected));
    }
  });

  it('says what, where, by how much and which source', () => {
    const [f] = checkPartsVsTotals([obs({ value: 1000 }), obs({ perp: 'regime', value: 800 }), obs({ perp: 'russia', value: 300 })], CTX);
    expect(f.message).toBe(
      'The 2 perpetrator parts of civilian-deaths for 2015 in SY (perpetrator all, victims all, civilians) in a add up to 1,100, 100 more than the total of 1,000.',
    );
  });
});

const months = (values: number[], p: Partial<Observation> = {}) =>
  values.map((value, i) => obs({ period: `2015-${String(i + 1).padStart(2, '0')}`, value, source: 'm', ...p }));

describe('months vs year', () => {
  const cases: { name: string; rows: Observation[]; expected: { expected: number; actual: number } | null }[] = [
    { name: 'all 12 months below the year', rows: [obs({ value: 130 }), ...months(Array(12).fill(10))], expected: { expected: 130, actual: 120 } },
    { name: 'all 12 months equal to the year', rows: [obs({ value: 120 }), ...months(Array(12).fill(10))], expected: null },
    { name: 'some months below the year', rows: [obs({ value: 130 }), ...months([10, 10, 10])], expected: null },
    { name: 'some months already above the year', rows: [obs({ value: 25 }), ...months([10, 10, 10])], expected: { expected: 25, actual: 30 } },
    { name: 'a year written as a range', rows: [obs({ period: '2015-01/2015-12', value: 25 }), ...months([10, 10, 10])], expected: { expected: 25, actual: 30 } },
    {
      name: 'the latest vintage of a month is used',
      rows: [obs({ value: 25 }), ...months([10, 10, 10]), obs({ period: '2015-01', value: 1, source: 'b' })],
      expected: null,
    },
    { name: 'months of another area are not summed', rows: [obs({ value: 25 }), ...months([10, 10, 10], { area: 'SY-HL' })], expected: null },
    { name: 'months in persons are not summed with a year in civilians', rows: [obs({ value: 25 }), ...months([10, 10, 10], { unit: 'persons' })], expected: null },
  ];
  it.each(cases)('$name', ({ rows, expected }) => {
    const found = checkMonthsVsYears(rows, CTX);
    if (expected === null) expect(found).toEqual([]);
    else {
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ kind: 'months-vs-year', ...expected, difference: expected.actual - expected.expected });
    }
  });
});

describe('years vs cumulative', () => {
  const years = (from: number, values: number[]) => values.map((value, i) => obs({ period: String(from + i), value, source: 'b' }));
  const cases: { name: string; rows: Observation[]; expected: { expected: number; actual: number } | null }[] = [
    { name: 'years inside exceed the cumulative', rows: [obs({ period: '2012-07/2017-11', value: 100 }), ...years(2013, [30, 30, 30, 30])], expected: { expected: 100, actual: 120 } },
    { name: 'years inside below a cumulative with partial years at its ends', rows: [obs({ period: '2012-07/2017-11', value: 200 }), ...years(2013, [30, 30, 30, 30])], expected: null },
    { name: 'whole-year range fully covered but different', rows: [obs({ period: '2013-01/2015-12', value: 100 }), ...years(2013, [30, 30, 30])], expected: { expected: 100, actual: 90 } },
    { name: 'whole-year range fully covered and equal', rows: [obs({ period: '2013-01/2015-12', value: 90 }), ...years(2013, [30, 30, 30])], expected: null },
    { name: 'whole-year range with a missing year', rows: [obs({ period: '2013-01/2015-12', value: 100 }), ...years(2013, [30, 30])], expected: null },
    { name: 'a range shorter than a year is not a cumulative', rows: [obs({ period: '2015-01/2015-06', value: 1 }), ...years(2015, [30])], expected: null },
  ];
  it.each(cases)('$name', ({ rows, expected }) => {
    const found = checkYearsVsCumulative(rows, CTX);
    if (expected === null) expect(found).toEqual([]);
    else {
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ kind: 'years-vs-cumulative', ...expected });
    }
  });
});

describe('half-years', () => {
  const h1 = (value: number, p: Partial<Observation> = {}) => obs({ period: '2015-01/2015-06', value, source: 'b', ...p });
  const cases: { name: string; rows: Observation[]; expected: { expected: number; actual: number }[] }[] = [
    // defect 1 of the audit: an outlet's 115 for a half-year whose six months add up to 78
    { name: 'six months below the half-year', rows: [h1(115), ...months([13, 13, 13, 13, 13, 13])], expected: [{ expected: 115, actual: 78 }] },
    { name: 'six months equal to the half-year', rows: [h1(78), ...months([13, 13, 13, 13, 13, 13])], expected: [] },
    { name: 'some months already above the half-year', rows: [h1(20), ...months([10, 15])], expected: [{ expected: 20, actual: 25 }] },
    { name: 'some months below the half-year', rows: [h1(100), ...months([10, 15])], expected: [] },
    { name: 'months of the other half are not counted', rows: [h1(20), ...months([0, 0, 0, 0, 0, 20, 50, 50])], expected: [] },
    { name: 'July–December against its months', rows: [obs({ period: '2015-07/2015-12', value: 5 }), ...months([0, 0, 0, 0, 0, 0, 3, 3])], expected: [{ expected: 5, actual: 6 }] },
    // defects 7 and 8: a first half larger than its year (Russia women 2018: 79 and 51; HTS 2016: 21 and 18)
    { name: 'a half-year larger than its year', rows: [obs({ value: 51 }), h1(79)], expected: [{ expected: 51, actual: 79 }] },
    { name: 'a half-year within its year', rows: [obs({ value: 90 }), h1(79)], expected: [] },
    { name: 'both halves below the year', rows: [obs({ value: 100 }), h1(40), obs({ period: '2015-07/2015-12', value: 50, source: 'b' })], expected: [{ expected: 100, actual: 90 }] },
    { name: 'both halves equal to the year', rows: [obs({ value: 90 }), h1(40), obs({ period: '2015-07/2015-12', value: 50, source: 'b' })], expected: [] },
    { name: 'an at-least year is only a lower bound', rows: [obs({ value: 51, qualifier: 'at-least' }), h1(79)], expected: [] },
    { name: 'an approximate half-year is not compared', rows: [obs({ value: 51 }), h1(79, { qualifier: 'approx' })], expected: [] },
    { name: 'another party is another series', rows: [obs({ value: 51 }), h1(79, { perp: 'russia' })], expected: [] },
  ];
  it.each(cases)('$name', ({ rows, expected }) => {
    const found = checkHalfYears(rows, CTX);
    expect(found.map((f) => ({ kind: f.kind, expected: f.expected, actual: f.actual }))).toEqual(expected.map((e) => ({ kind: 'half-year', ...e })));
  });
  it('knows a half-year however it is written', () => {
    expect(halfOf(period('2015-01/2015-06'))).toEqual({ year: 2015, half: 1 });
    expect(halfOf(period('2015-01-01/2015-06-30'))).toEqual({ year: 2015, half: 1 });
    expect(halfOf(period('2015-07/2015-12'))).toEqual({ year: 2015, half: 2 });
    expect(halfOf(period('2015-01/2015-05'))).toBeNull();
    expect(halfOf(period('2015'))).toBeNull();
  });
  it('says which half, which year and which sources', () => {
    const [f] = checkHalfYears([obs({ value: 18 }), h1(21, { perp: 'hts' }), obs({ perp: 'hts', value: 18 })], CTX);
    expect(f.message).toBe(
      'January–June of civilian-deaths for 2015 in SY (perpetrator hts, victims all, civilians) adds up to 21, 3 more than the year\'s 18 (half-year from b; year from a).',
    );
  });
});

describe('nested periods', () => {
  const cases: { name: string; rows: Observation[]; expected: { expected: number; actual: number; period: string }[] }[] = [
    // defect 6: SNHR's children killed by barrel bombs, 22 Feb 2014 - 20 Feb 2016, more than July 2012 - November 2017
    {
      name: 'a sub-period larger than the enclosing period',
      rows: [obs({ period: '2012-07/2017-11', value: 1734, victims: 'children' }), obs({ period: '2014-02-22/2016-02-20', value: 2274, victims: 'children', source: 'm' })],
      expected: [{ expected: 1734, actual: 2274, period: '2012-07/2017-11' }],
    },
    { name: 'a sub-period within the enclosing one', rows: [obs({ period: '2012-07/2017-11', value: 3000 }), obs({ period: '2014-02-22/2016-02-20', value: 2274, source: 'm' })], expected: [] },
    { name: 'overlapping periods are not nested', rows: [obs({ period: '2012-07/2015-11', value: 10 }), obs({ period: '2014-02/2016-02', value: 20 })], expected: [] },
    { name: 'an at-least enclosing figure is a lower bound', rows: [obs({ period: '2012-07/2017-11', value: 10, qualifier: 'at-least' }), obs({ period: '2014-02/2016-02', value: 20 })], expected: [] },
    { name: 'approximate figures are not compared', rows: [obs({ period: '2012-07/2017-11', value: 10, qualifier: 'approx' }), obs({ period: '2014-02/2016-02', value: 20 })], expected: [] },
    { name: 'a month inside a cumulative range', rows: [obs({ period: '2014-09-23/2015-03-10', value: 40 }), obs({ period: '2014-12', value: 41 })], expected: [{ expected: 40, actual: 41, period: '2014-09-23/2015-03-10' }] },
    { name: 'a month against its year is left to months-vs-year', rows: [obs({ value: 10 }), obs({ period: '2015-03', value: 20 })], expected: [] },
    { name: 'a half-year against its year is left to the half-year check', rows: [obs({ value: 10 }), obs({ period: '2015-01/2015-06', value: 20 })], expected: [] },
    { name: 'a year inside a cumulative range is compared', rows: [obs({ period: '2011-03/2020-03', value: 10 }), obs({ period: '2015', value: 20 })], expected: [{ expected: 10, actual: 20, period: '2011-03/2020-03' }] },
    { name: 'other victims, areas or units are other series', rows: [obs({ period: '2012-07/2017-11', value: 10 }), obs({ period: '2014-02/2016-02', value: 20, victims: 'women' }), obs({ period: '2014-02/2016-02', value: 20, area: 'SY-HL' }), obs({ period: '2014-02/2016-02', value: 20, unit: 'persons' })], expected: [] },
    { name: 'the latest vintage of each period is compared', rows: [obs({ period: '2012-07/2017-11', value: 10, source: 'm' }), obs({ period: '2012-07/2017-11', value: 30, source: 'b' }), obs({ period: '2014-02/2016-02', value: 20 })], expected: [] },
  ];
  it.each(cases)('$name', ({ rows, expected }) => {
    const found = checkNestedPeriods(rows, CTX);
    expect(found.map((f) => ({ kind: f.kind, expected: f.expected, actual: f.actual, period: f.period }))).toEqual(expected.map((e) => ({ kind: 'nested-period', ...e })));
  });
  it('names both periods, both sources and says both rows are kept', () => {
    const [f] = checkNestedPeriods([obs({ period: '2012-07/2017-11', value: 1734 }), obs({ period: '2014-02-22/2016-02-20', value: 2274, source: 'm' })], CTX);
    expect(f.message).toBe(
      'civilian-deaths for 2014-02-22/2016-02-20 in SY (perpetrator all, victims all, civilians) is 2,274 (m), 540 more than the 1,734 given for the enclosing period 2012-07/2017-11 (a). Both are kept as published.',
    );
    expect(f.sources).toEqual(['a', 'm']);
  });
});

describe('duplicates, conflicts, vintages', () => {
  it('flags the same figure twice in one source, same value or not', () => {
    expect(checkDuplicates([obs({ value: 5 }), obs({ value: 5 })])).toHaveLength(1);
    const [f] = checkDuplicates([obs({ value: 5 }), obs({ period: '2015-01/2015-12', value: 6 })]);
    expect(f).toMatchObject({ kind: 'duplicate', expected: 5, actual: 6, difference: 1, sources: ['a'] });
    expect(f.message).toContain('appears 2 times in a with values 5, 6');
  });
  it('does not flag one figure from two sources, or rows marked conflict, as duplicates', () => {
    expect(checkDuplicates([obs({ value: 5 }), obs({ value: 5, source: 'b' })])).toEqual([]);
    expect(checkDuplicates([obs({ value: 5, status: 'conflict' }), obs({ value: 6, status: 'conflict' })])).toEqual([]);
    expect(checkDuplicates([obs({ value: 5 }), obs({ value: 5, victims: 'children' })])).toEqual([]);
  });

  it('lists the values of rows marked conflict in one finding', () => {
    const found = checkConflicts([obs({ value: 5, status: 'conflict' }), obs({ value: 6, status: 'conflict', source: 'a2' })], CTX);
    expect(found).toHaveLength(1);
    expect(found[0].message).toBe(
      'civilian-deaths for 2015 in SY (perpetrator all, victims all, civilians) is published with conflicting values: 5 (a), 6 (a2).',
    );
  });
  it('flags different values from sources of the same date not marked conflict', () => {
    const found = checkConflicts([obs({ value: 5 }), obs({ value: 6, source: 'a2' })], CTX);
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('same date 2020-01-10, not marked conflict');
  });
  it('treats sources published within a month of each other as one moment: a conflict, not a revision', () => {
    const rows = [obs({ value: 5 }), obs({ value: 9, source: 'soon' })];
    const found = checkConflicts(rows, CTX);
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('within a month of each other (2020-01-10, 2020-01-28)');
    expect(checkVintages(rows, CTX)).toEqual([]);
  });
  it('is quiet on agreeing sources and on revisions', () => {
    expect(checkConflicts([obs({ value: 5 }), obs({ value: 5, source: 'a2' }), obs({ value: 7, source: 'b' })], CTX)).toEqual([]);
  });

  it('reports a revision between vintages', () => {
    const [f, ...rest] = checkVintages([obs({ value: 7, source: 'b' }), obs({ value: 5 })], CTX);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ kind: 'vintage', expected: 5, actual: 7, difference: 2, sources: ['a', 'b'] });
    expect(f.message).toContain('5 (a, 2020-01-10), 7 (b, 2021-03-01)');
  });
  it('does not report equal vintages, a qualifier change, or rows already marked conflict', () => {
    expect(checkVintages([obs({ value: 5 }), obs({ value: 5, source: 'b', qualifier: 'at-least' })], CTX)).toEqual([]);
    expect(checkVintages([obs({ value: 5, status: 'conflict' }), obs({ value: 6, status: 'conflict', source: 'b' })], CTX)).toEqual([]);
  });
});

describe('runChecks', () => {
  it('orders findings by kind, then key, whatever the input order', () => {
    const rows = [
      obs({ id: 'v1', value: 7, source: 'b' }),
      obs({ id: 'v2', value: 5 }),
      obs({ id: 'd1', period: '2014', value: 1 }),
      obs({ id: 'd2', period: '2014', value: 1 }),
      obs({ id: 'p1', perp: 'regime', value: 9 }),
    ];
    const kinds = runChecks(rows, CTX).map((f) => f.kind);
    expect(kinds).toEqual(['parts-vs-total', 'duplicate', 'vintage']);
    expect(runChecks([...rows].reverse(), CTX).map((f) => f.message)).toEqual(runChecks(rows, CTX).map((f) => f.message));
  });
});
