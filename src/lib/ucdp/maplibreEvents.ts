/**
 * UCDP's record on the zoomable map (MapLibre), as functions of a map object, like map/maplibre.ts
 * for SNHR: the governorates filled from UCDP's sums (feature state, UCDP's palette), and the
 * events layer as a GeoJSON source that MapLibre clusters at country zoom. A cluster is a circle
 * sized by the deaths of its events (summed by MapLibre from each event's own best estimate, never
 * estimated); past the cluster zoom each event is drawn as on the SVG map: a dot for one placed at
 * or near a place, a faint disc about as wide as the uncertainty for one placed only at a district
 * or wider area, nothing for one placed only at a governorate. A click on a cluster zooms in to
 * where it breaks apart; a click on an event opens it (the same panel as the SVG map's dots).
 *
 * Tested against a fake map that records calls (tests/ucdp/maplibre.test.ts), with a contract test
 * that the real maplibre-gl still has what is used. Deliberately ignores: symbol layers (they need
 * a glyphs URL: cluster counts are told by size and in the list beside the map).
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import { SOURCES as BASE_SOURCES, type MapLike } from '../map/maplibre';
import { markOf } from './events';
import type { UcdpEventsFile } from './types';

export const UCDP_SOURCES = { events: 'ucdp-events' } as const;
export const UCDP_LAYERS = { clusters: 'ucdp-clusters', rings: 'ucdp-event-rings', dots: 'ucdp-event-dots', picked: 'ucdp-event-picked' } as const;
/** Clusters form up to this zoom (Syria fills the map at about 5.5–6); above it every event is its own mark. */
export const CLUSTER_MAX_ZOOM = 8;
export const CLUSTER_RADIUS = 40;
const INK = '#7a1f5c';

export interface EventProps {
  /** index in the events file */
  k: number;
  id: number;
  best: number;
  kind: 'dot' | 'ring';
  /** a ring's radius in km (0 for a dot) */
  km: number;
}

/** The events a view shows, as points; those placed only at a governorate are left out (not drawable). */
export function eventsGeoJson(f: UcdpEventsFile, shown: readonly number[]): FeatureCollection<Point, EventProps> {
  const features: Feature<Point, EventProps>[] = [];
  for (const k of shown) {
    const m = markOf(f.prec[k]);
    if (m.kind === 'none') continue;
    features.push({
      type: 'Feature',
      id: f.id[k],
      geometry: { type: 'Point', coordinates: [f.lon[k], f.lat[k]] },
      properties: { k, id: f.id[k], best: f.best[k], kind: m.kind, km: m.kind === 'ring' ? m.km : 0 },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Metres per pixel at zoom 0 around Syria's latitude (35° N), for rings as wide as their km. */
const M_PER_PX_Z0 = 156_543.03 * Math.cos((35 * Math.PI) / 180);

/** The events source and its layers, to add to the base style (after the governorate layers). */
export function eventsStyle(data: FeatureCollection<Point, EventProps>): { source: object; layers: object[] } {
  const notCluster = ['!', ['has', 'point_count']];
  const ringPx = (z: number) => ['*', ['get', 'km'], Math.round(((1000 * 2 ** z) / M_PER_PX_Z0) * 1000) / 1000];
  return {
    source: {
      type: 'geojson',
      data,
      cluster: true,
      clusterMaxZoom: CLUSTER_MAX_ZOOM,
      clusterRadius: CLUSTER_RADIUS,
      // every cluster carries the sum of its events' best estimates, for its size and its label
      clusterProperties: { deaths: ['+', ['get', 'best']] },
    },
    layers: [
      {
        id: UCDP_LAYERS.clusters,
        type: 'circle',
        source: UCDP_SOURCES.events,
        filter: ['has', 'point_count'],
        paint: {
          'circle-color': INK,
          'circle-opacity': 0.55,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
          'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'deaths']], 0, 7, 10, 11, 40, 20, 120, 34],
        },
      },
      {
        id: UCDP_LAYERS.rings,
        type: 'circle',
        source: UCDP_SOURCES.events,
        filter: ['all', notCluster, ['==', ['get', 'kind'], 'ring']],
        paint: {
          'circle-color': INK,
          'circle-opacity': 0.08,
          'circle-stroke-color': INK,
          'circle-stroke-opacity': 0.7,
          'circle-stroke-width': 1,
          'circle-radius': ['interpolate', ['exponential', 2], ['zoom'], 4, ringPx(4), 10, ringPx(10)],
        },
      },
      {
        id: UCDP_LAYERS.dots,
        type: 'circle',
        source: UCDP_SOURCES.events,
        filter: ['all', notCluster, ['==', ['get', 'kind'], 'dot']],
        paint: {
          'circle-color': INK,
          'circle-opacity': 0.6,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 0.5,
          // as the SVG map's dots (events.ts dotRadius): area grows with deaths
          'circle-radius': ['min', 12, ['+', 1.5, ['*', 0.9, ['sqrt', ['get', 'best']]]]],
        },
      },
      {
        id: UCDP_LAYERS.picked,
        type: 'circle',
        source: UCDP_SOURCES.events,
        filter: ['==', ['get', 'k'], -1],
        paint: { 'circle-opacity': 0, 'circle-stroke-color': '#1d4ed8', 'circle-stroke-width': 2.5, 'circle-radius': 9 },
      },
    ],
  };
}

export interface UcdpMapLike extends MapLike {
  setFilter(layer: string, filter: unknown): unknown;
  easeTo(options: { center: [number, number]; zoom: number }): unknown;
}

interface ClusterSource {
  getClusterExpansionZoom(clusterId: number): Promise<number>;
  setData(data: unknown): unknown;
}

/** Replaces the events (filters changed) and outlines the opened one. */
export function setEvents(map: UcdpMapLike, data: FeatureCollection<Point, EventProps>, picked: number | null): void {
  (map.getSource(UCDP_SOURCES.events) as ClusterSource | undefined)?.setData(data);
  map.setFilter(UCDP_LAYERS.picked, ['all', ['!', ['has', 'point_count']], ['==', ['get', 'k'], picked ?? -1]]);
}

/** UCDP's fill for each governorate, through the base style's feature state (`fill`). */
export function applyFills(map: MapLike, codes: readonly string[], fill: (code: string) => string, selected: string | null): void {
  for (const code of codes)
    map.setFeatureState(
      { source: BASE_SOURCES.governorates, id: code },
      { fill: fill(code), gap: false, combined: false, selected: code === selected, focused: false, hovered: false },
    );
}

interface LayerEvent {
  features?: { id?: string | number; geometry?: { type: string; coordinates?: unknown }; properties?: Record<string, unknown> | null }[];
}

export interface UcdpHandlers {
  /** an event was clicked: its index in the events file */
  onevent?: (k: number) => void;
  /** a governorate was clicked (where no event is) */
  onselect?: (code: string) => void;
}

/** Clicks: a cluster zooms in until it breaks apart, an event opens. Returns a function that removes them. */
export function bindUcdpEvents(map: UcdpMapLike, h: UcdpHandlers, governorateLayer: string): () => void {
  // set by a mark's handler, for the governorate's handler of the same click (all run in one task)
  let onMark = false;
  const mark = () => {
    onMark = true;
    setTimeout(() => (onMark = false), 0);
  };
  const cluster = (e: LayerEvent) => {
    const f = e.features?.[0];
    const id = Number(f?.properties?.cluster_id);
    const center = f?.geometry?.coordinates as [number, number] | undefined;
    if (!f || !Number.isFinite(id) || !center) return;
    mark();
    const source = map.getSource(UCDP_SOURCES.events) as ClusterSource | undefined;
    void source?.getClusterExpansionZoom(id).then(
      (zoom) => map.easeTo({ center, zoom: Math.min(zoom, 10) }),
      () => undefined,
    );
  };
  const event = (e: LayerEvent) => {
    const k = Number(e.features?.[0]?.properties?.k);
    if (!Number.isInteger(k)) return;
    mark();
    h.onevent?.(k);
  };
  // a click on a mark is not also a click on the governorate under it (the marks' handlers run first)
  const governorate = (e: LayerEvent) => {
    if (onMark) return;
    const f = e.features?.[0];
    const code = f?.properties?.code ?? f?.id;
    if (code != null) h.onselect?.(String(code));
  };
  const pointer = () => (map.getCanvas().style.cursor = 'pointer');
  const plain = () => (map.getCanvas().style.cursor = '');
  const bound: [string, string, (e: LayerEvent) => void][] = [
    ['click', UCDP_LAYERS.clusters, cluster],
    ['click', UCDP_LAYERS.dots, event],
    ['click', UCDP_LAYERS.rings, event],
    ['click', governorateLayer, governorate],
  ];
  for (const layer of [UCDP_LAYERS.clusters, UCDP_LAYERS.dots, UCDP_LAYERS.rings]) bound.push(['mouseenter', layer, pointer], ['mouseleave', layer, plain]);
  for (const [type, layer, fn] of bound) map.on(type, layer, fn);
  return () => {
    for (const [type, layer, fn] of bound) map.off(type, layer, fn);
  };
}
