/**
 * The page state: what a page loads and how far it got, for every shell (explorer, embed, deck,
 * methods). The shell says what kind of page it is (plan.ts says which files that means) and wires
 * the result to its layout; it holds no fetching, status or retry of its own.
 *
 * - `status`: loading → ready or error, mirrored to `body[data-state]` (browser tests and the bench
 *   wait on it). "ready" is written once the loaded view is on screen (Svelte's update, then the
 *   next frame), not when the bytes arrive.
 * - `failure`: a LoadError naming what failed ("the map", "the figures"); `retry()` asks again for
 *   what failed (the first load, or a measure picked later).
 * - The figures per data version asked for, the topology, and the pinned versions the atlas never
 *   published (their pages show the latest figures and say so).
 * - The interface language: `setLocale` beside the first load, so that the page is marked ready
 *   only once it speaks the reader's language.
 * - What follows the first view: the explorer's other measures (fetched in idle time by
 *   data/figures.ts, handed to the view when the reader next touches a filter, or fetched at once
 *   when the reader picks one), and an embed's slice of a measure its reader picks.
 *
 * Already-loaded data (`initial`: the explorer's prerendered first view, at build time and when the
 * page hydrates) makes the state ready from the start. Nothing here touches the DOM before
 * `start()` (called from the shell's onMount), so the explorer renders on the server.
 * Deliberately ignores layout and URLs: those stay with the shells.
 */
import { fetchJson, loadDataset, LoadError } from '../data/load';
import type { More } from './more';
import type { Dataset, MetricId } from '../data/types';
import type { SyriaTopology } from '../map/geo';
import { setLocale, type Locale } from '../i18n/i18n.svelte';
import { figuresFiles, planPage, type PageKind, type PlannedFile } from './plan';

export type PageStatus = 'loading' | 'ready' | 'error';

/** What a page's first load brought. */
export interface Loaded {
  /** the figures per data version asked for (null: the latest); a never-published version's are the latest */
  datasets: ReadonlyMap<string | null, Dataset>;
  /** null when the page draws no map */
  topology: SyriaTopology | null;
  /** the pinned versions that the atlas never published */
  missing: readonly string[];
}

/** The explorer's first view, loaded before its shell (by the page's entry, or at build time). */
export interface FirstView extends Loaded {
  /** the query string the view was read from ('' for the prerendered default view) */
  search: string;
}

/** Where a one-view page's figures go (the view state): a missing version unpins the view. */
export interface FiguresSink {
  params: { v: string | null };
  setDataset(dataset: Dataset): void;
}

/** A packed slice's JSON as a dataset, null when it is not one: data/slice.ts `readSlice`. */
export type SliceReader = (packed: unknown) => Dataset | null;

export interface PageOptions {
  /**
   * How a packed slice is read, given by the pages whose plan reads slices (the embed: data/slice.ts
   * `readSlice`), so that the explorer's first-paint code carries no slice decoder
   */
  slices?: SliceReader;
  /** already loaded: the page is ready from the start (the explorer's prerendered first view) */
  initial?: Loaded | null;
  /** the interface language, set beside the first load */
  lang?: Locale | null;
  /** the view that draws the figures (explorer, embed); a deck picks its figures per slide instead */
  view?: FiguresSink;
  /** after each first load, before the page is marked ready (a deck draws its first slide here) */
  onload?: (loaded: Loaded) => void | Promise<void>;
  fetcher?: typeof fetch;
  /** the element whose `data-state` mirrors the status; the document's body by default */
  body?: () => { dataset: DOMStringMap } | null | undefined;
  /** resolves once what was loaded is on screen; by default at the next frame (after Svelte's update) */
  painted?: () => Promise<void>;
}

/** The first file of `files` that answers; when none does, the last one's failure. */
async function readFirst(files: readonly PlannedFile[], form: 'dataset' | 'slice', fetcher: typeof fetch, slices?: SliceReader): Promise<Dataset> {
  for (let i = 0; ; i++) {
    try {
      return await read(files[i], form, fetcher, slices);
    } catch (e) {
      if (i >= files.length - 1) throw e;
    }
  }
}

async function read(file: PlannedFile, form: 'dataset' | 'slice', fetcher: typeof fetch, slices?: SliceReader): Promise<Dataset> {
  if (form === 'dataset') return loadDataset(file.url, fetcher);
  const dataset = slices?.(await fetchJson<unknown>(file.url, file.what, fetcher));
  if (!dataset) throw new LoadError(file.what, file.url, 'unexpected format');
  return dataset;
}

/**
 * Everything `page` needs for its first view (the plan, carried out); throws a LoadError. A plan
 * that reads slices (the embed's) needs their reader (`slices`).
 */
export async function loadPage(base: string, page: PageKind, fetcher: typeof fetch = (i, init) => fetch(i, init), slices?: SliceReader): Promise<Loaded> {
  const plan = planPage(base, page);
  const [topology, ...figures] = await Promise.all([
    plan.topology ? fetchJson<SyriaTopology>(plan.topology.url, plan.topology.what, fetcher) : null,
    ...plan.figures.map(({ version, files }) =>
      version === null
        ? readFirst(files, plan.form, fetcher, slices).then((value) => ({ value, missing: null }))
        : // a version the atlas never published: the latest figures, said so (no retry could help)
          import('../data/version-fallback').then((m) =>
            m.loadWithVersionFallback(
              base,
              version,
              (v) => readFirst(v === version ? files : figuresFiles(base, page, v), plan.form, fetcher, slices),
              fetcher,
            ),
          ),
    ),
  ]);
  return {
    datasets: new Map(plan.figures.map((f, i) => [f.version, figures[i].value])),
    topology,
    missing: figures.flatMap((f) => (f.missing === null ? [] : [f.missing])),
  };
}

const metricsIn = (d: Dataset) => new Set(d.observations.map((o) => o.metric));

export class PageState {
  status = $state<PageStatus>('loading');
  /** what the first load could not bring (the page shows it with a retry) */
  failure = $state.raw<LoadError | null>(null);
  topology = $state.raw<SyriaTopology | null>(null);
  /** the figures per data version asked for (null: the latest) */
  datasets = $state.raw<ReadonlyMap<string | null, Dataset>>(new Map());
  /** the pinned versions that the atlas never published (the latest figures are shown) */
  missing = $state.raw<readonly string[]>([]);
  /** the measures whose figures are in; null when every measure's are (or the page has no such notion) */
  measuresIn = $state.raw<ReadonlySet<string> | null>(null);
  /** what a measure picked after the first view could not bring */
  moreFailure = $state.raw<LoadError | null>(null);
  /** every measure is in, or fetched and indexed and waiting for the reader's next filter change */
  allIn = $state(false);

  readonly #base: string;
  #page: PageKind;
  readonly #opts: PageOptions;
  readonly #fetcher: typeof fetch;
  /** counts first loads: an answer to an older one is dropped */
  #run = 0;
  /** the version the figures come from (a missing pinned version: the latest) */
  #version: string | null = null;
  /** the explorer's first figures when they are one measure's: what the other measures add to */
  #first: Dataset | null = null;
  /** what follows the first view (more.ts), loaded after it */
  #more: Promise<More> | null = null;
  #moreNow: More | null = null;
  /** what the view last asked for after the first view */
  #wanted: { metric: MetricId; all: boolean } | null = null;

  constructor(base: string, page: PageKind, options: PageOptions = {}) {
    this.#base = base;
    this.#page = page;
    this.#opts = options;
    this.#fetcher = options.fetcher ?? ((i, init) => fetch(i, init));
    if (options.initial) this.#take(options.initial);
  }

  /** The figures of a page with one data version (explorer, embed, methods). */
  get dataset(): Dataset | null {
    return this.datasets.values().next().value ?? null;
  }

  /** The shell is mounted: loads what is not in yet, or marks the given first view ready. */
  start(): void {
    if (this.status === 'ready') this.#shown(this.#run);
    else void this.load();
  }

  /** Loads the page's first view (again, or for another `page`: a deck whose slides changed). */
  load = async (page?: PageKind): Promise<void> => {
    if (page) this.#page = page;
    const run = ++this.#run;
    this.status = 'loading';
    this.failure = null;
    this.#mirror('loading');
    try {
      const lang = this.#opts.lang;
      const [loaded] = await Promise.all([loadPage(this.#base, this.#page, this.#fetcher, this.#opts.slices), lang ? setLocale(lang) : null]);
      if (run !== this.#run) return;
      this.#take(loaded);
      await this.#opts.onload?.(loaded);
      if (run === this.#run) this.#shown(run);
    } catch (e) {
      if (run !== this.#run) return;
      this.failure = LoadError.from(e, planPage(this.#base, this.#page).what);
      this.status = 'error';
      this.#mirror('error');
    }
  };

  /** Asks again for what failed: the first view, else the measure the view last asked for. */
  retry = (): void => {
    if (this.failure || !this.#wanted) void this.load();
    else this.want(this.#wanted.metric, this.#wanted.all);
  };

  /** The page's language changed (the explorer's `lang`, Back included). */
  speak(lang: Locale | null): void {
    void setLocale(lang ?? 'en');
  }

  /** Whether the figures of `metric` are in. */
  has(metric: string): boolean {
    return this.measuresIn === null || this.measuresIn.has(metric);
  }

  /**
   * The view shows `metric` (and `all` measures: a governorate's detail): their figures are
   * fetched when not in. Called from the shell's effect; reads the state it depends on.
   */
  want(metric: MetricId, all = false): void {
    const have = this.measuresIn;
    if (have === null || this.status !== 'ready') return;
    this.#wanted = { metric, all };
    if (all || !have.has(metric))
      void this.#moreOf().then(
        (m) => m.want(metric, all),
        (e: unknown) => (this.moreFailure = LoadError.from(e, 'the figures')),
      );
  }

  /**
   * Hands the prefetched measures to the view: when the reader next touches a filter (before the
   * filter's own handler, in the same task). Handing them over at once would redraw the view on
   * the same figures, a long task for nothing on a phone.
   */
  handOver = (): void => this.#moreNow?.handOver();

  /** The view now draws `dataset`, which holds `measures` (null: every measure): more.ts's answer. */
  add(dataset: Dataset, measures: ReadonlySet<string> | null): void {
    this.datasets = new Map([[this.datasets.keys().next().value ?? null, dataset]]);
    this.#opts.view?.setDataset(dataset);
    this.measuresIn = measures;
    if (!measures) this.allIn = true;
  }

  #mirror(status: PageStatus): void {
    const body = this.#opts.body ? this.#opts.body() : globalThis.document?.body;
    if (body) body.dataset.state = status;
  }

  #take(loaded: Loaded): void {
    const plan = planPage(this.#base, this.#page);
    this.topology = loaded.topology;
    this.datasets = loaded.datasets;
    this.missing = loaded.missing;
    const asked = plan.figures[0].version;
    this.#version = asked !== null && loaded.missing.includes(asked) ? null : asked;
    const dataset = this.dataset;
    const view = this.#opts.view;
    if (view && dataset) {
      if (loaded.missing.length) view.params.v = null;
      view.setDataset(dataset);
    }
    const page = this.#page;
    const measures = dataset ? metricsIn(dataset) : null;
    // the explorer's first view from one measure's file: the others follow
    this.#first = plan.more === 'measures' && measures && measures.size <= 1 ? dataset : null;
    this.#more = this.#moreNow = null;
    this.measuresIn = this.#first ? measures : page.kind === 'embed' ? new Set([page.metric]) : null;
    this.allIn = this.measuresIn === null;
    this.status = 'ready';
  }

  /** The first view is on screen: say so, then fetch the other measures in idle time. */
  #shown(run: number): void {
    // Svelte applies the update in a microtask, before the next frame
    const painted = this.#opts.painted ?? (() => new Promise<void>((r) => requestAnimationFrame(() => r())));
    void painted().then(() => run === this.#run && this.status === 'ready' && this.#mirror('ready'));
    // the other measures in idle time (explorer)
    if (this.#first)
      void this.#moreOf().then(
        (m) => m.prefetch(),
        () => {},
      );
  }

  #moreOf(): Promise<More> {
    this.#more ??= import('./more')
      .then((m) => m.More.make(this, this.#base, this.#fetcher, this.#first, this.#version, this.#opts.slices))
      .then(
        (m) => (this.#moreNow = m),
        (e: unknown) => {
          this.#more = null; // offline: a later pick asks again
          throw e;
        },
      );
    return this.#more;
  }
}
