/**
 * When two publications of one figure count as a revision, and when as a disagreement. Shared by
 * the data checks and the selection rules so that the data-quality page and the screen never
 * classify the same pair differently.
 *
 * The rule: publications more than a month apart are vintages (SNHR revised the figure, or an
 * outlet repeated an older one); publications within a month of each other that print different
 * values disagree, which is a conflict (often an outlet misquoting SNHR's report of the same days).
 * Deliberately ignores who published: that is for the reader to weigh, with the source shown.
 */

/** Days within which two publications are the same "moment". */
export const SAME_MOMENT_DAYS = 31;

/** Milliseconds of a `YYYY-MM-DD` or `YYYY-MM` date (a month counts from its first day). */
export function dateMs(date: string): number {
  return Date.parse(date.length === 7 ? `${date}-01` : date);
}

/** True when `later` was published more than a month after `earlier`. */
export function isLaterVintage(earlier: string, later: string): boolean {
  return dateMs(later) - dateMs(earlier) > SAME_MOMENT_DAYS * 86_400_000;
}

/**
 * Groups items by publication moment: sorted by date, a new group starts when an item's date is
 * more than a month after the first date of the current group. Groups come oldest first.
 */
export function publicationMoments<T>(items: T[], dateOf: (t: T) => string): T[][] {
  const sorted = [...items].sort((a, b) => dateOf(a).localeCompare(dateOf(b)));
  const groups: T[][] = [];
  let start = '';
  for (const item of sorted) {
    const d = dateOf(item);
    if (groups.length === 0 || isLaterVintage(start, d)) {
      groups.push([item]);
      start = d;
    } else groups[groups.length - 1].push(item);
  }
  return groups;
}
