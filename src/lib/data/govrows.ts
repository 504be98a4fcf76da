/**
 * The governorate table beside the map: one row per governorate (all 14, always), with its names,
 * the figure the map draws there, its status and its source. Pure, from a MapSelection, so that
 * the table's rows are the map's cells by construction.
 *
 * What it keeps honest: a governorate the source combined with others shows the combined figure,
 * said to be combined (never a share of it); one the table does not list is "not listed" and one
 * with no table is "no table", never zero. Sorting puts rows with no figure last whatever the order.
 */
import type { Atlas } from './select';
import type { Figure, MapSelection } from './selection';
import { GOVERNORATE_CODES, type Source } from './types';

export interface GovRow {
  code: string;
  name_en: string;
  name_ar: string;
  /** as on the map: `value`, `not-listed` (a table without this governorate) or `gap` (no table) */
  status: 'value' | 'not-listed' | 'gap';
  /** the other governorates of a combined figure, in the source's order; empty when alone */
  combinedWith: string[];
  /** the area as published (`SY-DI+SY-RD` for a combined figure) */
  area: string;
  figure: Figure | null;
  /** the figure's source */
  source: Source | null;
}

export type SortKey = 'map' | 'name' | 'value';

/** The 14 rows, in the atlas's stable order (north-west to south). */
export function governorateRowsOf(atlas: Atlas, map: MapSelection): GovRow[] {
  const names = new Map(atlas.dataset.areas.map((a) => [a.code, a]));
  return GOVERNORATE_CODES.map((code): GovRow => {
    const cell = map.cells.find((c) => c.codes.includes(code));
    const status = cell?.status ?? (map.hasBreakdown ? 'not-listed' : 'gap');
    const figure = status === 'value' ? (cell?.figure ?? null) : null;
    return {
      code,
      name_en: names.get(code)?.name_en ?? code,
      name_ar: names.get(code)?.name_ar ?? code,
      status,
      combinedWith: cell ? cell.codes.filter((c) => c !== code) : [],
      area: cell?.area ?? code,
      figure,
      source: figure ? (atlas.sources.get(figure.shown.source) ?? null) : null,
    };
  });
}

/**
 * Rows in a reading order: `map` keeps the stable order; `name` sorts by the name in the reader's
 * language; `value` by the figure. Rows with no figure always come last, in the stable order.
 */
export function sortRows(rows: readonly GovRow[], key: SortKey, descending: boolean, locale: 'en' | 'ar'): GovRow[] {
  const order = new Map(rows.map((r, i) => [r.code, i]));
  const collator = new Intl.Collator(locale);
  const dir = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (key === 'value') {
      const va = a.figure?.shown.value ?? null;
      const vb = b.figure?.shown.value ?? null;
      if (va === null || vb === null) return (va === null ? 1 : 0) - (vb === null ? 1 : 0) || order.get(a.code)! - order.get(b.code)!;
      return dir * (va - vb) || order.get(a.code)! - order.get(b.code)!;
    }
    if (key === 'name') return dir * collator.compare(locale === 'ar' ? a.name_ar : a.name_en, locale === 'ar' ? b.name_ar : b.name_en);
    return dir * (order.get(a.code)! - order.get(b.code)!);
  });
}
