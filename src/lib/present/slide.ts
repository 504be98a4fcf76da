/**
 * What a slide says besides its map and timeline: the figures in large type and the sources they
 * came from, chosen from the view's selections. Pure: the presentation page, the printed deck, the
 * presenter window and the tests all call it.
 *
 * The figures: the national figure for the map's period; the three highest governorates of the
 * map's table; and, where the timeline has no yearly bar, the published running totals. Sources
 * are split in two: those of the figures on screen (cited in full on every slide), and those of the
 * timeline's bars (too many for a projector: counted and dated on screen, listed in print).
 *
 * Deliberately ignores: any figure not published as such (no sums, no shares computed here).
 */
import { figureOf, type Atlas } from '../data/select';
import type { Figure, MapSelection, Query, TimeSelection } from '../data/selection';
import { parseView, type ViewParams } from '../state/url';
import { viewModel } from '../state/model';
import type { Source } from '../data/types';
import { metricName, periodLabel, perpName, sourcesOf, type Words } from '../data/describe';

export interface SlideFigure {
  /** `national`, a governorate code, or `cumulative:<period>` */
  key: string;
  kind: 'national' | 'area' | 'party' | 'cumulative';
  /** the area code (for `area`), the perpetrator id (for `party`), or the period key (for `cumulative`) */
  label: string;
  figure: Figure;
}

export interface SlideFacts {
  figures: SlideFigure[];
  /** sources of the figures shown in words and of the map's table, newest first */
  sources: Source[];
  /** sources of the timeline's bars not already in `sources`, newest first */
  timelineSources: Source[];
}

export const TOP_AREAS = 3;
export const TOP_PARTIES = 3;
export const MAX_CUMULATIVE = 3;

export function slideFacts(atlas: Atlas, map: MapSelection, time: TimeSelection): SlideFacts {
  const figures: SlideFigure[] = [];
  if (map.national) figures.push({ key: 'national', kind: 'national', label: 'SY', figure: map.national });
  const areas = map.cells
    .filter((c) => c.status === 'value' && c.figure && c.figure.shown.unit !== 'percent')
    .sort((a, b) => b.figure!.shown.value - a.figure!.shown.value || a.area.localeCompare(b.area))
    .slice(0, TOP_AREAS);
  for (const c of areas) figures.push({ key: c.area, kind: 'area', label: c.area, figure: c.figure! });
  if (areas.length === 0 && map.national && map.query.perp === 'all') {
    for (const f of partsOf(atlas, map.national).slice(0, TOP_PARTIES))
      figures.push({ key: `party:${f.shown.perp}`, kind: 'party', label: f.shown.perp, figure: f });
  }
  const drawn = time.years.some((b) => b.status !== 'gap');
  if (!drawn) {
    const national = map.national?.shown.period;
    const cumulative = [...time.cumulative]
      .filter((f) => f.shown.period !== national)
      .sort((a, b) => b.shown.period.localeCompare(a.shown.period))
      .slice(0, MAX_CUMULATIVE);
    for (const f of cumulative) figures.push({ key: `cumulative:${f.shown.period}`, kind: 'cumulative', label: f.shown.period, figure: f });
  }

  const mapFigures = [map.national, ...map.cells.map((c) => c.figure), ...figures.map((f) => f.figure)];
  const sources = sourcesOf(atlas, mapFigures);
  const seen = new Set(sources.map((s) => s.id));
  const bars = [...time.years, ...time.months];
  const timelineSources = sourcesOf(
    atlas,
    bars.flatMap((b) => [b.total, ...b.segments.map((s) => s.figure)]),
  ).filter((s) => !seen.has(s.id));
  return { figures, sources, timelineSources };
}

/**
 * The parties' figures published for the same measure, period, victims and unit as a national
 * figure (the split SNHR gave), largest first. Sub-parties (with a parent) are left out.
 */
export function partsOf(atlas: Atlas, national: Figure): Figure[] {
  const o = national.shown;
  const sole = atlas.metrics.get(o.metric)?.sole_perpetrator;
  const byPerp = new Map<string, typeof atlas.dataset.observations>();
  for (const r of atlas.byMetric.get(o.metric) ?? []) {
    if (r.area !== 'SY' || r.period !== o.period || r.victims !== o.victims || r.unit !== o.unit) continue;
    if (r.perp === 'all' || r.perp === sole || r.perp === o.perp) continue;
    if (atlas.dataset.perpetrators.find((p) => p.id === r.perp)?.parent) continue;
    const list = byPerp.get(r.perp);
    if (list) list.push(r);
    else byPerp.set(r.perp, [r]);
  }
  return [...byPerp.values()].map((rows) => figureOf(atlas, rows)!).sort((a, b) => b.shown.value - a.shown.value || a.shown.perp.localeCompare(b.shown.perp));
}

/** The first and last publication dates of a list of sources (for "12 publications, 2014 – 2025"). */
export function dateSpan(sources: readonly Source[]): { first: string; last: string } | null {
  if (sources.length === 0) return null;
  const dates = sources.map((s) => s.date).sort();
  return { first: dates[0], last: dates[dates.length - 1] };
}

export interface SlideView {
  params: ViewParams;
  query: Query;
  map: MapSelection;
  time: TimeSelection;
}

/**
 * A slide's view without a ViewState, for the printed deck and the presenter window: the view
 * model's normalisation and selections (model.ts), as `ViewState` shows them. `view` is the
 * slide's filters (`slideParams(slide)` in deck.ts) or its view string.
 */
export function slideView(atlas: Atlas, view: string | Readonly<ViewParams>): SlideView {
  const m = viewModel(atlas, typeof view === 'string' ? parseView(view) : view);
  return { params: m.params, query: m.query, map: m.map, time: m.time };
}

/**
 * What the slide shows, in words: the measure, the period the map and the national figure answer
 * for (the governorate table's period under "all years"), the party and the victims.
 */
export function slideSubtitle(atlas: Atlas, query: Query, map: MapSelection, w: Words): string {
  const parts = [metricName(atlas, query.metric, w)];
  parts.push(map.period ? periodLabel(map.period, w) : periodLabel(query.period ?? (query.year === null ? null : String(query.year)), w));
  if (query.perp !== 'all') parts.push(perpName(atlas, query.perp, w));
  if (query.victims !== 'all') parts.push(w.t(`victims.${query.victims}`));
  return parts.join(' · ');
}

/**
 * Sources grouped by publisher, for the printed list of the timeline's sources: publisher and dates
 * only ("Syrian Network for Human Rights: 2 Jan 2025, 1 Jan 2024"), most cited publisher first.
 */
export function byPublisher(sources: readonly Source[]): { publisher: string; sources: Source[] }[] {
  const groups = new Map<string, Source[]>();
  for (const s of sources) {
    const list = groups.get(s.publisher);
    if (list) list.push(s);
    else groups.set(s.publisher, [s]);
  }
  return [...groups]
    .map(([publisher, list]) => ({ publisher, sources: [...list].sort((a, b) => b.date.localeCompare(a.date)) }))
    .sort((a, b) => b.sources.length - a.sources.length || a.publisher.localeCompare(b.publisher));
}
