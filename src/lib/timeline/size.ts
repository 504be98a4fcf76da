/**
 * How tall the timeline is drawn: one rule for every caller, its constants in one place.
 *
 * - On a page (the explorer's timeline, the embed's): the height follows the width — 36 % of it,
 *   240 to 360 px, legend included — and the months row of a picked year adds 170 px. The embed
 *   once had its own constants (40 %, up to 340 px): the same chart at the same width is now as
 *   tall in both.
 * - On paper (the printed deck, 560 px wide): a fixed plot of 270 px plus one 16 px row per three
 *   legend items, so that a long legend (every party of a year) never squashes the plot.
 * - A slide on screen and an exported image draw into the box their own layout gives
 *   (present.css, share/exportSvg.ts `layoutExport`): the chart fills it, no rule applies.
 *
 * Deliberately ignores the legend's exact wrapping on a page (layout.ts measures it inside the
 * height given) and the events band (drawn inside the same height).
 */
import type { TimeSelection } from '../data/selection';
import { timelineLegend } from './layout';

export const TIMELINE_SIZE = {
  /** on a page: the share of the width, and the bounds, of the chart's height */
  share: 0.36,
  min: 240,
  max: 360,
  /** the months row of a picked year, with its title and labels */
  months: 170,
  /** on paper: the chart's width, its plot's height, one legend row and the items it holds */
  paperWidth: 560,
  paper: 270,
  legendRow: 16,
  legendPerRow: 3,
} as const;

/** Where the timeline is drawn: a page (the height follows the width) or paper (a fixed plot). */
export type TimelineMedium = 'page' | 'paper';

/** The timeline's height in px for a chart `width` px wide showing `selection` (null: not loaded yet). */
export function timelineHeight(width: number, selection: TimeSelection | null, medium: TimelineMedium = 'page'): number {
  const S = TIMELINE_SIZE;
  if (medium === 'paper') return S.paper + S.legendRow * Math.ceil((selection ? timelineLegend(selection).length : 0) / S.legendPerRow);
  return Math.round(Math.max(S.min, Math.min(S.max, width * S.share))) + (selection?.months.length ? S.months : 0);
}
