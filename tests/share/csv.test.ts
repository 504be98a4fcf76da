import { describe, expect, test } from 'vitest';
import { fixture, obs } from '../data/fixture';
import { indexDataset, selectMap, selectTime } from '../../src/lib/data/select';
import type { Query } from '../../src/lib/data/selection';
import type { Dataset } from '../../src/lib/data/types';
import { CSV_COLUMNS, parseCsv, toCsv, viewRows, type CsvRow } from '../../src/lib/share/csv';
import { fileStem } from '../../src/lib/share/snippet';

const q = (o: Partial<Query>): Query => ({ metric: 'civilian-deaths', year: null, period: null, perp: 'all', victims: 'all', gov: null, ...o });

function rowsFor(query: Query, data: Dataset = fixture()) {
  const atlas = indexDataset(data);
  return viewRows(atlas, selectMap(atlas, query), selectTime(atlas, query));
}
const key = (r: CsvRow) => `${r.part} ${r.period} ${r.area} ${r.perpetrator} ${r.value}`;

describe('viewRows: only published figures', () => {
  const rows = rowsFor(q({}));
  const keys = rows.map(key);

  test.each([
    ['a published year total', 'year 2016 SY all 100'],
    ['a published party figure of a fully split year', 'year-party 2016 SY regime 60'],
    ['a party figure of a partly split year', 'year-party 2017 SY isis 20'],
    ['a party figure of a year with parts but no total', 'year-party 2018 SY regime 40'],
    ['a year total with no split', 'year 2020 SY all 50'],
  ])('keeps %s', (_what, k) => {
    expect(keys).toContain(k);
  });

  test('never the "not attributed" residual (derived: total minus listed parties)', () => {
    expect(rows.some((r) => r.perpetrator === 'unattributed')).toBe(false);
    // 2017: total 80, ISIS 20 — the 60 drawn as "not attributed" is not a row
    expect(keys.filter((k) => k.startsWith('year') && k.includes(' 2017 ') && k.endsWith(' 60'))).toEqual([]);
  });

  test('never the sum drawn for a year with parts but no total', () => {
    // 2018: regime 40 + SDF 5 = 45 drawn, never published
    expect(rows.filter((r) => r.period === '2018' && r.part === 'year')).toEqual([]);
    expect(rows.some((r) => r.value === '45')).toBe(false);
  });

  test('nothing for a gap year, and no persons-unit figure drawn as civilians', () => {
    expect(rows.filter((r) => r.period === '2019')).toEqual([]);
    expect(rows.filter((r) => r.unit === 'persons')).toEqual([]);
  });

  test('every row carries its source', () => {
    for (const r of rows) {
      expect(r.publisher, key(r)).not.toBe('');
      expect(r.title).not.toBe('');
      expect(r.date).toMatch(/^\d{4}-\d{2}/);
      expect(r.url).toMatch(/^https:\/\//);
      expect(['published', 'published-secondary', 'conflict']).toContain(r.status);
    }
  });

  test('a conflict is labelled and lists the other value', () => {
    const children = rowsFor(q({ victims: 'children' })).filter((r) => r.period === '2020' && r.part === 'year');
    expect(children).toHaveLength(1);
    expect(children[0].status).toBe('conflict');
    expect(children[0].conflicting_values).toMatch(/^(12|21) \[a2021\]$/);
  });

  test('an observation marked derived is never exported', () => {
    const data = fixture();
    data.observations.push(obs({ metric: 'civilian-deaths', period: '2019', value: 77, source: 'a2021', status: 'derived' }));
    const rows = rowsFor(q({}), data);
    expect(rows.some((r) => r.value === '77' || r.status === 'derived')).toBe(false);
  });

  test('map: governorate figures with the area as published (a combined area stays one row), the national figure', () => {
    const rows = rowsFor(q({ metric: 'barrel-bombs', period: '2012-07/2017-11' }));
    const map = rows
      .filter((r) => r.part === 'map')
      .map((r) => `${r.area}=${r.value}`)
      .sort();
    expect(map).toEqual(['SY-DI+SY-RD=800', 'SY-DR=500', 'SY-HL=700']);
    expect(rows.filter((r) => r.part === 'national').map((r) => r.value)).toEqual(['2000']);
  });

  test('each area is named in English and Arabic next to its code (a combined area by both names; no name known: the code)', () => {
    const data = fixture();
    data.areas = [
      { code: 'SY-DI', name_en: 'Damascus', name_ar: 'دمشق', names_published: [] },
      { code: 'SY-RD', name_en: 'Rif Dimashq', name_ar: 'ريف دمشق', names_published: [] },
      { code: 'SY-HL', name_en: 'Aleppo', name_ar: 'حلب', names_published: [] },
    ];
    const rows = rowsFor(q({ metric: 'barrel-bombs', period: '2012-07/2017-11' }), data).filter((r) => r.part === 'map');
    expect(rows.map((r) => [r.area, r.area_name_en, r.area_name_ar]).sort()).toEqual([
      ['SY-DI+SY-RD', 'Damascus + Rif Dimashq', 'دمشق + ريف دمشق'],
      ['SY-DR', 'SY-DR', 'SY-DR'],
      ['SY-HL', 'Aleppo', 'حلب'],
    ]);
    expect(CSV_COLUMNS.slice(CSV_COLUMNS.indexOf('area'), CSV_COLUMNS.indexOf('area') + 3)).toEqual(['area', 'area_name_en', 'area_name_ar']);
  });

  test('months of the selected year, and published shares', () => {
    // the year's own (national) figures: `period` 2020, not the month table the year opens on
    const rows = rowsFor(q({ year: 2020, period: '2020' }));
    expect(rows.filter((r) => r.part === 'month').map((r) => `${r.period}=${r.value}`)).toEqual(['2020-03=7']);
    expect(rows.filter((r) => r.part === 'share').map((r) => `${r.area}=${r.value}%${r.qualifier}`)).toEqual(['SY-HL=27%approx']);
  });
});

describe('toCsv', () => {
  test('header, CRLF, quoting of commas, quotes and line breaks; parses back to the same rows', () => {
    const rows = rowsFor(q({}));
    rows[0] = { ...rows[0], title: 'A "quoted", title\nwith a break', publisher: 'الشبكة السورية لحقوق الإنسان' };
    const text = toCsv(rows);
    expect(text.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('"A ""quoted"", title\nwith a break"');
    expect(parseCsv(text)).toEqual(rows);
    expect(parseCsv(`\ufeff${text}`)).toEqual(rows);
  });
  test('an empty view is a header line', () => {
    expect(toCsv([])).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });
});

test.each([
  [q({}), 'syria-atlas_civilian-deaths_all-years_all'],
  [q({ year: 2016, perp: 'regime+russia', victims: 'children', gov: 'SY-HL' }), 'syria-atlas_civilian-deaths_2016_regime+russia_children_SY-HL'],
  [q({ metric: 'barrel-bombs', period: '2014-02-22/2016-02-20' }), 'syria-atlas_barrel-bombs_2014-02-22_2016-02-20_all'],
])('fileStem %#', (query, stem) => {
  expect(fileStem(query)).toBe(stem);
});
