/**
 * What answers the current filters: the `Selection` stage, between observations and pixels.
 * Built by `select.ts`; drawn by the map and timeline modules, exported by the export module.
 * A gap is a first-class value here (`status: 'gap'`), never a zero and never an estimate.
 */
import type { MetricId, Observation, Period, VictimGroup } from './types';

/** The filters a view is made of (the URL carries these). */
export interface Query {
  metric: MetricId;
  /** a calendar year, or null for "all years" */
  year: number | null;
  /** a published period key (e.g. `2012-07/2017-11`) chosen among those with a governorate table; overrides `year` for the map */
  period: string | null;
  /** `all` or a perpetrator id */
  perp: string;
  victims: VictimGroup;
  /** selected governorate code, or null */
  gov: string | null;
}

/** The figure chosen to answer one question, with what else was published for it. */
export interface Figure {
  /** the observation shown (the latest vintage; for a conflict, the first of the conflicting rows) */
  shown: Observation;
  /** other rows with the same value from other sources (e.g. an outlet repeating SNHR) */
  corroborating: Observation[];
  /** earlier vintages of the same figure, newest first */
  earlier: Observation[];
  /** rows in conflict with `shown` (same key, same date, other value); empty when none */
  conflicting: Observation[];
}

/** One unit drawn on the map: a governorate, or governorates the source published as one. */
export interface MapCell {
  /** governorate codes drawn as one (more than one when the source combined them) */
  codes: string[];
  /** the area code as published (`SY-HL` or `SY-DI+SY-RD`) */
  area: string;
  /**
   * `value`: a figure was published for this area;
   * `not-listed`: a governorate table exists for the period but does not list this governorate (never read as zero);
   * `gap`: no governorate table was published for the period.
   */
  status: 'value' | 'not-listed' | 'gap';
  figure: Figure | null;
}

export interface MapSelection {
  query: Query;
  /** the period the map answers for; null for "all years" with no cumulative table */
  period: Period | null;
  /** true when a governorate table answers the selection */
  hasBreakdown: boolean;
  cells: MapCell[];
  /** the national figure for the same metric, period, perpetrator and victims, if published */
  national: Figure | null;
  /** published shares (`unit` percent) for governorates in this period, shown as text only */
  shares: Observation[];
  /** periods with a governorate table for this metric/perpetrator/victims, nearest first */
  nearest: Period[];
  /** the governorate tables' sources, for the source line */
  sources: string[];
}

/** One stacked segment of a timeline bar. */
export interface Segment {
  /** a perpetrator id, or `unattributed` for the residual */
  perp: string;
  value: number;
  /** null for the residual, which is derived (total minus the listed parties) and drawn apart */
  figure: Figure | null;
}

/** One bar of the timeline: a year or a month. */
export interface Bar {
  period: Period;
  /** the bar's height: the national total when published, else the sum of the parts when they were published without one */
  value: number | null;
  /** the published total for the bar (area SY; the filtered perpetrator or all) */
  total: Figure | null;
  /** perpetrator parts when a split was published and the filter is `all`, largest first, residual last */
  segments: Segment[];
  /**
   * `value`: a total was published;
   * `parts-only`: only parts were published, the bar is their sum (derived, labelled so);
   * `gap`: nothing was published for this bar.
   */
  status: 'value' | 'parts-only' | 'gap';
  /** figures for the same bar in another unit (e.g. persons, fighters included): listed, never drawn */
  otherUnits: Observation[];
}

export interface TimeSelection {
  query: Query;
  /** one bar per year from the first to the last year the metric has any figure */
  years: Bar[];
  /** one bar per month of the selected year, when any month of it was published; else empty */
  months: Bar[];
  /** published cumulative figures for the metric (ranges longer than a year), for context */
  cumulative: Figure[];
}

/** Every published figure about one governorate, for the detail panel. */
export interface AreaDetail {
  code: string;
  /** figures whose area is this governorate, or a combination containing it; newest period first */
  figures: Figure[];
}
