/**
 * What exists and what was never published: for each measure and year, whether SNHR published a
 * national total, a split by party, a governorate table and monthly figures; and the published
 * ranges (half-years, cumulative periods) with the same flags. Generated from the data, so the
 * methodology page can never claim more than the dataset holds. Percent shares count as
 * "shares", not as a governorate table.
 */
import { isWholeYear, yearOf } from './period';
import type { Atlas } from './select';
import type { MetricId, Period } from './types';

export interface CoverageCell {
  /** a national total (all parties, all victims) in the measure's unit */
  total: boolean;
  /** a national total in another unit only (persons, fighters included) */
  otherUnit: boolean;
  /** number of parties with a national figure */
  parties: number;
  /** a governorate table (figures, not shares) */
  governorates: boolean;
  /** published governorate shares (percent) */
  shares: boolean;
  /** months with a national total */
  months: number;
  /** national figures for children or women */
  victims: boolean;
}

export interface CoverageRange {
  period: Period;
  cell: CoverageCell;
}

export interface CoverageRow {
  metric: MetricId;
  years: Map<number, CoverageCell>;
  ranges: CoverageRange[];
}

const empty = (): CoverageCell => ({ total: false, otherUnit: false, parties: 0, governorates: false, shares: false, months: 0, victims: false });

export function coverage(atlas: Atlas): { years: number[]; rows: CoverageRow[] } {
  let first = Infinity;
  let last = -Infinity;
  const rows: CoverageRow[] = [];
  for (const m of atlas.dataset.metrics) {
    const obs = atlas.byMetric.get(m.id) ?? [];
    if (obs.length === 0) continue;
    const years = new Map<number, CoverageCell>();
    const ranges = new Map<string, CoverageRange>();
    const parties = new Map<string, Set<string>>();
    const months = new Map<number, Set<string>>();
    for (const o of obs) {
      const p = atlas.periods.get(o.period)!;
      const y = yearOf(p);
      let cell: CoverageCell;
      let partyKey: string;
      if (y !== null && isWholeYear(p)) {
        cell = years.get(y) ?? empty();
        years.set(y, cell);
        partyKey = `y${y}`;
        first = Math.min(first, y);
        last = Math.max(last, y);
      } else if (y !== null && p.kind === 'month') {
        first = Math.min(first, y);
        last = Math.max(last, y);
        const c = years.get(y) ?? empty();
        years.set(y, c);
        if (o.area === 'SY' && o.perp === 'all' && o.victims === 'all' && o.unit === m.unit) {
          const set = months.get(y) ?? new Set();
          set.add(o.period);
          months.set(y, set);
          c.months = set.size;
        }
        continue;
      } else {
        const r = ranges.get(`${p.start}/${p.end}`) ?? { period: p, cell: empty() };
        ranges.set(`${p.start}/${p.end}`, r);
        cell = r.cell;
        partyKey = `r${p.start}/${p.end}`;
      }
      if (o.area === 'SY' && o.victims !== 'all' && o.unit !== 'percent') cell.victims = true;
      if (o.unit === 'percent') {
        if (o.area !== 'SY') cell.shares = true;
      } else if (o.area !== 'SY') {
        cell.governorates = true;
      } else if (o.perp === 'all' && o.victims === 'all') {
        if (o.unit === m.unit) cell.total = true;
        else cell.otherUnit = true;
      } else if (o.perp !== 'all' && o.perp !== m.sole_perpetrator && o.victims === 'all' && o.unit === m.unit && isTopLevel(atlas, o.perp)) {
        const set = parties.get(partyKey) ?? new Set();
        set.add(o.perp);
        parties.set(partyKey, set);
        cell.parties = set.size;
      } else if (o.perp === m.sole_perpetrator && o.victims === 'all' && o.unit === m.unit) {
        cell.total = true;
      }
    }
    rows.push({
      metric: m.id,
      years,
      ranges: [...ranges.values()].sort((a, b) => a.period.start.localeCompare(b.period.start) || a.period.end.localeCompare(b.period.end)),
    });
  }
  const span: number[] = [];
  for (let y = first; y <= last; y++) span.push(y);
  return { years: span, rows };
}

/** A party counted in a split: top-level ids and their published combinations, not sub-items. */
function isTopLevel(atlas: Atlas, perp: string): boolean {
  return perp.split('+').every((p) => atlas.topLevelPerps.includes(p));
}
