/**
 * `npm run data`, the versions part: keeps every data version the site has published, so that an
 * embed pinned to a version (`v=`) shows exactly the figures it was made with after the data moves on.
 *
 *   tsx scripts/publish-versions.ts        (also run at the end of scripts/build-data.ts)
 *
 * - `data/versions/<version>.json`: the record, committed to git. The current static/data/atlas.json
 *   is added when its version is new; files there are never rewritten or removed by the build.
 * - `static/data/versions/<version>.json`: a copy of each record (the explorer loads it for `?v=`);
 *   `static/data/versions/<version>/<metric>.json`: per-measure packed slices for embeds (src/lib/data/slice.ts);
 *   `static/data/latest/<metric>.json`: slices of the latest data (unpinned embeds);
 *   `static/data/full/<metric>.json`: the latest data of one measure with every field, in columns
 *   (the explorer paints its first view from it, and loads the other measures' files after);
 *   `static/data/versions.json`: the index (`{ latest, versions: [...] }`).
 *
 * `latest/`, `full/` and each version's slice folder are written fresh (a measure without rows
 * leaves no file behind). Deliberately ignores pruning: removing a published version breaks the embeds pinned to it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serializeDataset, writeAtomic } from './data/build';
import { parseDataset } from '../src/lib/data/load';
import type { Dataset, MetricId } from '../src/lib/data/types';
import { packSlice, sliceDataset, versionIndex } from '../src/lib/data/slice';

export interface PublishOptions {
  /** the dataset just built (default `static/data/atlas.json`) */
  atlasFile: string;
  /** the committed record (default `data/versions`) */
  recordDir: string;
  /** the built data folder the site serves (default `static/data`) */
  outDir: string;
}

export interface PublishResult {
  latest: string;
  /** true when the latest version was new and its record was written */
  added: boolean;
  versions: string[];
}

const VERSION_FILE = /^([0-9a-f]{6,64})\.json$/;

function readDataset(file: string): Dataset {
  return parseDataset(readFileSync(file, 'utf8'), file);
}

/**
 * Replaces a folder with exactly `files` (name → text): written beside it, then swapped in, so a
 * measure that lost its rows leaves no file behind for the site to keep serving.
 */
export function writeFreshDir(dir: string, files: Map<string, string>): void {
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(tmp, name), text);
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
}

function writeSlices(dataset: Dataset, dir: string): void {
  const metrics = new Set<MetricId>(dataset.observations.map((o) => o.metric));
  writeFreshDir(dir, new Map([...metrics].map((m) => [`${m}.json`, JSON.stringify(packSlice(dataset, m)) + '\n'])));
}

export function publishVersions(options: PublishOptions): PublishResult {
  const latest = readDataset(options.atlasFile);
  mkdirSync(options.recordDir, { recursive: true });
  const record = join(options.recordDir, `${latest.version}.json`);
  const added = !existsSync(record);
  if (added) writeAtomic(record, serializeDataset(latest));

  const datasets: Dataset[] = [];
  for (const name of readdirSync(options.recordDir).sort()) {
    const m = VERSION_FILE.exec(name);
    if (!m) continue;
    const dataset = readDataset(join(options.recordDir, name));
    if (dataset.version !== m[1]) throw new Error(`${name}: holds version ${dataset.version}, not ${m[1]}`);
    datasets.push(dataset);
    const text = readFileSync(join(options.recordDir, name), 'utf8');
    writeAtomic(join(options.outDir, 'versions', name), text);
    writeSlices(dataset, join(options.outDir, 'versions', dataset.version));
  }
  // what the site serves mirrors the record: a version removed from it (a draft) is no longer served
  const kept = new Set(datasets.map((d) => d.version));
  const served = join(options.outDir, 'versions');
  for (const name of existsSync(served) ? readdirSync(served) : []) {
    const v = name.replace(/\.json$/, '');
    if (/^[0-9a-f]{6,64}$/.test(v) && !kept.has(v)) rmSync(join(served, name), { recursive: true, force: true });
  }
  writeSlices(latest, join(options.outDir, 'latest'));
  // The explorer's first paint: the latest data of one measure, every field kept (it cites); its
  // other measures, one file each as the reader picks them. In columns like atlas.json: a fifth
  // fewer bytes on the wire than one object per row.
  writeFreshDir(
    join(options.outDir, 'full'),
    new Map([...new Set<MetricId>(latest.observations.map((o) => o.metric))].map((m) => [`${m}.json`, serializeDataset(sliceDataset(latest, m))])),
  );
  const index = versionIndex(datasets, latest.version);
  writeAtomic(join(options.outDir, 'versions.json'), JSON.stringify(index, null, 1) + '\n');
  return { latest: latest.version, added, versions: index.versions.map((v) => v.version) };
}

export function defaultOptions(root: string): PublishOptions {
  return {
    atlasFile: resolve(root, 'static/data/atlas.json'),
    recordDir: resolve(root, 'data/versions'),
    outDir: resolve(root, 'static/data'),
  };
}

/** Runs the step and prints one line; returns the exit code. */
export function runPublish(root: string, log: (line: string) => void = console.log): number {
  try {
    const r = publishVersions(defaultOptions(root));
    log(
      `data versions: ${r.versions.length} published (latest ${r.latest}${r.added ? ', new: commit data/versions/' + r.latest + '.json when you publish' : ''})`,
    );
    return 0;
  } catch (e) {
    console.error(`data versions: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname, 'publish-versions.ts')) {
  process.exitCode = runPublish(resolve(import.meta.dirname, '..'));
}
