/**
 * The words that go with an exported or embedded view: the source line (one line for an image),
 * the filter summary, the "cite this view" text, and the sources a view draws on. Pure: the
 * translator is passed in (`i18n` fits), as in data/describe.ts, which this builds on.
 *
 * Deliberately ignores citation styles (APA, Chicago…): one plain sentence with the link and the
 * data version says what a reader needs to find the same figures again.
 */
import { areaName, citation, periodLabel, sourcesOf, valueText, type Words } from '../data/describe';
import { isolate } from '../data/bidi';
import { figureSourceShort, partyWording, selectedFigure, selectedWords } from './figure';
import type { Atlas } from '../data/select';
import type { Figure, MapSelection, TimeSelection } from '../data/selection';
import type { Source } from '../data/types';

/** Every figure a view shows: the map's cells and national figure, the bars' totals and parts, the cumulative figures. */
export function viewFigures(map: MapSelection | null, time: TimeSelection | null): Figure[] {
  const out: (Figure | null)[] = [];
  if (map) out.push(map.national, ...map.cells.map((c) => (c.status === 'value' ? c.figure : null)));
  if (time) {
    for (const b of [...time.years, ...time.months]) out.push(b.total, ...b.segments.map((s) => s.figure));
    out.push(...time.cumulative);
  }
  return out.filter((f): f is Figure => f !== null);
}

/** The sources of a view's figures (and of the map's governorate table), newest first. */
export function viewSources(atlas: Atlas, map: MapSelection | null, time: TimeSelection | null): Source[] {
  const figures = viewFigures(map, time);
  const extra = (map?.sources ?? []).map((id) => atlas.sources.get(id)).filter((s): s is Source => !!s);
  const seen = new Map<string, Source>();
  for (const s of [...sourcesOf(atlas, figures), ...extra]) seen.set(s.id, s);
  return [...seen.values()].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}

/**
 * One line naming where the figures come from: the full citation for a single source, else the
 * number of SNHR reports and the span of their dates (and outlets quoting SNHR, named as such).
 */
export function sourceLine(sources: readonly Source[], w: Words): string {
  if (sources.length === 0) return w.t('share.source.none');
  if (sources.length === 1) {
    const s = sources[0];
    // an embed's data names sources by publisher and date only
    return s.title ? citation(s, w) : w.t('share.source.untitled', { publisher: isolate(s.publisher), date: w.date(s.date) });
  }
  const primary = sources.filter((s) => s.role === 'primary');
  const secondary = sources.filter((s) => s.role !== 'primary');
  const span = (list: readonly Source[]) => {
    const dates = list.map((s) => s.date).sort();
    return { from: w.date(dates[0]), to: w.date(dates[dates.length - 1]) };
  };
  if (primary.length === 0) return w.t('share.source.onlySecondary', { n: secondary.length, ...span(secondary) });
  const s = span(primary);
  let line = w.t(s.from === s.to ? 'share.source.manyOneDate' : 'share.source.many', { primary: primary.length, ...s });
  if (secondary.length) line += `; ${w.t('share.source.secondary', { n: secondary.length })}`;
  return line;
}

/** "Year: 2016 · Party: Russian forces · Victims: Children · All of Syria, 2016: 12,958": the filters in words. */
export function filterSummary(atlas: Atlas, map: MapSelection | null, w: Words): string {
  if (!map) return '';
  const q = map.query;
  const parts: string[] = [];
  if (q.period) parts.push(w.t('share.summary.period', { value: periodLabel(q.period, w) }));
  else parts.push(w.t('share.summary.year', { value: periodLabel(q.year === null ? null : String(q.year), w) }));
  // the party as the filter words it ("All by Syrian regime forces")
  parts.push(w.t('share.summary.perp', { value: partyWording(atlas, q.metric, q.perp, w) }));
  if (q.victims !== 'all') parts.push(w.t('share.summary.victims', { value: w.t(`victims.${q.victims}`) }));
  // the selected governorate with its published value, unit and source (its name alone without one)
  const selected = selectedFigure(map);
  if (selected) parts.push(w.t('share.summary.gov', { value: `${selectedWords(atlas, selected, w)} (${figureSourceShort(atlas, selected, w)})` }));
  else if (q.gov) parts.push(w.t('share.summary.gov', { value: isolate(areaName(atlas, q.gov, w)) }));
  if (map.national && map.national.shown.status !== 'derived') {
    parts.push(w.t('share.summary.national', { period: periodLabel(map.national.shown.period, w), value: valueText(map.national.shown, w) }));
  }
  if (!map.hasBreakdown) parts.push(w.t('share.summary.noTable'));
  else if (!q.period && map.period) parts.push(w.t('map.caption.table', { period: periodLabel(map.period, w) }));
  return parts.join(' · ');
}

export interface CiteInput {
  title: string;
  /** the link to the view (explorer URL, absolute) */
  url: string;
  version: string;
  /** `YYYY-MM-DD` */
  accessed: string;
  sources: readonly Source[];
  /** the figure on screen (the selected governorate's, else the national one), cited first */
  figure?: { text: string; source: Source | null } | null;
  /** the sources of the map's governorate table, cited after the figure */
  table?: readonly Source[];
}

/**
 * What "cite this view" cites, in order: the figure on screen (the selected governorate's, else the
 * national figure) with its one source, then the map's governorate table, then the view's other sources.
 */
export function citeParts(atlas: Atlas, map: MapSelection | null, time: TimeSelection | null, w: Words): Pick<CiteInput, 'figure' | 'table' | 'sources'> {
  const all = viewSources(atlas, map, time);
  const f = selectedFigure(map) ?? map?.national ?? null;
  const figure = f
    ? {
        text: `${selectedWords(atlas, f, w)} · ${partyWording(atlas, map!.query.metric, map!.query.perp, w)}`,
        source: atlas.sources.get(f.shown.source) ?? null,
      }
    : null;
  const tableIds = new Set((map?.hasBreakdown ? map.sources : []).filter((id) => id !== figure?.source?.id));
  const table = all.filter((s) => tableIds.has(s.id));
  const sources = all.filter((s) => !tableIds.has(s.id) && s.id !== figure?.source?.id);
  return { figure, table, sources };
}

/** The "cite this view" text: one sentence with link and data version, then every source on its own line. */
export function citeText(input: CiteInput, w: Words): string {
  const head = w.t('share.cite.text', { title: isolate(input.title), url: input.url, version: input.version, date: w.date(input.accessed) });
  const item = (s: Source) => `- ${citation(s, w).replace(/^[^:]+:\s*/, '')}. ${s.url}`;
  const out = [head];
  if (input.figure) {
    out.push('', `${w.t('share.cite.figure')} ${input.figure.text}`);
    if (input.figure.source) out.push(item(input.figure.source));
  }
  if (input.table?.length) out.push('', w.t('share.cite.table'), ...input.table.map(item));
  if (input.sources.length) out.push('', w.t(input.figure || input.table?.length ? 'share.cite.rest' : 'share.cite.sources'), ...input.sources.map(item));
  return out.join('\n');
}
