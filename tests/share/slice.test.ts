import { describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture } from '../data/fixture';
import { indexDataset, selectMap, selectTime, yearsOf, perpsOf } from '../../src/lib/data/select';
import type { Figure, MapSelection, Query, TimeSelection } from '../../src/lib/data/selection';
import { METRIC_IDS, type Dataset, type MetricId } from '../../src/lib/data/types';
import { parseDataset } from '../../src/lib/data/load';
import { datasetVersion, serializeDataset } from '../../scripts/data/build';
import { isPackedSlice, packSlice, sliceDataset, sliceUrl, unpackSlice, versionIndex } from '../../src/lib/data/slice';
import { publishVersions } from '../../scripts/publish-versions';

/** What a selection draws, without ids (a slice's ids are local) or notes (left out of slices). */
const fig = (f: Figure | null) =>
  f && {
    shown: [f.shown.period, f.shown.area, f.shown.perp, f.shown.victims, f.shown.unit, f.shown.value, f.shown.qualifier ?? '', f.shown.status].join('|'),
    others: [...f.corroborating, ...f.earlier, ...f.conflicting].map((o) => `${o.value}|${o.status}`),
  };
const drawnMap = (m: MapSelection) => ({
  ...m,
  cells: m.cells.map((c) => ({ ...c, figure: fig(c.figure) })),
  national: fig(m.national),
  shares: m.shares.map((o) => `${o.area}|${o.value}`),
});
const drawnTime = (t: TimeSelection) => ({
  ...t,
  years: t.years.map((b) => ({
    ...b,
    total: fig(b.total),
    segments: b.segments.map((s) => ({ ...s, figure: fig(s.figure) })),
    otherUnits: b.otherUnits.map((o) => o.value),
  })),
  months: t.months.map((b) => ({
    ...b,
    total: fig(b.total),
    segments: b.segments.map((s) => ({ ...s, figure: fig(s.figure) })),
    otherUnits: b.otherUnits.map((o) => o.value),
  })),
  cumulative: t.cumulative.map(fig),
});

/** Source ids are local to a slice: compare sources by publisher, date and role. */
const srcKey = (atlas: ReturnType<typeof indexDataset>, id: string) => {
  const s = atlas.sources.get(id);
  return s ? `${s.publisher}|${s.date}|${s.role}` : `missing ${id}`;
};
const sourcesOfMap = (atlas: ReturnType<typeof indexDataset>, m: MapSelection) =>
  [m.national, ...m.cells.map((c) => c.figure)].map((f) => f && srcKey(atlas, f.shown.source));
const sourcesOfTime = (atlas: ReturnType<typeof indexDataset>, t: TimeSelection) =>
  [...t.years, ...t.months]
    .flatMap((b) => [b.total, ...b.segments.map((s) => s.figure)])
    .map((f) => f && [f.shown, ...f.conflicting, ...f.earlier].map((o) => srcKey(atlas, o.source)).join(','));

/** For every measure of a dataset: the packed slice answers every year × party × victims query as the whole dataset does. */
function sameAnswers(data: Dataset) {
  const full = indexDataset(data);
  let checked = 0;
  for (const metric of METRIC_IDS) {
    if (!full.byMetric.has(metric)) continue;
    const packed = JSON.parse(JSON.stringify(packSlice(data, metric)));
    expect(isPackedSlice(packed)).toBe(true);
    const part = indexDataset(unpackSlice(packed));
    expect(yearsOf(part, metric)).toEqual(yearsOf(full, metric));
    expect(perpsOf(part, metric)).toEqual(perpsOf(full, metric));
    for (const year of [null, ...yearsOf(full, metric)])
      for (const perp of ['all', ...perpsOf(full, metric)])
        for (const victims of ['all', 'children', 'women'] as const) {
          const q: Query = { metric, year, period: null, perp, victims, gov: null };
          const m = (x: MapSelection) => ({ ...drawnMap(x), sources: x.sources.length });
          expect(m(selectMap(part, q)), `${metric} ${year} ${perp} ${victims}`).toEqual(m(selectMap(full, q)));
          expect(drawnTime(selectTime(part, q))).toEqual(drawnTime(selectTime(full, q)));
          expect(sourcesOfMap(part, selectMap(part, q))).toEqual(sourcesOfMap(full, selectMap(full, q)));
          expect(sourcesOfTime(part, selectTime(part, q))).toEqual(sourcesOfTime(full, selectTime(full, q)));
          checked++;
        }
  }
  return checked;
}

describe('embed slices', () => {
  test('synthetic fixture: every measure answers as the whole dataset', () => {
    expect(sameAnswers(fixture())).toBeGreaterThan(20);
  });

  const atlasFile = 'static/data/atlas.json';
  test.runIf(existsSync(atlasFile))(
    'the built atlas: every measure answers as the whole dataset',
    () => {
      const data = parseDataset(readFileSync(atlasFile, 'utf8'));
      expect(sameAnswers(data)).toBeGreaterThan(100);
    },
    120_000,
  );

  test('a slice keeps its measure and the sources it cites, and leaves out what an embed never shows', () => {
    const data = fixture();
    const slice = sliceDataset(data, 'barrel-bombs');
    expect(new Set(slice.observations.map((o) => o.metric))).toEqual(new Set(['barrel-bombs']));
    expect(slice.sources.map((s) => s.id).sort()).toEqual(['b2015', 'b2016', 'b2017', 'b2021']);
    const unpacked = unpackSlice(packSlice(data, 'barrel-bombs'));
    expect(unpacked.version).toBe(data.version);
    expect(unpacked.observations).toHaveLength(slice.observations.length);
    expect(unpacked.observations.every((o) => o.note === undefined && o.perpPublished === undefined)).toBe(true);
    expect(unpacked.sources.every((s) => s.url === '' && s.title === '')).toBe(true);
    expect(unpacked.sources.map((s) => s.date).sort()).toEqual(slice.sources.map((s) => s.date).sort());
    expect(new Set(unpacked.observations.map((o) => o.id)).size).toBe(slice.observations.length);
  });

  test.each([
    [null, 'barrel-bombs', './data/latest/barrel-bombs.json'],
    ['cdff64446786', 'civilian-deaths', './data/versions/cdff64446786/civilian-deaths.json'],
  ] as const)('sliceUrl(%s, %s)', (v, metric, url) => {
    expect(sliceUrl('./', v, metric as MetricId)).toBe(url);
  });

  test('isPackedSlice rejects a whole dataset and garbage', () => {
    expect(isPackedSlice(fixture())).toBe(false);
    expect(isPackedSlice(null)).toBe(false);
    expect(isPackedSlice({ format: 'atlas-slice-1' })).toBe(false);
  });
});

/** A dataset with one figure changed, as a data update would. */
function updated(data: Dataset, value: number): Dataset {
  const { version: _v, ...content } = structuredClone(data);
  const o = content.observations.find((x) => x.metric === 'barrel-bombs' && x.area === 'SY-HL' && x.period === '2012-07/2017-11')!;
  o.value = value;
  return { version: datasetVersion(content), ...content };
}

describe('publishVersions', () => {
  test('keeps the record of every version, serves each with its slices, and indexes them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-versions-'));
    try {
      const options = { atlasFile: join(dir, 'static/data/atlas.json'), recordDir: join(dir, 'data/versions'), outDir: join(dir, 'static/data') };
      mkdirSync(join(dir, 'static/data'), { recursive: true });
      const first = updated(fixture(), 700);
      writeFileSync(options.atlasFile, serializeDataset(first));
      const r1 = publishVersions(options);
      expect(r1).toEqual({ latest: first.version, added: true, versions: [first.version] });
      const record = join(options.recordDir, `${first.version}.json`);
      expect(readFileSync(record, 'utf8')).toBe(serializeDataset(first));

      // again with the same data: nothing new
      expect(publishVersions(options).added).toBe(false);

      const second = updated(fixture(), 999);
      expect(second.version).not.toBe(first.version);
      writeFileSync(options.atlasFile, serializeDataset(second));
      const r2 = publishVersions(options);
      expect(r2.added).toBe(true);
      expect(new Set(r2.versions)).toEqual(new Set([first.version, second.version]));
      // the first record is untouched, and still served with its own figures
      expect(readFileSync(record, 'utf8')).toBe(serializeDataset(first));
      const hl = (file: string) =>
        unpackSlice(JSON.parse(readFileSync(file, 'utf8'))).observations.find((o) => o.area === 'SY-HL' && o.period === '2012-07/2017-11')!.value;
      expect(hl(join(options.outDir, 'versions', first.version, 'barrel-bombs.json'))).toBe(700);
      expect(hl(join(options.outDir, 'versions', second.version, 'barrel-bombs.json'))).toBe(999);
      expect(hl(join(options.outDir, 'latest', 'barrel-bombs.json'))).toBe(999);
      expect(existsSync(join(options.outDir, 'versions', `${first.version}.json`))).toBe(true);
      const index = JSON.parse(readFileSync(join(options.outDir, 'versions.json'), 'utf8'));
      expect(index.latest).toBe(second.version);
      expect(index.versions.map((v: { version: string }) => v.version).sort()).toEqual([first.version, second.version].sort());

      // a draft removed from the record is no longer served
      rmSync(record);
      publishVersions(options);
      expect(existsSync(join(options.outDir, 'versions', `${first.version}.json`))).toBe(false);
      expect(existsSync(join(options.outDir, 'versions', first.version))).toBe(false);
      expect(existsSync(join(options.outDir, 'versions', `${second.version}.json`))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a record whose content is another version is an error, not a silent overwrite', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-versions-'));
    try {
      const data = fixture();
      mkdirSync(join(dir, 'rec'), { recursive: true });
      writeFileSync(join(dir, 'atlas.json'), serializeDataset(data));
      writeFileSync(join(dir, 'rec', 'abcdef123456.json'), serializeDataset(data));
      expect(() => publishVersions({ atlasFile: join(dir, 'atlas.json'), recordDir: join(dir, 'rec'), outDir: join(dir, 'out') })).toThrow(/abcdef123456/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('versionIndex: oldest first by newest source', () => {
    const a = fixture();
    const b = { ...fixture(), version: 'bbbbbbbbbbbb', sources: [...fixture().sources, { ...fixture().sources[0], id: 'new', date: '2030-01-01' }] };
    expect(versionIndex([b, a], b.version).versions.map((v) => v.version)).toEqual([a.version, b.version]);
  });
});
