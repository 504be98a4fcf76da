/**
 * Fetching the built JSON (dataset and geometry) from the site's own origin, with an error that
 * says what failed so the page can show it and offer a retry. Deliberately no caching logic here:
 * HTTP caching and, later, the service worker own that.
 */
import type { Dataset, Observation } from './types';

export class LoadError extends Error {
  constructor(
    /** what could not be loaded, for the message ("the figures", "the map") */
    readonly what: string,
    readonly url: string,
    detail: string,
  ) {
    super(`${what}: ${detail} (${url})`);
  }

  /** Any error thrown while loading, as a LoadError that says what failed. */
  static from(e: unknown, what: string): LoadError {
    return e instanceof LoadError ? e : new LoadError(what, '', String(e));
  }
}

export async function fetchJson<T>(url: string, what: string, fetcher: typeof fetch = fetch): Promise<T> {
  let res: Response;
  try {
    res = await fetcher(url);
  } catch (e) {
    throw new LoadError(what, url, e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) throw new LoadError(what, url, `HTTP ${res.status}`);
  try {
    return (await res.json()) as T;
  } catch {
    throw new LoadError(what, url, 'not valid JSON');
  }
}

/** The dataset's URL: the latest, or a published version an embed is pinned to. */
export function datasetUrl(base: string, version: string | null): string {
  return version ? `${base}data/versions/${version}.json` : `${base}data/atlas.json`;
}

/** One measure's latest figures with every field: what the explorer needs for its first view. */
export function metricDatasetUrl(base: string, metric: string): string {
  return `${base}data/full/${metric}.json`;
}

export function isDataset(x: unknown): x is Dataset {
  const d = x as Dataset;
  return !!d && typeof d.version === 'string' && Array.isArray(d.observations) && Array.isArray(d.sources);
}

/**
 * The observation fields in the order the file stores them. atlas.json keeps observations as
 * columns (`{ id: [...], metric: [...], ... }`, `null` where an optional field is absent): the
 * same figures in about three quarters of the gzip bytes of one object per row, because the
 * field names are written once. Older records (data/versions) hold one object per row; both read.
 */
export const OBSERVATION_FIELDS = [
  'id',
  'metric',
  'period',
  'area',
  'perp',
  'perpPublished',
  'victims',
  'unit',
  'value',
  'qualifier',
  'source',
  'section',
  'status',
  'note',
] as const satisfies readonly (keyof Observation)[];

type ObservationColumns = Record<(typeof OBSERVATION_FIELDS)[number], unknown[]>;

/** A dataset as written to a file: observations as columns. */
export function encodeObservations(observations: readonly Observation[]): ObservationColumns {
  const columns = {} as ObservationColumns;
  for (const f of OBSERVATION_FIELDS) columns[f] = observations.map((o) => o[f] ?? null);
  return columns;
}

/**
 * A dataset file's parsed JSON → a Dataset (observations as rows), or null when it is not one.
 * Accepts both the column form and the older row form.
 */
export function decodeDataset(x: unknown): Dataset | null {
  const d = x as { version?: unknown; sources?: unknown; observations?: unknown; findings?: unknown };
  if (!d || typeof d !== 'object' || typeof d.version !== 'string' || !Array.isArray(d.sources)) return null;
  if (Array.isArray(d.observations)) return Array.isArray(d.findings) ? (d as Dataset) : { ...(d as Dataset), findings: [] };
  const cols = d.observations as Partial<ObservationColumns> | undefined;
  if (!cols || typeof cols !== 'object') return null;
  const ids = cols.id;
  if (!Array.isArray(ids)) return null;
  const n = ids.length;
  for (const f of OBSERVATION_FIELDS) if (!Array.isArray(cols[f]) || cols[f].length !== n) return null;
  const observations: Observation[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const o: Record<string, unknown> = {};
    for (const f of OBSERVATION_FIELDS) {
      const v = (cols[f] as unknown[])[i];
      if (v !== null && v !== undefined) o[f] = v;
    }
    observations[i] = o as unknown as Observation;
  }
  return { ...(d as Omit<Dataset, 'observations'>), observations, findings: Array.isArray(d.findings) ? (d.findings as Dataset['findings']) : [] };
}

export async function loadDataset(url: string, fetcher: typeof fetch = fetch): Promise<Dataset> {
  const data = decodeDataset(await fetchJson<unknown>(url, 'the figures', fetcher));
  if (!data) throw new LoadError('the figures', url, 'unexpected format');
  return data;
}

/** Reads a dataset file's text (either form); throws when it is not a dataset. */
export function parseDataset(text: string, name = 'dataset'): Dataset {
  const data = decodeDataset(JSON.parse(text));
  if (!data) throw new Error(`${name}: not a dataset`);
  return data;
}
