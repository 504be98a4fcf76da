/**
 * UCDP's monthly civilian deaths as a line over SNHR's months row on the SNHR timeline: the series
 * (from tables.json) and its placement on the row the timeline laid out. Pure: no DOM, no fetch.
 *
 * The line is UCDP's, drawn beside SNHR's bars and never added to them: every point is one
 * month's civilian deaths in the events UCDP records as starting and ending in that month (all
 * types of violence, every side, placed in a governorate or not). Events spanning more than one
 * month are in no month (tables.json), so the line never spreads them. A month the release does
 * not cover (December 2019 and after, 2015 and before) has no point: the line stops there.
 *
 * Deliberately ignores: SNHR's party and victims filters (UCDP's sides are not SNHR's
 * perpetrators); the toggle is offered only for SNHR's all-parties, all-civilians view.
 */
import type { Component } from 'svelte';
import type { PlacedRow, TimelineLayout } from '../timeline/layout';
import type { UcdpTables } from './types';
import { UCDP_YEARS } from './types';

/**
 * What the SNHR timeline needs to draw the line (UcdpTimelineToggle hands it over): the drawing
 * component (loaded with the toggle, never before), the values and how high the scale must reach.
 */
export interface UcdpLine {
  Line: Component<{ layout: TimelineLayout; values: ReadonlyMap<string, number> }>;
  values: ReadonlyMap<string, number>;
  max: number;
}

/** `2017-03` → UCDP's civilian deaths in events wholly inside that month. */
export function monthlyCivilians(t: UcdpTables): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of t.rows) {
    if (!/^\d{4}-\d{2}$/.test(r[1])) continue;
    out.set(r[1], (out.get(r[1]) ?? 0) + r[8]);
  }
  return out;
}

/** Whether the release covers any month of a year. */
export const ucdpCoversYear = (year: number | null): year is number => year !== null && (UCDP_YEARS as readonly number[]).includes(year);

/** The largest value the line draws for a year (the months row's scale must reach it). */
export function yearMax(values: ReadonlyMap<string, number>, year: number): number {
  let max = 0;
  for (const [k, v] of values) if (k.startsWith(`${year}-`)) max = Math.max(max, v);
  return max;
}

export interface LinePoint {
  /** `2017-03` */
  month: string;
  value: number;
  x: number;
  y: number;
}

export interface PlacedLine {
  /** the runs of consecutive months with a value (a month with none breaks the line) */
  runs: LinePoint[][];
  points: LinePoint[];
  /** SVG path data, one `M…L…` per run */
  d: string;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * The line over a laid-out months row: a point at the centre of each month's band, on the row's own
 * value scale (read back from its ticks: linear from 0 at the baseline; the timeline breaks the
 * value axis of its years row only, never of the months row).
 */
export function placeLine(row: PlacedRow, values: ReadonlyMap<string, number>): PlacedLine {
  const tick = row.ticks.find((t) => t.value > 0);
  const perUnit = tick ? (row.baseline - tick.y) / tick.value : 0;
  const runs: LinePoint[][] = [];
  let run: LinePoint[] = [];
  // in time order whatever the reading direction (bars are in time order)
  for (const bar of row.bars) {
    const v = values.get(bar.key);
    if (v === undefined) {
      if (run.length) runs.push(run);
      run = [];
      continue;
    }
    run.push({ month: bar.key, value: v, x: round(bar.x + bar.width / 2), y: round(row.baseline - v * perUnit) });
  }
  if (run.length) runs.push(run);
  const d = runs.map((r) => r.map((p, i) => `${i ? 'L' : 'M'}${p.x} ${p.y}`).join('')).join('');
  return { runs, points: runs.flat(), d };
}
