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
import { geoPath } from 'd3-geo';

/** The smallest side of a tap target, CSS px. */
export const MIN_TARGET = 24;

/** The padding ChoroplethSvg fits the map with, for the same projection. */
export const mapPadding = (width: number, height: number) => Math.round(Math.min(width, height) * 0.03);

/** Codes of governorates whose drawn box is under `min` px in width or height, in the features' order. */
export function tooSmall(governorates: GovernorateFeature[], width: number, height: number, min = MIN_TARGET): string[] {
  const projection = fitProjection(governorates, width, height, mapPadding(width, height));
  const path = geoPath(projection);
  return governorates
    .filter((g) => {
      const [[x0, y0], [x1, y1]] = path.bounds(g);
      return x1 - x0 < min || y1 - y0 < min;
    })
    .map((g) => g.id);
}

/** Sizes of a callout and of the selected governorate's label, CSS px (the overlay's CSS says the same). */
export const CALLOUT = { inset: 4, height: 28, gap: 4, swatch: 14, font: 12, labelFont: 13 } as const;

/** A callout: its top-left corner and height, and where its governorate lies on the map. */
export interface CalloutPlace {
  code: string;
  x: number;
  y: number;
  height: number;
  /** the governorate's anchor on the map drawn at width × height (for a leader line) */
  anchor: [number, number];
}

/** The callouts of a map drawn at width × height: one per governorate too small to tap, stacked top-left. */
export function calloutPlaces(governorates: GovernorateFeature[], width: number, height: number, min = MIN_TARGET): CalloutPlace[] {
  const small = tooSmall(governorates, width, height, min);
  if (!small.length) return [];
  const projection = fitProjection(governorates, width, height, mapPadding(width, height));
  return small.map((code, i) => ({
    code,
    x: CALLOUT.inset,
    y: CALLOUT.inset + i * (CALLOUT.height + CALLOUT.gap),
    height: CALLOUT.height,
    anchor: anchorOf(projection, governorates.find((g) => g.id === code)!),
  }));
}

/** The selected governorate's label: its bottom-right corner, on a map of width × height. */
export function labelCorner(width: number, height: number): { right: number; bottom: number } {
  return { right: width - CALLOUT.inset, bottom: height - CALLOUT.inset };
}
