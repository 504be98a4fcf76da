/**
 * Which governorates are too small to tap on the map as drawn: those whose projected shape is
 * narrower or shorter than a finger's target (24 CSS px, WCAG 2.2 target size). At 390 px Damascus
 * is a patch of a few pixels and Quneitra a sliver; they get callouts — buttons of their own — so
 * that every governorate can be selected at every width. Pure; same projection as the SVG map.
 *
 * One geometry for every map that shows them — the explorer's overlay (MapCallouts.svelte), the
 * embed (the same overlay) and the exported image (share/annotations.ts): the callouts stacked in
 * the map's top-left corner (Turkey and the sea: nothing of Syria is drawn there), each pointing at
 * where its governorate lies; the selected governorate's label in the bottom-right corner (the
 * desert of Iraq and Jordan).
 *
 * Deliberately ignores label collision: the callouts sit together in a corner of the map, which
 * stays right when the zoomable map is panned.
 */
import { anchorOf, fitProjection, type GovernorateFeature } from './geo';
import { geoPath, type GeoProjection } from 'd3-geo';
import type { MapCell } from '../data/selection';
import { fillFor } from './color';
import { mapPadding } from './frame';
import type { AssembledMap } from './assemble';

/** The smallest side of a tap target, CSS px. */
export const MIN_TARGET = 24;

/** The padding ChoroplethSvg fits the map with, for the same projection (frame.ts). */
export { mapPadding };

/** Whether (x, y) is inside the rings, even-odd (a hole's ring takes its area out). */
function inside(rings: [number, number][][], x: number, y: number): boolean {
  let odd = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
    }
  return odd;
}

/**
 * Whether a finger's target fits somewhere in the drawn shape: a point from which `min / 2` px
 * each way (left, right, up, down) is still the shape. A box of `min` px is not enough for a thin
 * diagonal shape (Latakia on a phone), which this catches. Sampled every 2 px.
 */
function hasRoom(rings: [number, number][][], [[x0, y0], [x1, y1]]: [[number, number], [number, number]], min: number): boolean {
  const r = min / 2;
  for (let y = y0 + r; y <= y1 - r; y += 2)
    for (let x = x0 + r; x <= x1 - r; x += 2)
      if (inside(rings, x, y) && inside(rings, x - r, y) && inside(rings, x + r, y) && inside(rings, x, y - r) && inside(rings, x, y + r)) return true;
  return false;
}

/**
 * Codes of governorates that offer no target of `min` px on the map as drawn (their drawn box is
 * under `min` in width or height, or no point of the shape has `min / 2` px of it each way), in
 * the features' order.
 */
export function tooSmall(governorates: GovernorateFeature[], width: number, height: number, min = MIN_TARGET): string[] {
  return smallIn(governorates, fitProjection(governorates, width, height, mapPadding(width, height)), min);
}
function smallIn(governorates: GovernorateFeature[], projection: GeoProjection, min: number): string[] {
  const path = geoPath(projection);
  return governorates
    .filter((g) => {
      const box = path.bounds(g);
      const [[x0, y0], [x1, y1]] = box;
      if (x1 - x0 < min || y1 - y0 < min) return true;
      // a shape three targets wide and tall has room somewhere; only narrower ones are sampled
      if (Math.min(x1 - x0, y1 - y0) >= 3 * min) return false;
      const polys = g.geometry.type === 'Polygon' ? [g.geometry.coordinates] : g.geometry.coordinates;
      const rings = polys.flat().map((ring) => ring.map((p): [number, number] => projection(p as [number, number]) ?? [NaN, NaN]));
      return !hasRoom(rings, box, min);
    })
    .map((g) => g.id);
}

/** Sizes of a callout and of the selected governorate's label, CSS px (the overlay's CSS says the same). */
export const CALLOUT = { inset: 4, height: 28, gap: 4, swatch: 14, font: 12, labelFont: 13, rowBelow: 480 } as const;

/** A callout: its top-left corner and height, and where its governorate lies on the map. */
export interface CalloutPlace {
  code: string;
  x: number;
  y: number;
  height: number;
  /** the governorate's anchor on the map drawn at width × height (for a leader line) */
  anchor: [number, number];
}

/**
 * The callouts of a map drawn at width × height: one per governorate too small to tap, stacked
 * top-left. A map narrower than `CALLOUT.rowBelow` (a phone's) flows the same callouts in a row
 * along its top edge instead (the overlay's CSS, `.callouts.row`: their widths are the text's).
 */
export function calloutPlaces(governorates: GovernorateFeature[], width: number, height: number, min = MIN_TARGET): CalloutPlace[] {
  return placesIn(governorates, fitProjection(governorates, width, height, mapPadding(width, height)), min);
}
function placesIn(governorates: GovernorateFeature[], projection: GeoProjection, min: number): CalloutPlace[] {
  const small = smallIn(governorates, projection, min);
  return small.map((code, i) => ({
    code,
    x: CALLOUT.inset,
    y: CALLOUT.inset + i * (CALLOUT.height + CALLOUT.gap),
    height: CALLOUT.height,
    anchor: anchorOf(
      projection,
      governorates.find((g) => g.id === code)!,
    ),
  }));
}

/** A callout as drawn: its place, and the governorate's name, cell and colour. */
export interface CalloutMark extends CalloutPlace {
  name: string;
  cell: MapCell;
  /** the cell's flat fill (a gap's swatch is hatched by the renderer) */
  fill: string;
  selected: boolean;
}

const framePlaces = new WeakMap<object, CalloutPlace[]>();

/**
 * The callouts of an assembled map (assemble.ts), on its frame's projection. Their places depend
 * on the frame only: kept per frame, so a change of filters only recolours them.
 */
export function mapCallouts(map: AssembledMap): CalloutMark[] {
  const frame = map.frame;
  let places = framePlaces.get(frame);
  if (!places) framePlaces.set(frame, (places = placesIn(map.geometry.governorates, frame.projection, MIN_TARGET)));
  return places.map((p) => {
    const cell = map.cells.get(p.code)!;
    return { ...p, name: map.nameOf(p.code), cell, fill: fillFor(cell, map.scale), selected: p.code === map.selected };
  });
}

/** The selected governorate's label: its bottom-right corner, on a map of width × height. */
export function labelCorner(width: number, height: number): { right: number; bottom: number } {
  return { right: width - CALLOUT.inset, bottom: height - CALLOUT.inset };
}
