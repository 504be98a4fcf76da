/**
 * The explorer's figures beyond its first measure: one file per measure
 * (static/data/full/<metric>.json), fetched when the reader picks the measure, or earlier in idle
 * time, and merged (data/measures.ts) into the dataset the view draws. A change of measure then
 * finds its figures parsed and indexed, and paints in the next frame instead of waiting for the
 * whole atlas.json. A governorate's detail ("all measures") asks for every measure.
 *
 * - Each file is fetched once (a prefetch and a reader's pick share the request); a failed one is
 *   asked again on the next call (the page's "Try again").
 * - A measure's file that cannot be used (missing in an older build, or of another data version
 *   than the first: a deploy between two requests) gives way to the whole record, atlas.json,
 *   never to a mix of versions.
 * - `prefetch` works in idle time, one file at a time, and indexes the merged dataset in its own
 *   idle task, so that no step of it is a long task; it is skipped when the reader's browser asks
 *   to save data (`navigator.connection.saveData`): the files then come when picked.
 */
import type { Dataset, MetricId } from './types';
import { datasetUrl, decodeDataset, fetchJson, loadDataset, LoadError, metricDatasetUrl, OBSERVATION_FIELDS } from './load';
import { mergeDatasets, metricsOf } from './measures';
import { indexAhead } from './select';

/** Resolves once the browser is idle (at the latest after `timeout` ms). */
export function idle(timeout = 2000): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, 50);
  });
}

/** Whether the reader's browser asks pages to save data (Chromium's Save-Data). */
export function savingData(): boolean {
  const c = (globalThis.navigator as { connection?: { saveData?: boolean } } | undefined)?.connection;
  return c?.saveData === true;
}

/** rows decoded per task (a few milliseconds on a phone) */
const ROWS_PER_TASK = 600;

export class Figures {
  /** every measure of the record, in its order */
  readonly all: readonly MetricId[];
  private readonly parts = new Map<MetricId, Dataset>();
  private readonly asked = new Map<MetricId, Promise<Dataset>>();
  private whole: Promise<Dataset> | null = null;
  private merged: Dataset;
  private mergedOf = 0;

  constructor(
    private readonly base: string,
    /** the first view's figures (one measure) */
    first: Dataset,
    private readonly fetcher: typeof fetch = (input, init) => fetch(input, init),
  ) {
    this.all = first.metrics.map((m) => m.id);
    for (const m of metricsOf(first)) this.parts.set(m, first);
    this.merged = first;
    this.mergedOf = this.parts.size;
  }

  /** The measures whose file is not in yet. */
  missing(): MetricId[] {
    return this.all.filter((m) => !this.parts.has(m));
  }

  /**
   * Every measure loaded so far, once `metrics` are in, as one dataset. Falls back to the whole
   * record when a measure's file cannot be used; throws (a LoadError) when that fails too.
   */
  async load(metrics: readonly MetricId[]): Promise<Dataset> {
    if (this.whole) return this.whole;
    try {
      await Promise.all(metrics.map((m) => this.part(m)));
      return this.current();
    } catch {
      return this.loadWhole();
    }
  }

  /**
   * Fetches the measures not loaded yet in idle time, one by one, then merges and indexes them in
   * idle tasks of their own. Resolves with every measure as one dataset (null when stopped, or
   * when a file failed: a reader's pick then asks again, and says so if it fails).
   */
  async prefetch(stopped: () => boolean = () => false): Promise<Dataset | null> {
    if (savingData()) return null;
    try {
      for (const m of this.missing()) {
        await idle();
        if (stopped() || this.whole) return null;
        await this.part(m);
      }
      await idle();
      if (stopped() || this.whole) return null;
      const merged = this.current();
      await idle();
      if (stopped()) return null;
      indexAhead(merged);
      return merged;
    } catch {
      return null;
    }
  }

  private part(metric: MetricId): Promise<Dataset> {
    const have = this.parts.get(metric);
    if (have) return Promise.resolve(have);
    let p = this.asked.get(metric);
    if (!p) {
      p = this.fetchPart(metric).then(
        (d) => {
          if (d.version !== this.merged.version || !metricsOf(d).has(metric)) throw new Error(`${metric}: another data version`);
          this.parts.set(metric, d);
          return d;
        },
        (e: unknown) => {
          this.asked.delete(metric);
          throw e;
        },
      );
      this.asked.set(metric, p);
    }
    return p;
  }

  /**
   * A measure's file, its rows turned into objects a slice at a time, each slice in an idle task
   * of its own: the largest measure's file (the civilian deaths, ~2,700 rows) is otherwise one
   * long task after its download. The same decoding as `loadDataset`, on a part of the columns.
   */
  private async fetchPart(metric: MetricId): Promise<Dataset> {
    const url = metricDatasetUrl(this.base, metric);
    const raw = await fetchJson<{ observations?: unknown }>(url, 'the figures', this.fetcher);
    const cols = raw?.observations as Record<string, unknown[]> | undefined;
    const n = cols && !Array.isArray(cols) && Array.isArray(cols.id) ? cols.id.length : 0;
    if (n <= ROWS_PER_TASK) {
      const d = decodeDataset(raw);
      if (!d) throw new LoadError('the figures', url, 'unexpected format');
      return d;
    }
    const rows: Dataset['observations'] = [];
    let head: Dataset | null = null;
    for (let i = 0; i < n; i += ROWS_PER_TASK) {
      await idle();
      const part = Object.fromEntries(OBSERVATION_FIELDS.map((f) => [f, Array.isArray(cols![f]) ? cols![f].slice(i, i + ROWS_PER_TASK) : null]));
      const d = decodeDataset({ ...raw, observations: part });
      if (!d) throw new LoadError('the figures', url, 'unexpected format');
      head ??= d;
      for (const o of d.observations) rows.push(o);
    }
    return { ...head!, observations: rows };
  }

  /** The measures in, merged in the record's order of measures (once per new measure). */
  private current(): Dataset {
    if (this.mergedOf !== this.parts.size) {
      this.merged = mergeDatasets([...new Set(this.all.filter((m) => this.parts.has(m)).map((m) => this.parts.get(m)!))]);
      this.mergedOf = this.parts.size;
    }
    return this.merged;
  }

  private loadWhole(): Promise<Dataset> {
    this.whole ??= loadDataset(datasetUrl(this.base, null), this.fetcher).then(
      (d) => (this.wholeRecord = d),
      (e: unknown) => {
        this.whole = null;
        throw e;
      },
    );
    return this.whole;
  }
  private wholeRecord: Dataset | null = null;

  /** True when `dataset` is the whole record, or holds every measure of it. */
  complete(dataset: Dataset): boolean {
    if (dataset === this.wholeRecord) return true;
    const have = metricsOf(dataset);
    return this.all.every((m) => have.has(m));
  }
}
