/**
 * What the explorer's first view needs, fetched before it is drawn: one measure's figures
 * (static/data/full/<metric>.json, a fraction of atlas.json; atlas.json itself if that file is
 * missing), or a pinned data version whole, and the governorate geometry. Shared by the page's
 * entry (which loads it before hydrating the prerendered HTML) and the explorer shell (retry,
 * and pages without prerendered HTML), so both draw from exactly the same files.
 */
import type { Dataset } from '../data/types';
import { datasetUrl, fetchJson, loadDataset, metricDatasetUrl } from '../data/load';
import type { SyriaTopology } from '../map/geo';
import type { ViewParams } from '../state/url';

export interface FirstView {
  dataset: Dataset;
  topology: SyriaTopology;
  /** true when `dataset` is the whole record (a pinned version, or the fallback to atlas.json) */
  whole: boolean;
  /** the query string the view was read from ('' for the prerendered default view) */
  search: string;
  /** the `v=` asked for when the atlas never published it (the latest figures are shown instead) */
  missing: string | null;
}

export async function loadFirstView(base: string, params: ViewParams, search: string): Promise<FirstView> {
  const pinned = params.v;
  const [{ value: dataset, missing }, topology] = await Promise.all([
    pinned
      ? // a version the atlas never published: the latest figures, said so (no retry could help)
        import('../data/version-fallback').then((m) => m.loadWithVersionFallback(base, pinned, (v) => loadDataset(datasetUrl(base, v))))
      : loadDataset(metricDatasetUrl(base, params.metric))
          .catch(() => loadDataset(datasetUrl(base, null)))
          .then((value) => ({ value, missing: null })),
    fetchJson<SyriaTopology>(`${base}geo/syria.topo.json`, 'the map'),
  ]);
  const whole = pinned !== null || new Set(dataset.observations.map((o) => o.metric)).size > 1;
  return { dataset, topology, whole, search, missing };
}
