// The UCDP build. Most tests run on synthetic CSV text written below (invented events, not UCDP
// data); the last block checks the real file in data/external/ucdp against sums computed here,
// independently of the build, for sampled governorate-months.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildEventsFile, buildTables, cleanHeadline, dateOfDay, periodsOf, readUcdpCsv, REQUIRED_COLUMNS } from '../../src/lib/ucdp/build';
import { runUcdpBuild, UCDP_CSV } from '../../scripts/build-ucdp';
import { parseCsv, recordsToObjects } from '../../src/lib/data/csv';
import type { TableRow } from '../../src/lib/ucdp/types';

const HEADER = REQUIRED_COLUMNS.join(',');
type Row = Partial<Record<(typeof REQUIRED_COLUMNS)[number], string>>;
const BASE: Record<(typeof REQUIRED_COLUMNS)[number], string> = {
  id: '1',
  date_start: '2017-03-04',
  date_end: '2017-03-04',
  date_prec: '1',
  type_of_violence: '1',
  conflict_name: 'Syria: Government',
  dyad_name: 'Synthetic A - Synthetic B',
  side_a: 'Synthetic A',
  side_b: 'Synthetic B',
  adm_1: 'Aleppo Governorate',
  adm_2: 'Synthetic district',
  where_coordinates: 'Synthetic town',
  where_prec: '1',
  latitude: '36.2',
  longitude: '37.1',
  deaths_a: '1',
  deaths_b: '2',
  deaths_civilians: '3',
  deaths_unknown: '0',
  low: '5',
  best: '6',
  high: '9',
  number_of_sources: '1',
  source_office: 'Synthetic Office',
  source_date: '2017-03-05',
  source_headline: 'Synthetic headline',
};
const q = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
function csv(rows: Row[]): string {
  return [HEADER, ...rows.map((r, k) => REQUIRED_COLUMNS.map((c) => q(r[c] ?? (c === 'id' ? String(k + 1) : BASE[c]))).join(','))].join('\n') + '\n';
}
const cell = (rows: TableRow[], gov: string, period: string) =>
  rows
    .filter((r) => r[0] === gov && r[1] === period)
    .reduce((s, r) => ({ events: s.events + r[4], best: s.best + r[5], low: s.low + r[6], high: s.high + r[7], civ: s.civ + r[8] }), {
      events: 0,
      best: 0,
      low: 0,
      high: 0,
      civ: 0,
    });

describe('readUcdpCsv (synthetic rows)', () => {
  it('reads a valid row, with tabs and a line break inside a quoted headline', () => {
    const { events, errors } = readUcdpCsv(csv([{ source_headline: 'Name\tOne;\nName\tTwo' }]));
    expect(errors).toEqual([]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ id: 1, gov: 'SY-HL', prec: 1, best: 6, civilians: 3, headline: 'Name\tOne;\nName\tTwo' });
  });

  it.each([
    [{ best: '7' }, 'best (7) is not the sum'],
    [{ adm_1: 'Atlantis Governorate' }, 'adm_1 "Atlantis Governorate"'],
    [{ date_start: '2017-02-30' }, 'date_start must be a date'],
    [{ date_end: '2017-03-01' }, 'is before date_start'],
    [{ type_of_violence: '4' }, 'type_of_violence must be 1, 2 or 3'],
    [{ where_prec: '7' }, 'where_prec must be 1–6'],
    [{ latitude: '51.5' }, 'latitude "51.5" is not in Syria'],
    [{ deaths_b: '-2' }, 'deaths_b must be a whole number'],
    [{ side_a: ' ' }, 'side_a is empty'],
    [{ where_prec: '6' }, 'where_prec 6 (country only) with a governorate'],
  ] as [Row, string][])('fails a malformed row with its line: %j', (bad, reason) => {
    const { events, errors } = readUcdpCsv(csv([{}, bad, {}]));
    expect(events).toEqual([]);
    expect(errors.some((e) => e.line === 3 && e.reason.includes(reason))).toBe(true);
  });

  it('fails a repeated id and a missing column', () => {
    expect(readUcdpCsv(csv([{ id: '9' }, { id: '9' }])).errors[0]).toMatchObject({ line: 3, reason: 'id 9 already used on line 2' });
    expect(readUcdpCsv('id,best\n1,2\n').errors[0].reason).toMatch(/^missing column\(s\): date_start/);
  });

  it('keeps a low–best–high out of order as published and counts it', () => {
    const { events } = readUcdpCsv(csv([{ low: '8', best: '6', high: '6' }]));
    const t = buildTables(events);
    expect(t.rangeOutOfOrder).toBe(1);
    expect(t.rows.find((r) => r[1] === '2017-03')?.slice(5, 8)).toEqual([6, 8, 6]);
  });
});

describe('buildTables (synthetic rows)', () => {
  const { events } = readUcdpCsv(
    csv([
      {},
      { date_start: '2017-03-20', date_end: '2017-03-21', deaths_civilians: '0', best: '3', low: '3', high: '3', type_of_violence: '3', side_a: 'Synthetic C' },
      { adm_1: 'Idlib Governorate' },
      { adm_1: '', where_prec: '6', best: '100', deaths_unknown: '94', low: '90', high: '120' },
      { date_start: '2017-03-28', date_end: '2017-04-02' },
      { date_start: '2016-12-30', date_end: '2017-01-02' },
    ]),
  );
  const t = buildTables(events);

  it('sums a governorate-month, and its year', () => {
    expect(cell(t.rows, 'SY-HL', '2017-03')).toEqual({ events: 2, best: 9, low: 8, high: 12, civ: 3 });
    expect(cell(t.rows, 'SY-HL', '2017')).toEqual({ events: 3, best: 15, low: 13, high: 21, civ: 6 });
    expect(cell(t.rows, 'SY-ID', '2017-03')).toEqual({ events: 1, best: 6, low: 5, high: 9, civ: 3 });
  });

  it('keeps events with no governorate apart, never spread', () => {
    expect(cell(t.rows, '', '2017-03')).toEqual({ events: 1, best: 100, low: 90, high: 120, civ: 3 });
    expect(
      t.rows
        .filter((r) => r[1] === '2017-03')
        .map((r) => r[0])
        .sort(),
    ).toEqual(['', 'SY-HL', 'SY-HL', 'SY-ID']);
  });

  it('puts an event spanning months in its year and in no month, and one spanning years in neither', () => {
    expect(periodsOf({ start: '2017-03-28', end: '2017-04-02' })).toEqual(['2017', '2017-multi']);
    expect(cell(t.rows, 'SY-HL', '2017-multi').events).toBe(1);
    expect(cell(t.rows, 'SY-HL', '2017-04').events).toBe(0);
    expect(cell(t.rows, 'SY-HL', 'multi-year').events).toBe(1);
    expect(cell(t.rows, 'SY-HL', '2016').events).toBe(0);
  });

  it('splits by type of violence and by side_a (most events first)', () => {
    expect(t.sides).toEqual(['Synthetic A', 'Synthetic C']);
    const march = t.rows.filter((r) => r[0] === 'SY-HL' && r[1] === '2017-03');
    expect(march.map((r) => [r[2], t.sides[r[3]], r[5]])).toEqual([
      [1, 'Synthetic A', 6],
      [3, 'Synthetic C', 3],
    ]);
  });

  it('writes an events file of placed events only, with dates that round-trip', () => {
    const { events: file, headlines } = buildEventsFile(events);
    expect(file.id).toHaveLength(5);
    expect(file.id).not.toContain(4);
    const k = file.id.indexOf(5);
    expect(dateOfDay(file.day[k])).toBe('2017-03-28');
    expect(dateOfDay(file.day[k] + file.span[k])).toBe('2017-04-02');
    expect(file.govs[file.gov[k]]).toBe('SY-HL');
    expect(headlines.get('2017')?.['5']).toBe('Synthetic headline');
    expect(cleanHeadline(`a\t b\n${'x'.repeat(300)}`)).toHaveLength(240);
  });
});

describe('runUcdpBuild (synthetic files)', () => {
  const temps: string[] = [];
  afterEach(() => {
    while (temps.length) rmSync(temps.pop()!, { recursive: true, force: true });
  });
  function setup(text: string) {
    const dir = mkdtempSync(join(tmpdir(), 'ucdp-build-'));
    temps.push(dir);
    writeFileSync(join(dir, 'in.csv'), text);
    return dir;
  }
  const run = (dir: string) => {
    const error: string[] = [];
    const code = runUcdpBuild(['--csv', join(dir, 'in.csv'), '--out', join(dir, 'out')], dir, { log: () => {}, error: (l) => error.push(l) });
    return { code, error };
  };

  it('writes tables, events and headlines', () => {
    const dir = setup(csv([{}, { date_start: '2018-01-01', date_end: '2018-01-01' }]));
    expect(run(dir).code).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['events.json', 'headlines-2017.json', 'headlines-2018.json', 'tables.json']);
  });

  it('on a malformed row prints file:line: reason and leaves the previous output untouched', () => {
    const dir = setup(csv([{}]));
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'tables.json'), 'previous');
    writeFileSync(join(dir, 'in.csv'), csv([{}, { best: 'x' }]));
    const { code, error } = run(dir);
    expect(code).toBe(1);
    expect(error[0]).toMatch(/in\.csv:3: best must be a whole number/);
    expect(error.at(-1)).toMatch(/nothing written/);
    expect(readFileSync(join(dir, 'out', 'tables.json'), 'utf8')).toBe('previous');
    expect(readdirSync(join(dir, 'out'))).toEqual(['tables.json']);
  });
});

describe('the real release (data/external/ucdp)', () => {
  const path = resolve(import.meta.dirname, '../..', UCDP_CSV);
  it.runIf(existsSync(path))(
    'matches sums computed here for sampled governorate-months, and the README totals',
    () => {
      const text = readFileSync(path, 'utf8');
      const { events, errors } = readUcdpCsv(text);
      expect(errors).toEqual([]);
      expect(events).toHaveLength(16566);
      const t = buildTables(events);
      // Independent sums: plain objects from the CSV, filtered by adm_1 name and date prefix.
      const raw = recordsToObjects(parseCsv(text)).map((r) => r.fields);
      for (const [adm1, code, month] of [
        ['Aleppo Governorate', 'SY-HL', '2016-08'],
        ['Idlib Governorate', 'SY-ID', '2019-05'],
        ['Deir ez Zor Governorate', 'SY-DY', '2017-09'],
        ['Rif Dimashq Governorate', 'SY-RD', '2018-02'],
        ['Tartus Governorate', 'SY-TA', '2016-05'],
      ]) {
        const rows = raw.filter((f) => f.adm_1 === adm1 && f.date_start.startsWith(month) && f.date_end.startsWith(month));
        const sum = (k: string) => rows.reduce((s, f) => s + Number(f[k]), 0);
        expect(cell(t.rows, code, month), `${code} ${month}`).toEqual({
          events: rows.length,
          best: sum('best'),
          low: sum('low'),
          high: sum('high'),
          civ: sum('deaths_civilians'),
        });
      }
      const unplaced = raw.filter((f) => f.adm_1 === '');
      const years = ['2016', '2017', '2018', '2019'];
      expect(years.reduce((s, y) => s + cell(t.rows, '', y).best, 0)).toBe(unplaced.reduce((s, f) => s + Number(f.best), 0));
      expect(years.reduce((s, y) => s + cell(t.rows, '', y).best, 0)).toBe(24751);
      const all = t.rows.filter((r) => years.includes(r[1])).reduce((s, r) => s + r[5], 0);
      expect(all).toBe(112337);
    },
    60_000,
  );
});
