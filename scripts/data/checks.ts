/**
 * Data-quality checks of the data build: validated observations → `Finding[]`. A finding never
 * blocks the build; it is printed by `npm run data` and shipped in atlas.json for the methods page.
 *
 * A figure's key is metric, period, area, perpetrator, victims and unit. Periods are compared as
 * the days they cover (`2015` and `2015-01/2015-12` are the same period); combined areas and
 * parties are compared with their parts sorted (`SY-RD+SY-DI` is `SY-DI+SY-RD`).
 *
 * Sums use bounds: an exact figure is [v, v], an `at-least` figure is [v, ∞). A sum of parts
 * disagrees with its total only when the two intervals do not meet: the parts' lower bound is
 * above the total's upper bound ("parts exceed the total"), or — only when the parts are complete —
 * the parts' upper bound is below the total's lower bound. `approx` figures are fuzzy by
 * definition and no sum involving one is checked. Percent rows never enter a sum.
 *
 * 1. parts-vs-total — within one source only. A source's own split is checked against its own
 *    total; parts from one report are never summed against a total revised in another, because
 *    SNHR revises figures upward as it documents more and a mixed-vintage comparison would flag
 *    every revision (those surface as `vintage` findings instead). Three splits:
 *    - perpetrators under the `all` row (same metric/period/area/victims/unit). Parts are the
 *      top-level parties only (no `parent`); sub-items of "other parties" are inside `other` and
 *      are left out, as is any combination that contains one. A `+` combination is a part covering
 *      each of its ids; where a source gives both a combination and all of its members singly,
 *      the combination is dropped; where parts still overlap the split cannot be summed and is
 *      skipped. The split is complete only when it covers every top-level party in
 *      perpetrators.csv. This is deliberately strict, so the "less than the total" test is rare:
 *      outlets quoting SNHR often name the main parties and drop one (the 2018 toll quoted without
 *      the SDF), and a children-only figure for `other` is no split at all; treating a split as
 *      complete because it lists `other` flagged exactly those, which the site already shows
 *      honestly as "not attributed in the source". Transcription errors still surface through the
 *      "parts exceed the total" test, which needs no completeness.
 *    - governorates under `SY` (same metric/period/perpetrator/victims/unit), combined areas
 *      counting for each of their governorates; complete when all 14 are covered.
 *    - children and women under all victims: each alone must not exceed all victims (they overlap
 *      — girls are both — so their sum is not checked).
 *    A partial split that adds up to less than its total is never a finding: the site shows the
 *    residual as "not attributed in the source".
 * 2. months-vs-year — for each key and year with a whole-year figure, the months published for it
 *    (latest vintage of each) against the year (latest vintage). Complete when all 12 months are
 *    there. Monthly reports come out before annual ones and figures grow with revisions, so a
 *    complete year that is larger than its months is common and informative.
 * 3. years-vs-cumulative — for a range longer than a year, the whole calendar years inside it
 *    (latest vintage each) against the range's latest figure. Complete when the range is made of
 *    whole years and every one of them is published.
 * 3b. half-years — for each key and half-year (January–June or July–December, however written) with
 *    a figure: its months (latest vintage each) against it, complete when all six are there; and,
 *    where the whole year has a figure, the half-years against the year (complete when both
 *    halves are there). A half-year larger than its year is the usual catch (SNHR's first-half
 *    report counted more than its annual report).
 * 3c. nested-period — for any two periods of one key where one lies strictly inside the other
 *    (latest vintage each), the inner figure must not be larger than the enclosing one. Pairs the
 *    sum checks already compare (a month inside its half-year or year, a half-year inside its
 *    year) are left to them. Such findings are SNHR's own inconsistencies as often as
 *    transcription errors: both rows are kept as published and the finding says so.
 * 4. duplicate — two or more rows with the same key from the same source (unless all of them are
 *    marked `conflict`, which is the conflict check's business).
 * 5. conflict — every key with rows marked `conflict` gives one finding listing the values (or
 *    saying the other value is missing); rows with the same key from different sources of the
 *    same publication date with different values, not all marked `conflict`, give one more.
 * 6. vintage — same key, sources more than a month apart (see vintage.ts), different numbers (a change of qualifier
 *    alone, `at least 17,318` then `17,318`, is not a revision). Rows marked `conflict` are left
 *    to the conflict check, so one disagreement is not reported twice. Informational.
 *
 * "Latest vintage": the row whose source has the latest date, primary sources first (an outlet
 * repeating an old SNHR figure later is not a revision); when rows of that date disagree, the
 * figure is ambiguous and left out of sums (the conflict check reports it). Likewise a split
 * whose total or any part a source prints with two values is not summed. Source dates compare
 * as text, so `2017-07` (day unknown) counts as earlier than `2017-07-02`.
 *
 * Deliberately ignores: months inside a range that are not part of a whole year, sums of
 * percentages, plausibility of single figures, and comparisons across units (`persons` is never
 * compared with `civilians`).
 */
import { publicationMoments } from '../../src/lib/data/vintage';
import type { Finding, Observation, Period, Perpetrator, Source } from '../../src/lib/data/types';
import { GOVERNORATE_CODES } from '../../src/lib/data/types';
import { FINDING_KINDS } from '../../src/lib/data/findings';
import { isWholeYear, lengthInDays, period as parsePeriodStrict, within } from '../../src/lib/data/period';

export interface CheckContext {
  sources: Source[];
  perpetrators: Perpetrator[];
}

export { FINDING_KINDS };

// ---------------------------------------------------------------------------------------------
// Keys and helpers

const canon = (combined: string) => combined.split('+').sort().join('+');

const periodCache = new Map<string, Period>();
function span(o: Observation): Period {
  let p = periodCache.get(o.period);
  if (!p) {
    p = parsePeriodStrict(o.period);
    periodCache.set(o.period, p);
  }
  return p;
}
const spanKey = (o: Observation) => `${span(o).start}/${span(o).end}`;

type Omit = 'period' | 'area' | 'perp' | 'victims' | 'none';
function keyOf(o: Observation, omit: Omit = 'none'): string {
  return [
    o.metric,
    omit === 'period' ? '*' : spanKey(o),
    omit === 'area' ? '*' : canon(o.area),
    omit === 'perp' ? '*' : canon(o.perp),
    omit === 'victims' ? '*' : o.victims,
    o.unit,
  ].join('|');
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = m.get(k);
    if (list) list.push(t);
    else m.set(k, [t]);
  }
  return m;
}

/** A finding about a stated figure and the published parts that should add up to it. */
function sumFinding(kind: Finding['kind'], message: string, total: Observation, parts: Observation[], difference: number): Finding {
  return {
    kind,
    message,
    metric: total.metric,
    period: total.period,
    area: total.area,
    perp: total.perp,
    victims: total.victims,
    unit: total.unit,
    expected: total.value,
    actual: total.value + difference,
    difference,
    observations: [total.id, ...parts.map((p) => p.id)],
    sources: [...new Set([total.source, ...parts.map((p) => p.source)])].sort(),
  };
}

const fmt = (n: number) => n.toLocaleString('en-US');

function describe(o: Observation, period = o.period): string {
  return `${o.metric} for ${period} in ${o.area} (perpetrator ${o.perp}, victims ${o.victims}, ${o.unit})`;
}

function listSources(ids: string[]): string {
  return [...new Set(ids)].sort().join(', ');
}

/**
 * The row standing for a set of rows that agree on the number, or null when they disagree. Rows
 * that differ only by qualifier (`at least 2,908` and `2,908`) agree; the exact one stands for them.
 */
function agreed(rows: Observation[]): Observation | null {
  const first = rows[0];
  if (!rows.every((r) => r.value === first.value)) return null;
  return rows.find((r) => !r.qualifier) ?? first;
}

interface Bounds {
  lo: number;
  hi: number;
}
function bounds(rows: Observation[]): Bounds | null {
  let lo = 0;
  let hi = 0;
  for (const r of rows) {
    if (r.qualifier === 'approx') return null;
    lo += r.value;
    hi = r.qualifier === 'at-least' ? Infinity : hi + r.value;
  }
  return { lo, hi };
}

/** Compares parts with a total; returns the difference (sum − total) when they disagree. */
function disagreement(total: Observation, parts: Observation[], complete: boolean): number | null {
  const t = bounds([total]);
  const p = bounds(parts);
  if (!t || !p) return null;
  const sum = parts.reduce((s, r) => s + r.value, 0);
  if (p.lo > t.hi) return sum - total.value;
  if (complete && p.hi < t.lo) return sum - total.value;
  return null;
}

function diffWords(difference: number, what: string): string {
  return difference > 0 ? `${fmt(difference)} more than ${what}` : `${fmt(-difference)} less than ${what}`;
}

class Dates {
  private date = new Map<string, string>();
  private primary = new Map<string, boolean>();
  constructor(sources: Source[]) {
    for (const s of sources) {
      this.date.set(s.id, s.date);
      this.primary.set(s.id, s.role === 'primary');
    }
  }
  of(id: string): string {
    return this.date.get(id) ?? '';
  }
  isPrimary(id: string): boolean {
    return this.primary.get(id) ?? false;
  }
  /** The latest vintage of rows sharing a key, or null when its rows disagree. */
  latest(rows: Observation[]): Observation | null {
    const primary = rows.filter((r) => this.isPrimary(r.source));
    const pool = primary.length > 0 ? primary : rows;
    const newest = pool.reduce((d, r) => (this.of(r.source) > d ? this.of(r.source) : d), '');
    return agreed(pool.filter((r) => this.of(r.source) === newest));
  }
}

// ---------------------------------------------------------------------------------------------
// 1. Parts vs totals

/**
 * Picks the parts that can be summed: drops combinations whose members are all given singly,
 * then returns null when what is left still overlaps.
 */
function partition(parts: { code: string; row: Observation }[]): { code: string; row: Observation }[] | null {
  const singles = new Set(parts.filter((p) => !p.code.includes('+')).map((p) => p.code));
  const kept = parts.filter((p) => !p.code.includes('+') || !p.code.split('+').every((c) => singles.has(c)));
  const covered = new Set<string>();
  for (const p of kept) {
    for (const c of p.code.split('+')) {
      if (covered.has(c)) return null;
      covered.add(c);
    }
  }
  return kept;
}

export function checkPartsVsTotals(observations: Observation[], ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const topLevel = new Set(ctx.perpetrators.filter((p) => !p.parent && !p.id.includes('+')).map((p) => p.id));
  const rows = observations.filter((o) => o.unit !== 'percent');

  for (const [source, inSource] of groupBy(rows, (o) => o.source)) {
    const split = (
      kind: 'perpetrator' | 'governorate',
      omit: 'perp' | 'area',
      isTotal: (o: Observation) => boolean,
      isPart: (code: string) => boolean,
      isComplete: (covered: Set<string>) => boolean,
    ) => {
      const byParentKey = groupBy(inSource, (o) => keyOf(o, omit));
      for (const [, siblings] of byParentKey) {
        const totals = siblings.filter(isTotal);
        if (totals.length === 0) continue;
        const total = agreed(totals);
        if (!total) continue;
        const candidates: { code: string; row: Observation }[] = [];
        let ambiguous = false;
        for (const [, same] of groupBy(siblings.filter((o) => !isTotal(o)), (o) => keyOf(o))) {
          const code = canon(omit === 'perp' ? same[0].perp : same[0].area);
          if (!isPart(code)) continue;
          const row = agreed(same);
          if (!row) ambiguous = true;
          else candidates.push({ code, row });
        }
        if (ambiguous || candidates.length === 0) continue;
        const parts = partition(candidates);
        if (!parts) continue;
        const covered = new Set(parts.flatMap((p) => p.code.split('+')));
        const complete = isComplete(covered);
        const d = disagreement(total, parts.map((p) => p.row), complete);
        if (d === null) continue;
        const sum = total.value + d;
        const label = kind === 'perpetrator' ? 'perpetrator parts' : 'governorate parts';
        findings.push(
          sumFinding(
            'parts-vs-total',
            `The ${parts.length} ${parts.length === 1 ? label.slice(0, -1) : label} of ${describe(total)} in ${source} add up to ${fmt(sum)}, ` +
              `${diffWords(d, `the total of ${fmt(total.value)}`)}` +
              (d < 0 ? ` although the split is complete.` : '.'),
            total,
            parts.map((p) => p.row),
            d,
          ),
        );
      }
    };

    split(
      'perpetrator',
      'perp',
      (o) => o.perp === 'all',
      (code) => code.split('+').every((c) => topLevel.has(c)),
      (covered) => [...topLevel].every((p) => covered.has(p)),
    );
    split(
      'governorate',
      'area',
      (o) => o.area === 'SY',
      () => true,
      (covered) => GOVERNORATE_CODES.every((g) => covered.has(g)),
    );

    // Children and women against all victims.
    for (const [, siblings] of groupBy(inSource, (o) => keyOf(o, 'victims'))) {
      const all = siblings.filter((o) => o.victims === 'all');
      if (all.length === 0) continue;
      const total = agreed(all);
      if (!total) continue;
      for (const group of ['children', 'women', 'females'] as const) {
        const rowsOfGroup = siblings.filter((o) => o.victims === group);
        if (rowsOfGroup.length === 0) continue;
        const part = agreed(rowsOfGroup);
        if (!part) continue;
        const d = disagreement(total, [part], false);
        if (d === null) continue;
        findings.push(
          sumFinding(
            'parts-vs-total',
            `${group === 'children' ? 'Children' : group === 'women' ? 'Women' : 'Females'} (${fmt(part.value)}) exceed all victims (${fmt(total.value)}) ` +
              `by ${fmt(d)} for ${describe(total)} in ${source}.`,
            total,
            [part],
            d,
          ),
        );
      }
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// 2 and 3. Months vs years, years vs cumulative

const pad = (n: number) => String(n).padStart(2, '0');
function monthSpan(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-01/${year}-${pad(month)}-${pad(last)}`;
}
const yearSpan = (year: number) => `${year}-01-01/${year}-12-31`;

/** Rows of one series (key without period), indexed by the days they cover. */
function seriesBySpan(observations: Observation[]): Map<string, Map<string, Observation[]>> {
  const out = new Map<string, Map<string, Observation[]>>();
  for (const [k, rows] of groupBy(
    observations.filter((o) => o.unit !== 'percent'),
    (o) => keyOf(o, 'period'),
  )) {
    out.set(k, groupBy(rows, spanKey));
  }
  return out;
}

export function checkMonthsVsYears(observations: Observation[], ctx: CheckContext): Finding[] {
  const dates = new Dates(ctx.sources);
  const findings: Finding[] = [];
  for (const [, bySpan] of seriesBySpan(observations)) {
    for (const [, rows] of bySpan) {
      if (!isWholeYear(span(rows[0]))) continue;
      const year = +span(rows[0]).start.slice(0, 4);
      const total = dates.latest(rows);
      if (!total) continue;
      const months: Observation[] = [];
      for (let m = 1; m <= 12; m++) {
        const monthRows = bySpan.get(monthSpan(year, m));
        const chosen = monthRows ? dates.latest(monthRows) : null;
        if (chosen) months.push(chosen);
      }
      if (months.length === 0) continue;
      const complete = months.length === 12;
      const d = disagreement(total, months, complete);
      if (d === null) continue;
      const sum = total.value + d;
      findings.push(sumFinding('months-vs-year', `The ${complete ? '12' : months.length} months of ${describe(total, String(year))} add up to ${fmt(sum)}, ` +
          `${diffWords(d, `the year's ${fmt(total.value)}`)} (months from ${listSources(months.map((m) => m.source))}; ` +
          `year from ${total.source}).`, total, months, d));
    }
  }
  return findings;
}

export function checkYearsVsCumulative(observations: Observation[], ctx: CheckContext): Finding[] {
  const dates = new Dates(ctx.sources);
  const findings: Finding[] = [];
  for (const [, bySpan] of seriesBySpan(observations)) {
    for (const [, rows] of bySpan) {
      const p = span(rows[0]);
      if (p.kind !== 'range' || lengthInDays(p) <= 366) continue;
      const total = dates.latest(rows);
      if (!total) continue;
      const first = +p.start.slice(0, 4);
      const last = +p.end.slice(0, 4);
      const inside: number[] = [];
      for (let y = first; y <= last; y++) if (`${y}-01-01` >= p.start && `${y}-12-31` <= p.end) inside.push(y);
      const years: Observation[] = [];
      for (const y of inside) {
        const yearRows = bySpan.get(yearSpan(y));
        const chosen = yearRows ? dates.latest(yearRows) : null;
        if (chosen) years.push(chosen);
      }
      if (years.length === 0) continue;
      const complete = p.start.endsWith('-01-01') && p.end.endsWith('-12-31') && years.length === last - first + 1;
      const d = disagreement(total, years, complete);
      if (d === null) continue;
      const sum = total.value + d;
      const yearList = years.map((y) => span(y).start.slice(0, 4));
      findings.push(sumFinding('years-vs-cumulative', `The ${years.length} whole years (${yearList[0]}${years.length > 1 ? `–${yearList[yearList.length - 1]}` : ''}) ` +
          `inside ${describe(total)} add up to ${fmt(sum)}, ${diffWords(d, `the cumulative ${fmt(total.value)}`)} ` +
          `(years from ${listSources(years.map((y) => y.source))}; cumulative from ${total.source}).`, total, years, d));
    }
  }
  return findings;
}

/** The half (1 or 2) of the year a period covers exactly, or null. */
export function halfOf(p: Period): { year: number; half: 1 | 2 } | null {
  const y = p.start.slice(0, 4);
  if (y !== p.end.slice(0, 4)) return null;
  if (p.start === `${y}-01-01` && p.end === `${y}-06-30`) return { year: +y, half: 1 };
  if (p.start === `${y}-07-01` && p.end === `${y}-12-31`) return { year: +y, half: 2 };
  return null;
}
const halfSpan = (year: number, half: 1 | 2) => (half === 1 ? `${year}-01-01/${year}-06-30` : `${year}-07-01/${year}-12-31`);

export function checkHalfYears(observations: Observation[], ctx: CheckContext): Finding[] {
  const dates = new Dates(ctx.sources);
  const findings: Finding[] = [];
  for (const [, bySpan] of seriesBySpan(observations)) {
    for (const [, rows] of bySpan) {
      const h = halfOf(span(rows[0]));
      if (!h) continue;
      const total = dates.latest(rows);
      if (!total) continue;
      const months: Observation[] = [];
      const first = h.half === 1 ? 1 : 7;
      for (let m = first; m < first + 6; m++) {
        const monthRows = bySpan.get(monthSpan(h.year, m));
        const chosen = monthRows ? dates.latest(monthRows) : null;
        if (chosen) months.push(chosen);
      }
      if (months.length === 0) continue;
      const complete = months.length === 6;
      const d = disagreement(total, months, complete);
      if (d === null) continue;
      const label = h.half === 1 ? `January–June ${h.year}` : `July–December ${h.year}`;
      findings.push(sumFinding('half-year', `The ${months.length} months of ${describe(total, label)} add up to ${fmt(total.value + d)}, ` +
          `${diffWords(d, `the half-year's ${fmt(total.value)}`)} (months from ${listSources(months.map((m) => m.source))}; ` +
          `half-year from ${total.source}).`, total, months, d));
    }
    // Half-years against their year.
    for (const [, rows] of bySpan) {
      if (!isWholeYear(span(rows[0]))) continue;
      const year = +span(rows[0]).start.slice(0, 4);
      const total = dates.latest(rows);
      if (!total) continue;
      const halves: Observation[] = [];
      for (const half of [1, 2] as const) {
        const halfRows = bySpan.get(halfSpan(year, half));
        const chosen = halfRows ? dates.latest(halfRows) : null;
        if (chosen) halves.push(chosen);
      }
      if (halves.length === 0) continue;
      const d = disagreement(total, halves, halves.length === 2);
      if (d === null) continue;
      const which = halves.length === 2 ? 'The two half-years' : halfOf(span(halves[0]))!.half === 1 ? 'January–June' : 'July–December';
      findings.push(sumFinding('half-year', `${which} of ${describe(total, String(year))} ${halves.length === 2 ? 'add' : 'adds'} up to ${fmt(total.value + d)}, ` +
          `${diffWords(d, `the year's ${fmt(total.value)}`)} (half-year${halves.length === 2 ? 's' : ''} from ${listSources(halves.map((x) => x.source))}; ` +
          `year from ${total.source}).`, total, halves, d));
    }
  }
  return findings;
}

/** True when the sum checks (months-vs-year, half-year) already compare `inner` with `outer`. */
function comparedBySums(inner: Period, outer: Period): boolean {
  const innerIsMonth = inner.start.slice(0, 7) === inner.end.slice(0, 7) && inner.start.endsWith('-01') &&
    inner.end === monthSpan(+inner.start.slice(0, 4), +inner.start.slice(5, 7)).slice(11);
  if (isWholeYear(outer)) return innerIsMonth || halfOf(inner) !== null;
  if (halfOf(outer)) return innerIsMonth;
  return false;
}

export function checkNestedPeriods(observations: Observation[], ctx: CheckContext): Finding[] {
  const dates = new Dates(ctx.sources);
  const findings: Finding[] = [];
  for (const [, bySpan] of seriesBySpan(observations)) {
    if (bySpan.size < 2) continue;
    const chosen: { p: Period; row: Observation }[] = [];
    for (const [, rows] of bySpan) {
      const row = dates.latest(rows);
      if (row && row.qualifier !== 'approx') chosen.push({ p: span(row), row });
    }
    for (const inner of chosen) {
      for (const outer of chosen) {
        if (inner === outer || !within(inner.p, outer.p)) continue;
        if (inner.p.start === outer.p.start && inner.p.end === outer.p.end) continue;
        if (comparedBySums(inner.p, outer.p)) continue;
        // The inner figure is a lower bound; the enclosing one an upper bound unless it says "at least".
        if (outer.row.qualifier === 'at-least' || inner.row.value <= outer.row.value) continue;
        const d = inner.row.value - outer.row.value;
        findings.push({
          ...sumFinding('nested-period',
            `${describe(inner.row)} is ${fmt(inner.row.value)} (${inner.row.source}), ${fmt(d)} more than the ${fmt(outer.row.value)} ` +
              `given for the enclosing period ${outer.row.period} (${outer.row.source}). Both are kept as published.`,
            outer.row, [inner.row], d),
        });
      }
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// 4–6. Duplicates, conflicts, vintages

function pairFinding(kind: Finding['kind'], message: string, rows: Observation[]): Finding {
  const o = rows[0];
  const f: Finding = {
    kind,
    message,
    metric: o.metric,
    period: o.period,
    area: o.area,
    perp: o.perp,
    victims: o.victims,
    unit: o.unit,
    observations: rows.map((r) => r.id),
    sources: [...new Set(rows.map((r) => r.source))].sort(),
  };
  if (rows.length >= 2) {
    f.expected = rows[0].value;
    f.actual = rows[rows.length - 1].value;
    f.difference = f.actual - f.expected;
  }
  return f;
}

const valueText = (o: Observation) =>
  (o.qualifier === 'at-least' ? 'at least ' : o.qualifier === 'approx' ? 'about ' : '') + fmt(o.value);

export function checkDuplicates(observations: Observation[]): Finding[] {
  const findings: Finding[] = [];
  for (const [, rows] of groupBy(observations, (o) => `${keyOf(o)}|${o.source}`)) {
    if (rows.length < 2 || rows.every((r) => r.status === 'conflict')) continue;
    const same = agreed(rows) !== null;
    findings.push(
      pairFinding(
        'duplicate',
        `${describe(rows[0])} appears ${rows.length} times in ${rows[0].source}` +
          (same ? ` with the same value ${valueText(rows[0])}.` : ` with values ${rows.map(valueText).join(', ')}.`),
        rows,
      ),
    );
  }
  return findings;
}

export function checkConflicts(observations: Observation[], ctx: CheckContext): Finding[] {
  const dates = new Dates(ctx.sources);
  const findings: Finding[] = [];
  for (const [, rows] of groupBy(observations, (o) => keyOf(o))) {
    const marked = rows.filter((r) => r.status === 'conflict');
    if (marked.length > 0) {
      const values = new Set(marked.map(valueText));
      const listed = marked.map((r) => `${valueText(r)} (${r.source})`).join(', ');
      findings.push(
        pairFinding(
          'conflict',
          values.size > 1
            ? `${describe(marked[0])} is published with conflicting values: ${listed}.`
            : `${describe(marked[0])} is marked conflict but only one value is recorded: ${listed}.`,
          marked,
        ),
      );
    }
    for (const sameDate of publicationMoments(rows, (r) => dates.of(r.source))) {
      if (sameDate.every((r) => r.status === 'conflict')) continue;
      if (new Set(sameDate.map((r) => r.source)).size < 2) continue;
      if (agreed(sameDate)) continue;
      const span = [...new Set(sameDate.map((r) => dates.of(r.source)))];
      const when = span.length === 1 ? `the same date ${span[0]}` : `within a month of each other (${span.join(', ')})`;
      findings.push(
        pairFinding(
          'conflict',
          `${describe(sameDate[0])} has different values in sources published ${when}, not marked conflict: ` +
            `${sameDate.map((r) => `${valueText(r)} (${r.source})`).join(', ')}.`,
          sameDate,
        ),
      );
    }
  }
  return findings;
}

export function checkVintages(observations: Observation[], ctx: CheckContext): Finding[] {
  const dates = new Dates(ctx.sources);
  const findings: Finding[] = [];
  for (const [, rows] of groupBy(
    observations.filter((o) => o.status !== 'conflict'),
    (o) => keyOf(o),
  )) {
    const byDate = publicationMoments(rows, (r) => dates.of(r.source));
    if (byDate.length < 2) continue;
    const sets = new Set(byDate.map((rs) => [...new Set(rs.map((r) => r.value))].sort((a, b) => a - b).join(' / ')));
    if (sets.size < 2) continue;
    const ordered = byDate.flat();
    findings.push(
      pairFinding(
        'vintage',
        `${describe(rows[0])} was revised across publications: ` +
          `${ordered.map((r) => `${valueText(r)} (${r.source}, ${dates.of(r.source)})`).join(', ')}.`,
        ordered,
      ),
    );
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------

function compareFindings(a: Finding, b: Finding): number {
  const ka = [FINDING_KINDS.indexOf(a.kind), a.metric, ...periodSort(a.period), a.area, a.perp, a.victims, a.unit, a.message];
  const kb = [FINDING_KINDS.indexOf(b.kind), b.metric, ...periodSort(b.period), b.area, b.perp, b.victims, b.unit, b.message];
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] < kb[i]) return -1;
    if (ka[i] > kb[i]) return 1;
  }
  return 0;
}
function periodSort(key: string): [string, string] {
  const p = parsePeriodStrict(key);
  return [p.start, p.end];
}

/** Every check, findings in a stable order (kind, then metric, period, area, perpetrator…). */
export function runChecks(observations: Observation[], ctx: CheckContext): Finding[] {
  return [
    ...checkPartsVsTotals(observations, ctx),
    ...checkMonthsVsYears(observations, ctx),
    ...checkYearsVsCumulative(observations, ctx),
    ...checkHalfYears(observations, ctx),
    ...checkNestedPeriods(observations, ctx),
    ...checkDuplicates(observations),
    ...checkConflicts(observations, ctx),
    ...checkVintages(observations, ctx),
  ].sort(compareFindings);
}
