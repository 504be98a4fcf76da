/**
 * Legend items for a map: one swatch per class, then the treatments that are not values
 * (`not-listed`, `gap`, combined cells) when — and only when — the selection has them. Shared by
 * the HTML legend (Legend.svelte) and the SVG/PNG exporter, so both say the same thing.
 * Pure: the translator is passed in.
 *
 * Deliberately ignores layout: items come in reading order; the renderer places them.
 */
import type { MapCell, MapSelection } from '../data/selection';
import type { Unit } from '../data/types';
import { COMBINED, GAP, NOT_LISTED, type MapScale } from './color';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export type LegendItem =
  | {
      kind: 'class';
      color: string;
      /** inclusive lower bound */ from: number;
      /** upper bound: exclusive, except for the last class */ to: number;
      label: string;
    }
  | { kind: 'not-listed'; color: string; label: string }
  | { kind: 'gap'; color: string; line: string; label: string }
  | { kind: 'combined'; stroke: string; dash: string; label: string };

/** The unit of the values drawn (from the figures shown), or null when nothing is drawn. */
export function unitOf(selection: MapSelection): Unit | null {
  for (const c of selection.cells) if (c.status === 'value' && c.figure) return c.figure.shown.unit;
  return selection.national?.shown.unit ?? null;
}

/**
 * The legend's heading: the unit and the period of the table drawn ("barrel bombs · Jul 2015"),
 * so that a month's table is never read as a year's. `period` is the period in words (periodLabel).
 */
export function legendHeading(selection: MapSelection, t: Translate, period: string): string {
  const unit = unitOf(selection);
  const head = unit ? t(`unit.${unit}`) : t('map.legend.title');
  return selection.period ? `${head} · ${period}` : head;
}

const range = (from: number, to: number, t: Translate) => (from === to ? t('map.legend.single', { value: from }) : t('map.legend.range', { from, to }));

/** Label of class i: whole numbers end at threshold − 1 ("1,000–4,999"); others say "to under". */
function classLabel(scale: MapScale, i: number, t: Translate): string {
  const { thresholds, min, max, integer, count } = scale.breaks;
  const from = i === 0 ? min : thresholds[i - 1];
  if (i === count - 1) return range(from, max, t);
  const to = thresholds[i];
  if (integer) return range(from, to - 1, t);
  return i === 0 ? t('map.legend.under', { to }) : t('map.legend.toUnder', { from, to });
}

export function legendItems(selection: MapSelection, scale: MapScale, t: Translate): LegendItem[] {
  const items: LegendItem[] = [];
  const { breaks, colors } = scale;
  for (let i = 0; i < breaks.count; i++) {
    items.push({
      kind: 'class',
      color: colors[i],
      from: i === 0 ? breaks.min : breaks.thresholds[i - 1],
      to: i === breaks.count - 1 ? breaks.max : breaks.thresholds[i],
      label: classLabel(scale, i, t),
    });
  }
  const has = (s: string) => selection.cells.some((c) => c.status === s);
  if (has('not-listed')) items.push({ kind: 'not-listed', color: NOT_LISTED.fill, label: t(NOT_LISTED.labelKey) });
  if (has('gap') || (!selection.hasBreakdown && selection.cells.length === 0))
    items.push({ kind: 'gap', color: GAP.background, line: GAP.line, label: t(GAP.labelKey) });
  if (selection.cells.some((c) => c.codes.length > 1))
    items.push({ kind: 'combined', stroke: COMBINED.stroke, dash: COMBINED.dash, label: t(COMBINED.labelKey) });
  return items;
}

/**
 * The text a screen reader hears for one governorate, also the SVG path's aria-label:
 * "Aleppo: 13,436 barrel bombs", "Tartus: not listed in the source",
 * "Damascus (combined with Rif Dimashq in the source): 1,200 civilians".
 */
export function cellLabel(
  code: string,
  cell: MapCell,
  nameOf: (code: string) => string,
  t: Translate,
  list: (names: string[]) => string = (n) => n.join(', '),
): string {
  const others = cell.codes.filter((c) => c !== code).map(nameOf);
  const name = others.length ? t('map.cell.combined', { name: nameOf(code), others: list(others) }) : nameOf(code);
  if (cell.status === 'value' && cell.figure) {
    const f = cell.figure.shown;
    const value = f.qualifier ? t(`qualifier.${f.qualifier}`, { value: f.value }) : t('map.legend.single', { value: f.value });
    return t('map.cell.value', { name, value, unit: t(`unit.${f.unit}`) });
  }
  return t(cell.status === 'gap' ? 'map.cell.gap' : 'map.cell.notListed', { name });
}
