/**
 * What follows a page's first view, for the page state (page.svelte.ts), loaded after that view
 * (it is not needed to paint it, and the explorer's first-paint JavaScript has a budget):
 * - the explorer's other measures (data/figures.ts): fetched in idle time and handed to the view
 *   when the reader next touches a filter, or fetched at once when the reader picks a measure or a
 *   governorate's detail ("all measures");
 * - an embed's slice of a measure its reader picks (`controls=1`), of the embed's data version.
 * A failure is kept for the page to show with its retry; an answer the reader no longer waits for
 * is dropped.
 */
import type { Figures } from '../data/figures';
import { fetchJson, LoadError } from '../data/load';
import type { Dataset, MetricId } from '../data/types';
import { sliceFile } from './plan';
import type { SliceReader } from './page.svelte';

/** The page state, as seen from here. */
export interface MoreHost {
  /** the measures whose figures are in (null: every measure's) */
  readonly measuresIn: ReadonlySet<string> | null;
  moreFailure: LoadError | null;
  allIn: boolean;
  /** the view now draws `dataset`, which holds `measures` (null: every measure) */
  add(dataset: Dataset, measures: ReadonlySet<string> | null): void;
}

const metricsIn = (d: Dataset) => new Set(d.observations.map((o) => o.metric));

export class More {
  /** the explorer's files per measure; null for an embed */
  readonly #figures: Figures | null;
  #prefetching = false;
  /** every measure, fetched and indexed in idle time, until the reader next touches a filter */
  #prefetched: Dataset | null = null;
  /** the measure asked for last (an embed's older answer is dropped) */
  #wanted: MetricId | null = null;

  private constructor(
    private readonly host: MoreHost,
    private readonly base: string,
    private readonly fetcher: typeof fetch,
    figures: Figures | null,
    private readonly version: string | null,
    private readonly slices?: SliceReader,
  ) {
    this.#figures = figures;
  }

  /**
   * `first`: the explorer's first figures (one measure's), whose other measures follow
   * (data/figures.ts, loaded only then); null for an embed, whose picked measures come as slices
   * of its data `version` (a missing pinned version: null, the latest), read by `slices`.
   */
  static async make(host: MoreHost, base: string, fetcher: typeof fetch, first: Dataset | null, version: string | null, slices?: SliceReader): Promise<More> {
    const figures = first ? new (await import('../data/figures')).Figures(base, first, fetcher) : null;
    return new More(host, base, fetcher, figures, version, slices);
  }

  /**
   * Every measure parsed and indexed before the reader picks one: a change of measure then paints
   * in the next frame (a step at a time, none of them a long task).
   */
  prefetch(): void {
    const f = this.#figures;
    if (!f || this.#prefetching) return;
    this.#prefetching = true;
    void f
      .prefetch(() => this.host.measuresIn === null)
      .then((d) => {
        if (d) ((this.#prefetched = d), (this.host.allIn = true));
      });
  }

  /** The prefetched measures, to the view (before the filter's own handler, in the same task). */
  handOver(): void {
    const d = this.#prefetched;
    this.#prefetched = null;
    if (d) this.#apply(d);
  }

  /** The view shows `metric` (and `all` measures: a governorate's detail) before they are in. */
  async want(metric: MetricId, all: boolean): Promise<void> {
    this.#wanted = metric;
    this.host.moreFailure = null;
    const f = this.#figures;
    try {
      if (f) return this.#apply(await f.load(all ? f.missing() : [metric]));
      const file = sliceFile(this.base, this.version, metric);
      const dataset = this.slices?.(await fetchJson<unknown>(file.url, file.what, this.fetcher));
      if (!dataset) throw new LoadError(file.what, file.url, 'unexpected format');
      if (this.#wanted === metric) this.host.add(dataset, new Set([metric]));
    } catch (e) {
      if (this.#wanted === metric) this.host.moreFailure = LoadError.from(e, 'the figures');
    }
  }

  /** Draws from `dataset` when it holds more measures than the view has (an older answer is dropped). */
  #apply(dataset: Dataset): void {
    const had = this.host.measuresIn;
    if (had === null || !this.#figures) return;
    const have = metricsIn(dataset);
    const complete = this.#figures.complete(dataset);
    if (!complete && have.size <= had.size) return;
    this.host.add(dataset, complete ? null : have);
  }
}
