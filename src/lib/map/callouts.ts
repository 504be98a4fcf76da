/**
 * Which governorates are too small to tap on the map as drawn: those whose projected shape is
 * narrower or shorter than a finger's target (24 CSS px, WCAG 2.2 target size). At 390 px Damascus
 * is a patch of a few pixels and Quneitra a sliver; they get callouts — buttons of their own — so
 * that every governorate can be selected at every width. Pure; same projection as the SVG map.
 *
 * Deliberately ignores label placement: the callouts sit together in a corner of the map, which
 * stays right when the zoomable map is panned.
 */
import { fitProjection, type GovernorateFeature } from './geo';
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
