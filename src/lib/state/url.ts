/**
 * The view in the query string, as a pair of pure functions: `parseView` never throws and turns
 * anything unknown or malformed into the default; `serializeView` writes every filter explicitly,
 * so a link keeps its meaning when the defaults change. `normalizeView` then checks values
 * against the loaded data (a perpetrator with no figure for the metric, a year out of range).
 * Deliberately ignores parameters it does not know: they are dropped, not an error.
 */
import { METRIC_IDS, VICTIM_GROUPS, GOVERNORATE_CODES } from '../data/types';
import type { MetricId, VictimGroup } from '../data/types';
import type { Query } from '../data/selection';
import { parsePeriod, yearOf } from '../data/period';

export type Lang = 'en' | 'ar';

export interface ViewParams extends Query {
  /** interface language; null = the default (English) */
  lang: Lang | null;
  /** data version the view is pinned to (embeds); null = the latest */
  v: string | null;
  /** the record shown: null = SNHR's documentation, `ucdp` = UCDP's events (src/lib/ucdp/url.ts) */
  source: 'ucdp' | null;
  /**
   * the UCDP view's own parameters (`UCDP_KEYS`) as a query string without `?`, when `source` is
   * `ucdp`; parsed and checked by src/lib/ucdp/url.ts, which loads with the UCDP view, so that the
   * first paint carries none of it
   */
  ucdp: string | null;
}

export const DEFAULT_VIEW: Readonly<ViewParams> = Object.freeze({
  metric: 'barrel-bombs',
  year: null,
  period: null,
  perp: 'all',
  victims: 'all',
  gov: null,
  lang: null,
  v: null,
  source: null,
  ucdp: null,
});

/** The UCDP view's parameters, kept beside SNHR's (src/lib/ucdp/url.ts). */
export const UCDP_KEYS = ['umeasure', 'uyear', 'umonth', 'uside', 'utype', 'events', 'event'] as const;

const PERP = /^[a-z][a-z0-9-]{0,39}(\+[a-z][a-z0-9-]{0,39})?$/;
const VERSION = /^[0-9a-f]{6,64}$/;

function one(params: URLSearchParams, name: string): string | null {
  const v = params.get(name);
  return v === null ? null : v.trim();
}

/** Parses a query string (with or without `?`); anything unusable falls back to the default. */
export function parseView(search: string): ViewParams {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { ...DEFAULT_VIEW };
  }
  const view: ViewParams = { ...DEFAULT_VIEW };
  const metric = one(params, 'metric');
  if (metric && (METRIC_IDS as readonly string[]).includes(metric)) view.metric = metric as MetricId;
  const year = one(params, 'year');
  if (year && /^\d{4}$/.test(year) && +year >= 2011 && +year <= 2100) view.year = +year;
  const period = one(params, 'period');
  if (period && parsePeriod(period)) view.period = parsePeriod(period)!.key;
  const perp = one(params, 'perp');
  if (perp && PERP.test(perp)) view.perp = perp;
  const victims = one(params, 'victims');
  if (victims && (VICTIM_GROUPS as readonly string[]).includes(victims)) view.victims = victims as VictimGroup;
  const gov = one(params, 'gov');
  if (gov && (GOVERNORATE_CODES as readonly string[]).includes(gov.toUpperCase())) view.gov = gov.toUpperCase();
  const lang = one(params, 'lang');
  if (lang === 'en' || lang === 'ar') view.lang = lang;
  const v = one(params, 'v');
  if (v && VERSION.test(v)) view.v = v;
  if (one(params, 'source') === 'ucdp') {
    view.source = 'ucdp';
    const u = new URLSearchParams();
    for (const k of UCDP_KEYS) {
      const x = one(params, k);
      if (x) u.set(k, x.slice(0, 300));
    }
    view.ucdp = u.toString();
  }
  return view;
}

/** Writes the view as a query string starting with `?`: filters always, the rest when set. */
export function serializeView(view: ViewParams): string {
  const params = new URLSearchParams();
  params.set('metric', view.metric);
  params.set('year', view.year === null ? 'all' : String(view.year));
  if (view.period) params.set('period', view.period);
  params.set('perp', view.perp);
  if (view.victims !== 'all') params.set('victims', view.victims);
  if (view.gov) params.set('gov', view.gov);
  if (view.lang) params.set('lang', view.lang);
  if (view.v) params.set('v', view.v);
  if (view.source === 'ucdp') {
    params.set('source', 'ucdp');
    for (const [k, x] of new URLSearchParams(view.ucdp ?? '')) if ((UCDP_KEYS as readonly string[]).includes(k)) params.set(k, x);
  }
  return `?${params.toString().replace(/%2F/g, '/')}`;
}

/** What the loaded data allows, for `normalizeView`. */
export interface ViewDomain {
  years: number[];
  perps: string[];
  /** period keys with a governorate table for the metric */
  periods: string[];
}

/**
 * Drops values the data has nothing for: they fall back to the defaults. A published period
 * decides the year it is filed under (its calendar year, or "all years" for one that spans
 * years), so that the Year menu, the period switcher and the map always agree.
 */
export function normalizeView(view: ViewParams, domain: ViewDomain): ViewParams {
  const out = { ...view };
  if (out.period !== null && !domain.periods.includes(out.period)) out.period = null;
  if (out.period !== null) {
    const p = parsePeriod(out.period);
    out.year = p ? yearOf(p) : out.year;
  }
  if (out.year !== null && !domain.years.includes(out.year)) out.year = null;
  if (out.perp !== 'all' && !domain.perps.includes(out.perp)) out.perp = 'all';
  return out;
}
