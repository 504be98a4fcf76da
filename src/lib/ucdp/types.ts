/**
 * The shapes of UCDP's Georeferenced Event Dataset (Syria release) as the atlas uses it: a second,
 * independent record beside SNHR's documentation, never mixed into SNHR's figures. The build
 * (src/lib/ucdp/build.ts) writes `static/data/ucdp/tables.json` (governorate × year and × month
 * totals) and `static/data/ucdp/events.json` (one entry per event, for the events layer); the
 * browser reads them only when the UCDP source or the events layer is chosen.
 *
 * Deliberately ignores: UCDP's conflict and dyad ids, and the columns of the full GED the Syria
 * extract does not keep.
 */

/** The release the whole UCDP view cites. */
export const UCDP_RELEASE = {
  name: 'UCDP GED Syria 20160101-20191130',
  version: '652.1601.1911',
  codebook: 'GED 19.1',
  licence: 'CC BY 4.0',
  citation: 'Sundberg, Ralph, and Erik Melander (2013), "Introducing the UCDP Georeferenced Event Dataset", Journal of Peace Research 50(4): 523–532',
  publisher: 'Uppsala Conflict Data Program (UCDP)',
} as const;

/** First and last month the release covers (2019 ends on 30 November). */
export const UCDP_FIRST_MONTH = '2016-01';
export const UCDP_LAST_MONTH = '2019-11';
export const UCDP_YEARS = [2016, 2017, 2018, 2019] as const;

/** UCDP's three types of organised violence. */
export const VIOLENCE_TYPES = [1, 2, 3] as const;
export type ViolenceType = (typeof VIOLENCE_TYPES)[number];

/**
 * UCDP's `where_prec`: how precisely the event is placed. 1 the exact place; 2 within about 25 km
 * of a named place; 3 a district (second-order division); 4 a governorate; 5 a wider area (a
 * region, a road, a front line); 6 the country only.
 */
export type WherePrecision = 1 | 2 | 3 | 4 | 5 | 6;

/** One validated row of the CSV. */
export interface UcdpEvent {
  /** 1-based line of the CSV on which the row starts */
  line: number;
  id: number;
  /** ISO dates, `start` ≤ `end` */
  start: string;
  end: string;
  datePrec: number;
  type: ViolenceType;
  conflict: string;
  dyad: string;
  sideA: string;
  sideB: string;
  /** ISO 3166-2 governorate code, or null when UCDP names no governorate */
  gov: string | null;
  adm2: string;
  place: string;
  prec: WherePrecision;
  lat: number;
  lon: number;
  deathsA: number;
  deathsB: number;
  civilians: number;
  unknown: number;
  low: number;
  best: number;
  high: number;
  sources: number;
  office: string;
  sourceDate: string;
  headline: string;
}

/** Column order of `UcdpTables.rows`. */
export const TABLE_COLUMNS = ['gov', 'period', 'type', 'side', 'events', 'best', 'low', 'high', 'civilians'] as const;

/**
 * One table row: `[gov, period, type, side, events, best, low, high, civilians]`.
 * `gov` is an ISO code, or `''` for events UCDP places at no governorate ("not placed on the map").
 * `period` is a year (`2017`, every event that starts and ends in it), a month (`2017-03`, every
 * event that starts and ends in it) or `2017-multi` (events of that year spanning more than one
 * month: in the year, in no month). `side` indexes `sides` (side_a as UCDP writes it).
 */
export type TableRow = [string, string, ViolenceType, number, number, number, number, number, number];

/** static/data/ucdp/tables.json */
export interface UcdpTables {
  release: typeof UCDP_RELEASE;
  /** side_a names, most events first */
  sides: string[];
  columns: typeof TABLE_COLUMNS;
  rows: TableRow[];
  /** events whose low ≤ best ≤ high does not hold as published (kept as published, summed as is) */
  rangeOutOfOrder: number;
}

/**
 * static/data/ucdp/events.json: the events placed in a governorate, as columns (names written once).
 * Coordinates rounded to 0.01° (about 1 km). `day` counts days since 2016-01-01 (start), `span`
 * the days to the end date. `sideA`/`sideB` index `actors`; `gov` indexes `govs`.
 */
export interface UcdpEventsFile {
  release: string;
  actors: string[];
  govs: string[];
  id: number[];
  day: number[];
  span: number[];
  gov: number[];
  prec: number[];
  lat: number[];
  lon: number[];
  type: number[];
  sideA: number[];
  sideB: number[];
  low: number[];
  best: number[];
  high: number[];
  civilians: number[];
  place: string[];
  adm2: string[];
  office: string[];
}

/**
 * static/data/ucdp/headlines-YYYY.json: event id → the sources' headline as UCDP gives it
 * (whitespace collapsed, cut at 240 characters with "…"), by the year the event starts; fetched
 * when an event is opened.
 */
export type UcdpHeadlines = Record<string, string>;
