/**
 * Colours for the map: class breaks for the values of a MapSelection, the sequential palette, and
 * the two treatments that must never read as a value — `not-listed` (flat grey) and `gap`
 * (hatched). The SVG renderer, the MapLibre layer, the legend and image export all take their
 * colours from here. Pure: no DOM.
 *
 * Class-break rule (at most 14 values, so no Jenks optimisation is worth its opacity):
 *  1. the number of classes follows the number of distinct values: 1 → 1, 2 → 2, 3–4 → 3,
 *     5–8 → 4, 9 or more → 5;
 *  2. each threshold starts as a quantile (i / k) of the values, splitting them into values below
 *     and values at or above it;
 *  3. the threshold is then replaced by the roundest number that keeps the same split, trying
 *     multiples of 10ⁿ, 5·10ⁿ⁻¹, 2·10ⁿ⁻¹, then the next power down (13,436 vs 2,900 → 10,000);
 *  4. thresholds that coincide are merged, so equal values give one class and never an empty one.
 * A value v falls in class i when thresholds[i-1] ≤ v < thresholds[i].
 *
 * Deliberately ignores: diverging data (all values are counts ≥ 0) and logarithmic scales.
 */
import type { MapCell, MapSelection } from '../data/selection';

export interface ClassBreaks {
  /** ascending; k − 1 thresholds for k classes; a value ≥ thresholds[i] is in class i + 1 or above */
  thresholds: number[];
  /** number of classes (0 when there is no value) */
  count: number;
  min: number;
  max: number;
  /** every value is a whole number (legend ranges can then end at threshold − 1) */
  integer: boolean;
}

/**
 * Sequential palettes, light to dark, by number of classes: ColorBrewer OrRd steps (colour-blind
 * safe: one hue family, lightness strictly decreasing). The lightest step is kept off white so that
 * a published zero stays visibly coloured next to the grey of `not-listed`; the darkest stays off
 * black so that it reads on a dark page.
 */
export const PALETTES: Readonly<Record<number, readonly string[]>> = {
  1: ['#ef6548'],
  2: ['#fdbb84', '#d7301f'],
  3: ['#fdd49e', '#fc8d59', '#b30000'],
  4: ['#fdd49e', '#fc8d59', '#d7301f', '#7f0000'],
  5: ['#fdd49e', '#fdbb84', '#fc8d59', '#d7301f', '#7f0000'],
};

/** A governorate table exists for the period but does not list this governorate: never a zero. */
export const NOT_LISTED = { fill: '#d0d0d0', labelKey: 'map.legend.notListed' } as const;
/** No governorate breakdown was published for the period: diagonal hatching. */
export const GAP = {
  background: '#f3f3f3',
  line: '#8f8f8f',
  lineWidth: 1.5,
  /** distance between hatch lines, px */
  spacing: 6,
  labelKey: 'map.legend.gap',
} as const;
/** Governorates the source published as one figure: one outline around all of them. */
export const COMBINED = { stroke: '#1f1f1f', width: 1.75, dash: '5 2.5', labelKey: 'map.legend.combined' } as const;
/** Borders between governorates. */
export const BORDER = { stroke: '#ffffff', width: 0.8 } as const;
/** Syria's outer edge, drawn over the fills so the country reads against its neighbours. */
export const OUTLINE = { stroke: '#5c5c5c', width: 1 } as const;
/** The governorate chosen by the reader. */
export const SELECTED = { stroke: '#111111', width: 2.75 } as const;
/** Keyboard focus (and hover): blue, apart from the orange-red palette. */
export const FOCUS = { stroke: '#1d4ed8', width: 3 } as const;
/** Neighbouring countries: quiet grey context. */
export const NEIGHBOUR = { fill: '#e9e8e4', stroke: '#c2c0ba', width: 0.6 } as const;
/** Sea and outside the clip box. */
export const BACKGROUND = '#f5f8fa';
/**
 * The same context on a dark page (`:root[data-theme='dark']`). Only the surroundings change:
 * the palette, not-listed grey and hatch read on both, and exports always use the light values.
 */
export const DARK = {
  background: '#16191d',
  neighbour: { fill: '#2b2e34', stroke: '#4a4e57' },
  outline: '#a3a3ad',
  /** the combined-cell outline: near-black would vanish on the dark fills */
  combined: '#ececf0',
} as const;

/** Classes for a number of distinct values (rule 1 above). */
export function classCount(distinct: number): number {
  if (distinct <= 0) return 0;
  if (distinct <= 2) return distinct;
  if (distinct <= 4) return 3;
  if (distinct <= 8) return 4;
  return 5;
}

function quantileSorted(sorted: number[], p: number): number {
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}

/** The roundest t with below < t ≤ above (rule 3). */
export function roundBetween(below: number, above: number): number {
  if (!(above > below)) return above;
  const top = Math.floor(Math.log10(Math.max(Math.abs(above), 1e-9)));
  for (let e = top; e >= -6; e--) {
    for (const m of [10, 5, 2]) {
      // steps 10^e, 5·10^(e−1), 2·10^(e−1), computed to avoid float noise in the result
      const step = e - 1 >= 0 ? m * 10 ** (e - 1) : m / 10 ** (1 - e);
      const t = Math.floor(below / step + 1) * step;
      const clean = Number(t.toPrecision(12));
      if (clean > below && clean <= above) return clean;
    }
  }
  return above;
}

/** Class breaks for a list of values (rules 1–4). */
export function classBreaks(values: readonly number[]): ClassBreaks {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return { thresholds: [], count: 0, min: NaN, max: NaN, integer: true };
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  const integer = sorted.every((v) => Number.isInteger(v));
  const k = classCount(new Set(sorted).size);
  const thresholds: number[] = [];
  for (let i = 1; i < k; i++) {
    const q = quantileSorted(sorted, i / k);
    const below = sorted.filter((v) => v < q);
    const above = sorted.filter((v) => v >= q);
    if (below.length === 0 || above.length === 0) continue;
    const t = roundBetween(below[below.length - 1], above[0]);
    if (t > min && t <= max && !thresholds.includes(t)) thresholds.push(t);
  }
  thresholds.sort((a, b) => a - b);
  return { thresholds, count: thresholds.length + 1, min, max, integer };
}

/** Index of the class a value falls in. */
export function classOf(breaks: ClassBreaks, value: number): number {
  let i = 0;
  while (i < breaks.thresholds.length && value >= breaks.thresholds[i]) i++;
  return i;
}

export interface MapScale {
  breaks: ClassBreaks;
  /** one colour per class, light to dark */
  colors: readonly string[];
}

/** The published values drawn on the map (each combined cell counts once). */
export function valuesOf(selection: MapSelection): number[] {
  return selection.cells.flatMap((c) => (c.status === 'value' && c.figure ? [c.figure.shown.value] : []));
}

export function scaleFor(selection: MapSelection): MapScale {
  const breaks = classBreaks(valuesOf(selection));
  return { breaks, colors: PALETTES[breaks.count] ?? [] };
}

export function colorOf(scale: MapScale, value: number): string {
  return scale.colors[classOf(scale.breaks, value)] ?? PALETTES[1][0];
}

/**
 * The flat fill of a cell. For a `gap` this is the hatch's background: renderers lay the hatch
 * over it (an SVG `<pattern>`, a MapLibre `fill-pattern`).
 */
export function fillFor(cell: MapCell, scale: MapScale): string {
  if (cell.status === 'value' && cell.figure) return colorOf(scale, cell.figure.shown.value);
  if (cell.status === 'gap') return GAP.background;
  return NOT_LISTED.fill;
}

/** The gap hatch as RGBA pixels, for MapLibre (hatch.ts: kept out of the SVG map's first-paint code). */
export { hatchPixels } from './hatch';
