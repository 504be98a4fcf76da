/**
 * The figure a reader selected, for every output (PNG/SVG summary, embed, "cite this view"): the
 * selected governorate's published value with its unit, period and source, and the party named
 * exactly as the filter names it ("All by Syrian regime forces" for a measure only one party
 * caused, not "All parties"). Pure: the translator is passed in.
 *
 * Deliberately ignores a governorate with no published figure: it gets no value here (never a zero
 * or an estimate); the outputs then name the area and say nothing of a number.
 */
import { isolate } from '../data/bidi';
import { areaName, perpName, periodLabel, unitText, valueText, type Words } from '../data/describe';
import type { Atlas } from '../data/select';
import type { Figure, MapSelection } from '../data/selection';
import type { MetricId, Source } from '../data/types';

/** The party as the filter reads it: a sole party's name under "all", else the party's name. */
export function partyWording(atlas: Atlas, metric: MetricId, perp: string, w: Words): string {
  const sole = atlas.metrics.get(metric)?.sole_perpetrator;
  if (perp === 'all' && sole) return w.t('filters.soleParty', { party: perpName(atlas, sole, w) });
  return perpName(atlas, perp, w);
}

/** The map cell's published figure for the selected governorate, or null. */
export function selectedFigure(map: MapSelection | null): Figure | null {
  const gov = map?.query.gov;
  if (!map || !gov) return null;
  const cell = map.cells.find((c) => c.codes.includes(gov) && c.status === 'value');
  return cell?.figure ?? null;
}

/** "Aleppo, Jul 2012 – Nov 2017: 13,436 barrel bombs": the selected figure in words. */
export function selectedWords(atlas: Atlas, f: Figure, w: Words): string {
  const o = f.shown;
  return w.t('share.selected.figure', {
    area: isolate(areaName(atlas, o.area, w)),
    period: periodLabel(o.period, w),
    value: valueText(o, w),
    unit: unitText(o.unit, w, o.victims),
  });
}

/** "Source: Publisher, date" for one figure (publisher isolated). */
export function figureSourceShort(atlas: Atlas, f: Figure, w: Words): string {
  const s: Source | undefined = atlas.sources.get(f.shown.source);
  return s ? `${w.t('source.label')}: ${isolate(s.publisher)}${w.locale === 'ar' ? '، ' : ', '}${w.date(s.date)}` : '';
}
