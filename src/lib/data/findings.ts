/**
 * The kinds of finding the data build's checks report (scripts/data/checks.ts), in the order the
 * build log and the data-quality page list them. A module of its own: data/types.ts is imported by
 * every page, this list only by the build and the methods page.
 */
export const FINDING_KINDS = [
  'parts-vs-total',
  'months-vs-year',
  'years-vs-cumulative',
  'half-year',
  'nested-period',
  'duplicate',
  'conflict',
  'vintage',
] as const;
