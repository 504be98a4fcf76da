/**
 * The governorate-table catalogue (src/lib/data/tables.ts) on a SYNTHETIC fixture: made-up
 * figures shaped like SNHR's (months, a half-year, a year, ranges across years), not real data.
 */
import { describe, expect, it } from 'vitest';
import { indexDataset, selectMap } from '../../src/lib/data/select';
import { governorateTables, openingTable, openingYear, periodOptions, tableCatalogue, yearGroups } from '../../src/lib/data/tables';
import type { Query } from '../../src/lib/data/selection';
import type { Observation } from '../../src/lib/data/types';
import { fixture, obs } from './fixture';

function massacres(): Observation[] {
  const m = (period: string, areas: string[], value = 1, extra: Partial<Observation> = {}) =>
    areas.map((area) => obs({ metric: 'massacres', unit: 'massacres', period, area, value, source: 'a2019', ...extra }));
  return [
    // 2014: no full-year table; a half-year (2), June (2), September (3, 30 days), October (3, 31 days)
    ...m('2014-01/2014-06', ['SY-HL', 'SY-ID']),
    ...m('2014-06', ['SY-HL', 'SY-RA']),
    ...m('2014-09', ['SY-HL', 'SY-ID', 'SY-HM']),
    ...m('2014-10', ['SY-HL', 'SY-ID', 'SY-DR']),
    // 2015: a full-year table of one governorate and a month of five: the year opens on its own table
    ...m('2015', ['SY-HL']),
    ...m('2015-03', ['SY-HL', 'SY-ID', 'SY-HM', 'SY-DR', 'SY-RA']),
    // a range across two years but shorter than a year: listed under "all years", never its opening
    ...m('2016-11-06/2017-10-19', ['SY-RA']),
    // a combined area counts each member
    ...m('2018-04', ['SY-DI+SY-RD', 'SY-QU']),
    // not tables: the national figure, a share, another party, another victim group, another unit
    obs({ metric: 'massacres', unit: 'massacres', period: '2016', value: 40, source: 'a2019' }),
    obs({ metric: 'massacres', unit: 'percent', period: '2016', area: 'SY-HL', value: 20, source: 'a2019' }),
    ...m('2016', ['SY-HL', 'SY-ID'], 2, { perp: 'regime' }),
    ...m('2017', ['SY-HL'], 2, { victims: 'children' }),
    obs({ metric: 'massacres', unit: 'persons', period: '2019', area: 'SY-HL', value: 9, source: 'a2019' }),
    obs({ metric: 'massacres', unit: 'massacres', period: '2019', value: 9, source: 'a2019' }),
  ];
}

function atlasWithMassacres() {
  const d = fixture();
  d.observations.push(...massacres());
  d.metrics.push({ id: 'massacres', unit: 'massacres', name_en: 'Massacres', name_ar: '', description_en: '', description_ar: '' });
  return indexDataset(d);
}

const YEARS = [2014, 2015, 2016, 2017, 2018, 2019];

describe('governorateTables', () => {
  const atlas = atlasWithMassacres();
  it('lists every period with a governorate figure of the measure, party and victims, in date order, with its kind and coverage', () => {
    const t = governorateTables(atlas, 'massacres', 'all', 'all');
    expect(t.map((x) => [x.key, x.kind, x.year, x.covered])).toEqual([
      ['2014-01/2014-06', 'within', 2014, 2],
      ['2014-06', 'within', 2014, 2],
      ['2014-09', 'within', 2014, 3],
      ['2014-10', 'within', 2014, 3],
      ['2015', 'year', 2015, 1],
      ['2015-03', 'within', 2015, 5],
      ['2016-11-06/2017-10-19', 'span', null, 1],
      ['2018-04', 'within', 2018, 3],
    ]);
  });
  it('a party and a victim group have their own tables; "all" is the sole party of a one-party measure', () => {
    expect(governorateTables(atlas, 'massacres', 'regime', 'all').map((x) => x.key)).toEqual(['2016']);
    expect(governorateTables(atlas, 'massacres', 'all', 'children').map((x) => x.key)).toEqual(['2017']);
    expect(governorateTables(atlas, 'barrel-bombs', 'all', 'all').map((x) => x.key)).toEqual(['2012-07/2017-11', '2012-07/2024-09', '2015', '2015-07']);
    expect(governorateTables(atlas, 'barrel-bombs', 'russia', 'all')).toEqual([]);
  });
});

describe('tableCatalogue', () => {
  const atlas = atlasWithMassacres();
  const cat = tableCatalogue(atlas, 'massacres', 'all', 'all', YEARS);
  it('a year with no full-year table opens on its most complete table, the longer of equals', () => {
    const y = cat.years.find((x) => x.year === 2014)!;
    expect(y.full).toBeNull();
    expect(y.opening?.key).toBe('2014-10');
    expect(periodOptions(cat, 2014).map((t) => t.key)).toEqual(['2014-01/2014-06', '2014-06', '2014-09', '2014-10']);
  });
  it('a year with a full-year table opens on it, even when a month lists more governorates', () => {
    expect(openingTable(cat, 2015)?.key).toBe('2015');
    expect(periodOptions(cat, 2015).map((t) => t.key)).toEqual(['2015', '2015-03']);
  });
  it('a year with national figures only has no table, no options', () => {
    expect(openingTable(cat, 2019)).toBeNull();
    expect(periodOptions(cat, 2019)).toEqual([]);
    expect(periodOptions(cat, 2030)).toEqual([]);
  });
  it('groups the Year menu: years with a governorate map, years with national figures only', () => {
    expect(yearGroups(cat)).toEqual({ mapped: [2014, 2015, 2018], national: [2016, 2017, 2019] });
  });
  it('"all years": a range shorter than a year is an option but not a cumulative table', () => {
    expect(periodOptions(cat, null).map((t) => t.key)).toEqual(['2016-11-06/2017-10-19']);
    expect(cat.allYears).toBeNull();
    expect(openingTable(cat, null)).toBeNull();
  });
  it('"all years" opens on the most complete cumulative table, the latest of equals', () => {
    const b = tableCatalogue(atlas, 'barrel-bombs', 'all', 'all', [2015]);
    expect(b.allYears?.key).toBe('2012-07/2017-11');
    const d = fixture();
    d.observations.push(
      obs({ metric: 'barrel-bombs', period: '2012-07/2019-01', area: 'SY-HL', perp: 'regime', value: 1, source: 'b2021' }),
      obs({ metric: 'barrel-bombs', period: '2012-07/2019-01', area: 'SY-DR', perp: 'regime', value: 1, source: 'b2021' }),
      obs({ metric: 'barrel-bombs', period: '2012-07/2019-01', area: 'SY-ID', perp: 'regime', value: 1, source: 'b2021' }),
      obs({ metric: 'barrel-bombs', period: '2012-07/2019-01', area: 'SY-HM', perp: 'regime', value: 1, source: 'b2021' }),
    );
    expect(tableCatalogue(indexDataset(d), 'barrel-bombs', 'all', 'all', []).allYears?.key).toBe('2012-07/2019-01');
  });
  it('a measure opens on "all years" when that has a map, else on the year with the most complete table', () => {
    expect(openingYear(tableCatalogue(atlas, 'barrel-bombs', 'all', 'all', [2014, 2015]))).toBeNull();
    // 2014 and 2018 both open on a three-governorate table: the later year
    expect(openingYear(cat)).toBe(2018);
    expect(openingYear(tableCatalogue(atlas, 'massacres', 'all', 'all', [2014, 2015]))).toBe(2014);
    expect(openingYear(tableCatalogue(atlas, 'massacres', 'russia', 'all', YEARS))).toBeNull();
  });
});

describe('the map follows the catalogue', () => {
  const atlas = atlasWithMassacres();
  const q = (over: Partial<Query>): Query => ({ metric: 'massacres', year: null, period: null, perp: 'all', victims: 'all', gov: null, ...over });
  it('draws exactly the opening table of a year, under its own period', () => {
    const m = selectMap(atlas, q({ year: 2014 }));
    expect(m.period?.key).toBe('2014-10');
    expect(m.cells.filter((c) => c.status === 'value').map((c) => c.area).sort()).toEqual(['SY-DR', 'SY-HL', 'SY-ID']);
    expect(m.cells.filter((c) => c.status === 'not-listed')).toHaveLength(11);
  });
  it('"all years" without a cumulative figure shows no single year (the massacres case)', () => {
    const m = selectMap(atlas, q({}));
    expect(m.period).toBeNull();
    expect(m.hasBreakdown).toBe(false);
    expect(m.national).toBeNull();
  });
  it('a chosen period within the year draws that table', () => {
    const m = selectMap(atlas, q({ year: 2014, period: '2014-06' }));
    expect(m.cells.filter((c) => c.status === 'value').map((c) => c.area).sort()).toEqual(['SY-HL', 'SY-RA']);
  });
});
