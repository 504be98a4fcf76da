/**
 * The data build's core (node only): a data folder → a `Dataset`, or every validation error.
 * `scripts/build-data.ts` wraps it with argument parsing, printing and an atomic write; tests call
 * it directly on small synthetic folders.
 *
 * Reads `areas.csv`, `perpetrators.csv`, `metrics.csv`, then `sources/*.csv` and
 * `observations/*.csv` in name order (a missing folder has no rows). Output is deterministic:
 * tables and findings in a stable order, no timestamps, and `version` is a content hash, so the
 * same CSVs always give the same bytes.
 *
 * `runBuild` is the whole command (arguments, atomic write, log) with its output passed in, so
 * tests run it without spawning a process.
 *
 * Deliberately ignores: files other than `*.csv` in those folders, and geography (build-geo.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { decodeCsvBytes, parseCsv, type CsvTable } from '../../src/lib/data/csv';
import { encodeObservations } from '../../src/lib/data/load';
import { FINDING_KINDS, runChecks } from './checks';
import { period } from '../../src/lib/data/period';
import type { Dataset, Observation } from '../../src/lib/data/types';
import {
  readAreas,
  readMetrics,
  readObservations,
  readPerpetrators,
  readSources,
  type Locations,
  type TableFile,
  type ValidationError,
} from './validate';

export interface BuildResult {
  /** null when there is any validation error */
  dataset: Dataset | null;
  errors: ValidationError[];
  /** observation id → `file:line`, for the build log */
  locations: Locations;
}

export interface BuildOptions {
  /** how file names are shown in errors, e.g. `data` for `data/observations/x.csv` (default: dir relative to the working directory) */
  label?: string;
}

/** A CSV file read strictly (see decodeCsvBytes): bytes that are not UTF-8 or hold control characters are errors. */
export function readTable(path: string): CsvTable {
  const { text, errors } = decodeCsvBytes(readFileSync(path));
  if (text === null) return { header: [], headerLine: 1, records: [], errors };
  const table = parseCsv(text);
  return errors.length ? { ...table, errors: [...errors, ...table.errors].sort((a, b) => a.line - b.line) } : table;
}

function load(dir: string, name: string, label: string): TableFile | ValidationError {
  const path = join(dir, name);
  const file = `${label}/${name}`;
  if (!existsSync(path)) return { file, line: 0, reason: 'file not found' };
  return { file, table: readTable(path) };
}

function loadFolder(dir: string, folder: string, label: string): TableFile[] {
  const path = join(dir, folder);
  if (!existsSync(path)) return [];
  return readdirSync(path)
    .filter((n) => n.endsWith('.csv'))
    .sort()
    .map((n) => ({ file: `${label}/${folder}/${n}`, table: readTable(join(path, n)) }));
}

/**
 * A table that lost every row is an error, never an empty measure: an editor's slip (a file
 * truncated, a bad merge) must not quietly withdraw published figures. To remove a table, delete
 * its file; the build then says which measures have no rows.
 */
export function emptyTableErrors(files: TableFile[]): ValidationError[] {
  const errors: ValidationError[] = [];
  for (const f of files) {
    if (f.table.errors.length > 0) continue;
    if (f.table.header.length === 0)
      errors.push({ file: f.file, line: 0, reason: 'the file is empty (to withdraw a table, delete the file)' });
    else if (f.table.records.length === 0)
      errors.push({ file: f.file, line: f.table.headerLine, reason: 'the file has a header and no rows (to withdraw a table, delete the file)' });
  }
  return errors;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A stable order for observations: metric, period (by start, the longer first, so a year comes
 * before its months), area, party, victims, unit, source, id.
 */
export function compareObservations(a: Observation, b: Observation): number {
  const pa = period(a.period);
  const pb = period(b.period);
  return (
    cmp(a.metric, b.metric) ||
    cmp(pa.start, pb.start) ||
    cmp(pb.end, pa.end) ||
    cmp(a.area, b.area) ||
    cmp(a.perp, b.perp) ||
    cmp(a.victims, b.victims) ||
    cmp(a.unit, b.unit) ||
    cmp(a.source, b.source) ||
    cmp(a.id, b.id)
  );
}

export function datasetVersion(content: Omit<Dataset, 'version'>): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 12);
}

export function buildDataset(dir: string, options: BuildOptions = {}): BuildResult {
  const label = options.label ?? (relative(process.cwd(), dir).split(sep).join('/') || '.');
  const errors: ValidationError[] = [];
  const table = (name: string): TableFile | null => {
    const t = load(dir, name, label);
    if ('reason' in t) {
      errors.push(t);
      return null;
    }
    return t;
  };

  const metricsFile = table('metrics.csv');
  const areasFile = table('areas.csv');
  const perpsFile = table('perpetrators.csv');
  const empty = { values: [], errors: [] };
  const perpetrators = perpsFile ? readPerpetrators(perpsFile) : { ...empty, register: [] };
  const perpsOk = perpsFile !== null && perpetrators.errors.length === 0;
  const metrics = metricsFile ? readMetrics(metricsFile, perpsOk ? new Set(perpetrators.values.map((p) => p.id)) : undefined) : empty;
  const metricsOk = metricsFile !== null && metrics.errors.length === 0;
  const areas = areasFile ? readAreas(areasFile) : empty;
  const sourceFiles = loadFolder(dir, 'sources', label);
  const observationFiles = loadFolder(dir, 'observations', label);
  const emptySources = emptyTableErrors(sourceFiles);
  const emptyTables = [
    ...emptyTableErrors([metricsFile, areasFile, perpsFile].filter((f) => f !== null)),
    ...emptySources,
    ...emptyTableErrors(observationFiles),
  ];
  const sources = readSources(sourceFiles);
  // A reference table with errors is not used to judge rows (see References in validate.ts): an
  // emptied sources file is one error naming the file, not one per row citing its sources.
  const observations = readObservations(observationFiles, {
    metrics: metricsOk ? metrics.values : null,
    perpetrators: perpsOk ? perpetrators.values : null,
    sources: sources.errors.length === 0 && emptySources.length === 0 ? sources.values : null,
  });
  errors.push(...emptyTables, ...metrics.errors, ...areas.errors, ...perpetrators.errors, ...sources.errors, ...observations.errors);

  if (errors.length > 0) return { dataset: null, errors, locations: observations.locations };

  const sortedObservations = [...observations.values].sort(compareObservations);
  const sortedSources = [...sources.values].sort((a, b) => cmp(a.id, b.id));
  const findings = runChecks(sortedObservations, { sources: sortedSources, perpetrators: perpetrators.values });
  const content = {
    metrics: metrics.values,
    areas: areas.values,
    perpetrators: perpetrators.values,
    sources: sortedSources,
    observations: sortedObservations,
    findings,
  };
  return { dataset: { version: datasetVersion(content), ...content }, errors, locations: observations.locations };
}

/** The bytes written to atlas.json. */
export function serializeDataset(dataset: Dataset): string {
  return JSON.stringify({ ...dataset, observations: encodeObservations(dataset.observations) }) + '\n';
}

/** Writes `text` to `path` through a temporary file and a rename, so readers never see half a file. */
export function writeAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

export interface RunIO {
  log: (line: string) => void;
  error: (line: string) => void;
}

/** `a.csv:2, a.csv:5, b.csv:3` → `a.csv:2, 5; b.csv:3` */
function whereList(places: string[]): string {
  const byFile = new Map<string, string[]>();
  for (const p of places) {
    const k = p.lastIndexOf(':');
    const file = k > 0 ? p.slice(0, k) : p;
    const lines = byFile.get(file) ?? [];
    if (k > 0) lines.push(p.slice(k + 1));
    byFile.set(file, lines);
  }
  return [...byFile].map(([file, lines]) => (lines.length ? `${file}:${lines.join(', ')}` : file)).join('; ');
}

const USAGE = 'usage: tsx scripts/build-data.ts [--data DIR] [--out FILE]';

/**
 * The `build-data` command. `root` is the repository (defaults: `root/data`, `root/static/data/atlas.json`).
 * Returns the exit code: 0 written, 1 validation errors (nothing written), 2 bad arguments.
 */
export function runBuild(argv: string[], root: string, io: RunIO = { log: console.log, error: console.error }): number {
  let data = resolve(root, 'data');
  let out = resolve(root, 'static/data/atlas.json');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if ((a === '--data' || a === '--out') && argv[i + 1] !== undefined) {
      if (a === '--data') data = resolve(argv[++i]);
      else out = resolve(argv[++i]);
    } else {
      io.error(`unknown argument "${a}"`);
      io.error(USAGE);
      return 2;
    }
  }

  const { dataset, errors, locations } = buildDataset(data);
  if (!dataset) {
    for (const e of errors) io.error(e.line > 0 ? `${e.file}:${e.line}: ${e.reason}` : `${e.file}: ${e.reason}`);
    io.error(`${errors.length} error${errors.length === 1 ? '' : 's'}; nothing written.`);
    return 1;
  }

  const json = serializeDataset(dataset);
  writeAtomic(out, json);

  if (dataset.findings.length > 0) {
    io.log(`Findings (${dataset.findings.length}):`);
    for (const f of dataset.findings) {
      io.log(`  [${f.kind}] ${f.message}`);
      io.log(`      rows: ${whereList(f.observations.map((id) => locations.get(id) ?? id))}`);
    }
  }
  const perMetric = new Map<string, number>();
  for (const o of dataset.observations) perMetric.set(o.metric, (perMetric.get(o.metric) ?? 0) + 1);
  const perKind = new Map<string, number>();
  for (const f of dataset.findings) perKind.set(f.kind, (perKind.get(f.kind) ?? 0) + 1);
  const rel = relative(process.cwd(), out).split(sep).join('/');
  const shown = rel.startsWith('..') ? out : rel;
  io.log(`atlas data ${dataset.version}`);
  io.log(`  sources: ${dataset.sources.length}`);
  io.log(`  observations: ${dataset.observations.length}`);
  for (const m of dataset.metrics) io.log(`    ${m.id}: ${perMetric.get(m.id) ?? 0}`);
  // a measure without rows (its files deleted) is withdrawn from the site: said out loud
  for (const m of dataset.metrics)
    if (!perMetric.has(m.id)) io.log(`  withdrawn: ${m.id} has no rows, so the site publishes no figures for it`);
  io.log(`  findings: ${dataset.findings.length}`);
  for (const k of FINDING_KINDS) if (perKind.has(k)) io.log(`    ${k}: ${perKind.get(k)}`);
  io.log(`  wrote ${shown}: ${Buffer.byteLength(json)} bytes, ${gzipSync(json, { level: 9 }).length} gzipped`);
  return 0;
}
