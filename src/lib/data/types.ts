/**
 * The atlas's data model, from the CSV row to what the renderers draw.
 *
 * Stages are named after what they are: `ObservationRow` (CSV strings) → `Observation` (typed,
 * validated, one published figure) → `Selection` (what answers the current filters, with its gaps)
 * → pixels (in the map and timeline modules). Everything is keyed on stable codes (ISO 3166-2
 * governorate codes, perpetrator ids), never on display names.
 *
 * Deliberately absent: any notion of an estimated or interpolated value. A figure is published,
 * published by an outlet quoting SNHR, in conflict with another, or derived (and labelled so).
 */

export const METRIC_IDS = [
  'civilian-deaths',
  'barrel-bombs',
  'barrel-deaths',
  'cluster-attacks',
  'landmine-deaths',
  'torture-deaths',
  'massacres',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

/** `women` are adult women (SNHR: "women (adult female)"); `females` are women and girls of all ages, a group SNHR
 * prints in a few cumulative reports (never summed with children or women). */
export const VICTIM_GROUPS = ['all', 'children', 'women', 'females'] as const;
export type VictimGroup = (typeof VICTIM_GROUPS)[number];

export const UNITS = ['civilians', 'persons', 'barrels', 'attacks', 'massacres', 'percent'] as const;
export type Unit = (typeof UNITS)[number];

export const STATUSES = ['published', 'published-secondary', 'conflict', 'derived'] as const;
export type Status = (typeof STATUSES)[number];

export const QUALIFIERS = ['', 'approx', 'at-least'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** ISO 3166-2 codes of the 14 governorates, in a stable order (north-west to south). */
export const GOVERNORATE_CODES = [
  'SY-HL',
  'SY-ID',
  'SY-LA',
  'SY-TA',
  'SY-HM',
  'SY-HI',
  'SY-RA',
  'SY-DY',
  'SY-HA',
  'SY-RD',
  'SY-DI',
  'SY-QU',
  'SY-DR',
  'SY-SU',
] as const;
export type GovernorateCode = (typeof GOVERNORATE_CODES)[number];
/** `SY` (all of Syria), one governorate, or governorates published as one figure (`SY-DI+SY-RD`). */
export type AreaCode = string;

/** One published page or report. */
export interface Source {
  id: string;
  publisher: string;
  title: string;
  /** `YYYY-MM-DD` or `YYYY-MM` */
  date: string;
  url: string;
  language: string;
  role: 'primary' | 'secondary';
  note?: string;
}

export interface Area {
  code: string;
  name_en: string;
  name_ar: string;
  names_published: string[];
}

export interface Perpetrator {
  id: string;
  /** a perpetrator SNHR lists as a sub-item of another (e.g. Turkish border guards under other parties) */
  parent?: string;
  name_en: string;
  name_ar: string;
  names_published: string[];
  description_en: string;
}

export interface Metric {
  id: MetricId;
  unit: Unit;
  /** the one party every figure of this metric belongs to by definition (barrel bombs: `regime`), if any */
  sole_perpetrator?: string;
  name_en: string;
  name_ar: string;
  description_en: string;
  description_ar: string;
}

/** A data row as read from CSV: strings, with the file and line it came from. */
export interface ObservationRow {
  file: string;
  line: number;
  fields: Record<string, string>;
}

/** One published figure. */
export interface Observation {
  /** stable id: a hash of the figure's key and source, so links to it survive edits elsewhere */
  id: string;
  metric: MetricId;
  /** as written in the CSV: `2015`, `2015-07`, `2012-07/2017-11`, `2014-02-22/2016-02-20` */
  period: string;
  area: AreaCode;
  /** `all`, a perpetrator id, or ids published as one figure joined by `+` */
  perp: string;
  /** the party's name as the source printed it */
  perpPublished?: string;
  victims: VictimGroup;
  unit: Unit;
  value: number;
  qualifier?: Exclude<Qualifier, ''>;
  source: string;
  section?: string;
  status: Status;
  note?: string;
}

/** A check of the data build that found something worth a reader's attention. */
export interface Finding {
  kind: (typeof import('./findings').FINDING_KINDS)[number];
  /** one sentence in English for the build log and the data-quality page */
  message: string;
  metric: MetricId;
  period: string;
  area: AreaCode;
  perp: string;
  victims: VictimGroup;
  unit: Unit;
  /** the stated figure (the total, or the first of a pair) */
  expected?: number;
  /** what the parts add up to (or the second of a pair) */
  actual?: number;
  /** actual − expected */
  difference?: number;
  /** the observations involved */
  observations: string[];
  sources: string[];
}

/** What `npm run data` writes and the site loads: static/data/atlas.json. */
export interface Dataset {
  /** content hash of everything below: the data version an embed can be pinned to */
  version: string;
  metrics: Metric[];
  areas: Area[];
  perpetrators: Perpetrator[];
  sources: Source[];
  observations: Observation[];
  findings: Finding[];
}

/** A period as a closed interval of days, parsed from `Observation.period`. */
export interface Period {
  key: string;
  kind: 'year' | 'month' | 'range';
  /** first day, `YYYY-MM-DD` */
  start: string;
  /** last day, `YYYY-MM-DD` */
  end: string;
}
