/**
 * Map assembly: one helper that turns the topology and a MapSelection into everything a map of
 * the atlas draws, for every map that draws one — the explorer's panel, the embed, a slide, the
 * exported image and the share cards. The components keep their markup and interaction only.
 * Pure: no DOM, no Svelte; the translator is passed in (`i18n` fits `Words`).
 *
 * Three stages, so that a change of filters recolours the shapes without projecting them again:
 *  1. `mapGeometry(topology)`: the features (governorates, neighbours, the borders between
 *     neighbours), once per topology;
 *  2. `mapFrame(geometry, width, height)`: the projection fitted to the box and the projected
 *     paths (per governorate with its anchor, neighbours, borders, Syria's outline), once per size;
 *  3. `paintMap(geometry, selection, …)`: the scale, the cell drawn for each governorate, names,
 *     the legend and the selected governorate's label, once per selection.
 * `assembleMap` is the three in one, with the callouts of the governorates too small to tap
 * (callouts.ts); `mapMarks` zips a frame and a selection into the marks ChoroplethSvg draws.
 * Stages 1–2, the marks and the legend live in frame.ts, which the explorer's first paint loads;
 * this module (paint, label, callouts) loads after its first view there.
 *
 * Deliberately ignores MapLibre (maplibre.ts builds its style from the same geometry) and UCDP's
 * own palette (ucdp/palette.ts), which uses the geometry and the frame but not the paint.
 */
import type { MapCell, MapSelection } from '../data/selection';
import type { Words } from '../data/describe';
import { cellsByCode, type SyriaTopology } from './geo';
import { scaleFor, type MapScale } from './color';
import { cellLabel } from './legend';
import { mapFrame, mapGeometry, mapLegend, namesOf, type MapFrame, type MapGeometry, type MapLegend } from './frame';
import { mapCallouts, type CalloutMark } from './callouts';

export { mapFrame, mapGeometry, mapLegend, mapMarks, mapPadding, namesOf } from './frame';
export type { MapFrame, MapGeometry, MapLegend, MapMark, MapShape } from './frame';

const geometries = new WeakMap<SyriaTopology, MapGeometry>();
/** A topology's features, decoded once per topology object (or the geometry given). */
function geometryOf(source: SyriaTopology | MapGeometry): MapGeometry {
  if ('governorates' in source) return source;
  let g = geometries.get(source);
  if (!g) geometries.set(source, (g = mapGeometry(source)));
  return g;
}

const frames = new WeakMap<MapGeometry, MapFrame[]>();
/** The frame of a geometry at a size; the last few sizes are kept, so a change of filters projects nothing again. */
function frameOf(geometry: MapGeometry, width: number, height: number): MapFrame {
  const kept = frames.get(geometry) ?? [];
  let f = kept.find((k) => k.width === width && k.height === height);
  if (!f) frames.set(geometry, [(f = mapFrame(geometry, width, height)), ...kept].slice(0, 4));
  return f;
}

/** Stage 3: what a selection paints, whatever the size. */
export interface MapPaint {
  geometry: MapGeometry;
  /** class breaks and colours (shared by the map and its legend) */
  scale: MapScale;
  /** the cell drawn for each governorate (`cellsByCode`) */
  cells: Map<string, MapCell>;
  nameOf: (code: string) => string;
  legend: MapLegend;
  selected: string | null;
  /** the selected governorate named with its figure ("Aleppo: 13,436 barrel bombs"), '' for none */
  label: string;
}

export interface PaintOptions {
  words: Words;
  /** the selected governorate, or null */
  selected?: string | null;
}

export function paintMap(source: SyriaTopology | MapGeometry, selection: MapSelection, { words, selected = null }: PaintOptions): MapPaint {
  const geometry = geometryOf(source);
  const scale = scaleFor(selection);
  const cells = cellsByCode(
    selection,
    geometry.governorates.map((g) => g.id),
  );
  const nameOf = namesOf(geometry.governorates, words);
  const cell = selected ? cells.get(selected) : undefined;
  return {
    geometry,
    scale,
    cells,
    nameOf,
    legend: mapLegend(selection, scale, words),
    selected,
    label: selected && cell ? cellLabel(selected, cell, nameOf, words.t) : '',
  };
}

/**
 * Everything a map draws at one size: the paint of the selection, the frame (projected when first
 * read) and the callouts (placed when first read, once per frame).
 */
export interface AssembledMap extends MapPaint {
  readonly frame: MapFrame;
  readonly callouts: CalloutMark[];
}

export function assembleMap(
  source: SyriaTopology | MapGeometry,
  selection: MapSelection,
  size: { width: number; height: number },
  options: PaintOptions,
): AssembledMap {
  return withFrame(paintMap(source, selection, options), size);
}

/** A paint at a size (for a caller that learns the size from the legend's layout, as the export does). */
export function withFrame(paint: MapPaint, { width, height }: { width: number; height: number }): AssembledMap {
  const map: AssembledMap = {
    ...paint,
    get frame() {
      return frameOf(paint.geometry, width, height);
    },
    get callouts() {
      return mapCallouts(map);
    },
  };
  return map;
}
