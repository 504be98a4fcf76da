/**
 * Share cards at build time (scripts/cards-plugin.ts loads this module through Vite in SSR mode):
 * the picture a social network or a chat shows for a link to the atlas. Each measure's card is its
 * default view (that measure, every other filter at its default) drawn exactly like the explorer's
 * wide PNG export (exportSvg.ts), by the same renderers, only through `svelte/server` instead of an
 * off-screen mount; briefing mode gets a card of its own. The plugin turns the SVG into a PNG.
 *
 * Node only; never imported by a page. Deliberately ignores Arabic: a card has one language, and
 * the pages' default language is English.
 */
import { render } from 'svelte/server';
import ChoroplethSvg from '../map/ChoroplethSvg.svelte';
import Timeline from '../timeline/Timeline.svelte';
import { paintMap } from '../map/assemble';
import type { SyriaTopology } from '../map/geo';
import { metricName, viewTitle } from '../data/describe';
import { indexDataset } from '../data/select';
import type { Dataset, MetricId } from '../data/types';
import { DEFAULT_VIEW, type ViewParams } from '../state/url';
import { normalizeParams, viewModel } from '../state/model';
import { addMessages, i18n } from '../i18n/i18n.svelte';
import timelineMessages from '../i18n/en/timeline';
import shareMessages from '../i18n/en/share';
import presentMessages from '../i18n/en/present';
import { filterSummary, sourceLine, viewSources } from './cite';
import { composeExportSvg, escapeXml, FORMATS, layoutExport, wrapText, FONT_STACK, type ExportTexts } from './exportSvg';
import { serializeView } from '../state/url';

addMessages(timelineMessages);
addMessages(shareMessages);
addMessages(presentMessages);

export interface Card {
  /** the standalone SVG, 1200×675 */
  svg: string;
  /** the view's title ("Barrel bombs by governorate, …") */
  title: string;
  /** one plain sentence for `og:description`: filters, sources, the documented-minimum note */
  description: string;
  /** the image's text alternative */
  alt: string;
  /** the measure's name, for a page heading */
  measure: string;
  /** the view's query string (`?metric=…`), as the explorer writes it */
  query: string;
}

/** The first `<svg>…</svg>` of server-rendered markup (hydration comments are valid XML). */
export function firstSvg(html: string): string {
  const start = html.search(/<svg\b/);
  const end = html.lastIndexOf('</svg>');
  return start < 0 || end < 0 ? '' : html.slice(start, end + '</svg>'.length);
}

/** A measure's default view, as the explorer normalises it. */
export function defaultViewOf(dataset: Dataset, metric: MetricId): ViewParams {
  return normalizeParams(indexDataset(dataset), { ...DEFAULT_VIEW, metric });
}

/** The card of a measure's default view; `siteUrl` (or '') is printed as the image's link. */
export function measureCard(dataset: Dataset, topology: SyriaTopology, metric: MetricId, siteUrl: string): Card {
  const atlas = indexDataset(dataset);
  const params = defaultViewOf(dataset, metric);
  const { query, map, time } = viewModel(atlas, params);
  const paint = paintMap(topology, map, { words: i18n });
  const title = viewTitle(atlas, query, i18n);
  const summary = filterSummary(atlas, map, i18n);
  const source = sourceLine(viewSources(atlas, map, time), i18n);
  const texts: ExportTexts = {
    title,
    summary,
    legendTitle: paint.legend.title,
    legend: paint.legend.items,
    note: i18n.t('note.minimum'),
    source,
    url: siteUrl ? `${siteUrl}${serializeView(params)}` : '',
    credit: i18n.t('share.credit'),
  };
  const layout = layoutExport('wide', 'both', texts, 'ltr');
  const mapSvg = layout.map
    ? firstSvg(
        render(ChoroplethSvg, {
          props: {
            governorates: paint.geometry.governorates,
            neighbours: paint.geometry.neighbours,
            neighbourBorders: paint.geometry.borders,
            selection: map,
            scale: paint.scale,
            selected: null,
            width: layout.map.width,
            height: layout.map.height,
            interactive: false,
            title,
          },
        }).body,
      )
    : null;
  const timelineSvg = layout.timeline
    ? firstSvg(
        render(Timeline, {
          props: {
            selection: time,
            width: layout.timeline.width,
            height: layout.timeline.height,
            selectedYear: params.year,
            showTooltip: false,
            sources: atlas.dataset.sources,
          },
        }).body,
      )
    : null;
  const measure = metricName(atlas, metric, i18n);
  return {
    svg: composeExportSvg(layout, { map: mapSvg, timeline: timelineSvg }, title),
    title,
    description: `${summary}. ${i18n.t('note.minimum')} ${source}`.replace(/\s+/g, ' ').trim(),
    alt: `${title}: ${i18n.t('card.alt')}`,
    measure,
    query: serializeView(params),
  };
}

/**
 * Briefing mode's card: its name and what it does, beside the map of the default view (reused
 * from that measure's card, so the figures drawn are the ones the explorer shows).
 */
export function presentCard(explorerCard: Card, siteUrl: string): Pick<Card, 'svg' | 'title' | 'description' | 'alt'> {
  const { width, height } = FORMATS.wide;
  const title = i18n.t('card.present.title');
  const lead = i18n.t('card.present.lead');
  const m = 48;
  const col = 520;
  const titleLines = wrapText(title, col, 44, 3, 700);
  const leadLines = wrapText(lead, col, 22, 6, 400);
  const text = (lines: string[], y0: number, size: number, weight: number, fill: string, lh: number) =>
    lines.map((l, i) => `<text x="${m}" y="${y0 + i * lh}" font-size="${size}" font-weight="${weight}" fill="${fill}">${escapeXml(l)}</text>`).join('');
  const leadTop = 96 + titleLines.length * 54 + 16;
  const credit = siteUrl ? `${i18n.t('share.credit')} · ${siteUrl}present/` : i18n.t('share.credit');
  // the explorer card, scaled into the right-hand column (its own title and sources included)
  const inner = explorerCard.svg
    .replace(/^<\?xml[^>]*>\s*/, '')
    .replace(/<svg\b[^>]*>/, '')
    .replace(/<\/svg>\s*$/, '')
    .replace(/<title>[^<]*<\/title>/, '');
  const pw = width - col - 3 * m;
  const ph = Math.round((pw * height) / width);
  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT_STACK)}">` +
    `<title>${escapeXml(title)}</title><rect width="${width}" height="${height}" fill="#1d1d1f"/>` +
    text(titleLines, 110, 44, 700, '#ffffff', 54) +
    text(leadLines, leadTop + 22, 22, 400, '#d8d8de', 31) +
    `<text x="${m}" y="${height - m}" font-size="18" fill="#c9d7f2">${escapeXml(credit)}</text>` +
    `<svg x="${col + 2 * m}" y="${Math.round((height - ph) / 2)}" width="${pw}" height="${ph}" viewBox="0 0 ${width} ${height}">${inner}</svg>` +
    `</svg>\n`;
  return { svg, title, description: lead, alt: i18n.t('card.present.alt') };
}
