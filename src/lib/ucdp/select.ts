/**
 * What the UCDP view shows for its filters, from tables.json: a sum per governorate (events, best,
 * low, high, civilians), the sum of events UCDP places at no governorate (shown apart, never
 * spread), the events of the year that span months (when a month is shown they are in no month),
 * and the monthly series for the timeline. Pure: no DOM, no fetch.
 *
 * Deliberately ignores: any reconciliation with SNHR's figures; the two records stay apart.
 */
import { UCDP_YEARS, type TableRow, type UcdpTables } from './types';
import { monthCovered, ucdpPeriod, type UcdpMeasure, type UcdpParams } from './url';

export interface UcdpSum {
  events: number;
  best: number;
  low: number;
  high: number;
  civilians: number;
}
export const ZERO: Readonly<UcdpSum> = Object.freeze({ events: 0, best: 0, low: 0, high: 0, civilians: 0 });

function add(a: UcdpSum, r: TableRow): UcdpSum {
  return { events: a.events + r[4], best: a.best + r[5], low: a.low + r[6], high: a.high + r[7], civilians: a.civilians + r[8] };
}

/** The value a measure reads from a sum. */
export function measureOf(s: UcdpSum, measure: UcdpMeasure): number {
  return measure === 'deaths' ? s.best : s.civilians;
}

export interface UcdpMapSelection {
  /** the period keys summed: years, or one month */
  periods: string[];
  /** governorate code → sum (a governorate with no event is absent: zero events recorded) */
  cells: Map<string, UcdpSum>;
  /** events placed in no governorate: counted, not drawn */
  unplaced: UcdpSum;
  /** when a month is shown: that year's events spanning several months (in no month) */
  multiMonth: UcdpSum | null;
  /** every event of the selection, placed or not */
  total: UcdpSum;
}

/** Rows matching the side and type filters. */
function matches(t: UcdpTables, u: Pick<UcdpParams, 'side' | 'type'>): (r: TableRow) => boolean {
  const side = u.side === null ? -1 : t.sides.indexOf(u.side);
  return (r) => (u.type === null || r[2] === u.type) && (side < 0 || r[3] === side);
}

/** A side the tables do not know is dropped, as a bad URL value is. */
export function normalizeUcdp(t: UcdpTables, u: UcdpParams): UcdpParams {
  const out = { ...u };
  if (out.side !== null && !t.sides.includes(out.side)) out.side = null;
  if (out.year === null || (out.month !== null && !monthCovered(out.year, out.month))) out.month = null;
  return out;
}

export function selectUcdpMap(t: UcdpTables, u: UcdpParams, gov: string | null = null): UcdpMapSelection {
  const p = ucdpPeriod(u);
  // the whole release: the four years plus events spanning a change of year (none in this release)
  const periods = p === null ? [...UCDP_YEARS.map(String), 'multi-year'] : [p];
  const want = new Set(periods);
  const ok = matches(t, u);
  const cells = new Map<string, UcdpSum>();
  let unplaced: UcdpSum = { ...ZERO };
  let multiMonth: UcdpSum | null = u.month !== null ? { ...ZERO } : null;
  let total: UcdpSum = { ...ZERO };
  for (const r of t.rows) {
    if (!ok(r)) continue;
    if (gov !== null && r[0] !== gov) continue;
    if (multiMonth && r[1] === `${u.year}-multi`) multiMonth = add(multiMonth, r);
    if (!want.has(r[1])) continue;
    total = add(total, r);
    if (r[0] === '') unplaced = add(unplaced, r);
    else cells.set(r[0], add(cells.get(r[0]) ?? { ...ZERO }, r));
  }
  return { periods, cells, unplaced, multiMonth, total };
}

export interface UcdpMonth {
  /** `2017-03` */
  month: string;
  placed: UcdpSum;
  unplaced: UcdpSum;
}

/** Month by month over the release (or over one year), for the side/type filters and optionally one governorate. */
export function selectUcdpMonths(t: UcdpTables, u: UcdpParams, gov: string | null = null): UcdpMonth[] {
  const years = u.year === null ? [...UCDP_YEARS] : [u.year];
  const out: UcdpMonth[] = [];
  const index = new Map<string, UcdpMonth>();
  for (const y of years)
    for (let m = 1; m <= 12; m++) {
      if (!monthCovered(y, m)) continue;
      const e: UcdpMonth = { month: `${y}-${String(m).padStart(2, '0')}`, placed: { ...ZERO }, unplaced: { ...ZERO } };
      out.push(e);
      index.set(e.month, e);
    }
  const ok = matches(t, u);
  for (const r of t.rows) {
    const e = index.get(r[1]);
    if (!e || !ok(r) || (gov !== null && r[0] !== gov)) continue;
    if (r[0] === '') e.unplaced = add(e.unplaced, r);
    else e.placed = add(e.placed, r);
  }
  return out;
}

/** Sides with at least one event for the type filter, most events first (the tables' order). */
export function sidesFor(t: UcdpTables, type: UcdpParams['type']): string[] {
  const used = new Set<number>();
  for (const r of t.rows) if (type === null || r[2] === type) used.add(r[3]);
  return t.sides.filter((_, k) => used.has(k));
}
