/**
 * Scales and tick text for the timeline: a band scale over periods, a linear scale over values with
 * nice ticks, and compact numbers for the axis (12,958 → "13k"; tooltips show full numbers).
 * Pure functions. The two scales are the few lines of d3-scale's band and linear scales the
 * timeline uses, with the same arithmetic (d3-array's `ticks` and `tickIncrement`): d3-scale
 * itself brings d3-interpolate, d3-color and d3-format, about 7 KB gzip that every embed paid for.
 * Deliberately ignores log scales and negative values: SNHR counts are non-negative, and a log
 * scale would hide how much larger some years are than others.
 */
import { tickIncrement, ticks as d3Ticks } from 'd3-array';

/** A band scale: the left edge of each key's band, its width and the step between bands. */
export interface BandScale {
  (key: string): number | undefined;
  bandwidth(): number;
  step(): number;
}

/** Band scale for period keys in time order; in RTL the first period sits at the right. */
export function periodScale(keys: readonly string[], start: number, end: number, dir: 'ltr' | 'rtl' = 'ltr', padding = 0.2): BandScale {
  // d3's scaleBand().range(dir === 'rtl' ? [end, start] : [start, end]).paddingInner(padding).paddingOuter(padding / 2), align 0.5
  const r0 = dir === 'rtl' ? end : start;
  const r1 = dir === 'rtl' ? start : end;
  const n = keys.length;
  const reverse = r1 < r0;
  let lo = reverse ? r1 : r0;
  const hi = reverse ? r0 : r1;
  const inner = Math.min(1, padding);
  const outer = padding / 2;
  const step = (hi - lo) / Math.max(1, n - inner + outer * 2);
  lo += (hi - lo - step * (n - inner)) * 0.5;
  const width = step * (1 - inner);
  const values = keys.map((_, i) => lo + step * i);
  if (reverse) values.reverse();
  const index = new Map(keys.map((k, i) => [k, i]));
  const band = ((key: string) => {
    const i = index.get(key);
    return i === undefined ? undefined : values[i];
  }) as BandScale;
  band.bandwidth = () => width;
  band.step = () => step;
  return band;
}

export interface ValueScale {
  /** value → pixel */
  scale: (v: number) => number;
  /** tick values, from 0 to the nice maximum */
  ticks: number[];
  /** the top of the domain (a nice number ≥ the largest value; 1 when there is nothing to draw) */
  max: number;
}

/** d3's linear `nice(count)`: widens [start, stop] to multiples of a tick step. */
function nice(start: number, stop: number, count: number): [number, number] {
  let prestep: number | undefined;
  for (let i = 0; i < 10; i++) {
    const step = tickIncrement(start, stop, count);
    if (step === prestep) return [start, stop];
    if (step > 0) {
      start = Math.floor(start / step) * step;
      stop = Math.ceil(stop / step) * step;
    } else if (step < 0) {
      start = Math.ceil(start * step) / step;
      stop = Math.floor(stop * step) / step;
    } else break;
    prestep = step;
  }
  return [start, stop];
}

/**
 * Linear scale from 0 to a nice number ≥ `max`, mapping onto [bottom, top] in pixels. `count` is a
 * hint for the number of ticks (1, 2 or 5 × 10ⁿ steps, as d3 picks them).
 */
export function valueScale(max: number, bottom: number, top: number, count = 5): ValueScale {
  const m = Number.isFinite(max) && max > 0 ? max : 1;
  const [d0, d1] = nice(0, m, count);
  const scale = (v: number) => {
    const t = (v - d0) / (d1 - d0);
    return bottom * (1 - t) + top * t;
  };
  const ticks = d3Ticks(d0, d1, count).filter((t) => t >= 0 && t <= d1);
  return { scale, ticks, max: d1 };
}

/** Suffixes for thousands and millions; a catalog may replace them. */
export interface CompactSuffixes {
  k: string;
  M: string;
}
const SUFFIXES: CompactSuffixes = { k: 'k', M: 'M' };

function trim(n: number, decimals: number): string {
  return n
    .toFixed(decimals)
    .replace(/\.0+$/, '')
    .replace(/(\.\d*?)0+$/, '$1');
}

/**
 * One number in compact form, about two significant digits: 950 → "950", 1,234 → "1.2k",
 * 12,958 → "13k", 123,456 → "123k", 1,530,000 → "1.5M".
 */
export function formatCompact(n: number, suffixes: CompactSuffixes = SUFFIXES): string {
  const sign = n < 0 ? '-' : '';
  const a = Math.abs(n);
  if (a < 1000) return sign + trim(a, a < 10 && a % 1 !== 0 ? 1 : 0);
  // Round first, so 999,950 becomes "1M", not "1000k".
  const asK = a / 1000;
  const k = asK < 10 ? Math.round(asK * 10) / 10 : Math.round(asK);
  if (k < 1000) return sign + trim(k, 1) + suffixes.k;
  const asM = a / 1e6;
  const m = asM < 10 ? Math.round(asM * 10) / 10 : Math.round(asM);
  return sign + trim(m, 1) + suffixes.M;
}

/**
 * Labels for a set of axis ticks: one shared unit (none, k or M, from the largest tick) and as few
 * decimals as keep every tick exact, so 0, 2,500, 5,000 → "0", "2.5k", "5k".
 */
export function formatTicks(ticks: readonly number[], suffixes: CompactSuffixes = SUFFIXES): string[] {
  const top = Math.max(0, ...ticks.map(Math.abs));
  const [div, suffix] = top >= 1e6 ? [1e6, suffixes.M] : top >= 1000 ? [1000, suffixes.k] : [1, ''];
  let decimals = 0;
  while (decimals < 3 && ticks.some((t) => Math.abs(Number((t / div).toFixed(decimals)) - t / div) > 1e-9)) decimals++;
  return ticks.map((t) => (t === 0 ? '0' : trim(t / div, decimals) + suffix));
}

/** How many ticks fit a plot of this height (≈ 36 px between ticks, 2 to 6). */
export function tickCount(plotHeight: number): number {
  return Math.max(2, Math.min(6, Math.floor(plotHeight / 36)));
}

/**
 * Which of `n` evenly spaced labels to show when each needs `labelWidth` px and the step between
 * them is `step` px: every k-th, counted from the last (the latest period stays labelled).
 */
export function labelStride(n: number, step: number, labelWidth: number): number {
  if (n <= 1 || step <= 0) return 1;
  return Math.max(1, Math.ceil(labelWidth / step));
}
