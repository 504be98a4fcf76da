/**
 * Colours and fill treatments of the timeline, shared with the exports (PNG/SVG) so an exported
 * chart and the live one look the same.
 *
 * Party colours are data: the `color` column of data/perpetrators.csv (how they were chosen is in
 * data/README.md), which the data build checks (one each, none of the treatment colours below) and
 * writes into src/lib/data/register.gen.ts. Stacks are also ordered and outlined, so colour is
 * never the only cue.
 *
 * Deliberately absent: any colour for "unattributed", "no figure" or "sum of parts". Those are
 * treatments (hatching, dashed outlines), never a party colour, because they are not parties:
 * the residual is derived (total minus the listed parties) and a gap is the absence of a figure.
 */

import { PERP_COLORS } from '../data/register.gen';

/** Colour per perpetrator id, from data/perpetrators.csv (column `color`) through the register the data build writes. */
export { PERP_COLORS };

/** For a perpetrator id not in the table and not a combination. */
export const FALLBACK_COLOR = '#777777';

/**
 * For parties the source published as one figure (`isis+hts`), which must not borrow either
 * party's colour: hues left over by the party palette (pink, brown, pear, near-black, peach), picked by a
 * stable hash of the id so a combination keeps its colour across charts and exports.
 */
export const COMBINED_COLORS: readonly string[] = ['#FFAABB', '#8C510A', '#BBCC33', '#2B2B2B', '#EE8866'];

/** For bars that are not stacked (a single series: one party, or a total with no split). */
export const SINGLE_SERIES_COLOR = '#4B5D7A';

/** The colour of one perpetrator id. */
export function perpColor(perp: string): string {
  const known = PERP_COLORS[perp];
  if (known) return known;
  if (!perp.includes('+')) return FALLBACK_COLOR;
  let h = 0;
  for (const ch of perp) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return COMBINED_COLORS[h % COMBINED_COLORS.length];
}

/** A hatch pattern, described as data so both the component and the exports can draw it. */
export interface HatchPattern {
  /** id suffix of the `<pattern>` element; a document prefixes it to stay unique */
  id: string;
  /** tile size in px */
  size: number;
  /** line angle in degrees */
  angle: number;
  /** tile background; `none` lets what is behind show */
  background: string;
  /** hatch line colour and width */
  line: string;
  lineWidth: number;
  /** outline of a shape filled with the pattern; `none` for no outline */
  stroke: string;
  strokeWidth: number;
}

/** The residual of a stacked bar: derived, not published, so hatched and outlined, never a colour. */
export const UNATTRIBUTED: HatchPattern = {
  id: 'unattributed',
  size: 5,
  angle: 45,
  background: '#FFFFFF',
  line: '#6B6B6B',
  lineWidth: 1.2,
  stroke: '#6B6B6B',
  strokeWidth: 1,
};

/** A period with no figure published: a light strip, so a gap never reads as a zero or a value. */
export const GAP: HatchPattern = {
  id: 'gap',
  size: 6,
  angle: -45,
  background: 'none',
  line: '#D4D4D4',
  lineWidth: 1,
  stroke: 'none',
  strokeWidth: 0,
};

/** Both patterns, for writing `<defs>`. */
export const PATTERNS: readonly HatchPattern[] = [UNATTRIBUTED, GAP];

/** `url(#…)` reference to a pattern, given the document's id prefix. */
export function patternUrl(prefix: string, pattern: HatchPattern): string {
  return `url(#${patternElementId(prefix, pattern)})`;
}

export function patternElementId(prefix: string, pattern: HatchPattern): string {
  return prefix ? `${prefix}-${pattern.id}` : `timeline-${pattern.id}`;
}

/** A bar that is the sum of published parts with no published total: a dashed outline. */
export const PARTS_ONLY = { stroke: '#222222', strokeWidth: 1.25, dasharray: '3 2' } as const;

/** The marker over a bar whose figure the sources give with conflicting values. */
export const CONFLICT = { fill: '#FFFFFF', stroke: '#B00020', strokeWidth: 1.5 } as const;

/** The selected year: a light band behind the bar, and its label in bold. */
export const SELECTED = { band: '#E8ECF3', label: '#111111' } as const;

/** Ink for axes, labels and event markers. */
export const INK = { text: '#333333', muted: '#6B6B6B', axis: '#999999', grid: '#E5E5E5', event: '#8A8A8A' } as const;

/** Thin separator between stacked segments (colour is never the only cue). */
export const SEGMENT_SEPARATOR = '#FFFFFF';
