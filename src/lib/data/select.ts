/**
 * Which published figures answer a question, and where nothing does.
 *
 * The rules, in one place:
 * - A "figure" is every row for one key (metric, period, area, perpetrator, victims, unit). The
 *   latest publication's number is shown, cited to SNHR's own page where one prints the same number
 *   (an outlet is then a corroborating copy); rows of the same value from other sources corroborate it; rows of
 *   another value published more than a month earlier are earlier vintages; rows of another value
 *   published within a month, or marked `conflict`, are conflicts and are shown as such.
 * - The map answers with a governorate table for exactly the chosen period (a published period);
 *   a year or "all years" opens on the table tables.ts picks for it (a year's own table, else the
 *   most complete one published within it; the most complete cumulative one). A governorate that the
 *   table does not list is `not-listed`, never zero. With no table, every governorate is a `gap`, and
 *   the national figure and the nearest periods that do have a table are offered instead.
 * - The timeline stacks a year by party only where SNHR published the split; what the listed
 *   parties leave of the total is a separate "not attributed in the source" segment, computed here
 *   and labelled as derived. A year with parts but no total is drawn as the sum of its parts and
 *   labelled so. Figures in another unit (persons, fighters included) are listed, never drawn.
 * - Percent rows (published shares) are never coloured on the map; they are returned as text.
 *
 * Deliberately ignores: estimating, interpolating, or spreading any total over places or parties.
 */
import { lengthInDays, parsePeriod, period as parse, isWholeYear, yearOf } from './period';
import type { Dataset, Metric, MetricId, Observation, Period, Source, Unit, VictimGroup } from './types';
import { GOVERNORATE_CODES } from './types';
import { isLaterVintage } from './vintage';
import { openingTable, tableCatalogue } from './tables';
import type { AreaDetail, Bar, Figure, MapCell, MapSelection, Query, Segment, TimeSelection } from './selection';

/** A dataset prepared for lookups: parsed periods, sources by id, rows by key. */
export interface Atlas {
  dataset: Dataset;
  sources: Map<string, Source>;
  metrics: Map<MetricId, Metric>;
  periods: Map<string, Period>;
  /** rows grouped by `keyOf` */
  byKey: Map<string, Observation[]>;
  byMetric: Map<MetricId, Observation[]>;
  /** national rows (area `SY`) by `metric|period`, in the order of `byMetric`: a timeline bar's rows */
  national: Map<string, Observation[]>;
  /** top-level perpetrator ids (no parent), in the order of the perpetrators table */
  topLevelPerps: string[];
}

export function keyOf(o: Pick<Observation, 'metric' | 'period' | 'area' | 'perp' | 'victims' | 'unit'>): string {
  return `${o.metric}|${o.period}|${o.area}|${o.perp}|${o.victims}|${o.unit}`;
}

/** datasets indexed ahead of use (`indexAhead`), for `indexDataset` to hand back */
const ahead = new WeakMap<Dataset, Atlas>();

/**
 * Indexes a dataset now (in idle time), so that `indexDataset` of the same, never again modified
 * dataset returns at once: the explorer prepares the measures it fetched before it shows them.
 */
export function indexAhead(dataset: Dataset): Atlas {
  let atlas = ahead.get(dataset);
  if (!atlas) ahead.set(dataset, (atlas = indexDataset(dataset)));
  return atlas;
}

export function indexDataset(dataset: Dataset): Atlas {
  const prepared = ahead.get(dataset);
  if (prepared) return prepared;
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  const metrics = new Map(dataset.metrics.map((m) => [m.id, m]));
  const periods = new Map<string, Period>();
  const byKey = new Map<string, Observation[]>();
  const byMetric = new Map<MetricId, Observation[]>();
  const national = new Map<string, Observation[]>();
  for (const o of dataset.observations) {
    if (!periods.has(o.period)) periods.set(o.period, parse(o.period));
    push(byKey, keyOf(o), o);
    push(byMetric, o.metric, o);
    if (o.area === 'SY') push(national, `${o.metric}|${o.period}`, o);
  }
  const topLevelPerps = dataset.perpetrators.filter((p) => !p.parent).map((p) => p.id);
  return { dataset, sources, metrics, periods, byKey, byMetric, national, topLevelPerps };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function sourceDate(atlas: Atlas, o: Observation): string {
  return atlas.sources.get(o.source)?.date ?? '';
}

function isPrimary(atlas: Atlas, o: Observation): boolean {
  return atlas.sources.get(o.source)?.role === 'primary';
}

/** Groups the rows of one key into the figure shown and what else was published for it. */
export function figureOf(atlas: Atlas, rows: Observation[]): Figure | null {
  if (rows.length === 0) return null;
  const ordered = [...rows].sort((a, b) => {
    const d = sourceDate(atlas, b).localeCompare(sourceDate(atlas, a));
    if (d !== 0) return d;
    const p = Number(isPrimary(atlas, b)) - Number(isPrimary(atlas, a));
    if (p !== 0) return p;
    return a.id.localeCompare(b.id);
  });
  const flagged = ordered.filter((o) => o.status === 'conflict');
  const latest = flagged[0] ?? ordered[0];
  // SNHR's own page first: where a primary row prints the number of the latest publication (an
  // outlet repeating it later, or with or without "at least"), that row is the one shown and cited.
  const shown =
    latest.status === 'conflict' || isPrimary(atlas, latest)
      ? latest
      : (ordered.find((o) => o.value === latest.value && o.status !== 'conflict' && isPrimary(atlas, o)) ?? latest);
  const figure: Figure = { shown, corroborating: [], earlier: [], conflicting: [] };
  const shownDate = sourceDate(atlas, latest);
  for (const o of ordered) {
    if (o === shown) continue;
    if (o.value === shown.value && (o.qualifier === shown.qualifier || !isLaterVintage(sourceDate(atlas, o), shownDate) || shown !== latest))
      figure.corroborating.push(o);
    else if (o.status === 'conflict' && shown.status === 'conflict') figure.conflicting.push(o);
    else if (isLaterVintage(sourceDate(atlas, o), shownDate)) figure.earlier.push(o);
    else figure.conflicting.push(o);
  }
  return figure;
}

/** The unit a metric's series is drawn in. */
function unitOf(atlas: Atlas, metric: MetricId): Unit {
  return atlas.metrics.get(metric)?.unit ?? 'civilians';
}

/**
 * The perpetrator to look up: for a metric whose every figure belongs to one party by definition
 * (barrel bombs), "all parties" is that party.
 */
export function effectivePerp(atlas: Atlas, metric: MetricId, perp: string): string {
  const sole = atlas.metrics.get(metric)?.sole_perpetrator;
  return sole && perp === 'all' ? sole : perp;
}

function figureFor(
  atlas: Atlas,
  k: { metric: MetricId; period: string; area: string; perp: string; victims: VictimGroup; unit: Unit },
): Figure | null {
  return figureOf(atlas, atlas.byKey.get(keyOf(k)) ?? []);
}

function samePeriod(a: Period, b: Period): boolean {
  return a.start === b.start && a.end === b.end;
}

/** Rows of a metric matching a perpetrator, victims and unit, in governorates (not SY), not percent. */
function governorateRows(atlas: Atlas, metric: MetricId, perp: string, victims: VictimGroup): Observation[] {
  const unit = unitOf(atlas, metric);
  return (atlas.byMetric.get(metric) ?? []).filter(
    (o) => o.area !== 'SY' && o.perp === perp && o.victims === victims && o.unit === unit,
  );
}

/** Distinct periods among rows, as parsed periods. */
function periodsOf(atlas: Atlas, rows: Observation[]): Period[] {
  const seen = new Map<string, Period>();
  for (const o of rows) {
    const p = atlas.periods.get(o.period)!;
    const k = `${p.start}/${p.end}`;
    if (!seen.has(k)) seen.set(k, p);
  }
  return [...seen.values()];
}

/**
 * The period the map should answer for, given the query: a chosen published period; else the
 * table the year (or "all years") opens on (see tables.ts); else the year itself, a gap. "All
 * years" with no cumulative table answers for the longest cumulative national figure, never for
 * a single year's: with none, the period is null and the map says so.
 */
function targetPeriod(atlas: Atlas, q: Query, nationalRows: Observation[]): Period | null {
  if (q.period) {
    const p = parsePeriod(q.period);
    if (p) return p;
  }
  const opening = openingTable(tableCatalogue(atlas, q.metric, q.perp, q.victims, q.year === null ? [] : [q.year]), q.year);
  if (opening) return opening.period;
  if (q.year !== null) return parse(String(q.year));
  const cumulative = periodsOf(atlas, nationalRows).filter((p) => lengthInDays(p) > 366);
  return cumulative.sort((a, b) => lengthInDays(b) - lengthInDays(a) || b.end.localeCompare(a.end))[0] ?? null;
}

function nationalRowsOf(atlas: Atlas, q: Query, perp: string, unit: Unit): Observation[] {
  return (atlas.byMetric.get(q.metric) ?? []).filter((o) => o.area === 'SY' && o.perp === perp && o.victims === q.victims && o.unit === unit);
}

/** The period the map answers for (what `selectMap(…).period` is), for titles that must name it. */
export function mapPeriod(atlas: Atlas, q: Query): Period | null {
  return targetPeriod(atlas, q, nationalRowsOf(atlas, q, effectivePerp(atlas, q.metric, q.perp), unitOf(atlas, q.metric)));
}

export function selectMap(atlas: Atlas, q: Query): MapSelection {
  const perp = effectivePerp(atlas, q.metric, q.perp);
  const unit = unitOf(atlas, q.metric);
  const rows = governorateRows(atlas, q.metric, perp, q.victims);
  const tables = periodsOf(atlas, rows);
  const nationalRows = nationalRowsOf(atlas, q, perp, unit);
  const period = targetPeriod(atlas, q, nationalRows);

  const inPeriod = period ? rows.filter((o) => samePeriod(atlas.periods.get(o.period)!, period)) : [];
  // Lay out areas from the latest source first; an older table's area is kept only where it does
  // not overlap what a newer one already covers (e.g. a combined area later published apart).
  const bySource = new Map<string, Observation[]>();
  for (const o of inPeriod) push(bySource, o.source, o);
  const sourceOrder = [...bySource.keys()].sort((a, b) =>
    (atlas.sources.get(b)?.date ?? '').localeCompare(atlas.sources.get(a)?.date ?? ''),
  );
  const covered = new Set<string>();
  const areas: string[] = [];
  for (const s of sourceOrder) {
    // single governorates before combinations, so that a finer split wins over a coarser one
    const rowsOf = [...bySource.get(s)!].sort((a, b) => a.area.split('+').length - b.area.split('+').length);
    for (const o of rowsOf) {
      const codes = o.area.split('+');
      if (codes.some((c) => covered.has(c))) continue;
      areas.push(o.area);
      for (const c of codes) covered.add(c);
    }
  }

  const hasBreakdown = areas.length > 0;
  const cells: MapCell[] = [];
  const sources = new Set<string>();
  for (const area of areas) {
    const areaRows = inPeriod.filter((o) => o.area === area);
    const figure = figureOf(atlas, areaRows);
    if (figure) sources.add(figure.shown.source);
    cells.push({ codes: area.split('+'), area, status: 'value', figure });
  }
  for (const code of GOVERNORATE_CODES) {
    if (covered.has(code)) continue;
    cells.push({ codes: [code], area: code, status: hasBreakdown ? 'not-listed' : 'gap', figure: null });
  }

  const nationalPeriodKey = period
    ? nationalRows.find((o) => samePeriod(atlas.periods.get(o.period)!, period))?.period
    : undefined;
  const national = nationalPeriodKey
    ? figureFor(atlas, { metric: q.metric, period: nationalPeriodKey, area: 'SY', perp, victims: q.victims, unit })
    : null;

  const shares = period
    ? (atlas.byMetric.get(q.metric) ?? []).filter(
        (o) =>
          o.unit === 'percent' &&
          o.area !== 'SY' &&
          o.perp === perp &&
          o.victims === q.victims &&
          samePeriod(atlas.periods.get(o.period)!, period),
      )
    : [];

  const nearest = tables
    .filter((p) => !period || !samePeriod(p, period))
    .sort((a, b) => (period ? nearness(a, period) - nearness(b, period) : 0) || a.start.localeCompare(b.start))
    .slice(0, 6);

  return { query: q, period, hasBreakdown, cells, national, shares, nearest, sources: [...sources] };
}

/**
 * How far a table's period is from the one asked for: the days between the two intervals (zero
 * when they overlap), then, as a tie-break, how different their lengths are.
 */
function nearness(p: Period, target: Period): number {
  const day = 86_400_000;
  const gap = Math.max(0, (Date.parse(p.start) - Date.parse(target.end)) / day, (Date.parse(target.start) - Date.parse(p.end)) / day);
  const shape = Math.abs(Math.log(lengthInDays(p) / lengthInDays(target)));
  return gap * 10 + shape;
}

/** Parts that are not double counts: a combined id (`regime+russia`) only when none of its members is listed alone. */
function partIds(atlas: Atlas, present: Set<string>): string[] {
  const ids: string[] = [];
  for (const id of present) {
    if (id === 'all') continue;
    const members = id.split('+');
    if (members.length > 1 && members.some((m) => present.has(m))) continue;
    const top = members.every((m) => atlas.topLevelPerps.includes(m));
    if (top) ids.push(id);
  }
  return ids;
}

function barFor(atlas: Atlas, q: Query, p: Period, unit: Unit, perp: string): Bar {
  const key = p.key;
  const totalFigure = figureFor(atlas, { metric: q.metric, period: key, area: 'SY', perp, victims: q.victims, unit });
  const segments: Segment[] = [];
  // the measure's national rows of this period (the same rows, in the same order, as filtering
  // byMetric: a timeline of 15 years no longer reads every row of the measure twice per bar)
  const rows = atlas.national.get(`${q.metric}|${key}`) ?? [];
  if (perp === 'all') {
    const present = new Set<string>();
    for (const o of rows) if (o.victims === q.victims && o.unit === unit) present.add(o.perp);
    for (const id of partIds(atlas, present)) {
      const f = figureFor(atlas, { metric: q.metric, period: key, area: 'SY', perp: id, victims: q.victims, unit });
      if (f) segments.push({ perp: id, value: f.shown.value, figure: f });
    }
    segments.sort((a, b) => b.value - a.value);
  }
  const partsSum = segments.reduce((s, x) => s + x.value, 0);
  let status: Bar['status'] = 'gap';
  let value: number | null = null;
  if (totalFigure) {
    status = 'value';
    value = totalFigure.shown.value;
    if (segments.length > 0 && partsSum < value)
      segments.push({ perp: 'unattributed', value: value - partsSum, figure: null });
    // Parts that exceed their total cannot be drawn inside it: the bar shows the total alone and
    // the data-quality page lists the mismatch.
    if (partsSum > value) segments.length = 0;
  } else if (segments.length > 0) {
    status = 'parts-only';
    value = partsSum;
  }
  const otherUnits = rows.filter(
    (o) => o.unit !== unit && o.unit !== 'percent' && o.victims === q.victims && (o.perp === perp || perp === 'all'),
  );
  return { period: p, value, total: totalFigure, segments, status, otherUnits };
}

/** Whole-year period keys (as written in the data) by year, and month keys by year. */
function calendar(atlas: Atlas, metric: MetricId): { years: Map<number, string>; months: Map<number, Map<number, string>> } {
  const years = new Map<number, string>();
  const months = new Map<number, Map<number, string>>();
  for (const o of atlas.byMetric.get(metric) ?? []) {
    const p = atlas.periods.get(o.period)!;
    const y = yearOf(p);
    if (y === null) continue;
    if (isWholeYear(p)) {
      if (!years.has(y) || p.kind === 'year') years.set(y, o.period);
    } else if (p.kind === 'month') {
      if (!months.has(y)) months.set(y, new Map());
      months.get(y)!.set(+p.start.slice(5, 7), o.period);
    }
  }
  return { years, months };
}

/** The first year of the record: the uprising began in March 2011. */
export const FIRST_YEAR = 2011;

export function selectTime(atlas: Atlas, q: Query): TimeSelection {
  const unit = unitOf(atlas, q.metric);
  const perp = effectivePerp(atlas, q.metric, q.perp);
  const { years, months } = calendar(atlas, q.metric);
  const allYears = [...new Set([...years.keys(), ...months.keys()])].sort((a, b) => a - b);
  const bars: Bar[] = [];
  if (allYears.length > 0) {
    // from 2011, the start of the record, so that years before a measure's first figure show as
    // gaps rather than disappear
    for (let y = Math.min(FIRST_YEAR, allYears[0]); y <= allYears[allYears.length - 1]; y++) {
      bars.push(barFor(atlas, q, years.has(y) ? { ...parse(years.get(y)!) } : parse(String(y)), unit, perp));
    }
  }
  const monthBars: Bar[] = [];
  if (q.year !== null && months.has(q.year)) {
    const ms = months.get(q.year)!;
    for (let m = 1; m <= 12; m++) {
      const key = ms.get(m) ?? `${q.year}-${String(m).padStart(2, '0')}`;
      monthBars.push(barFor(atlas, q, parse(key), unit, perp));
    }
  }
  const cumulativeKeys = new Set<string>();
  for (const o of atlas.byMetric.get(q.metric) ?? []) {
    const p = atlas.periods.get(o.period)!;
    if (o.area === 'SY' && o.perp === perp && o.victims === q.victims && o.unit === unit && lengthInDays(p) > 366)
      cumulativeKeys.add(o.period);
  }
  const cumulative = [...cumulativeKeys]
    .map((k) => figureFor(atlas, { metric: q.metric, period: k, area: 'SY', perp, victims: q.victims, unit }))
    .filter((f): f is Figure => f !== null)
    .sort((a, b) => atlas.periods.get(b.shown.period)!.end.localeCompare(atlas.periods.get(a.shown.period)!.end));
  return { query: q, years: bars, months: monthBars, cumulative };
}

/**
 * The figure that best answers "all years, all of Syria": among the cumulative figures, those
 * that start in the earliest year any does (so a "since the Russian intervention" total does not
 * stand for the whole conflict), the one that ends latest.
 */
export function latestCumulative(atlas: Atlas, time: TimeSelection): Figure | null {
  const p = (f: Figure) => atlas.periods.get(f.shown.period)!;
  const first = Math.min(...time.cumulative.map((f) => +p(f).start.slice(0, 4)));
  const candidates = time.cumulative.filter((f) => +p(f).start.slice(0, 4) === first);
  return candidates.sort((a, b) => p(b).end.localeCompare(p(a).end))[0] ?? null;
}

/** Every published figure about one governorate (alone or in a combined area), newest period first. */
export function selectArea(atlas: Atlas, code: string, metric?: MetricId): AreaDetail {
  const keys = new Set<string>();
  for (const o of atlas.dataset.observations) {
    if (metric && o.metric !== metric) continue;
    if (o.area.split('+').includes(code)) keys.add(keyOf(o));
  }
  const figures = [...keys]
    .map((k) => figureOf(atlas, atlas.byKey.get(k)!)!)
    .sort((a, b) => {
      const pa = atlas.periods.get(a.shown.period)!;
      const pb = atlas.periods.get(b.shown.period)!;
      return (
        a.shown.metric.localeCompare(b.shown.metric) ||
        pb.end.localeCompare(pa.end) ||
        pa.start.localeCompare(pb.start) ||
        a.shown.perp.localeCompare(b.shown.perp) ||
        a.shown.victims.localeCompare(b.shown.victims)
      );
    });
  return { code, figures };
}

/** Years (ascending) in which a metric has any figure, for the year filter. */
export function yearsOf(atlas: Atlas, metric: MetricId): number[] {
  const ys = new Set<number>();
  for (const o of atlas.byMetric.get(metric) ?? []) {
    const y = yearOf(atlas.periods.get(o.period)!);
    if (y !== null) ys.add(y);
  }
  return [...ys].sort((a, b) => a - b);
}

/** Perpetrator ids with any figure for a metric (top-level and combined), in table order. */
export function perpsOf(atlas: Atlas, metric: MetricId): string[] {
  const present = new Set((atlas.byMetric.get(metric) ?? []).map((o) => o.perp));
  const sole = atlas.metrics.get(metric)?.sole_perpetrator;
  const order = atlas.dataset.perpetrators.map((p) => p.id);
  return [...present]
    .filter((p) => p !== 'all' && p !== sole && !p.includes('+') && order.includes(p) && !atlas.dataset.perpetrators.find((x) => x.id === p)?.parent)
    .sort((a, b) => order.indexOf(a) - order.indexOf(b));
}
