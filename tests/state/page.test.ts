/**
 * The page state (src/lib/state/page.svelte.ts) and its plan (plan.ts): which files each kind of
 * page fetches, the status it goes through (and mirrors to the body), a failure then a retry that
 * recovers, a pinned version the atlas never published falling back to the latest and saying so,
 * already-loaded data, an embed's picked measure, and what follows the explorer's first view (a
 * picked measure's own file, every measure for a governorate's detail, a failed measure and its
 * retry, the idle-time prefetch handed over at the next filter change). The datasets are SYNTHETIC
 * (tests/data/fixture.ts); the fetcher is a fake that serves them and records each request.
 */
import { describe, expect, test, vi } from 'vitest';
import { fixture } from '../data/fixture';
import { serializeDataset } from '../../scripts/data/build';
import { packSlice, readSlice, sliceDataset } from '../../src/lib/data/slice';
import { figuresFiles, planPage, type PageKind } from '../../src/lib/state/plan';
import { loadPage, PageState, type PageStatus } from '../../src/lib/state/page.svelte';
import type { Dataset } from '../../src/lib/data/types';
import type { SyriaTopology } from '../../src/lib/map/geo';

const data = fixture();
const metric = data.observations[0].metric;
const other = data.observations.find((o) => o.metric !== metric)!.metric;
const TOPOLOGY = { type: 'Topology', objects: {}, arcs: [] } as unknown as SyriaTopology;

/** Files as the build writes them; a missing path is a 404. `fail` answers a path with HTTP 500 while it holds. */
function site(extra: Record<string, string> = {}) {
  const files = new Map<string, string>([
    [`./data/full/${metric}.json`, serializeDataset(sliceDataset(data, metric))],
    ['./data/atlas.json', serializeDataset(data)],
    [`./data/versions/${data.version}.json`, serializeDataset(data)],
    [`./data/latest/${metric}.json`, JSON.stringify(packSlice(data, metric))],
    [`./data/latest/${other}.json`, JSON.stringify(packSlice(data, other))],
    ['./data/versions.json', JSON.stringify({ latest: data.version, versions: [{ version: data.version }] })],
    ['./geo/syria.topo.json', JSON.stringify(TOPOLOGY)],
    ...Object.entries(extra),
  ]);
  const asked: string[] = [];
  const fail = new Set<string>();
  const fetcher = (async (url: string | URL | Request) => {
    const path = String(url);
    asked.push(path);
    const text = fail.has(path) ? undefined : files.get(path);
    return text === undefined ? new Response('', { status: fail.has(path) ? 500 : 404 }) : new Response(text);
  }) as typeof fetch;
  return { fetcher, asked, fail };
}

/** A page state whose body and "painted" are fakes: the statuses the body went through are recorded. */
function page(kind: PageKind, fetcher: typeof fetch, extra: Partial<ConstructorParameters<typeof PageState>[2]> = {}) {
  const body = { dataset: {} as DOMStringMap };
  const seen: (string | undefined)[] = [];
  const dataset = new Proxy(body.dataset, {
    set(target, key, value) {
      if (key === 'state') seen.push(value as string);
      return Reflect.set(target, key, value);
    },
  });
  const drawn: Dataset[] = [];
  const view = { params: { v: kind.kind === 'explorer' || kind.kind === 'embed' ? kind.v : null }, setDataset: (d: Dataset) => void drawn.push(d) };
  const state = new PageState('./', kind, { fetcher, body: () => ({ dataset }), painted: () => Promise.resolve(), view, slices: readSlice, ...extra });
  return { state, seen, drawn, view };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('plan: which files each page fetches', () => {
  const urls = (kind: PageKind) => {
    const p = planPage('./', kind);
    return { figures: p.figures.map((f) => [f.version, f.files.map((x) => x.url)]), topology: p.topology?.url ?? null, form: p.form, more: p.more };
  };
  test.each<[string, PageKind, ReturnType<typeof urls>]>([
    [
      'explorer: one measure, atlas.json if that fails, the map; the other measures later',
      { kind: 'explorer', metric: 'barrel-bombs', v: null },
      { figures: [[null, ['./data/full/barrel-bombs.json', './data/atlas.json']]], topology: './geo/syria.topo.json', form: 'dataset', more: 'measures' },
    ],
    [
      'explorer pinned to a version: that version whole, nothing later',
      { kind: 'explorer', metric: 'barrel-bombs', v: 'abc' },
      { figures: [['abc', ['./data/versions/abc.json']]], topology: './geo/syria.topo.json', form: 'dataset', more: null },
    ],
    [
      'embed: its packed slice, no map when it shows none, another slice when picked',
      { kind: 'embed', metric: 'massacres', v: null, map: false },
      { figures: [[null, ['./data/latest/massacres.json']]], topology: null, form: 'slice', more: 'slices' },
    ],
    [
      'pinned embed with a map',
      { kind: 'embed', metric: 'massacres', v: 'abc', map: true },
      { figures: [['abc', ['./data/versions/abc/massacres.json']]], topology: './geo/syria.topo.json', form: 'slice', more: 'slices' },
    ],
    [
      'deck: the latest whole and every pinned version once',
      { kind: 'deck', versions: ['abc', null, 'abc', 'def'] },
      {
        figures: [
          [null, ['./data/atlas.json']],
          ['abc', ['./data/versions/abc.json']],
          ['def', ['./data/versions/def.json']],
        ],
        topology: './geo/syria.topo.json',
        form: 'dataset',
        more: null,
      },
    ],
    ['methods: the latest whole, no map', { kind: 'methods' }, { figures: [[null, ['./data/atlas.json']]], topology: null, form: 'dataset', more: null }],
  ])('%s', (_, kind, expected) => {
    expect(urls(kind)).toEqual(expected);
  });

  test('a pinned explorer whose version is missing falls back to the latest record whole, not to one measure', () => {
    expect(figuresFiles('./', { kind: 'explorer', metric: 'barrel-bombs', v: 'abc' }, null).map((f) => f.url)).toEqual(['./data/atlas.json']);
  });
});

describe('page state', () => {
  test('explorer: loading, then ready once painted; one measure first, the map beside it', async () => {
    const { fetcher, asked } = site();
    const { state, seen, drawn } = page({ kind: 'explorer', metric, v: null }, fetcher);
    expect(state.status).toBe<PageStatus>('loading');
    const loading = state.load();
    expect(seen).toEqual(['loading']);
    await loading;
    await settle();
    expect(state.status).toBe<PageStatus>('ready');
    expect(seen).toEqual(['loading', 'ready']);
    expect(asked.sort()).toEqual(['./data/full/' + metric + '.json', './geo/syria.topo.json'].sort());
    expect(drawn).toHaveLength(1);
    expect(state.topology).toEqual(TOPOLOGY);
    // the first view holds one measure: the others are not in yet
    expect(state.has(metric)).toBe(true);
    expect(state.has(other)).toBe(false);
    expect(state.allIn).toBe(false);
  });

  test('a failure names what failed; "Try again" recovers', async () => {
    const { fetcher, fail } = site();
    fail.add('./geo/syria.topo.json');
    const { state, seen } = page({ kind: 'deck', versions: [null] }, fetcher);
    await state.load();
    expect(state.status).toBe<PageStatus>('error');
    expect(state.failure?.what).toBe('the map');
    expect(state.failure?.message).toMatch(/the map: HTTP 500/);
    expect(seen).toEqual(['loading', 'error']);
    fail.clear();
    state.retry();
    await vi.waitFor(() => expect(state.status).toBe<PageStatus>('ready'));
    expect(state.failure).toBeNull();
    expect(state.datasets.get(null)?.version).toBe(data.version);
    expect(seen).toEqual(['loading', 'error', 'loading', 'ready']);
  });

  test('the explorer falls back to atlas.json when its measure file cannot be used', async () => {
    const { fetcher, asked, fail } = site();
    fail.add(`./data/full/${metric}.json`);
    const { state } = page({ kind: 'explorer', metric, v: null }, fetcher);
    await state.load();
    expect(state.status).toBe<PageStatus>('ready');
    expect(asked).toContain('./data/atlas.json');
    // the whole record: every measure is in
    expect(state.has(other)).toBe(true);
    expect(state.allIn).toBe(true);
  });

  test('a pinned version the atlas never published: the latest figures, said so, and the view unpinned', async () => {
    const { fetcher } = site();
    const { state, view } = page({ kind: 'explorer', metric, v: 'never-published' }, fetcher);
    await state.load();
    expect(state.status).toBe<PageStatus>('ready');
    expect(state.missing).toEqual(['never-published']);
    expect(view.params.v).toBeNull();
    expect(state.dataset?.version).toBe(data.version);
  });

  test('a published version that fails to load is an error with a retry, not a fallback', async () => {
    const { fetcher, fail } = site();
    fail.add(`./data/versions/${data.version}.json`);
    const { state } = page({ kind: 'explorer', metric, v: data.version }, fetcher);
    await state.load();
    expect(state.status).toBe<PageStatus>('error');
    expect(state.missing).toEqual([]);
    expect(state.failure?.message).toMatch(/HTTP 500/);
  });

  test('a deck loads every version its slides are pinned to; a missing one is said', async () => {
    const { fetcher } = site();
    const loaded = await loadPage('./', { kind: 'deck', versions: [data.version, 'gone'] }, fetcher);
    expect([...loaded.datasets.keys()]).toEqual([null, data.version, 'gone']);
    expect(loaded.missing).toEqual(['gone']);
  });

  test('already-loaded data: ready from the start, nothing fetched, ready written when started', async () => {
    const { fetcher, asked } = site();
    const initial = await loadPage('./', { kind: 'explorer', metric, v: null }, fetcher);
    asked.length = 0;
    const { state, seen, drawn } = page({ kind: 'explorer', metric, v: null }, fetcher, { initial });
    expect(state.status).toBe<PageStatus>('ready');
    expect(drawn).toHaveLength(1);
    expect(seen).toEqual([]);
    state.start();
    await settle();
    expect(seen).toEqual(['ready']);
    expect(asked.filter((u) => !u.includes('/full/'))).toEqual([]);
  });

  test('embed: its slice first; a picked measure brings its own slice; a failed one is retried', async () => {
    const { fetcher, fail } = site();
    const { state, drawn } = page({ kind: 'embed', metric, v: null, map: false }, fetcher);
    await state.load();
    expect(state.topology).toBeNull();
    expect(state.has(metric)).toBe(true);
    expect(state.has(other)).toBe(false);
    fail.add(`./data/latest/${other}.json`);
    state.want(other);
    await vi.waitFor(() => expect(state.moreFailure?.message).toMatch(/HTTP 500/));
    expect(state.has(other)).toBe(false);
    fail.clear();
    state.retry();
    await vi.waitFor(() => expect(state.has(other)).toBe(true));
    expect(state.moreFailure).toBeNull();
    expect(drawn.at(-1)?.observations.every((o) => o.metric === other)).toBe(true);
  });
});

describe('the explorer through the page state: what follows its first view', () => {
  /** every measure's own file, as the build writes them (data/full/<metric>.json) */
  const measureFiles = () => Object.fromEntries(data.metrics.map((m) => [`./data/full/${m.id}.json`, serializeDataset(sliceDataset(data, m.id))]));
  const measures = (d: Dataset | undefined) => new Set(d?.observations.map((o) => o.metric));

  test('a measure picked after the first view: its own file (not atlas.json), added to what the view draws', async () => {
    const { fetcher, asked } = site(measureFiles());
    const { state, drawn } = page({ kind: 'explorer', metric, v: null }, fetcher);
    await state.load();
    state.want(other);
    await vi.waitFor(() => expect(state.has(other)).toBe(true));
    expect(asked).toContain(`./data/full/${other}.json`);
    expect(asked).not.toContain('./data/atlas.json');
    expect(measures(drawn.at(-1))).toEqual(new Set([metric, other]));
    expect(state.status).toBe<PageStatus>('ready');
  });

  test("a governorate's detail asks for every measure: once all are in, none is missing", async () => {
    const { fetcher } = site(measureFiles());
    const { state, drawn } = page({ kind: 'explorer', metric, v: null }, fetcher);
    await state.load();
    state.want(metric, true);
    await vi.waitFor(() => expect(state.measuresIn).toBeNull());
    expect(state.allIn).toBe(true);
    expect(drawn.at(-1)?.observations.length).toBe(data.observations.length);
  });

  test('a measure that cannot be fetched: the page stays ready, says what failed, and "Try again" brings it', async () => {
    const { fetcher, fail } = site(measureFiles());
    const { state, seen } = page({ kind: 'explorer', metric, v: null }, fetcher);
    await state.load();
    await settle();
    // the measure's file and the whole record it falls back to
    fail.add(`./data/full/${other}.json`).add('./data/atlas.json');
    state.want(other);
    await vi.waitFor(() => expect(state.moreFailure?.what).toBe('the figures'));
    expect(state.has(other)).toBe(false);
    expect([state.status, state.failure]).toEqual(['ready', null]);
    fail.clear();
    state.retry();
    await vi.waitFor(() => expect(state.has(other)).toBe(true));
    expect(state.moreFailure).toBeNull();
    // the first view's status only: a measure's failure is not the page's
    expect(seen).toEqual(['loading', 'ready']);
  });

  test('the first view failing: body[data-state] says error, "Try again" loads the view again', async () => {
    const { fetcher, fail } = site();
    fail.add(`./data/full/${metric}.json`).add('./data/atlas.json');
    const { state, seen, drawn } = page({ kind: 'explorer', metric, v: null }, fetcher);
    await state.load();
    expect(state.status).toBe<PageStatus>('error');
    expect(state.failure?.what).toBe('the figures');
    expect(drawn).toEqual([]);
    fail.clear();
    state.retry();
    await vi.waitFor(() => expect(seen).toEqual(['loading', 'error', 'loading', 'ready']));
    expect(measures(drawn.at(-1))).toEqual(new Set([metric]));
  });

  test('the other measures come in idle time after the first view, and reach the view only at its next filter change', async () => {
    const { fetcher, asked } = site(measureFiles());
    const initial = await loadPage('./', { kind: 'explorer', metric, v: null }, fetcher);
    const { state, drawn } = page({ kind: 'explorer', metric, v: null }, fetcher, { initial });
    expect(asked.filter((u) => u.includes(`/full/${other}.`))).toEqual([]);
    state.start();
    await vi.waitFor(() => expect(state.allIn).toBe(true), { timeout: 5_000 });
    expect(asked).toContain(`./data/full/${other}.json`);
    // fetched and indexed, but not drawn yet: handing them over at once would redraw the same view
    expect(drawn).toHaveLength(1);
    expect(state.has(other)).toBe(false);
    state.handOver();
    expect(state.measuresIn).toBeNull();
    expect(drawn.at(-1)?.observations.length).toBe(data.observations.length);
  });

  test('a view pinned to a version: that version whole, nothing follows', async () => {
    const { fetcher, asked } = site();
    const { state } = page({ kind: 'explorer', metric, v: data.version }, fetcher);
    await state.load();
    state.want(other, true);
    await settle();
    expect(asked.sort()).toEqual([`./data/versions/${data.version}.json`, './geo/syria.topo.json']);
    expect([state.measuresIn, state.allIn]).toEqual([null, true]);
  });
});
