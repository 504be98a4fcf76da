/**
 * The explorer's per-measure files merged (src/lib/data/measures.ts) answer every view as the
 * whole record does, and the loader (src/lib/data/figures.ts) fetches each file once, falls back
 * to atlas.json rather than mix data versions, and prefetches without the reader asking.
 * The fixture is SYNTHETIC (tests/data/fixture.ts); the second case reads the built atlas.
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fixture } from './fixture';
import { indexAhead, indexDataset, latestCumulative, perpsOf, selectArea, selectMap, selectTime, yearsOf } from '../../src/lib/data/select';
import { tableCatalogue } from '../../src/lib/data/tables';
import { tablePeriods } from '../../src/lib/data/tables';
import { GOVERNORATE_CODES, type Dataset, type MetricId } from '../../src/lib/data/types';
import { parseDataset } from '../../src/lib/data/load';
import { serializeDataset } from '../../scripts/data/build';
import { sliceDataset } from '../../src/lib/data/slice';
import { mergeDatasets, metricsOf } from '../../src/lib/data/measures';
import { Figures } from '../../src/lib/data/figures';

/** Each measure's file as the build writes it and the page reads it back. */
const files = (data: Dataset) => new Map([...metricsOf(data)].map((m) => [m, parseDataset(serializeDataset(sliceDataset(data, m)))]));

/** The merged files give the whole record's answer to every view the explorer can draw. */
function sameAnswers(data: Dataset, victimGroups: readonly ('all' | 'children' | 'women')[] = ['all', 'children', 'women']): number {
  const whole = indexDataset(data);
  // merged in another order than the record's: the answers must not depend on it
  const merged = indexDataset(mergeDatasets([...files(data).values()].reverse()));
  expect(merged.dataset.observations).toHaveLength(data.observations.length);
  // every source a figure cites, as the record has it (titles, dates, addresses: what the page cites)
  for (const id of new Set(data.observations.map((o) => o.source))) expect(merged.sources.get(id), id).toEqual(whole.sources.get(id));
  let checked = 0;
  for (const metric of metricsOf(data)) {
    const years = yearsOf(whole, metric);
    expect(yearsOf(merged, metric)).toEqual(years);
    expect(perpsOf(merged, metric)).toEqual(perpsOf(whole, metric));
    expect(tablePeriods(merged, metric).sort()).toEqual(tablePeriods(whole, metric).sort());
    const periods = tablePeriods(whole, metric);
    for (const perp of ['all', ...perpsOf(whole, metric)])
      for (const victims of victimGroups) {
        expect(tableCatalogue(merged, metric, perp, victims, years)).toEqual(tableCatalogue(whole, metric, perp, victims, years));
        // every year; every published table for all parties and victims (the time it takes)
        const views = [...[null, ...years].map((y) => [y, null] as const), ...(victims === 'all' && perp === 'all' ? periods.map((p) => [null, p] as const) : [])];
        for (const [year, period] of views) {
          const q = { metric, year, period, perp, victims, gov: null };
          expect(selectMap(merged, q), `${metric} ${year} ${period} ${perp} ${victims}`).toEqual(selectMap(whole, q));
          const time = selectTime(whole, q);
          expect(selectTime(merged, q)).toEqual(time);
          expect(latestCumulative(merged, time)).toEqual(latestCumulative(whole, time));
          checked++;
        }
      }
  }
  for (const code of GOVERNORATE_CODES) {
    expect(selectArea(merged, code)).toEqual(selectArea(whole, code));
    for (const metric of metricsOf(data)) expect(selectArea(merged, code, metric)).toEqual(selectArea(whole, code, metric));
  }
  return checked;
}

describe('merged measure files', () => {
  test('synthetic fixture: every view answers as the whole record', () => {
    expect(sameAnswers(fixture())).toBeGreaterThan(20);
  });

  const atlasFile = 'static/data/atlas.json';
  test.runIf(existsSync(atlasFile))(
    'the built atlas: every view answers as the whole record',
    () => {
      // victims "all" only: the fixture covers the groups; this covers the real record's shapes
      expect(sameAnswers(parseDataset(readFileSync(atlasFile, 'utf8')), ['all'])).toBeGreaterThan(100);
    },
    120_000,
  );

  test('each measure once, sources once; parts of two data versions are refused', () => {
    const data = fixture();
    const parts = [...files(data).values()];
    const merged = mergeDatasets([...parts, parts[0]]);
    expect(merged.observations).toHaveLength(data.observations.length);
    expect(new Set(merged.sources.map((s) => s.id)).size).toBe(merged.sources.length);
    expect(mergeDatasets([parts[0]])).toBe(parts[0]);
    expect(() => mergeDatasets([parts[0], { ...parts[1], version: 'other' }])).toThrow(/data version/);
  });

  test('indexAhead: indexDataset of the same dataset returns the prepared index', () => {
    const data = fixture();
    const atlas = indexAhead(data);
    expect(indexDataset(data)).toBe(atlas);
    expect(indexDataset(fixture())).not.toBe(atlas);
  });
});

/** A fetch over the given files (path → dataset; a missing path is a 404), counting requests. */
function fakeFetch(served: Map<string, Dataset>) {
  const asked: string[] = [];
  const fetcher = (async (url: string | URL | Request) => {
    const path = String(url);
    asked.push(path);
    const d = served.get(path);
    return d ? new Response(serializeDataset(d)) : new Response('', { status: 404 });
  }) as typeof fetch;
  return { fetcher, asked };
}

describe('Figures: the other measures of the explorer', () => {
  const data = fixture();
  const parts = files(data);
  const all = [...metricsOf(data)] as MetricId[];
  const serve = (skip: MetricId[] = [], whole: Dataset | null = data) => {
    const m = new Map<string, Dataset>([...parts].filter(([k]) => !skip.includes(k)).map(([k, d]) => [`./data/full/${k}.json`, d]));
    if (whole) m.set('./data/atlas.json', whole);
    return m;
  };

  test('a measure is fetched once, and merged with what is in', async () => {
    const { fetcher, asked } = fakeFetch(serve());
    const f = new Figures('./', parts.get('barrel-bombs')!, fetcher);
    const [a, b] = await Promise.all([f.load(['civilian-deaths']), f.load(['civilian-deaths'])]);
    expect(a).toBe(b);
    expect(asked).toEqual(['./data/full/civilian-deaths.json']);
    expect(metricsOf(a)).toEqual(new Set(['barrel-bombs', 'civilian-deaths']));
    expect(f.complete(a)).toBe(all.length === 2);
  });

  test('prefetch brings every measure, indexed', async () => {
    const { fetcher, asked } = fakeFetch(serve());
    const f = new Figures('./', parts.get('barrel-bombs')!, fetcher);
    const d = (await f.prefetch())!;
    expect(f.complete(d)).toBe(true);
    expect(asked).toHaveLength(all.length - 1);
    expect(asked).not.toContain('./data/atlas.json');
    expect(indexDataset(d)).toBe(indexAhead(d));
    expect(await f.prefetch(() => true)).toBeNull();
  });

  test('a missing file, or one of another data version: the whole record instead', async () => {
    const missing = fakeFetch(serve(['civilian-deaths']));
    const f = new Figures('./', parts.get('barrel-bombs')!, missing.fetcher);
    const d = await f.load(['civilian-deaths']);
    expect(d.observations).toHaveLength(data.observations.length);
    expect(f.complete(d)).toBe(true);
    expect(missing.asked).toContain('./data/atlas.json');

    const moved = serve();
    moved.set('./data/full/civilian-deaths.json', { ...parts.get('civilian-deaths')!, version: 'newer' });
    const g = new Figures('./', parts.get('barrel-bombs')!, fakeFetch(moved).fetcher);
    expect(await g.load(['civilian-deaths'])).toMatchObject({ version: data.version, findings: data.findings });
  });

  test('when the whole record fails too, the error is thrown and a later call asks again', async () => {
    const served = serve(['civilian-deaths'], null);
    const { fetcher, asked } = fakeFetch(served);
    const f = new Figures('./', parts.get('barrel-bombs')!, fetcher);
    await expect(f.load(['civilian-deaths'])).rejects.toThrow(/HTTP 404/);
    served.set('./data/full/civilian-deaths.json', parts.get('civilian-deaths')!);
    const d = await f.load(['civilian-deaths']);
    expect(metricsOf(d).has('civilian-deaths')).toBe(true);
    expect(asked.filter((u) => u.endsWith('civilian-deaths.json'))).toHaveLength(2);
  });
});

describe('Figures on the built record', () => {
  const atlasFile = 'static/data/atlas.json';
  test.runIf(existsSync(atlasFile))('a large measure, decoded a slice of rows at a time, reads as the whole file does', async () => {
    const data = parseDataset(readFileSync(atlasFile, 'utf8'));
    const parts = files(data);
    const big = [...parts].sort((a, b) => b[1].observations.length - a[1].observations.length)[0];
    expect(big[1].observations.length).toBeGreaterThan(1200); // more than two slices
    const first = parts.get('barrel-bombs')!;
    const { fetcher } = fakeFetch(new Map([[`./data/full/${big[0]}.json`, big[1]]]));
    const d = await new Figures('./', first, fetcher).load([big[0]]);
    expect(d.observations.filter((o) => o.metric === big[0])).toEqual(big[1].observations);
    const byId = (x: Dataset) => [...x.sources].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(d)).toEqual(byId(mergeDatasets([first, big[1]])));
  });
});
