// Validation: one case per rejection reason, each checking file, line and reason; plus what a
// valid row becomes. All figures are synthetic.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/data/csv';
import {
  checkObservationRow,
  fnv1a64,
  indexReferences,
  OBSERVATION_COLUMNS,
  readAreas,
  readMetrics,
  readObservations,
  readPerpetrators,
  readSources,
  type References,
  type TableFile,
} from '../../scripts/data/validate';

const file = (name: string, text: string): TableFile => ({ file: name, table: parseCsv(text) });

const METRICS = `id,unit,sole_perpetrator,name_en,name_ar,description_en,description_ar
civilian-deaths,civilians,,Civilian deaths,ض,Civilians killed.,ض
barrel-bombs,barrels,regime,Barrel bombs,ب,Barrels dropped.,ب
massacres,massacres,,Massacres,م,Massacres.,م
`;
const PERPS = `id,parent,name_en,name_ar,names_published,description_en,short_en,short_ar,color
regime,,Regime,ن,Regime forces,x,Reg.,ن.,#882255
russia,,Russia,ر,Russian forces,x,,,#332288
other,,Other,أ,Other parties,x,,,#bbbbbb
regime+russia,,Regime and Russia,ن ر,Syrian-Russian alliance,x,,,#AA4499
turkey,other,Turkey,ت,Turkish border guards,x,,,#CC3311
`;
const SOURCES = `id,publisher,title,date,url,language,role,note
src-a,Syrian Network for Human Rights,A report,2020-01-02,https://example.org/a,en,primary,
src-b,An outlet,Quoting SNHR,2020-01,https://example.org/b,ar,secondary,
`;

const refs = (): References => ({
  metrics: readMetrics(file('metrics.csv', METRICS)).values,
  perpetrators: readPerpetrators(file('perpetrators.csv', PERPS)).values,
  sources: readSources([file('sources/s.csv', SOURCES)]).values,
});

const BASE: Record<string, string> = {
  metric: 'civilian-deaths',
  period: '2015',
  area: 'SY',
  perpetrator: 'regime',
  perpetrator_published: 'Syrian regime forces',
  victims: 'all',
  unit: 'civilians',
  value: '1200',
  qualifier: '',
  source: 'src-a',
  section: 'table 1',
  status: 'published',
  note: '',
};
const csvField = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
function observations(...rows: Record<string, string>[]): string {
  const lines = [OBSERVATION_COLUMNS.join(',')];
  for (const r of rows) lines.push(OBSERVATION_COLUMNS.map((c) => csvField({ ...BASE, ...r }[c] ?? '')).join(','));
  return lines.join('\n') + '\n';
}

describe('reference tables are valid as written', () => {
  it('reads them without errors', () => {
    expect(readMetrics(file('metrics.csv', METRICS)).errors).toEqual([]);
    expect(readPerpetrators(file('perpetrators.csv', PERPS)).errors).toEqual([]);
    expect(readSources([file('sources/s.csv', SOURCES)]).errors).toEqual([]);
    expect(readMetrics(file('metrics.csv', METRICS)).values[1].sole_perpetrator).toBe('regime');
    expect(readPerpetrators(file('perpetrators.csv', PERPS)).values.find((p) => p.id === 'turkey')?.parent).toBe('other');
    // the register: short names where given, else the full names; colours in upper case
    expect(readPerpetrators(file('perpetrators.csv', PERPS)).register.slice(0, 3)).toEqual([
      { id: 'regime', short_en: 'Reg.', short_ar: 'ن.', color: '#882255' },
      { id: 'russia', short_en: 'Russia', short_ar: 'ر', color: '#332288' },
      { id: 'other', short_en: 'Other', short_ar: 'أ', color: '#BBBBBB' },
    ]);
  });
});

describe('observation rows: one rejection per reason', () => {
  const cases: { reason: string; row: Record<string, string>; expected: RegExp }[] = [
    { reason: 'unknown metric', row: { metric: 'x' }, expected: /^unknown metric "x"/ },
    { reason: 'empty metric', row: { metric: '' }, expected: /^metric is empty$/ },
    { reason: 'month 13', row: { period: '2015-13' }, expected: /^period "2015-13" is not YYYY, YYYY-MM or START\/END/ },
    { reason: 'range backwards', row: { period: '2016-01/2015-12' }, expected: /^period "2016-01\/2015-12" is not/ },
    { reason: 'period with day only', row: { period: '2015-02-30' }, expected: /^period "2015-02-30" is not/ },
    { reason: 'unknown area', row: { area: 'SY-XX' }, expected: /^area "SY-XX" unknown/ },
    { reason: 'area combining SY', row: { area: 'SY+SY-HL' }, expected: /combines SY with governorates/ },
    { reason: 'area repeated', row: { area: 'SY-HL+SY-HL' }, expected: /repeats SY-HL/ },
    { reason: 'unknown perpetrator', row: { perpetrator: 'martians' }, expected: /^perpetrator "martians" unknown/ },
    { reason: 'unknown perpetrator in combination', row: { perpetrator: 'regime+martians' }, expected: /^perpetrator "martians" unknown in "regime\+martians"/ },
    { reason: 'all combined', row: { perpetrator: 'all+regime', perpetrator_published: 'x' }, expected: /combines all/ },
    { reason: 'perpetrator_published missing', row: { perpetrator_published: '' }, expected: /^perpetrator_published is required for perpetrator "regime"/ },
    { reason: 'perpetrator_published with all', row: { perpetrator: 'all' }, expected: /^perpetrator_published must be empty when perpetrator is all/ },
    { reason: 'victims', row: { victims: 'men' }, expected: /^victims "men" is not all, children, women or females/ },
    { reason: 'unknown unit', row: { unit: 'people' }, expected: /^unit "people" unknown/ },
    { reason: 'unit not allowed for metric', row: { unit: 'barrels' }, expected: /^unit "barrels" not allowed for metric "civilian-deaths" \(allowed: civilians, persons, percent\)/ },
    { reason: 'persons only for civilian metrics', row: { metric: 'massacres', unit: 'persons' }, expected: /^unit "persons" not allowed for metric "massacres" \(allowed: massacres, percent\)/ },
    { reason: 'thousands separator', row: { value: '1,200' }, expected: /^value "1,200" is not a non-negative integer/ },
    { reason: 'decimal count', row: { value: '12.5' }, expected: /^value "12.5" is not a non-negative integer/ },
    { reason: 'negative', row: { value: '-3' }, expected: /^value "-3" is not a non-negative integer/ },
    { reason: 'empty value', row: { value: '' }, expected: /^value "" is not a non-negative integer/ },
    { reason: 'percent over 100', row: { unit: 'percent', value: '120' }, expected: /^value "120" is not a percentage/ },
    { reason: 'percent with comma', row: { unit: 'percent', value: '12,5' }, expected: /^value "12,5" is not a percentage/ },
    { reason: 'qualifier', row: { qualifier: 'about' }, expected: /^qualifier "about" is not empty, approx or at-least/ },
    { reason: 'unknown source', row: { source: 'nowhere' }, expected: /^unknown source id "nowhere"/ },
    { reason: 'status', row: { status: 'guessed' }, expected: /^status "guessed" is not published, published-secondary, conflict or derived/ },
    { reason: 'published from a secondary source', row: { source: 'src-b' }, expected: /^status published needs a primary source/ },
    { reason: 'published-secondary from a primary source', row: { status: 'published-secondary' }, expected: /^status published-secondary needs a secondary source/ },
    { reason: 'derived without a note', row: { status: 'derived' }, expected: /^status derived needs a note/ },
  ];
  it.each(cases)('$reason', ({ row, expected }) => {
    const text = observations({}, row);
    const { values, errors } = readObservations([file('data/observations/t.csv', text)], refs());
    expect(errors).toHaveLength(1);
    expect(errors[0].file).toBe('data/observations/t.csv');
    expect(errors[0].line).toBe(3);
    expect(errors[0].reason).toMatch(expected);
    expect(values).toHaveLength(1);
  });

  it('reports every problem of a row', () => {
    const { errors } = readObservations([file('o.csv', observations({ metric: 'x', area: 'SY-XX', value: '1.5' }))], refs());
    expect(errors.map((e) => e.line)).toEqual([2, 2, 2]);
  });

  it('does not check against a reference table that could not be read', () => {
    const r = { ...refs(), perpetrators: null };
    expect(readObservations([file('o.csv', observations({ perpetrator: 'martians' }))], r).errors).toEqual([]);
  });

  const header: { reason: string; text: string; expected: RegExp }[] = [
    { reason: 'missing required column', text: 'metric,period\n', expected: /^missing required column "area"/ },
    { reason: 'unknown column', text: OBSERVATION_COLUMNS.join(',') + ',colour\n', expected: /^unknown column "colour"/ },
  ];
  it.each(header)('header: $reason', ({ text, expected }) => {
    const { errors } = readObservations([file('o.csv', text)], refs());
    expect(errors[0].line).toBe(1);
    expect(errors[0].reason).toMatch(expected);
  });

  it('reports CSV syntax errors with the file', () => {
    const text = observations({}) + 'civilian-deaths,2015\n';
    const { errors } = readObservations([file('data/observations/t.csv', text)], refs());
    expect(errors).toEqual([{ file: 'data/observations/t.csv', line: 3, reason: '2 fields where the header has 13 (quote a field that contains a comma)' }]);
  });
});

describe('valid observation rows', () => {
  it('types a full row', () => {
    const text = observations({ qualifier: 'at-least', note: 'a note', period: '2012-07/2017-11', area: 'SY-DI+SY-RD' });
    const { values, errors } = readObservations([file('o.csv', text)], refs());
    expect(errors).toEqual([]);
    const { id, ...rest } = values[0];
    expect(id).toMatch(/^[0-9a-f]{10}$/);
    expect(rest).toEqual({
      metric: 'civilian-deaths',
      period: '2012-07/2017-11',
      area: 'SY-DI+SY-RD',
      perp: 'regime',
      perpPublished: 'Syrian regime forces',
      victims: 'all',
      unit: 'civilians',
      value: 1200,
      qualifier: 'at-least',
      source: 'src-a',
      section: 'table 1',
      status: 'published',
      note: 'a note',
    });
  });

  const accepted: { name: string; row: Record<string, string> }[] = [
    { name: 'persons for a civilian metric', row: { unit: 'persons' } },
    { name: 'percent with decimals', row: { unit: 'percent', value: '12.5' } },
    { name: 'a perpetrator id containing +', row: { perpetrator: 'regime+russia' } },
    { name: 'a combination of ids', row: { perpetrator: 'russia+other' } },
    { name: 'a sub-item perpetrator', row: { perpetrator: 'turkey' } },
    { name: 'all with no published name', row: { perpetrator: 'all', perpetrator_published: '' } },
    { name: 'a day range', row: { period: '2014-02-22/2016-02-20' } },
    { name: 'a secondary source', row: { source: 'src-b', status: 'published-secondary' } },
    { name: 'a derived row with a note', row: { status: 'derived', note: 'sum of table 2' } },
    { name: 'spaces around a field', row: { area: ' SY ' } },
  ];
  it.each(accepted)('accepts $name', ({ row }) => {
    expect(readObservations([file('o.csv', observations(row))], refs()).errors).toEqual([]);
  });

  it('gives stable ids from the key, source and value, and distinct ids to exact duplicates', () => {
    const a = readObservations([file('o.csv', observations({}, {}, { value: '7' }))], refs()).values;
    const b = readObservations([file('other.csv', observations({ value: '7' }))], refs()).values;
    expect(a[0].id).not.toBe(a[1].id);
    expect(a[1].id).toBe(`${a[0].id}-2`);
    expect(a[2].id).toBe(b[0].id);
  });

  it('checks a single ObservationRow', () => {
    const row = { file: 'data/observations/x.csv', line: 12, fields: { ...BASE, value: '1 200' } };
    const { observation, errors } = checkObservationRow(row, indexReferences(refs()));
    expect(observation).toBeNull();
    expect(errors).toEqual([
      {
        file: 'data/observations/x.csv',
        line: 12,
        reason: 'value "1 200" is not a non-negative integer (digits only, no separators; decimals only for percent)',
      },
    ]);
  });

  it('hashes with FNV-1a 64', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
  });
});

describe('sources', () => {
  const H = 'id,publisher,title,date,url,language,role,note\n';
  const ok = 'src-x,P,T,2020-01-02,https://example.org/x,en,primary,\n';
  const cases: { reason: string; line: string; expected: RegExp }[] = [
    { reason: 'date', line: 'src-x,P,T,2020-02-30,https://example.org/x,en,primary,', expected: /^source date "2020-02-30" is not YYYY-MM-DD or YYYY-MM/ },
    { reason: 'url', line: 'src-x,P,T,2020-01-02,example.org/x,en,primary,', expected: /^source url "example.org\/x" is not an http\(s\) address/ },
    { reason: 'role', line: 'src-x,P,T,2020-01-02,https://example.org/x,en,tertiary,', expected: /^source role "tertiary" is not primary or secondary/ },
    { reason: 'language', line: 'src-x,P,T,2020-01-02,https://example.org/x,English,primary,', expected: /^language "English" is not an ISO 639-1 code/ },
    { reason: 'id', line: 'Src X,P,T,2020-01-02,https://example.org/x,en,primary,', expected: /^source id "Src X" is not a lowercase slug/ },
    { reason: 'publisher', line: 'src-x,,T,2020-01-02,https://example.org/x,en,primary,', expected: /^publisher is empty/ },
  ];
  it.each(cases)('rejects $reason', ({ line, expected }) => {
    const { errors } = readSources([file('data/sources/s.csv', H + line + '\n')]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'data/sources/s.csv', line: 2 });
    expect(errors[0].reason).toMatch(expected);
  });

  it('rejects a duplicate id across files, naming the first', () => {
    const { errors } = readSources([file('data/sources/a.csv', H + ok), file('data/sources/b.csv', H + '\n' + ok)]);
    expect(errors).toEqual([{ file: 'data/sources/b.csv', line: 3, reason: 'duplicate source id "src-x" (first at data/sources/a.csv:2)' }]);
  });

  it('rejects a missing required column', () => {
    const { errors } = readSources([file('data/sources/a.csv', 'id,publisher,title,date,url,role\n')]);
    expect(errors).toEqual([{ file: 'data/sources/a.csv', line: 1, reason: 'missing required column "language"' }]);
  });
});

describe('reference tables', () => {
  it.each([
    {
      name: 'metric with a percent unit',
      read: () => readMetrics(file('m.csv', 'id,unit,name_en,name_ar,description_en,description_ar\ncivilian-deaths,percent,a,b,c,d\n')),
      expected: /^unit "percent" is not a metric unit/,
    },
    {
      name: 'unknown metric id',
      read: () => readMetrics(file('m.csv', 'id,unit,name_en,name_ar,description_en,description_ar\nhappiness,civilians,a,b,c,d\n')),
      expected: /^unknown metric "happiness"/,
    },
    {
      name: 'sole perpetrator not an id',
      read: () => readMetrics(file('m.csv', METRICS.replace(',regime,', ',martians,')), new Set(['regime'])),
      expected: /^sole_perpetrator "martians" is not a perpetrator id/,
      line: 3,
    },
    {
      name: 'unknown area code',
      read: () => readAreas(file('a.csv', 'code,name_en,name_ar,names_published\nSY-XX,X,س,X\n')),
      expected: /^area "SY-XX" unknown/,
    },
    {
      name: 'parent not a perpetrator',
      read: () => readPerpetrators(file('p.csv', PERPS.replace('turkey,other', 'turkey,others'))),
      expected: /^parent "others" is not a perpetrator id/,
      line: 6,
    },
    {
      name: 'duplicate perpetrator',
      read: () => readPerpetrators(file('p.csv', PERPS + 'regime,,R,ن,R,x,,,#123456\n')),
      expected: /^duplicate perpetrator "regime" \(first on line 2\)/,
      line: 7,
    },
    // the register of parties: a name in each language, a colour of its own (synthetic rows)
    {
      name: 'a party with no English name',
      read: () => readPerpetrators(file('p.csv', PERPS.replace('russia,,Russia,', 'russia,,,'))),
      expected: /^name_en is empty \(a party needs a name in English and in Arabic\)/,
      line: 3,
    },
    {
      name: 'a party with no Arabic name',
      read: () => readPerpetrators(file('p.csv', PERPS.replace('turkey,other,Turkey,ت,', 'turkey,other,Turkey, ,'))),
      expected: /^name_ar is empty/,
      line: 6,
    },
    {
      name: 'a party with no colour',
      read: () => readPerpetrators(file('p.csv', PERPS.replace(',#332288', ','))),
      expected: /^color is empty/,
      line: 3,
    },
    {
      name: 'a colour not written #RRGGBB',
      read: () => readPerpetrators(file('p.csv', PERPS.replace('#332288', 'blue'))),
      expected: /^color "blue" is not a colour written #RRGGBB/,
      line: 3,
    },
    {
      name: 'a colour of three digits',
      read: () => readPerpetrators(file('p.csv', PERPS.replace('#332288', '#332'))),
      expected: /^color "#332" is not a colour written #RRGGBB/,
      line: 3,
    },
    {
      name: 'two parties with one colour (in another case)',
      read: () => readPerpetrators(file('p.csv', PERPS.replace('#CC3311', '#882255'.toLowerCase()))),
      expected: /^color #882255 is already the colour of "regime" \(line 2\)/,
      line: 6,
    },
    {
      name: 'a colour reserved for parties published as one figure',
      read: () => readPerpetrators(file('p.csv', PERPS.replace('#332288', '#FFAABB'))),
      expected: /^color #FFAABB is reserved: it is a colour of parties published as one figure/,
      line: 3,
    },
    {
      name: 'the colour of a bar not split by party',
      read: () => readPerpetrators(file('p.csv', PERPS.replace('#332288', '#4b5d7a'))),
      expected: /^color #4B5D7A is reserved/,
      line: 3,
    },
    {
      name: 'a table without the color column',
      read: () => readPerpetrators(file('p.csv', 'id,parent,name_en,name_ar,names_published,description_en\nregime,,R,ن,R,x\n')),
      expected: /^missing required column "color"/,
      line: 1,
    },
  ])('rejects $name', ({ read, expected, line }) => {
    const { errors } = read();
    expect(errors).toHaveLength(1);
    expect(errors[0].line).toBe(line ?? 2);
    expect(errors[0].reason).toMatch(expected);
  });
});
