// The naming table against the real data: every (party, published name) pair of every observation
// row is in data/perpetrator-names.csv, for the months of the row; plus the table reader and the
// pair check on small synthetic tables (names invented for the test).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/data/csv';
import { ambiguousNames, readPerpetratorNames, unlistedNames, type NamedRow } from '../../src/lib/data/names';
import { period } from '../../src/lib/data/period';

const DATA = join(__dirname, '..', '..', 'data');
const read = (path: string) => parseCsv(readFileSync(path, 'utf8'));

function perpetratorsTable() {
  const t = read(join(DATA, 'perpetrators.csv'));
  const id = t.header.indexOf('id');
  const parent = t.header.indexOf('parent');
  return new Map(t.records.map((r) => [r.values[id].trim(), r.values[parent].trim()]));
}

function dataRows(): NamedRow[] {
  const dir = join(DATA, 'observations');
  const rows: NamedRow[] = [];
  for (const file of readdirSync(dir).filter((n) => n.endsWith('.csv')).sort()) {
    const t = read(join(dir, file));
    const col = (c: string) => t.header.findIndex((h) => h.trim() === c);
    const [p, n, per] = [col('perpetrator'), col('perpetrator_published'), col('period')];
    for (const r of t.records) {
      const perpetrator = r.values[p].trim();
      if (perpetrator === 'all') continue;
      rows.push({ perpetrator, name: r.values[n].trim(), period: period(r.values[per].trim()), where: `data/observations/${file}:${r.line}` });
    }
  }
  return rows;
}

describe('data/perpetrator-names.csv', () => {
  const parents = perpetratorsTable();
  const { names, problems } = readPerpetratorNames(read(join(DATA, 'perpetrator-names.csv')), new Set(parents.keys()));

  it('is well formed', () => {
    expect(problems).toEqual([]);
    expect(names.length).toBeGreaterThan(300);
  });

  it('lists every (party, published name) pair of the data, for the months of each row', () => {
    const rows = dataRows();
    expect(rows.length).toBeGreaterThan(1000);
    expect(unlistedNames(rows, names)).toEqual([]);
  });

  it('bounds every name that means different parties at different times', () => {
    const top = (id: string) => parents.get(id) || id;
    for (const [name, entries] of ambiguousNames(names)) {
      // a sub-item of other parties printed under its parent's name is not ambiguous
      if (new Set(entries.map((e) => top(e.perpetrator))).size === 1) continue;
      for (const e of entries) expect(e.from !== '' || e.to !== '', `"${name}" for ${e.perpetrator} needs from or to`).toBe(true);
    }
  });

  it('reads "government forces" as the regime before December 2024 and as the new government after', () => {
    const at = (perpetrator: string, key: string) => unlistedNames([{ perpetrator, name: 'government forces', period: period(key), where: 'x' }], names);
    expect(at('regime', '2014-02')).toEqual([]);
    expect(at('regime', '2011-03/2016-06')).toEqual([]);
    expect(at('government', '2025-08')).toEqual([]);
    expect(at('government', '2015-03')).toHaveLength(1);
    expect(at('regime', '2025-08')).toHaveLength(1);
  });
});

describe('naming table reader and check (synthetic)', () => {
  const ids = new Set(['regime', 'russia', 'government']);
  const table = (body: string) => parseCsv(`perpetrator,name_published,from,to,note\n${body}`);

  it('reports malformed rows with their line', () => {
    const { problems } = readPerpetratorNames(table('nobody,X,,,\nregime,,,,\nregime,Y,2015-13,,\nregime,Z,2016,2015,\nregime,Q,,,\nregime,Q,,,\n'), ids);
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4, 5, 7]);
    expect(problems[0].reason).toContain('"nobody"');
  });

  it('accepts combined parties and bounds written as years or months', () => {
    const { names, problems } = readPerpetratorNames(table('regime+russia,Alliance,,,\nregime,Gov,2013,2024-12,\n'), ids);
    expect(problems).toEqual([]);
    expect(names[1]).toMatchObject({ from: '2013-01-01', to: '2024-12-31' });
  });

  it('finds a missing pair and a name used outside its months', () => {
    const { names } = readPerpetratorNames(table('regime,Gov,,2024-12,\ngovernment,Gov,2024-12,,\n'), ids);
    const row = (perpetrator: string, name: string, key: string): NamedRow => ({ perpetrator, name, period: period(key), where: 'f.csv:2' });
    expect(unlistedNames([row('regime', 'Gov', '2015'), row('government', 'Gov', '2025-01')], names)).toEqual([]);
    expect(unlistedNames([row('russia', 'Gov', '2015')], names)).toEqual(['f.csv:2: "Gov" for russia is not in perpetrator-names.csv']);
    expect(unlistedNames([row('government', 'Gov', '2015')], names)[0]).toContain('only in 2024-12-01–…, not in 2015');
    expect(unlistedNames([row('regime', 'gov', '2015')], names)).toHaveLength(1);
    expect([...ambiguousNames(names).keys()]).toEqual(['gov']);
  });
});
