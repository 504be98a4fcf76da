/**
 * Fetching the built JSON (dataset and geometry) from the site's own origin, with an error that
 * says what failed so the page can show it and offer a retry. Deliberately no caching logic here:
 * HTTP caching and, later, the service worker own that.
 */
import type { Dataset } from './types';

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

export async function loadDataset(url: string, fetcher: typeof fetch = fetch): Promise<Dataset> {
  const data = await fetchJson<unknown>(url, 'the figures', fetcher);
  if (!isDataset(data)) throw new LoadError('the figures', url, 'unexpected format');
  return data;
}
