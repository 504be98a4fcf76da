/**
 * Lists the (party, published name) pairs of data/observations/*.csv that data/perpetrator-names.csv
 * lacks, and with `--add` appends them (no months, empty note) so a maintainer only reviews the new
 * lines. Deliberately ignores names that are in the table but used outside their months: those need
 * a person to decide which party the name meant, so they are only listed.
 *
 *   npx tsx scripts/perpetrator-names.ts         # list
 *   npx tsx scripts/perpetrator-names.ts --add   # append the missing pairs
 */
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../src/lib/data/csv';
import { readPerpetratorNames, unlistedNames, type NamedRow } from '../src/lib/data/names';
import { period } from '../src/lib/data/period';

const data = join(import.meta.dirname, '..', 'data');
const read = (p: string) => parseCsv(readFileSync(p, 'utf8'));
const perps = read(join(data, 'perpetrators.csv'));
const ids = new Set(perps.records.map((r) => r.values[perps.header.indexOf('id')].trim()));
const { names, problems } = readPerpetratorNames(read(join(data, 'perpetrator-names.csv')), ids);
for (const p of problems) console.error(`data/perpetrator-names.csv:${p.line}: ${p.reason}`);

const rows: NamedRow[] = [];
for (const file of readdirSync(join(data, 'observations'))
  .filter((n) => n.endsWith('.csv'))
  .sort()) {
  const t = read(join(data, 'observations', file));
  const col = (c: string) => t.header.findIndex((h) => h.trim() === c);
  for (const r of t.records) {
    const perpetrator = r.values[col('perpetrator')].trim();
    if (perpetrator === 'all') continue;
    rows.push({
      perpetrator,
      name: r.values[col('perpetrator_published')].trim(),
      period: period(r.values[col('period')].trim()),
      where: `data/observations/${file}:${r.line}`,
    });
  }
}
const problemsFound = unlistedNames(rows, names);
const known = new Set(names.map((n) => `${n.perpetrator}\u0000${n.name}`));
const missing = [...new Set(rows.filter((r) => !known.has(`${r.perpetrator}\u0000${r.name}`)).map((r) => `${r.perpetrator}\u0000${r.name}`))];
for (const p of problemsFound) console.log(p);
if (process.argv.includes('--add') && missing.length > 0) {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  appendFileSync(
    join(data, 'perpetrator-names.csv'),
    missing
      .map((k) => {
        const [p, n] = k.split('\u0000');
        return `${p},${quote(n)},,,\n`;
      })
      .join(''),
  );
  console.log(`appended ${missing.length} pairs to data/perpetrator-names.csv`);
}
