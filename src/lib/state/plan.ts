/**
 * Which files a page fetches, as data: the plan that the page state (page.svelte.ts) carries out.
 * Pure (no fetching, no DOM), so that every page's files are table-tested.
 *
 * - explorer: one measure's figures (`data/full/<metric>.json`, a fraction of atlas.json; atlas.json
 *   when that file cannot be used), the other measures later (data/figures.ts); a view pinned to a
 *   data version (`v=`) loads that version whole.
 * - embed: its measure's packed slice of its version (data/slice.ts), another measure's slice when
 *   the reader picks one (`controls=1`); the map only when it shows one.
 * - deck: the latest record whole, and every version a slide is pinned to.
 * - methods: the latest record whole; no map.
 * A pinned version that the atlas never published is asked again as the latest
 * (data/version-fallback.ts); the plan for that is `figuresFiles(base, page, null)`.
 * Deliberately ignores caching (HTTP and the service worker own it) and the order of requests.
 */
import { datasetUrl, metricDatasetUrl, sliceUrl } from '../data/load';
import type { MetricId } from '../data/types';
import type { ViewParams } from './url';

/** What a page shows, as far as its files go. */
export type PageKind =
  | { kind: 'explorer'; metric: MetricId; v: string | null }
  | { kind: 'embed'; metric: MetricId; v: string | null; map: boolean }
  | { kind: 'deck'; versions: readonly (string | null)[] }
  | { kind: 'methods' };

/** The explorer's page for a view: its measure, and its data version when pinned. */
export function explorerPage(params: Pick<ViewParams, 'metric' | 'v'>): PageKind {
  return { kind: 'explorer', metric: params.metric, v: params.v };
}

/** One file to fetch, and what to call it when it fails ("the figures: HTTP 500"). */
export interface PlannedFile {
  url: string;
  what: string;
}

export interface Plan {
  /** per data version (null: the latest), the files that can give its figures: the first that answers is used */
  figures: { version: string | null; files: PlannedFile[] }[];
  /** how the figures' files are written: a dataset (data/load.ts) or a packed slice (data/slice.ts) */
  form: 'dataset' | 'slice';
  /** the governorate geometry, when the page draws a map */
  topology: PlannedFile | null;
  /** what follows the first view: the other measures' files (explorer), or a picked measure's slice (embed) */
  more: 'measures' | 'slices' | null;
  /** what a failure is said to be about when it does not say itself */
  what: string;
}

const TOPOLOGY = (base: string): PlannedFile => ({ url: `${base}geo/syria.topo.json`, what: 'the map' });
const figures = (url: string): PlannedFile => ({ url, what: 'the figures' });

export function planPage(base: string, page: PageKind): Plan {
  const versions = page.kind === 'deck' ? [...new Set([null, ...page.versions])] : page.kind === 'methods' ? [null] : [page.v];
  return {
    figures: versions.map((version) => ({ version, files: figuresFiles(base, page, version) })),
    form: page.kind === 'embed' ? 'slice' : 'dataset',
    topology: page.kind === 'methods' || (page.kind === 'embed' && !page.map) ? null : TOPOLOGY(base),
    more: page.kind === 'explorer' && page.v === null ? 'measures' : page.kind === 'embed' ? 'slices' : null,
    what: page.kind === 'explorer' || page.kind === 'embed' ? 'the atlas' : 'the figures',
  };
}

/**
 * The files that can give `version`'s figures for `page`, best first. An explorer pinned to a
 * version that turns out missing falls back to the latest record whole (as a pinned view always
 * loads it), not to one measure.
 */
export function figuresFiles(base: string, page: PageKind, version: string | null): PlannedFile[] {
  if (page.kind === 'embed') return [figures(sliceUrl(base, version, page.metric))];
  if (page.kind === 'explorer' && page.v === null) return [figures(metricDatasetUrl(base, page.metric)), figures(datasetUrl(base, null))];
  return [figures(datasetUrl(base, version))];
}

/** The file of another measure's slice, for an embed whose reader picked `metric`. */
export function sliceFile(base: string, version: string | null, metric: MetricId): PlannedFile {
  return figures(sliceUrl(base, version, metric));
}
