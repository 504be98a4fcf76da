/**
 * Which of a governorate's figures the detail panel shows first: those of the period on the map
 * (the map's own table period, for the measure on the map) and those within the selected year;
 * the rest fold away under a disclosure. Pure, for the panel and its tests.
 *
 * Deliberately ignores "nearness": with no period or year selected nothing is put first, and
 * every figure is listed open, as before.
 */
import type { Period } from '../data/types';

export interface InView {
  /** the map's period key (its measure's table), or null */
  period: string | null;
  /** the measure on the map: the map's period picks rows of that measure only */
  metric: string;
  /** the selected year, or null for all years */
  year: number | null;
}

/** Whether a figure (its measure and period) belongs to the view on the map. */
export function inView(view: InView, metric: string, period: Period | undefined): boolean {
  if (!period) return false;
  if (view.period !== null && metric === view.metric && period.key === view.period) return true;
  return view.year !== null && period.start <= `${view.year}-12-31` && period.end >= `${view.year}-01-01`;
}

/** The figures split in order: `first` (in view), `rest` (folded); `rest` is all of them when none is in view. */
export function splitRows<T>(rows: readonly T[], isInView: (row: T) => boolean): { first: T[]; rest: T[] } {
  const first = rows.filter(isInView);
  return { first, rest: rows.filter((r) => !isInView(r)) };
}
