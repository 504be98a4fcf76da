/**
 * Plain words for figures, periods, parties and sources: the text every shell and every export
 * shows, built from the dataset and the message catalog. Pure; takes the translator as an argument
 * so that it runs in tests, in exports and in the page alike. Deliberately ignores layout.
 */
import { isolate } from './bidi';
import { isWholeYear, period as parse } from './period';
import { mapPeriod, type Atlas } from './select';
import type { Figure, Query } from './selection';
import type { Observation, Period, Source } from './types';

export interface Words {
  t: (key: string, params?: Record<string, string | number>) => string;
  num: (n: number) => string;
  date: (iso: string) => string;
  locale: 'en' | 'ar';
}

/** "2015", "Jul 2015", "Jul 2012 – Nov 2017", "22 Feb 2014 – 20 Feb 2016", "All years". */
export function periodLabel(p: Period | string | null, w: Words): string {
  if (p === null) return w.t('period.all');
  const period = typeof p === 'string' ? parse(p) : p;
  if (period.kind !== 'range') return w.date(period.key);
  const [a, b] = period.key.split('/');
  return w.t('period.range', { start: w.date(a), end: w.date(b) });
}

/** A number with its qualifier: "about 207,000", "more than 30,000", "27%". */
export function valueText(o: Pick<Observation, 'value' | 'qualifier' | 'unit'>, w: Words): string {
  const base = o.unit === 'percent' ? `${w.num(o.value)}%` : w.num(o.value);
  return o.qualifier ? w.t(`qualifier.${o.qualifier}`, { value: base }) : base;
}

export function metricName(atlas: Atlas, id: string, w: Words): string {
  const m = atlas.metrics.get(id as never);
  if (!m) return id;
  return w.locale === 'ar' ? m.name_ar : m.name_en;
}

/** The unit in words; civilians counted as children or women are called so. */
export function unitText(unit: string, w: Words, victims: string = 'all'): string {
  if (unit === 'civilians' && victims !== 'all') return w.t(`unit.civilians.${victims}`);
  return w.t(`unit.${unit}`);
}

/** A perpetrator id (or `a+b`, `all`, `unattributed`) in words. */
export function perpName(atlas: Atlas, id: string, w: Words): string {
  if (id === 'all') return w.t('perp.all');
  if (id === 'unattributed') return w.t('perp.unattributed');
  return id
    .split('+')
    .map((part) => {
      const p = atlas.dataset.perpetrators.find((x) => x.id === part);
      return p ? (w.locale === 'ar' ? p.name_ar : p.name_en) : part;
    })
    .join(' + ');
}

/** An area code (`SY-HL`, `SY-DI+SY-RD`, `SY`) in words. */
export function areaName(atlas: Atlas, code: string, w: Words): string {
  return code
    .split('+')
    .map((c) => {
      const a = atlas.dataset.areas.find((x) => x.code === c);
      return a ? (w.locale === 'ar' ? a.name_ar : a.name_en) : c;
    })
    .join(' + ');
}

/** "Syrian Network for Human Rights, “Title”, 2 Jan 2025" (+ "quoting SNHR" for an outlet). */
export function citation(source: Source, w: Words): string {
  // publisher and title are isolated runs: a title in the other script cannot reorder the line
  const line = w.t('source.line', { publisher: isolate(source.publisher), title: isolate(source.title), date: w.date(source.date) });
  return source.role === 'secondary' ? `${line} (${w.t('source.secondary')})` : line;
}

/** Unique sources of a list of figures, newest first. */
export function sourcesOf(atlas: Atlas, figures: (Figure | null)[]): Source[] {
  const ids = new Set<string>();
  for (const f of figures) if (f) ids.add(f.shown.source);
  return [...ids]
    .map((id) => atlas.sources.get(id))
    .filter((s): s is Source => !!s)
    .sort((a, b) => b.date.localeCompare(a.date));
}

/**
 * "Barrel bombs dropped · Jul 2015 · Russian forces": the view's title. It names the period the
 * map answers for (a table published within a year is named as such, never as the year), so that
 * the title, the caption, the legend and the figures name one period.
 */
export function viewTitle(atlas: Atlas, q: Query, w: Words): string {
  const parts = [metricName(atlas, q.metric, w)];
  parts.push(periodLabel(mapPeriod(atlas, q), w));
  if (q.perp !== 'all') parts.push(perpName(atlas, q.perp, w));
  if (q.victims !== 'all') parts.push(w.t(`victims.${q.victims}`));
  return parts.join(' · ');
}

/**
 * The map's caption: the period of the governorate table drawn, and — for a table published within
 * the chosen year — that it is that period's table, not the year's total.
 */
export function mapCaption(map: { hasBreakdown: boolean; period: Period | null }, year: number | null, w: Words): string {
  const period = periodLabel(map.period, w);
  if (!map.hasBreakdown) return w.t('map.caption.gap', { period });
  const line = w.t('map.caption.table', { period });
  const within = year !== null && map.period !== null && !isWholeYear(map.period);
  return within ? `${line}. ${w.t('tables.period.within', { period, year: String(year) })}` : line;
}
