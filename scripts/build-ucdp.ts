/**
 * `npm run data`, UCDP part: validates data/external/ucdp/ucdp-ged-syria-2016-2019.csv and writes
 * static/data/ucdp/ (tables.json, events.json, headlines-YYYY.json).
 *
 *   tsx scripts/build-ucdp.ts [--csv FILE] [--out DIR]
 *
 * A malformed row prints `file:line: reason` for every error, writes nothing and exits 1. The
 * output folder is replaced whole (written beside it, then renamed), so a failed build never
 * leaves a partial one. SNHR's atlas.json is not touched: the two records stay apart.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildEventsFile, buildTables, readUcdpCsv } from '../src/lib/ucdp/build';

export interface RunIO {
  log: (line: string) => void;
  error: (line: string) => void;
}

const USAGE = 'usage: tsx scripts/build-ucdp.ts [--csv FILE] [--out DIR]';
export const UCDP_CSV = 'data/external/ucdp/ucdp-ged-syria-2016-2019.csv';

/** Returns the exit code: 0 written, 1 validation errors (nothing written), 2 bad arguments. */
export function runUcdpBuild(argv: string[], root: string, io: RunIO = { log: console.log, error: console.error }): number {
  let csv = resolve(root, UCDP_CSV);
  let out = resolve(root, 'static/data/ucdp');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if ((a === '--csv' || a === '--out') && argv[i + 1] !== undefined) {
      if (a === '--csv') csv = resolve(argv[++i]);
      else out = resolve(argv[++i]);
    } else {
      io.error(`unknown argument "${a}"`);
      io.error(USAGE);
      return 2;
    }
  }
  const rel = (p: string) => {
    const r = relative(process.cwd(), p).split(sep).join('/');
    return r.startsWith('..') ? p : r;
  };
  if (!existsSync(csv)) {
    io.error(`${rel(csv)}: file not found; nothing written.`);
    return 1;
  }
  const { events, errors } = readUcdpCsv(readFileSync(csv, 'utf8'));
  if (errors.length) {
    for (const e of errors) io.error(`${rel(csv)}:${e.line}: ${e.reason}`);
    io.error(`${errors.length} error${errors.length === 1 ? '' : 's'}; nothing written.`);
    return 1;
  }

  const tables = buildTables(events);
  const { events: file, headlines } = buildEventsFile(events);
  const outputs: [string, string][] = [
    ['tables.json', JSON.stringify(tables)],
    ['events.json', JSON.stringify(file)],
    ...[...headlines].map(([year, h]): [string, string] => [`headlines-${year}.json`, JSON.stringify(h)]),
  ];

  const tmp = `${out}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    for (const [name, text] of outputs) writeFileSync(join(tmp, name), text);
    mkdirSync(dirname(out), { recursive: true });
    rmSync(out, { recursive: true, force: true });
    renameSync(tmp, out);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }

  const best = events.reduce((s, e) => s + e.best, 0);
  const unplaced = events.filter((e) => e.gov === null);
  io.log(`UCDP GED Syria: ${events.length} events, ${best} deaths (best estimate)`);
  io.log(`  not placed in a governorate: ${unplaced.length} events, ${unplaced.reduce((s, e) => s + e.best, 0)} deaths (counted apart, never spread)`);
  io.log(`  events spanning more than one month (in their year, in no month): ${events.filter((e) => e.start.slice(0, 7) !== e.end.slice(0, 7)).length}`);
  io.log(`  low–best–high out of order as published (kept as published): ${tables.rangeOutOfOrder}`);
  for (const [name, text] of outputs)
    io.log(`  wrote ${rel(join(out, name))}: ${Buffer.byteLength(text)} bytes, ${gzipSync(text, { level: 9 }).length} gzipped`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('build-ucdp.ts')) {
  process.exitCode = runUcdpBuild(process.argv.slice(2), resolve(import.meta.dirname, '..'));
}
