/**
 * The catalogue of governorate tables: for one measure, party and victim group, every period for
 * which SNHR published figures by governorate, filed by the calendar year it lies in (a full year,
 * or a month, half-year or range within it) or, when it spans years, under "all years". From it
 * come the Year menu's groups ("with a governorate map" / "national figures only"), the period
 * switcher's options, the table a year or "all years" opens on, and the view a measure opens on.
 *
 * The rules:
 * - A year opens on its full-year table; without one, on the most complete table published within
 *   it (most governorates, then the longest, then the latest). That table is shown under its own
 *   period, never as the year's total.
 * - "All years" opens on a cumulative table (longer than a year): the most complete, then the one
 *   that ends latest. With none, "all years" has no map.
 * - A measure opens on "all years" when that has a map, else on the year whose table is the most
 *   complete (the latest of equals), else on "all years" (a gap, stated as such).
 *
 * Pure; deliberately ignores percent rows (never mapped) and figures in another unit.
 */
import { isWholeYear, lengthInDays, yearOf } from './period';
import type { Atlas } from './select';
import type { MetricId, Period, VictimGroup } from './types';

/** One governorate table: a period with at least one governorate figure. */
export interface GovTable {
  /** the period key as written in the data */
  key: string;
  period: Period;
  /** governorates with a figure (each member of a combined area counts) */
  covered: number;
  /** `year`: a calendar year; `within`: a month, half-year or range inside one year; `span`: across years */
  kind: 'year' | 'within' | 'span';
  /** the calendar year it lies in; null for `span` */
  year: number | null;
}

export interface YearTables {
  year: number;
  /** the full-year table, if one was published */
  full: GovTable | null;
  /** tables published within the year, in date order */
  within: GovTable[];
  /** what the year opens on: the full-year table, else the most complete within it; null with none */
  opening: GovTable | null;
}

export interface TableCatalogue {
  /** every table, in date order */
  tables: GovTable[];
  /** by calendar year, for the years given */
  years: YearTables[];
  /** tables that span more than one calendar year, in date order */
  spans: GovTable[];
  /** what "all years" opens on: a cumulative table (longer than a year), or null */
  allYears: GovTable | null;
}

const byDate = (a: GovTable, b: GovTable) => a.period.start.localeCompare(b.period.start) || a.period.end.localeCompare(b.period.end);
/** most complete first, then the longest, then the latest */
const byCompleteness = (a: GovTable, b: GovTable) =>
  b.covered - a.covered || lengthInDays(b.period) - lengthInDays(a.period) || b.period.end.localeCompare(a.period.end);

/**
 * Tables already listed, by atlas: one filter change asks for the same list several times (the
 * Year menu, the map's period, the title), and an atlas is never modified once indexed. Callers
 * get the same array and must not modify it.
 */
const listed = new WeakMap<Atlas, Map<string, GovTable[]>>();

/** Every governorate table of a measure for one party (`all` = the measure's sole party where it has one) and victim group. */
export function governorateTables(atlas: Atlas, metric: MetricId, perp: string, victims: VictimGroup): GovTable[] {
  let memo = listed.get(atlas);
  if (!memo) listed.set(atlas, (memo = new Map()));
  const id = `${metric}|${perp}|${victims}`;
  let tables = memo.get(id);
  if (!tables) memo.set(id, (tables = listTables(atlas, metric, perp, victims)));
  return tables;
}

function listTables(atlas: Atlas, metric: MetricId, perp: string, victims: VictimGroup): GovTable[] {
  const m = atlas.metrics.get(metric);
  const unit = m?.unit;
  const party = perp === 'all' && m?.sole_perpetrator ? m.sole_perpetrator : perp;
  const codes = new Map<string, { key: string; period: Period; codes: Set<string> }>();
  for (const o of atlas.byMetric.get(metric) ?? []) {
    if (o.area === 'SY' || o.perp !== party || o.victims !== victims || o.unit !== unit) continue;
    const p = atlas.periods.get(o.period)!;
    const id = `${p.start}/${p.end}`;
    let entry = codes.get(id);
    if (!entry) codes.set(id, (entry = { key: o.period, period: p, codes: new Set() }));
    for (const c of o.area.split('+')) entry.codes.add(c);
  }
  return [...codes.values()]
    .map(({ key, period, codes }): GovTable => {
      const year = yearOf(period);
      return { key, period, covered: codes.size, kind: year === null ? 'span' : isWholeYear(period) ? 'year' : 'within', year };
    })
    .sort(byDate);
}

/** The catalogue for the given years (the Year menu's years). */
export function tableCatalogue(atlas: Atlas, metric: MetricId, perp: string, victims: VictimGroup, years: readonly number[]): TableCatalogue {
  const tables = governorateTables(atlas, metric, perp, victims);
  const perYear = years.map((year): YearTables => {
    const full = tables.find((t) => t.kind === 'year' && t.year === year) ?? null;
    const within = tables.filter((t) => t.kind === 'within' && t.year === year);
    return { year, full, within, opening: full ?? [...within].sort(byCompleteness)[0] ?? null };
  });
  const spans = tables.filter((t) => t.kind === 'span');
  const allYears =
    spans.filter((t) => lengthInDays(t.period) > 366).sort((a, b) => b.covered - a.covered || b.period.end.localeCompare(a.period.end))[0] ?? null;
  return { tables, years: perYear, spans, allYears };
}

/** The tables a reader can switch between for a year (full year first, then by date), or for "all years" (null). */
export function periodOptions(cat: TableCatalogue, year: number | null): GovTable[] {
  if (year === null) return cat.spans;
  const y = cat.years.find((x) => x.year === year);
  if (!y) return [];
  return y.full ? [y.full, ...y.within] : y.within;
}

/** The table a year (or "all years", null) opens on, or null when it has no governorate table. */
export function openingTable(cat: TableCatalogue, year: number | null): GovTable | null {
  if (year === null) return cat.allYears;
  return cat.years.find((x) => x.year === year)?.opening ?? null;
}

/** The Year menu in two groups: years with a governorate map, years with national figures only. */
export function yearGroups(cat: TableCatalogue): { mapped: number[]; national: number[] } {
  const mapped: number[] = [];
  const national: number[] = [];
  for (const y of cat.years) (y.opening ? mapped : national).push(y.year);
  return { mapped, national };
}

/** The year a measure opens on: null ("all years") when that has a map, else the year with the most complete table. */
export function openingYear(cat: TableCatalogue): number | null {
  if (cat.allYears) return null;
  const best = cat.years
    .filter((y) => y.opening)
    .sort((a, b) => b.opening!.covered - a.opening!.covered || b.year - a.year)[0];
  return best ? best.year : null;
}

/**
 * Period keys for which a governorate table of the metric was published, for any party or victim
 * group (percent rows excepted): the periods a view may name (`normalizeView`).
 */
export function tablePeriods(atlas: Atlas, metric: MetricId): string[] {
  const keys = new Set<string>();
  for (const o of atlas.byMetric.get(metric) ?? []) if (o.area !== 'SY' && o.unit !== 'percent') keys.add(o.period);
  return [...keys];
}

/** The calendar year a period key belongs to in the Year menu (null: it spans years, so "all years"). */
export function yearOfKey(atlas: Atlas, key: string): number | null {
  const p = atlas.periods.get(key);
  return p ? yearOf(p) : null;
}
