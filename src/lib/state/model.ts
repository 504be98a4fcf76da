/**
 * The view model: from a view's filters (`ViewParams`) and the loaded data (`Atlas`) to what the
 * view shows, in one pure function that every shell shares: the explorer's and the embed's
 * `ViewState`, the presentation's slides (the stage, the printed deck, the presenter window) and
 * the share cards. No runes, no DOM, no URL.
 *
 * The rules, in one place:
 * - Normalisation: a year, party or period the measure has nothing for falls back to the default
 *   (`normalizeView` in url.ts, against `viewDomain`); a published period decides the year it is
 *   filed under.
 * - A change of filters (`changeView`): choosing a year without a period drops the period (the
 *   year then opens on its own table); the result is normalised against the new measure, so a
 *   change of measure drops a year or party the new measure lacks.
 * - A measure picked from the menu (`measureChange`) opens on a view with a map: "all years" when
 *   it has one, else its most complete year (tables.ts), keeping the party where it has figures.
 * - The selections: the query is the six filters; the map, the timeline and the governorate's
 *   detail are `select.ts`'s answers to it (a gap stays a gap there).
 *
 * Selections are kept per indexed dataset (an atlas is never modified once indexed), so the same
 * filters give the same objects: a `$derived` that recomputes for another parameter (the language,
 * UCDP's filters) hands its readers the selection they already have. Callers must not modify them.
 *
 * The map's colours are not a view rule: `scaleFor(map)` in map/color.ts is their one rule.
 */
import type { AreaDetail, MapSelection, Query, TimeSelection } from '../data/selection';
import type { MetricId } from '../data/types';
import { perpsOf, selectArea, selectMap, selectTime, yearsOf, type Atlas } from '../data/select';
import { openingYear, tableCatalogue, tablePeriods } from '../data/tables';
import { normalizeView, type ViewDomain, type ViewParams } from './url';

export interface ViewModel {
  /** the filters, normalised against the data (or as given, with `{ normalize: false }`) */
  params: ViewParams;
  /** the six filters the selections answer */
  query: Query;
  /** years with any figure for the measure (the Year menu) */
  years: number[];
  /** parties with a figure for the measure (the party menu) */
  perps: string[];
  /** the map: the governorate table for the query, or gaps */
  readonly map: MapSelection;
  /** the timeline: yearly and monthly bars, running totals */
  readonly time: TimeSelection;
  /** every figure published for the chosen governorate; null with none chosen */
  readonly area: AreaDetail | null;
}

/** What the data allows for a measure: its years, parties and periods with a governorate table. */
export function viewDomain(atlas: Atlas, metric: MetricId): ViewDomain {
  return {
    years: kept(atlas, `years|${metric}`, () => yearsOf(atlas, metric)),
    perps: kept(atlas, `perps|${metric}`, () => perpsOf(atlas, metric)),
    periods: kept(atlas, `periods|${metric}`, () => tablePeriods(atlas, metric)),
  };
}

/** Drops filter values the data has nothing for (see `normalizeView`). */
export function normalizeParams(atlas: Atlas, params: Readonly<ViewParams>): ViewParams {
  return normalizeView(params, viewDomain(atlas, params.metric));
}

/**
 * Changes some filters: a year without a period drops the period; then values the (new) measure
 * lacks are dropped. Without data yet (`atlas` null), the change is taken as it is.
 */
export function changeView(atlas: Atlas | null, params: ViewParams, change: Partial<ViewParams>): ViewParams {
  const next = { ...params, ...change };
  if ('year' in change && !('period' in change)) next.period = null;
  return atlas ? normalizeParams(atlas, next) : next;
}

/**
 * The change that opens a measure picked from the menu: its opening year (`openingYear`) for the
 * party kept (the one chosen, where the measure has figures for it, else all), no period. With the
 * measure's figures not loaded yet, "all years" (the explorer picks again once they are in).
 */
export function measureChange(atlas: Atlas, params: Readonly<ViewParams>, metric: MetricId): Pick<ViewParams, 'metric' | 'year' | 'period'> {
  const loaded = (atlas.byMetric.get(metric)?.length ?? 0) > 0;
  const { years, perps } = viewDomain(atlas, metric);
  const perp = perps.includes(params.perp) ? params.perp : 'all';
  const year = loaded ? openingYear(tableCatalogue(atlas, metric, perp, params.victims, years)) : null;
  return { metric, year, period: null };
}

/** The six filters of a view, as the selection rules take them. */
export function queryOf(params: Query): Query {
  const { metric, year, period, perp, victims, gov } = params;
  return { metric, year, period, perp, victims, gov };
}

/**
 * What a view shows. The filters are normalised first unless `normalize` is false (ViewState
 * normalises when its filters change, and shows a view set directly, like one from Back, as set).
 * The map, timeline and detail are computed when first read.
 */
export function viewModel(atlas: Atlas, params: Readonly<ViewParams>, { normalize = true }: { normalize?: boolean } = {}): ViewModel {
  const p = normalize ? normalizeParams(atlas, params) : params;
  const key = JSON.stringify(queryOf(p));
  const query = kept(atlas, `query|${key}`, () => queryOf(p));
  const { years, perps } = viewDomain(atlas, p.metric);
  const gov = p.gov;
  return {
    params: p,
    query,
    years,
    perps,
    get map() {
      return kept(atlas, `map|${key}`, () => selectMap(atlas, query));
    },
    get time() {
      return kept(atlas, `time|${key}`, () => selectTime(atlas, query));
    },
    get area() {
      return gov ? kept(atlas, `area|${gov}`, () => selectArea(atlas, gov)) : null;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Kept answers, per atlas: the most recently used, a bounded number

/** answers kept per atlas; the least recently used goes first */
export const KEPT = 256;
const memo = new WeakMap<Atlas, Map<string, unknown>>();

function kept<T>(atlas: Atlas, key: string, make: () => T): T {
  let answers = memo.get(atlas);
  if (!answers) memo.set(atlas, (answers = new Map()));
  if (answers.has(key)) {
    const value = answers.get(key) as T;
    answers.delete(key);
    answers.set(key, value);
    return value;
  }
  const value = make();
  answers.set(key, value);
  if (answers.size > KEPT) answers.delete(answers.keys().next().value!);
  return value;
}
