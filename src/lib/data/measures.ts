/**
 * One dataset from per-measure files (static/data/full/<metric>.json, `sliceDataset` of the
 * latest record): the explorer loads a measure's file when the reader picks it (or in idle time
 * before), rather than the whole atlas.json, and merges what it has.
 *
 * The merge of every measure's file answers the explorer exactly as atlas.json does (a unit test
 * holds this for every measure, year, party, victims and governorate): each file keeps all the
 * measure's rows in the record's order and every source they cite, and the selection rules never
 * compare rows of two measures. What a merge lacks is what no explorer view reads: the
 * data-quality findings (the methods page loads atlas.json) and sources no figure cites.
 * Pure.
 */
import type { Dataset, MetricId } from './types';

/** The measures a dataset holds rows of. */
export function metricsOf(dataset: Dataset): Set<MetricId> {
  const out = new Set<MetricId>();
  for (const o of dataset.observations) out.add(o.metric);
  return out;
}

/**
 * The measures' files as one dataset: rows of each measure once (a measure in two parts is taken
 * from the first), sources once by id. Throws when the parts are of different data versions (a
 * deploy between two requests): mixing them could show figures no single version published.
 */
export function mergeDatasets(parts: readonly Dataset[]): Dataset {
  if (parts.length === 0) throw new Error('merge: no dataset');
  const [first] = parts;
  if (parts.length === 1) return first;
  const taken = new Set<MetricId>();
  const sources = new Map<string, Dataset['sources'][number]>();
  const observations: Dataset['observations'] = [];
  for (const part of parts) {
    if (part.version !== first.version) throw new Error(`merge: data version ${part.version} is not ${first.version}`);
    const here = metricsOf(part);
    for (const m of here) if (taken.has(m)) here.delete(m);
    for (const o of part.observations) if (here.has(o.metric)) observations.push(o);
    for (const m of here) taken.add(m);
    for (const s of part.sources) if (!sources.has(s.id)) sources.set(s.id, s);
  }
  return {
    version: first.version,
    metrics: first.metrics,
    areas: first.areas,
    perpetrators: first.perpetrators,
    sources: [...sources.values()],
    observations,
    findings: parts.flatMap((p) => p.findings),
  };
}
