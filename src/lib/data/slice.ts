/**
 * Data for embeds: one measure's slice of a dataset, packed small, and where it lives. An embed
 * shows one measure, so it loads only that measure's observations and the sources they cite —
 * a fraction of atlas.json — which keeps a whole embed under its transfer budget (100 KB gzip).
 *
 * `sliceDataset` keeps the measure's rows and their sources. For its measure, `selectMap` and
 * `selectTime` answer exactly as on the whole dataset (a unit test holds this for every measure).
 * `packSlice` then writes it in columns and leaves out what an embed never shows: observation ids
 * (random hashes, a third of the bytes; `unpackSlice` gives local ids that sort as the real ones
 * do, since the selection rules break ties by id), notes, section references,
 * party names as printed, source ids, titles, URLs and notes (an embed names a source by publisher
 * and date, and links to the full view for the rest), and the data-quality findings. The full record
 * (`data/versions/<version>.json`) keeps everything (slices also drop the descriptions of measures
 * and parties); the explorer, its exports and the CSV use it.
 * Pure; the build (scripts/publish-versions.ts) writes the files.
 */
import type { Dataset, MetricId, Observation, Source } from './types';

export function sliceDataset(dataset: Dataset, metric: MetricId): Dataset {
  const observations = dataset.observations.filter((o) => o.metric === metric);
  const cited = new Set(observations.map((o) => o.source));
  return {
    version: dataset.version,
    metrics: dataset.metrics,
    areas: dataset.areas,
    perpetrators: dataset.perpetrators,
    sources: dataset.sources.filter((s) => cited.has(s.id)),
    observations,
    findings: [],
  };
}

export const SLICE_FORMAT = 'atlas-slice-1';

/** A measure's slice, in columns (one array per field, one entry per observation). */
export interface PackedSlice {
  format: typeof SLICE_FORMAT;
  version: string;
  metric: MetricId;
  metrics: Dataset['metrics'];
  areas: Dataset['areas'];
  perpetrators: Dataset['perpetrators'];
  /** publisher, date, language, role */
  sources: [string, string, string, Source['role']][];
  columns: {
    period: string[];
    area: string[];
    perp: string[];
    victims: Observation['victims'][];
    unit: Observation['unit'][];
    value: number[];
    /** '' for an exact figure */
    qualifier: string[];
    /** index into `sources` */
    source: number[];
    status: Observation['status'][];
    /** rank of the observation's id among rows the selection rules may compare by id (see packSlice) */
    rank: number[];
  };
}

export function packSlice(dataset: Dataset, metric: MetricId): PackedSlice {
  const slice = sliceDataset(dataset, metric);
  const index = new Map(slice.sources.map((s, i) => [s.id, i]));
  const obs = slice.observations;
  // The selection rules compare ids only between rows of one area, party, victims and unit whose
  // sources share a date and a role (figureOf's last tie-break): rank ids within such groups.
  const date = new Map(slice.sources.map((x) => [x.id, `${x.date}|${x.role}`]));
  const groups = new Map<string, number[]>();
  obs.forEach((o, i) => {
    const k = `${o.area}|${o.perp}|${o.victims}|${o.unit}|${date.get(o.source)}`;
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  });
  const rank: number[] = new Array(obs.length).fill(0);
  for (const g of groups.values()) {
    if (g.length > 1) [...g].sort((a, b) => obs[a].id.localeCompare(obs[b].id)).forEach((i, r) => (rank[i] = r));
  }
  return {
    format: SLICE_FORMAT,
    version: slice.version,
    metric,
    // names only: descriptions and names as printed are for the methods page
    metrics: slice.metrics.map((m) => ({ ...m, description_en: '', description_ar: '' })),
    areas: slice.areas.map((a) => ({ ...a, names_published: [] })),
    perpetrators: slice.perpetrators.map((x) => ({ ...x, names_published: [], description_en: '' })),
    sources: slice.sources.map((s) => [s.publisher, s.date, s.language, s.role]),
    columns: {
      period: obs.map((o) => o.period),
      area: obs.map((o) => o.area),
      perp: obs.map((o) => o.perp),
      victims: obs.map((o) => o.victims),
      unit: obs.map((o) => o.unit),
      value: obs.map((o) => o.value),
      qualifier: obs.map((o) => o.qualifier ?? ''),
      source: obs.map((o) => index.get(o.source)!),
      status: obs.map((o) => o.status),
      rank,
    },
  };
}

export function isPackedSlice(x: unknown): x is PackedSlice {
  const p = x as PackedSlice;
  return !!p && p.format === SLICE_FORMAT && typeof p.version === 'string' && Array.isArray(p.sources) && !!p.columns && Array.isArray(p.columns.value);
}

/**
 * Back to a `Dataset`. Ids are local: observations `<metric>-<rank>-<n>` (ordered as the real ids
 * where it matters), sources `s<n>`; source titles and URLs are empty.
 */
export function unpackSlice(p: PackedSlice): Dataset {
  const sources: Source[] = p.sources.map(([publisher, date, language, role], i) => ({ id: `s${i}`, publisher, title: '', date, url: '', language, role }));
  const c = p.columns;
  const width = String(c.rank.reduce((m, r) => Math.max(m, r), 0)).length;
  const observations: Observation[] = c.value.map((value, i) => {
    const o: Observation = {
      id: `${p.metric}-${String(c.rank[i] ?? 0).padStart(width, '0')}-${i}`,
      metric: p.metric,
      period: c.period[i],
      area: c.area[i],
      perp: c.perp[i],
      victims: c.victims[i],
      unit: c.unit[i],
      value,
      source: sources[c.source[i]]?.id ?? '',
      status: c.status[i],
    };
    if (c.qualifier[i]) o.qualifier = c.qualifier[i] as Observation['qualifier'];
    return o;
  });
  return { version: p.version, metrics: p.metrics, areas: p.areas, perpetrators: p.perpetrators, sources, observations, findings: [] };
}

/**
 * A fetched file's JSON as a slice's dataset, or null when it is not a packed slice: the reader
 * that the pages reading slices (the embed) give their page state (state/page.svelte.ts), so that
 * the pages that read none (the explorer) carry no slice decoder in their first-paint code.
 */
export function readSlice(x: unknown): Dataset | null {
  return isPackedSlice(x) ? unpackSlice(x) : null;
}

/** The URL of a measure's slice (beside the other data files' URLs, which pages need without this module). */
export { sliceUrl } from './load';

/** One entry of static/data/versions.json. */
export interface VersionEntry {
  version: string;
  /** publication date of the newest source in that version (`YYYY-MM-DD` or `YYYY-MM`) */
  newestSource: string;
  observations: number;
  sources: number;
}

export interface VersionIndex {
  latest: string;
  /** oldest first */
  versions: VersionEntry[];
}

export function versionEntry(dataset: Dataset): VersionEntry {
  const newestSource = dataset.sources.reduce((max, s) => (s.date > max ? s.date : max), '');
  return { version: dataset.version, newestSource, observations: dataset.observations.length, sources: dataset.sources.length };
}

/** The index of published versions: oldest first (by newest source, then size and id), the latest named. */
export function versionIndex(datasets: Dataset[], latest: string): VersionIndex {
  const versions = datasets
    .map(versionEntry)
    .sort((a, b) => a.newestSource.localeCompare(b.newestSource) || a.observations - b.observations || a.version.localeCompare(b.version));
  return { latest, versions };
}
