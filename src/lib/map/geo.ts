/**
 * Geometry for the map: the topology written by scripts/build-geo.ts → GeoJSON features, a
 * projection fitted to Syria, SVG path strings, anchor points, and the outline of governorates
 * the source published as one figure. Pure: no DOM, no window.
 *
 * Deliberately ignores: label collision, map insets, and any projection other than Mercator
 * (the MapLibre view uses Web Mercator too, so the two renderers show the same shapes).
 */
import { feature, mesh } from 'topojson-client';
import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MapCell, MapSelection } from '../data/selection';

export interface GovernorateProperties {
  /** ISO 3166-2 code, e.g. `SY-HL` */
  code: string;
  name_en: string;
  name_ar: string;
}
export interface NeighbourProperties {
  /** Natural Earth's English short name */
  name: string;
}
export type GovernorateFeature = Feature<Polygon | MultiPolygon, GovernorateProperties> & { id: string };
export type NeighbourFeature = Feature<Polygon | MultiPolygon, NeighbourProperties>;

/** static/geo/syria.topo.json */
export type SyriaTopology = Topology<{
  governorates: GeometryCollection<GovernorateProperties>;
  neighbours: GeometryCollection<NeighbourProperties>;
}>;

/** What a renderer reports when a governorate is hovered or focused; the parent draws the tooltip. */
export interface MapHover {
  /** the governorate under the pointer or focus */
  code: string;
  /** the cell drawn there (shared by every member of a combined cell) */
  cell: MapCell;
  /** anchor in pixels from the top-left corner of the map's box */
  x: number;
  y: number;
}

export function governoratesOf(topology: SyriaTopology): GovernorateFeature[] {
  const fc = feature(topology, topology.objects.governorates) as FeatureCollection<Polygon | MultiPolygon, GovernorateProperties>;
  return fc.features.map((f) => ({ ...f, id: f.properties.code }));
}

export function neighboursOf(topology: SyriaTopology): NeighbourFeature[] {
  return (feature(topology, topology.objects.neighbours) as FeatureCollection<Polygon | MultiPolygon, NeighbourProperties>).features;
}

/** Borders between neighbours only (not coasts, not the clip box), for a thin grey line. */
export function neighbourBorders(topology: SyriaTopology): MultiLineString {
  return mesh(topology, topology.objects.neighbours, (a, b) => a !== b);
}

/**
 * Mercator fitted so that the governorates fill width × height less `padding` on each side,
 * clipped to the box (neighbours outside it are cut in screen space, not shipped as markup).
 */
export function fitProjection(governorates: GovernorateFeature[], width: number, height: number, padding = 8): GeoProjection {
  const p = Math.max(0, Math.min(padding, width / 4, height / 4));
  const projection = geoMercator().fitExtent(
    [
      [p, p],
      [Math.max(p + 1, width - p), Math.max(p + 1, height - p)],
    ],
    { type: 'FeatureCollection', features: governorates },
  );
  return projection.clipExtent([
    [-2, -2],
    [width + 2, height + 2],
  ]);
}

/** A path generator with coordinates rounded to 0.1 px (small markup, stable snapshots). */
export function pathGenerator(projection: GeoProjection): (f: Feature | MultiLineString) => string {
  const path = geoPath(projection).digits(1);
  return (f) => path(f) ?? '';
}

/** Where a tooltip or label points at: the projected centroid of the largest polygon, rounded. */
export function anchorOf(projection: GeoProjection, f: GovernorateFeature): [number, number] {
  const path = geoPath(projection);
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  let best: Feature<Polygon> | null = null;
  let bestArea = -1;
  for (const coordinates of polys) {
    const g: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } };
    const a = path.area(g);
    if (a > bestArea) ((bestArea = a), (best = g));
  }
  const [x, y] = path.centroid(best ?? f);
  return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
}

const key = (a: Position, b: Position) => `${a[0]},${a[1]}|${b[0]},${b[1]}`;
/** An edge and its reverse have the same id. */
function edgeId(a: Position, b: Position): string {
  const k = key(a, b);
  const r = key(b, a);
  return k < r ? k : r;
}
function ringsOf(members: GovernorateFeature[]): Position[][] {
  const rings: Position[][] = [];
  for (const f of members) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys) for (const ring of poly) rings.push(ring);
  }
  return rings;
}
function edgeCounts(rings: Position[][]): Map<string, number> {
  const count = new Map<string, number>();
  for (const ring of rings)
    for (let i = 1; i < ring.length; i++) {
      const id = edgeId(ring[i - 1], ring[i]);
      count.set(id, (count.get(id) ?? 0) + 1);
    }
  return count;
}

/**
 * The outline of several governorates taken as one: every ring edge that is not shared by two
 * members. Works because members come from one topology, so shared borders have identical
 * coordinates. Returned as runs of consecutive outer edges.
 */
export function unionOutline(members: GovernorateFeature[]): MultiLineString {
  const rings = ringsOf(members);
  const count = edgeCounts(rings);
  const lines: Position[][] = [];
  for (const ring of rings) {
    let run: Position[] = [];
    for (let i = 1; i < ring.length; i++) {
      if (count.get(edgeId(ring[i - 1], ring[i])) === 1) {
        if (run.length === 0) run.push(ring[i - 1]);
        run.push(ring[i]);
      } else if (run.length) (lines.push(run), (run = []));
    }
    if (run.length) lines.push(run);
  }
  return { type: 'MultiLineString', coordinates: lines };
}

/**
 * The cell drawn for each governorate. A governorate no cell mentions is drawn as `not-listed`
 * when the selection has a governorate table and as `gap` when it has none, so nothing is ever
 * left looking like a zero.
 */
export function cellsByCode(selection: MapSelection, codes: readonly string[]): Map<string, MapCell> {
  const out = new Map<string, MapCell>();
  for (const cell of selection.cells) for (const c of cell.codes) if (!out.has(c)) out.set(c, cell);
  for (const c of codes) if (!out.has(c)) out.set(c, { codes: [c], area: c, status: selection.hasBreakdown ? 'not-listed' : 'gap', figure: null });
  return out;
}
