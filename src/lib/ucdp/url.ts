/**
 * The UCDP view's part of the query string, beside SNHR's: `source=ucdp` switches the record, and
 * its own filters carry a `u` prefix so that SNHR's (`metric`, `year`, `perp`) are kept untouched
 * for the way back. Pure and never throwing: anything unusable falls back to the default, and a
 * `source` other than `ucdp` means SNHR, silently.
 *
 *   source=ucdp  umeasure=deaths|civilians  uyear=2016…2019  umonth=1…12 (with uyear)
 *   uside=<side_a as UCDP writes it>  utype=1|2|3  events=1 (the events layer)  event=<UCDP id>
 *
 * Deliberately ignores: whether a side exists in the data (checked once the tables are loaded).
 */
import { UCDP_LAST_MONTH, UCDP_YEARS, type ViolenceType } from './types';

export type UcdpMeasure = 'deaths' | 'civilians';
export const UCDP_MEASURES: readonly UcdpMeasure[] = ['deaths', 'civilians'];

export interface UcdpParams {
  measure: UcdpMeasure;
  /** null = 2016–2019 */
  year: number | null;
  /** 1–12, only with a year */
  month: number | null;
  /** side_a as UCDP writes it; null = every side */
  side: string | null;
  type: ViolenceType | null;
  /** the events layer is open */
  events: boolean;
  /** the UCDP id of the event opened on the map */
  event: number | null;
}

export const DEFAULT_UCDP: Readonly<UcdpParams> = Object.freeze({
  measure: 'deaths',
  year: null,
  month: null,
  side: null,
  type: null,
  events: false,
  event: null,
});

const lastYear = +UCDP_LAST_MONTH.slice(0, 4);
const lastMonth = +UCDP_LAST_MONTH.slice(5, 7);

/** Whether the release covers a month of a year (2019 ends in November). */
export function monthCovered(year: number, month: number): boolean {
  return month >= 1 && month <= 12 && (year < lastYear || month <= lastMonth);
}

/** The UCDP filters from a query string's parameters. */
export function parseUcdp(params: URLSearchParams): UcdpParams {
  const out: UcdpParams = { ...DEFAULT_UCDP };
  const get = (k: string) => params.get(k)?.trim() ?? null;
  const measure = get('umeasure');
  if (measure && (UCDP_MEASURES as readonly string[]).includes(measure)) out.measure = measure as UcdpMeasure;
  const year = get('uyear');
  if (year && /^\d{4}$/.test(year) && (UCDP_YEARS as readonly number[]).includes(+year)) out.year = +year;
  const month = get('umonth');
  if (out.year !== null && month && /^\d{1,2}$/.test(month) && monthCovered(out.year, +month)) out.month = +month;
  const side = get('uside');
  if (side && side.length <= 300) out.side = side;
  const type = get('utype');
  if (type === '1' || type === '2' || type === '3') out.type = +type as ViolenceType;
  out.events = get('events') === '1';
  const event = get('event');
  if (event && /^[1-9]\d{0,9}$/.test(event)) out.event = +event;
  return out;
}

/** The UCDP filters from the view's `ucdp` string (see ViewParams.ucdp). */
export const ucdpOf = (query: string | null): UcdpParams => parseUcdp(new URLSearchParams(query ?? ''));
/** The view's `ucdp` string for some filters: only what differs from the default, in a fixed order. */
export function ucdpQuery(u: UcdpParams): string {
  const p = new URLSearchParams();
  writeUcdp(p, u);
  return p.toString();
}

/** Writes the UCDP filters that differ from the default. */
export function writeUcdp(params: URLSearchParams, u: UcdpParams): void {
  if (u.measure !== DEFAULT_UCDP.measure) params.set('umeasure', u.measure);
  if (u.year !== null) params.set('uyear', String(u.year));
  if (u.year !== null && u.month !== null) params.set('umonth', String(u.month));
  if (u.side) params.set('uside', u.side);
  if (u.type !== null) params.set('utype', String(u.type));
  if (u.events) params.set('events', '1');
  if (u.event !== null) params.set('event', String(u.event));
}

/** `2017`, `2017-03`, or null for the whole release. */
export function ucdpPeriod(u: Pick<UcdpParams, 'year' | 'month'>): string | null {
  if (u.year === null) return null;
  return u.month === null ? String(u.year) : `${u.year}-${String(u.month).padStart(2, '0')}`;
}
