/**
 * Timeline layout: `TimeSelection` + size + direction → marks in pixels (`PlacedBar`, axis ticks,
 * the months row, event markers, the legend), and the words that go with them (aria-labels,
 * tooltip lines). Pure: no DOM, no Svelte; the component and the exports draw what this returns.
 *
 * What it must keep honest: a gap is a marker and never a bar of height zero; the residual
 * (`unattributed`) is derived, stacked last and hatched, never a party colour; a parts-only bar is
 * outlined as a sum; figures in another unit are listed, never drawn; conflicts and earlier
 * vintages are told in the tooltip.
 *
 * Deliberately ignores cumulative figures (ranges longer than a year): they are not comparable
 * with a year's bar and are shown as text elsewhere. Text widths are estimated (no font metrics),
 * which is enough to thin labels and wrap the legend.
 */
import type { Bar, Figure, Segment, TimeSelection } from '../data/selection';
import type { Observation, Unit } from '../data/types';
import { CONFLICT, INK, PARTS_ONLY, PERP_COLORS, SEGMENT_SEPARATOR, SINGLE_SERIES_COLOR, UNATTRIBUTED, GAP, perpColor, type HatchPattern } from './colors';
import { METRIC_UNITS } from '../data/register.gen';
import { formatCompact, formatTicks, labelStride, periodScale, tickCount, valueScale } from './scales';
import type { TimelineEvent } from './events';

export type Dir = 'ltr' | 'rtl';

/** Text services the layout needs; `i18n` from `$lib/i18n/i18n.svelte` fits. */
export interface Formatter {
  t: (key: string, params?: Record<string, string | number>) => string;
  num: (n: number) => string;
  date: (iso: string) => string;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** One stacked piece of a bar, in pixels. */
export interface PlacedSegment extends Rect {
  /** perpetrator id, `unattributed` for the residual, or the filter (`all` or an id) for an unstacked bar */
  perp: string;
  value: number;
  /** the published figure; null for the residual and for a parts-only bar's single piece */
  figure: Figure | null;
  /** solid colour (for a patterned segment, the pattern's background) */
  fill: string;
  /** hatch pattern to fill with instead of `fill`, or null */
  pattern: HatchPattern | null;
  stroke: string;
  strokeWidth: number;
  /** true for the residual: computed here from published figures, not published as such */
  derived: boolean;
  /** where a tooltip for this segment points */
  anchor: Point;
}

/** One bar (a year or a month), in pixels. */
export interface PlacedBar {
  /** the period key (`2015`, `2015-07`) */
  key: string;
  row: 'years' | 'months';
  year: number;
  /** 1–12 for a month bar */
  month: number | null;
  bar: Bar;
  status: Bar['status'];
  /** the band: left edge and width, whatever the direction */
  x: number;
  width: number;
  /** the drawn stack's top and height (height 0 for a gap: a gap has no bar) */
  y: number;
  height: number;
  /** bottom to top; empty for a gap */
  segments: PlacedSegment[];
  /** the light strip that marks a gap; null unless `status` is `gap` */
  gap: (Rect & { pattern: HatchPattern }) | null;
  /** the dashed outline of a parts-only bar; null otherwise */
  outline: (Rect & { stroke: string; strokeWidth: number; dasharray: string }) | null;
  /** the marker over a bar whose figure comes with conflicting values; null otherwise */
  conflict: (Point & { r: number; fill: string; stroke: string; strokeWidth: number }) | null;
  selected: boolean;
  /** the axis label and whether it is shown (labels thin out on narrow widths) */
  label: string;
  showLabel: boolean;
  /** where a tooltip for the whole bar points: the top centre of the stack (or of the gap strip) */
  anchor: Point;
  /** true when something in another unit was published for this bar (listed, never drawn) */
  hasOtherUnits: boolean;
  /**
   * a bar too tall for the row's broken axis (`PlacedRow.axisBreak`): its stack is cut at the
   * break (the mark across it at `y`) and its top squeezed above it, so its value is written over it
   */
  broken: { y: number; label: string; labelY: number } | null;
  /** a year's bar too short to read (under `SHORT_BAR` px): its value written over it; null otherwise */
  shortValue: { label: string; y: number } | null;
}

export interface AxisTick {
  value: number;
  y: number;
  label: string;
}

export interface PlacedEvent {
  id: string;
  label: string;
  date: string;
  x: number;
  /** end of an event that lasted weeks; null for a day */
  x2: number | null;
  /** top of the marker line (the bottom is the row's baseline) */
  y: number;
  /** where the label's baseline sits, and which way it runs from `x` */
  labelY: number;
  anchor: 'start' | 'end';
  showLabel: boolean;
  /** the event's number in the key under the chart, its label then being the number (phones, or no room); else null */
  n: number | null;
}

/** One line of the events key drawn on phones, where the markers carry numbers instead of labels. */
export interface PlacedEventKey {
  id: string;
  n: number;
  /** `n` then the event's label */
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'end';
}

export interface PlacedRow {
  kind: 'years' | 'months';
  /** the plot area (bars live inside it; the baseline is its bottom edge) */
  plot: Rect;
  baseline: number;
  bars: PlacedBar[];
  ticks: AxisTick[];
  /** x of the tick labels, and their anchor: left of the plot in LTR, right in RTL */
  tickX: number;
  tickAnchor: 'start' | 'end';
  /** y of the period labels' baseline */
  labelY: number;
  /** a heading over the row (the months row only) */
  title: { text: string; x: number; y: number; anchor: 'start' | 'end' } | null;
  events: PlacedEvent[];
  /**
   * the value axis is broken: ticks stop at `value`, and the few bars taller than that are cut
   * (`PlacedBar.broken`); `y` is where the break mark crosses the axis at `x`. Null: one scale.
   */
  axisBreak: { value: number; y: number; x: number } | null;
}

export interface PlacedLegendItem extends LegendItem {
  /** left edge and top of the item (swatch and label); the swatch sits on the reading-start side */
  x: number;
  y: number;
  width: number;
  label: string;
}

export interface TimelineLayout {
  width: number;
  height: number;
  dir: Dir;
  /** phone widths: fewer labels, event labels hidden */
  compact: boolean;
  unit: Unit;
  /** the unit over the value axis */
  unitLabel: { text: string; x: number; y: number; anchor: 'start' | 'end' };
  years: PlacedRow;
  /** the selected year's months; null when no month of it was published */
  months: PlacedRow | null;
  legend: PlacedLegendItem[];
  /** the numbered events key over the legend (phones, or events whose label found no room) */
  eventKey: PlacedEventKey[];
}

export interface LayoutOptions {
  width: number;
  height: number;
  dir?: Dir;
  selectedYear?: number | null;
  /** key events to mark (default none) */
  events?: readonly TimelineEvent[];
  fmt: Formatter;
  /** legend and event labels; default English short month names */
  monthName?: (month: number, style: 'short' | 'narrow') => string;
  /**
   * The months row's scale reaches at least this value: a series drawn over the row (another
   * record's line, see ucdp/overlay.ts) then stays inside its plot. Default 0.
   */
  monthsAtLeast?: number;
}

/** Below this width the chart thins its labels and numbers its event markers, keyed under the chart. */
export const COMPACT_WIDTH = 480;

const FONT = 11;
/** average glyph width at 11px, for estimates */
const CHAR = 6.2;
const estimate = (text: string, size = FONT) => text.length * CHAR * (size / FONT);

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const englishMonth = (m: number, style: 'short' | 'narrow') => (style === 'narrow' ? MONTHS_EN[m - 1].slice(0, 1) : MONTHS_EN[m - 1]);

/** The unit the bars are drawn in: from the first drawn figure, else the metric's unit (data/metrics.csv). */
export function unitOf(selection: TimeSelection): Unit {
  for (const bar of [...selection.years, ...selection.months]) {
    if (bar.total) return bar.total.shown.unit;
    for (const s of bar.segments) if (s.figure) return s.figure.shown.unit;
  }
  return METRIC_UNITS[selection.query.metric] ?? 'civilians';
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Segments in drawing order, bottom first: as given (largest first), the residual always last. */
export function stackOrder(segments: readonly Segment[]): Segment[] {
  return [...segments.filter((s) => s.perp !== 'unattributed'), ...segments.filter((s) => s.perp === 'unattributed')];
}

/** The height a bar stands for: its value, or the sum of its parts when that is larger. */
export function barHeightValue(bar: Bar): number {
  if (bar.status === 'gap') return 0;
  const parts = bar.segments.reduce((a, s) => a + s.value, 0);
  return Math.max(bar.value ?? 0, parts);
}

/**
 * Where a row's value axis breaks, or null. A break is made only for a few outlying bars (at most a
 * quarter of the drawn ones, at least five drawn), clearly taller than the rest (the shortest
 * broken bar 1.3× the tallest kept one) and worth it (the tallest bar at least twice the kept
 * scale). Returns the tallest kept bar's value: the axis runs to it; taller bars are cut. Of the
 * allowed cuts, the one that cuts fewest bars.
 *
 * Why: SNHR's 2013–2014 civilian-death counts (regime forces alone ~35,000 and ~25,000) would
 * otherwise flatten every later year to a sliver.
 */
export function axisBreakValue(values: readonly number[]): number | null {
  const h = values.filter((v) => v > 0).sort((a, b) => b - a);
  if (h.length < 5) return null;
  const maxK = Math.max(1, Math.floor(h.length / 4));
  for (let k = 1; k <= maxK; k++) {
    const cap = h[k];
    if (h[k - 1] >= 1.3 * cap && h[0] >= 2 * cap) return cap;
  }
  return null;
}

/** Room the break takes at the top of a broken row: the values' line, the squeezed tops, the mark. */
export const BREAK_ROOM = 30;
/** Plots shorter than this keep one scale: the break's room would leave too little for the bars. */
export const MIN_BREAK_PLOT = 90;
/** A year's bar shorter than this (px) has its value written over it: a sliver is not readable. */
export const SHORT_BAR = 14;

function hasConflict(bar: Bar): Figure | null {
  if (bar.total && bar.total.conflicting.length > 0) return bar.total;
  return bar.segments.find((s) => s.figure && s.figure.conflicting.length > 0)?.figure ?? null;
}

function placeRow(
  kind: 'years' | 'months',
  bars: readonly Bar[],
  plot: Rect,
  o: Required<Pick<LayoutOptions, 'dir' | 'fmt' | 'monthName'>> & {
    selectedYear: number | null;
    compact: boolean;
    perpFilter: string;
    /** whether the row may break its value axis (a plot tall enough to show it) */
    breakable: boolean;
    events: readonly TimelineEvent[];
    eventLanes: number;
    /** compact charts: each event's number in the key */
    eventNumbers: ReadonlyMap<string, number>;
    /** the scale reaches at least this value */
    atLeast?: number;
  },
): PlacedRow {
  const { dir, compact } = o;
  const keys = bars.map((b) => b.period.key);
  const band = periodScale(keys, plot.x, plot.x + plot.width, dir, kind === 'years' ? 0.2 : 0.15);
  const baseline = plot.y + plot.height;
  const maxValue = Math.max(0, o.atLeast ?? 0, ...bars.map(barHeightValue));
  // a broken axis (years only; never on a plot too short to show it)
  const cut = kind === 'years' && o.breakable ? axisBreakValue(bars.map(barHeightValue)) : null;
  const keptTop = cut === null ? plot.y : plot.y + BREAK_ROOM;
  const vs = valueScale(cut ?? maxValue, baseline, keptTop, tickCount(baseline - keptTop));
  // above the kept scale (only broken bars reach there): squeezed between the mark and the values' line
  const markY = round(keptTop - 6);
  const y = (v: number) =>
    cut === null || v <= vs.max ? round(vs.scale(v)) : round(keptTop - 11 - (maxValue > vs.max ? ((v - vs.max) / (maxValue - vs.max)) * 7 : 0));
  const bw = band.bandwidth();

  const labelFor = (bar: Bar): string => {
    const year = +bar.period.start.slice(0, 4);
    if (kind === 'years') return compact && bw < 26 ? `’${String(year).slice(2)}` : String(year);
    return o.monthName(+bar.period.start.slice(5, 7), compact || bw < 22 ? 'narrow' : 'short');
  };
  const labels = bars.map(labelFor);
  const labelWidth = Math.max(0, ...labels.map((l) => estimate(l))) + 6;
  const stride = labelStride(bars.length, band.step(), labelWidth);
  const shown = bars.map((_, i) => (bars.length - 1 - i) % stride === 0);
  const selIndex = kind === 'years' && o.selectedYear !== null ? bars.findIndex((b) => +b.period.start.slice(0, 4) === o.selectedYear) : -1;
  if (selIndex >= 0 && !shown[selIndex]) {
    shown[selIndex] = true;
    for (let i = 0; i < bars.length; i++) if (i !== selIndex && Math.abs(i - selIndex) < stride) shown[i] = false;
  }

  const placed: PlacedBar[] = bars.map((bar, i) => {
    const x = round(band(bar.period.key) ?? 0);
    const width = round(bw);
    const cx = round(x + width / 2);
    const year = +bar.period.start.slice(0, 4);
    const month = bar.period.kind === 'month' ? +bar.period.start.slice(5, 7) : null;
    const common = {
      key: bar.period.key,
      row: kind,
      year,
      month,
      bar,
      status: bar.status,
      x,
      width,
      selected: kind === 'years' && o.selectedYear === year,
      label: labels[i],
      showLabel: shown[i],
      hasOtherUnits: bar.otherUnits.length > 0,
      broken: null as PlacedBar['broken'],
      shortValue: null as PlacedBar['shortValue'],
    };
    if (bar.status === 'gap') {
      const gap = { x, y: round(plot.y), width, height: round(plot.height), pattern: GAP };
      return {
        ...common,
        y: round(baseline),
        height: 0,
        segments: [],
        gap,
        outline: null,
        conflict: null,
        anchor: { x: cx, y: round(plot.y + plot.height / 2) },
      };
    }
    const pieces: Segment[] = bar.segments.length > 0 ? stackOrder(bar.segments) : [{ perp: o.perpFilter, value: bar.value ?? 0, figure: bar.total }];
    let cum = 0;
    const segments: PlacedSegment[] = pieces.map((s) => {
      const y0 = y(cum);
      cum += s.value;
      const y1 = y(cum);
      const derived = s.perp === 'unattributed';
      const stacked = bar.segments.length > 0;
      const fill = derived ? UNATTRIBUTED.background : stacked ? perpColor(s.perp) : s.perp === 'all' ? SINGLE_SERIES_COLOR : perpColor(s.perp);
      return {
        perp: s.perp,
        value: s.value,
        figure: s.figure,
        x,
        y: y1,
        width,
        height: round(y0 - y1),
        fill,
        pattern: derived ? UNATTRIBUTED : null,
        stroke: derived ? UNATTRIBUTED.stroke : SEGMENT_SEPARATOR,
        strokeWidth: derived ? UNATTRIBUTED.strokeWidth : stacked ? 0.75 : 0,
        derived,
        anchor: { x: cx, y: round((y0 + y1) / 2) },
      };
    });
    const top = y(cum);
    const height = round(y(0) - top);
    const conflictFigure = hasConflict(bar);
    const full = o.fmt.num(barHeightValue(bar));
    // the exact value where it fits over the bar's step, else abbreviated like the axis ("35k")
    const label = estimate(full, 9) <= band.step() - 2 ? full : formatCompact(barHeightValue(bar));
    const broken = cut !== null && cum > vs.max ? { y: markY, label, labelY: round(top - 3) } : null;
    // a sliver says its value, where the value fits over its step
    const shortValue = kind === 'years' && height < SHORT_BAR && cum > 0 && estimate(label, 9) <= band.step() - 2 ? { label, y: round(top - 3) } : null;
    return {
      ...common,
      broken,
      shortValue,
      y: top,
      height,
      segments,
      // A bar of parts with no published total: above the parts, the total is not known, so the
      // rest of the column is hatched like a gap and the bar never reads as a year's total.
      gap: bar.status === 'parts-only' && top > plot.y ? { x, y: round(plot.y), width, height: round(top - plot.y), pattern: GAP } : null,
      outline:
        bar.status === 'parts-only'
          ? { x, y: top, width, height, stroke: PARTS_ONLY.stroke, strokeWidth: PARTS_ONLY.strokeWidth, dasharray: PARTS_ONLY.dasharray }
          : null,
      conflict: conflictFigure ? { x: cx, y: round(Math.max(plot.y + 4, top - 7)), r: Math.min(4, Math.max(2.5, width / 4)), ...CONFLICT } : null,
      anchor: { x: cx, y: top },
    };
  });

  const tickLabels = formatTicks(vs.ticks);
  const ticks: AxisTick[] = vs.ticks.map((v, i) => ({ value: v, y: y(v), label: tickLabels[i] }));

  // Events: a date's position inside its period's step, so time runs continuously across bands.
  const step = band.step();
  const pad = (step - bw) / 2;
  const xOfDate = (iso: string): number | null => {
    const key = kind === 'years' ? iso.slice(0, 4) : iso.slice(0, 7);
    const bx = band(key);
    if (bx === undefined) return null;
    const start = Date.parse(kind === 'years' ? `${key}-01-01` : `${key}-01`);
    const end = kind === 'years' ? Date.parse(`${+key + 1}-01-01`) : Date.UTC(+key.slice(0, 4), +key.slice(5, 7), 1);
    // noon of the day; a month-precision date sits mid-month
    const day = Date.parse(iso.length === 7 ? `${iso}-15` : iso) + 43_200_000;
    const frac = Math.min(1, Math.max(0, (day - start) / (end - start)));
    const left = bx - pad;
    return round(dir === 'rtl' ? left + (1 - frac) * step : left + frac * step);
  };
  const events: PlacedEvent[] = [];
  const laneEnds: { from: number; to: number }[][] = Array.from({ length: o.eventLanes }, () => []);
  for (const e of o.events) {
    const x = xOfDate(e.date);
    if (x === null) continue;
    const x2 = e.end ? xOfDate(e.end) : null;
    const w = estimate(e.label, 10) + 4;
    // Labels run away from the axis side; flip when they would leave the plot.
    let anchor: 'start' | 'end' = dir === 'rtl' ? 'end' : 'start';
    if (anchor === 'start' && x + w > plot.x + plot.width) anchor = 'end';
    if (anchor === 'end' && x - w < plot.x) anchor = 'start';
    const from = anchor === 'start' ? x : x - w;
    const to = from + w;
    // a keyed marker carries its number (phones, or no lane left): a dotted line is never unexplained
    const n = o.eventNumbers.get(e.id) ?? null;
    let lane = -1;
    if (!compact && n === null) lane = laneEnds.findIndex((l) => l.every((r) => to < r.from || from > r.to));
    if (lane >= 0) laneEnds[lane].push({ from, to });
    events.push({
      id: e.id,
      n,
      label: n !== null ? String(n) : e.label,
      date: e.date,
      x,
      x2: x2 !== null && x2 !== x ? x2 : null,
      // a number on a wide chart sits in a lane of its own over the labelled ones
      y: round(n !== null && !compact ? plot.y - o.eventLanes * 12 - 4 : plot.y - (lane >= 0 ? (o.eventLanes - lane) * 12 - 8 : 2)),
      labelY: round(n !== null && !compact ? plot.y - o.eventLanes * 12 - 6 : plot.y - (lane >= 0 ? (o.eventLanes - lane) * 12 - 8 : 0) - 2),
      anchor: n !== null ? (dir === 'rtl' ? 'end' : 'start') : anchor,
      showLabel: lane >= 0 || n !== null,
    });
  }

  const tickX = dir === 'rtl' ? round(plot.x + plot.width + 6) : round(plot.x - 6);
  return {
    kind,
    plot: { x: round(plot.x), y: round(plot.y), width: round(plot.width), height: round(plot.height) },
    baseline: round(baseline),
    bars: placed,
    ticks,
    tickX,
    tickAnchor: dir === 'rtl' ? 'start' : 'end',
    labelY: round(baseline + 14),
    title: null,
    events,
    axisBreak: cut === null ? null : { value: vs.max, y: markY, x: dir === 'rtl' ? round(plot.x + plot.width) : round(plot.x) },
  };
}

/**
 * Everything the chart draws, placed in a `width` × `height` box. An event marker always says what
 * it is: a label beside it when one fits, else (phones, or a crowded desktop row) a number keyed
 * over the legend.
 */
export function layoutTimeline(selection: TimeSelection, options: LayoutOptions): TimelineLayout {
  const first = layoutWith(selection, options, null);
  if (first.compact) return first;
  const unlabelled = new Set(first.years.events.filter((e) => !e.showLabel).map((e) => e.id));
  return unlabelled.size ? layoutWith(selection, options, unlabelled) : first;
}

/** `numbered`: the events keyed by number (null: every event in range on phones, none on wider charts). */
function layoutWith(selection: TimeSelection, options: LayoutOptions, numbered: ReadonlySet<string> | null): TimelineLayout {
  const { width, height, fmt } = options;
  const dir = options.dir ?? 'ltr';
  const compact = width < COMPACT_WIDTH;
  const monthName = options.monthName ?? englishMonth;
  const unit = unitOf(selection);
  const selectedYear = options.selectedYear ?? null;

  // The legend sits at the bottom, wrapped to the width.
  const pad = 8;
  const rowH = 16;
  const avail = width - 2 * pad;
  const flowItems = (items: readonly LegendItem[]) => {
    const flow: { item: LegendItem; label: string; x: number; row: number; w: number }[] = [];
    let lx = 0;
    let lrow = 0;
    for (const item of items) {
      const label = legendLabel(item, fmt);
      const w = 14 + estimate(label) + 12;
      if (lx > 0 && lx + w > avail) {
        lx = 0;
        lrow++;
      }
      flow.push({ item, label, x: lx, row: lrow, w });
      lx += w;
    }
    return { flow, rows: items.length ? lrow + 1 : 0 };
  };
  const { flow, rows: legendRows } = flowItems(timelineLegend(selection));

  // Phones: events in the years shown are numbered, and keyed in rows over the legend.
  const events = options.events ?? [];
  const yearKeys = new Set(selection.years.map((b) => b.period.key));
  const inRange = events.filter((e) => yearKeys.has(e.date.slice(0, 4)));
  const keyed = inRange.filter((e) => (numbered ? numbered.has(e.id) : compact));
  const eventNumbers = new Map(keyed.map((e, i) => [e.id, i + 1] as const));
  const keyFlow: { id: string; n: number; text: string; x: number; row: number }[] = [];
  let kx = 0;
  let krow = 0;
  for (const e of keyed) {
    const n = eventNumbers.get(e.id)!;
    const text = `${n} ${e.label}`;
    const w = estimate(text, 10) + 12;
    if (kx > 0 && kx + w > avail) {
      kx = 0;
      krow++;
    }
    keyFlow.push({ id: e.id, n, text, x: kx, row: krow });
    kx += w;
  }
  const keyRows = keyFlow.length ? krow + 1 : 0;
  const keyH = 14;
  const legendTop = height - pad - legendRows * rowH;
  const keyTop = legendTop - keyRows * keyH;
  const eventKey: PlacedEventKey[] = keyFlow.map((k) => ({
    id: k.id,
    n: k.n,
    text: k.text,
    x: round(dir === 'rtl' ? width - pad - k.x : pad + k.x),
    y: round(keyTop + k.row * keyH + 10),
    anchor: dir === 'rtl' ? 'end' : 'start',
  }));
  const legend: PlacedLegendItem[] = flow.map(({ item, label, x, row, w }) => ({
    ...item,
    label,
    x: round(dir === 'rtl' ? width - pad - x - (w - 12) : pad + x),
    y: round(legendTop + row * rowH),
    width: round(w - 12),
  }));

  // Columns: tick labels on the axis side.
  const monthsAtLeast = selection.months.length > 0 ? (options.monthsAtLeast ?? 0) : 0;
  const maxTick = Math.max(1, monthsAtLeast, ...selection.years.map(barHeightValue), ...selection.months.map(barHeightValue));
  const axisW = Math.max(24, estimate(formatTicks([maxTick * 1.2])[0]) + 10);
  const plotX = dir === 'rtl' ? pad : pad + axisW;
  const plotW = Math.max(10, width - 2 * pad - axisW);

  // Rows: events band + unit label, the years plot, its labels; then the months block.
  const eventLanes = compact ? 1 : 2;
  const anyEvent = inRange.length > 0;
  const top = 16 + (anyEvent ? (compact ? 10 : eventLanes * 12 + (keyed.length ? 12 : 0)) : 0);
  const labelsH = 20;
  const hasMonths = selection.months.length > 0;
  const monthsTitleH = 20;
  const bottom = keyTop - 6;
  const free = Math.max(40, bottom - top - labelsH - (hasMonths ? monthsTitleH + labelsH : 0));
  const yearsH = hasMonths ? Math.round(free * 0.58) : free;
  // a plot too short to show a break keeps one scale, and its legend (where the break's item is
  // last, so that leaving it out leaves no hole) says nothing of one
  const breakable = yearsH >= MIN_BREAK_PLOT;
  const monthsH = free - yearsH;

  const common = { dir, fmt, monthName, selectedYear, compact, perpFilter: selection.query.perp, breakable };
  const years = placeRow('years', selection.years, { x: plotX, y: top, width: plotW, height: yearsH }, { ...common, events, eventLanes, eventNumbers });
  let months: PlacedRow | null = null;
  if (hasMonths) {
    const my = top + yearsH + labelsH + monthsTitleH;
    months = placeRow(
      'months',
      selection.months,
      { x: plotX, y: my, width: plotW, height: monthsH },
      { ...common, events: [], eventLanes: 1, eventNumbers: new Map(), atLeast: monthsAtLeast },
    );
    const year = +selection.months[0].period.start.slice(0, 4);
    months.title = {
      text: fmt.t('timeline.months.title', { year: String(year) }),
      x: dir === 'rtl' ? round(plotX + plotW) : round(plotX),
      y: round(my - 7),
      anchor: dir === 'rtl' ? 'end' : 'start',
    };
  }

  return {
    width,
    height,
    dir,
    compact,
    unit,
    unitLabel: {
      text: fmt.t(`unit.${unit}`),
      x: dir === 'rtl' ? round(width - pad) : pad,
      y: 11,
      anchor: dir === 'rtl' ? 'end' : 'start',
    },
    years,
    months,
    legend: breakable ? legend : legend.filter((i) => i.kind !== 'broken'),
    eventKey,
  };
}

// ——— Legend ———

export interface LegendItem {
  kind: 'perp' | 'single' | 'unattributed' | 'parts-only' | 'gap' | 'conflict' | 'broken';
  /** the perpetrator id (kind `perp`, and `single` when one party is filtered) */
  perp: string | null;
  fill: string;
  pattern: HatchPattern | null;
  stroke: string;
  strokeWidth: number;
  dasharray: string | null;
  /** catalog key of the label (`timeline.perp.regime`, `timeline.legend.gap`); use `legendLabel()`, which also names combined parties */
  labelKey: string;
}

/**
 * What the legend lists for a selection: the party colours present (in a fixed order), then the
 * treatments that occur (unattributed, sum of parts, no figure, conflicting figures).
 */
export function timelineLegend(selection: TimeSelection): LegendItem[] {
  const bars = [...selection.years, ...selection.months];
  const perps = new Set<string>();
  let single = false;
  let unattributed = false;
  let partsOnly = false;
  let gap = false;
  let conflict = false;
  for (const bar of bars) {
    if (bar.status === 'gap') gap = true;
    if (bar.status === 'parts-only') partsOnly = true;
    if (bar.status !== 'gap' && bar.segments.length === 0) single = true;
    for (const s of bar.segments) {
      if (s.perp === 'unattributed') unattributed = true;
      else perps.add(s.perp);
    }
    if (hasConflict(bar)) conflict = true;
  }
  const order = Object.keys(PERP_COLORS);
  const rank = (p: string) => (order.includes(p) ? order.indexOf(p) : order.length);
  const sorted = [...perps].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const solid = (fill: string) => ({ fill, pattern: null, stroke: 'none', strokeWidth: 0, dasharray: null });
  const items: LegendItem[] = [];
  const filter = selection.query.perp;
  if (single) {
    items.push(
      filter === 'all'
        ? { kind: 'single', perp: null, ...solid(SINGLE_SERIES_COLOR), labelKey: 'timeline.legend.total' }
        : { kind: 'single', perp: filter, ...solid(perpColor(filter)), labelKey: `timeline.perp.${filter}` },
    );
  }
  for (const p of sorted) {
    if (single && p === filter) continue;
    items.push({ kind: 'perp', perp: p, ...solid(perpColor(p)), labelKey: `timeline.perp.${p}` });
  }
  if (unattributed)
    items.push({
      kind: 'unattributed',
      perp: 'unattributed',
      fill: UNATTRIBUTED.background,
      pattern: UNATTRIBUTED,
      stroke: UNATTRIBUTED.stroke,
      strokeWidth: UNATTRIBUTED.strokeWidth,
      dasharray: null,
      labelKey: 'timeline.legend.unattributed',
    });
  if (partsOnly)
    items.push({
      kind: 'parts-only',
      perp: null,
      fill: 'none',
      pattern: null,
      stroke: PARTS_ONLY.stroke,
      strokeWidth: PARTS_ONLY.strokeWidth,
      dasharray: PARTS_ONLY.dasharray,
      labelKey: 'timeline.legend.partsOnly',
    });
  if (gap)
    items.push({
      kind: 'gap',
      perp: null,
      fill: 'none',
      pattern: GAP,
      stroke: INK.axis,
      strokeWidth: 0.5,
      dasharray: null,
      labelKey: 'timeline.legend.gap',
    });
  if (conflict)
    items.push({
      kind: 'conflict',
      perp: null,
      fill: CONFLICT.fill,
      pattern: null,
      stroke: CONFLICT.stroke,
      strokeWidth: CONFLICT.strokeWidth,
      dasharray: null,
      labelKey: 'timeline.legend.conflict',
    });
  // the years row's broken axis (placeRow makes the same call); last, see layoutWith
  if (axisBreakValue(selection.years.map(barHeightValue)) !== null)
    items.push({
      kind: 'broken',
      perp: null,
      fill: 'none',
      pattern: null,
      stroke: INK.axis,
      strokeWidth: 1,
      dasharray: null,
      labelKey: 'timeline.legend.broken',
    });
  return items;
}

/** The legend item's words (a party's name, or the treatment's label). */
export function legendLabel(item: LegendItem, fmt: Formatter): string {
  return item.perp && item.kind !== 'unattributed' ? perpLabel(item.perp, fmt) : fmt.t(item.labelKey);
}

// ——— Words: aria-labels and tooltip lines ———

export interface TextContext {
  fmt: Formatter;
  unit: Unit;
  /** the perpetrator filter of the selection (`all` or an id) */
  perpFilter: string;
  /** publication date of a source id, for "earlier figure: … (date)"; the id is shown when unknown */
  sourceDate?: (sourceId: string) => string | undefined;
}

/** "about 1,200", "more than 68,334", "17,318". */
export function valueText(obs: Pick<Observation, 'value' | 'qualifier'>, fmt: Formatter): string {
  const n = fmt.num(obs.value);
  return obs.qualifier ? fmt.t(`qualifier.${obs.qualifier}`, { value: n }) : n;
}

function figureValue(fig: Figure | null, value: number, fmt: Formatter): string {
  return fig ? valueText(fig.shown, fmt) : fmt.num(value);
}

/** The period as a reader says it: "2015", "Jul 2015". */
export function periodText(bar: Bar, fmt: Formatter): string {
  return bar.period.kind === 'year' ? bar.period.key : fmt.date(bar.period.key);
}

/**
 * A party's short name: from the catalog, which has it from data/perpetrators.csv (`short_en`/`short_ar`,
 * else the full name; i18n/{en,ar}/parties.gen.ts); parties published as one figure (`isis+hts`) are named
 * from their parts ("ISIS + HTS (combined in the source)"); an unknown id shows as itself.
 */
export function perpLabel(perp: string, fmt: Formatter): string {
  if (perp === 'unattributed') return fmt.t('perp.unattributed');
  if (perp === 'all') return fmt.t('perp.all');
  const key = `timeline.perp.${perp}`;
  const name = fmt.t(key);
  if (name !== key) return name;
  if (perp.includes('+'))
    return fmt.t('timeline.perp.combined', {
      names: perp
        .split('+')
        .map((p) => perpLabel(p, fmt))
        .join(' + '),
    });
  return perp;
}
const perpName = perpLabel;

/** e.g. "2015: 17,318 barrel bombs; no split by party published". */
export function barAriaLabel(bar: Bar, ctx: TextContext): string {
  const { fmt } = ctx;
  const period = periodText(bar, fmt);
  const unit = fmt.t(`unit.${ctx.unit}`);
  if (bar.status === 'gap') {
    const also = bar.otherUnits.length ? `; ${otherUnitsText(bar, fmt)}` : '';
    return fmt.t('timeline.aria.gap', { period }) + also;
  }
  const parts: string[] = [];
  if (bar.status === 'parts-only') {
    // no total: the sum of the listed parties is not said as if it were the year's figure
    parts.push(`${period}: ${fmt.t('timeline.partsOnly.long')}`);
  } else {
    const value = figureValue(bar.total, bar.value ?? 0, fmt);
    let head = fmt.t('timeline.aria.value', { period, value, unit });
    if (ctx.perpFilter !== 'all') head += ` (${perpName(ctx.perpFilter, fmt)})`;
    parts.push(head);
  }
  if (bar.segments.length) {
    const list = stackOrder(bar.segments)
      .map((s) => `${perpName(s.perp, fmt)} ${figureValue(s.figure, s.value, fmt)}`)
      .join(', ');
    parts.push(fmt.t('timeline.aria.split', { parts: list }));
  } else if (ctx.perpFilter === 'all') {
    parts.push(fmt.t('timeline.aria.noSplit'));
  }
  const c = hasConflict(bar);
  if (c) parts.push(conflictText(c, fmt));
  if (bar.otherUnits.length) parts.push(otherUnitsText(bar, fmt));
  return parts.join('; ');
}

function conflictText(fig: Figure, fmt: Formatter): string {
  const values = [fig.shown, ...fig.conflicting].map((o) => valueText(o, fmt)).join(fmt.t('timeline.and'));
  return fmt.t('timeline.conflict', { values });
}

function otherUnitsText(bar: Bar, fmt: Formatter): string {
  return bar.otherUnits.map((o) => fmt.t('timeline.alsoPublished', { value: valueText(o, fmt), unit: fmt.t(`unit.${o.unit}`) })).join('; ');
}

export interface TooltipLine {
  kind: 'title' | 'value' | 'segment' | 'note' | 'conflict' | 'earlier' | 'other-unit';
  text: string;
  /** swatch for a segment line */
  fill?: string;
  pattern?: HatchPattern | null;
  /** the line is about the hovered segment */
  current?: boolean;
}

function earlierLines(fig: Figure, ctx: TextContext, prefix = ''): TooltipLine[] {
  return fig.earlier.map((o) => ({
    kind: 'earlier' as const,
    text:
      prefix +
      ctx.fmt.t('timeline.earlier', {
        value: valueText(o, ctx.fmt),
        date: (() => {
          const d = ctx.sourceDate?.(o.source);
          return d ? ctx.fmt.date(d) : o.source;
        })(),
      }),
  }));
}

/**
 * The tooltip of a bar (and, when given, of one of its segments), as lines of text in reading
 * order: the period, the value with its unit, the stack, notes, conflicts, earlier vintages and
 * figures in other units. Full numbers, never compact.
 */
export function tooltipLines(bar: Bar, segment: Segment | null, ctx: TextContext): TooltipLine[] {
  const { fmt } = ctx;
  const unit = fmt.t(`unit.${ctx.unit}`);
  const lines: TooltipLine[] = [{ kind: 'title', text: periodText(bar, fmt) }];
  if (bar.status === 'gap') {
    lines.push({ kind: 'note', text: fmt.t('timeline.gap') });
  } else {
    if (bar.status === 'parts-only') {
      // no total: the parties' figures are listed below, never summed into a headline value
      lines.push({ kind: 'note', text: fmt.t('timeline.partsOnly.long') });
    } else {
      let v = `${figureValue(bar.total, bar.value ?? 0, fmt)} ${unit}`;
      if (ctx.perpFilter !== 'all') v += ` (${perpName(ctx.perpFilter, fmt)})`;
      lines.push({ kind: 'value', text: v });
    }
    if (bar.segments.length === 0 && ctx.perpFilter === 'all') lines.push({ kind: 'note', text: fmt.t('timeline.aria.noSplit') });
    for (const s of stackOrder(bar.segments)) {
      const derived = s.perp === 'unattributed';
      lines.push({
        kind: 'segment',
        text: `${perpName(s.perp, fmt)}: ${figureValue(s.figure, s.value, fmt)}`,
        fill: derived ? UNATTRIBUTED.background : perpColor(s.perp),
        pattern: derived ? UNATTRIBUTED : null,
        current: segment !== null && segment.perp === s.perp,
      });
    }
    if (segment?.perp === 'unattributed' || (segment === null && bar.segments.some((s) => s.perp === 'unattributed')))
      lines.push({ kind: 'note', text: fmt.t('timeline.unattributed.note') });
    if (bar.total) {
      for (const c of [bar.total]) if (c.conflicting.length) lines.push({ kind: 'conflict', text: conflictText(c, fmt) });
      lines.push(...earlierLines(bar.total, ctx));
    }
    for (const s of bar.segments) {
      if (!s.figure) continue;
      if (s.figure.conflicting.length) lines.push({ kind: 'conflict', text: `${perpName(s.perp, fmt)}: ${conflictText(s.figure, fmt)}` });
      if (segment && segment.perp === s.perp) lines.push(...earlierLines(s.figure, ctx, `${perpName(s.perp, fmt)}: `));
    }
  }
  for (const o of bar.otherUnits)
    lines.push({
      kind: 'other-unit',
      text: fmt.t('timeline.alsoPublished', { value: valueText(o, fmt), unit: fmt.t(`unit.${o.unit}`) }),
    });
  return lines;
}

/** The chart's `<desc>`: what it shows and how many periods have no figure. */
export function describeTimeline(selection: TimeSelection, fmt: Formatter): string {
  const years = selection.years;
  if (!years.length) return fmt.t('timeline.desc.empty');
  const gaps = years.filter((b) => b.status === 'gap').length;
  const parts = years.filter((b) => b.status === 'parts-only').length;
  const out = [
    fmt.t('timeline.desc', {
      unit: fmt.t(`unit.${unitOf(selection)}`),
      first: years[0].period.key,
      last: years[years.length - 1].period.key,
    }),
  ];
  if (gaps) out.push(fmt.t('timeline.desc.gaps', { n: gaps }));
  if (parts) out.push(fmt.t('timeline.desc.partsOnly', { n: parts }));
  if (selection.months.length) out.push(fmt.t('timeline.desc.months', { year: selection.months[0].period.start.slice(0, 4) }));
  return out.join(' ');
}

// ——— The hover contract between the component and its parent ———

/**
 * What the timeline reports when a bar or one of its segments is hovered or focused (and what its
 * own tooltip shows). `anchor` is in px from the chart's top-left corner (the SVG is drawn at 1:1),
 * pointing at the top centre of the bar, the middle of a segment, or the middle of a gap strip.
 */
export interface HoverInfo {
  row: 'years' | 'months';
  bar: Bar;
  /** the segment under the pointer; null for the whole bar (keyboard focus, gap, unstacked bar) */
  segment: Segment | null;
  placed: PlacedBar;
  anchor: Point;
  /** the tooltip's text, ready to show: full numbers, qualifiers, conflicts, vintages, other units */
  lines: TooltipLine[];
  /** how it was reached: a parent may keep a focus tooltip open but drop a pointer one */
  via: 'pointer' | 'focus';
}
