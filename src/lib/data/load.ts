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
    /** true when the request stalled (no byte for STALL_MS): the page says so and offers a retry */
    readonly timedOut = false,
  ) {
    super(`${what}: ${detail} (${url})`);
  }

  /** Any error thrown while loading, as a LoadError that says what failed. */
  static from(e: unknown, what: string): LoadError {
    return e instanceof LoadError ? e : new LoadError(what, '', String(e));
  }
}

/**
 * How long a request may go without receiving a byte before it is given up: a stalled request
 * (a captive portal, a dead mobile link) otherwise leaves "Loading…" on screen forever. Progress
 * restarts the clock, so a slow but moving download of atlas.json is never cut. The fetcher must
 * honour the abort signal (the browser's fetch does).
 */
export const STALL_MS = 30_000;

/**
 * `url` resolved against the page's address as it is now. The site's URLs are relative (`./data/…`),
 * and Chromium refuses a relative URL resolved against an address that held a newline and a `<`
 * (its guard against dangling markup): a crafted link, or Back to such an address, would then fail
 * every later load of the page. The resolved string carries neither, so it is fetched.
 */
export function resolveHere(url: string, doc: Pick<Document, 'baseURI'> | undefined = globalThis.document): string {
  if (!doc) return url;
  try {
    return new URL(url, doc.baseURI).href;
  } catch {
    return url;
  }
}

export async function fetchJson<T>(url: string, what: string, fetcher: typeof fetch = fetch, stallMs = STALL_MS): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // restarted by every chunk of the body; aborting also ends a body read in progress
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(), stallMs);
  };
  const fail = (detail: string) =>
    controller.signal.aborted ? new LoadError(what, url, `no answer for ${stallMs / 1000} s`, true) : new LoadError(what, url, detail);
  restart();
  try {
    let text = '';
    try {
      const res = await fetcher(resolveHere(url), { signal: controller.signal });
      if (!res.ok) throw new LoadError(what, url, `HTTP ${res.status}`);
      // a host that answers a missing file with its home page (200, text/html) is not sending JSON
      const type = res.headers?.get('content-type') ?? '';
      if (/\bhtml\b/i.test(type)) throw new LoadError(what, url, `a web page (${type.split(';')[0]}) came instead of the file`);
      const reader = res.body?.getReader();
      if (!reader) text = await res.text();
      const decoder = new TextDecoder();
      for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader!.read()) {
        restart();
        text += decoder.decode(chunk.value, { stream: true });
      }
      text += decoder.decode();
    } catch (e) {
      throw e instanceof LoadError ? e : fail(e instanceof Error ? e.message : String(e));
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new LoadError(what, url, 'not valid JSON');
    }
  } finally {
    clearTimeout(timer);
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

/**
 * The URL of a measure's slice: of a published version when the embed is pinned (`v=`), else of
 * the latest data. `base` ends with `/` (the site's base URL as seen from the page).
 */
export function sliceUrl(base: string, version: string | null, metric: string): string {
  return version ? `${base}data/versions/${version}/${metric}.json` : `${base}data/latest/${metric}.json`;
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
