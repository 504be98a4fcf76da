/**
 * Links and embed code for a view. Pure: the site's absolute base URL is passed in (the page
 * derives it from its own location), so the same functions serve the explorer, the tests and any
 * script.
 *
 * - `viewLink`: the explorer URL of the exact view; every filter is written explicitly
 *   (`serializeView`), so a link keeps its meaning when the defaults change.
 * - `embedSnippet`: an `<iframe>` with a fixed fallback height (used when scripts are off) and the
 *   small host script (`embed.js`) that resizes it from the embed's height messages.
 * - `pymSnippet`: the same embed for pages that already use pym.js.
 * - `fileStem`: the name of an exported file.
 *
 * Deliberately ignores `lang` defaults and theming of the host page: the snippet embeds what the
 * view is, and the host decides its width.
 */
import { serializeView, type ViewParams } from '../state/url';
import { embedQuery, fallbackHeight, type EmbedParams } from '../state/embed';

/** The site's base URL (ending with `/`) from a page URL and the build's base (`./` or `/atlas/`). */
export function siteUrl(pageHref: string, base: string): string {
  const u = new URL(base || './', pageHref);
  u.search = '';
  u.hash = '';
  const s = u.href;
  return s.endsWith('/') ? s : s.replace(/[^/]*$/, '');
}

export function viewLink(site: string, view: ViewParams): string {
  return `${site}${serializeView(view)}`;
}

/**
 * The link the share menu copies: the view's measure page (`m/<metric>/`, written by the build,
 * scripts/cards-plugin.ts), which carries that measure's share card and sends the reader on to the
 * explorer with the same query string. UCDP's record has no measure page: its explorer link.
 */
export function shareLink(site: string, view: ViewParams): string {
  if (view.source === 'ucdp') return viewLink(site, view);
  return `${site}m/${view.metric}/${serializeView(view)}`;
}

export function embedUrl(site: string, view: ViewParams, embed: EmbedParams): string {
  return `${site}embed/${embedQuery(view, embed)}`;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface SnippetInput {
  site: string;
  view: ViewParams;
  embed: EmbedParams;
  /** the view's title, for the iframe's accessible name */
  title: string;
}

/** A stable id for the iframe, from its URL (so that two embeds on one page do not clash). */
export function embedId(url: string): string {
  let h = 2166136261;
  for (let i = 0; i < url.length; i++) h = Math.imul(h ^ url.charCodeAt(i), 16777619);
  return `syria-atlas-${(h >>> 0).toString(36)}`;
}

export function embedSnippet({ site, view, embed, title }: SnippetInput): string {
  const src = embedUrl(site, view, embed);
  const height = fallbackHeight(embed);
  return (
    `<iframe id="${embedId(src)}" src="${attr(src)}" title="${attr(title)}" width="100%" height="${height}" ` +
    `style="border:0;width:100%;max-width:100%;height:${height}px" loading="lazy" data-atlas-embed></iframe>\n` +
    `<script async src="${attr(site)}embed.js"></script>`
  );
}

/**
 * The embed for a page that already loads pym.js: pym creates the iframe and applies our height
 * messages. The snippet does not load pym.js itself (that would be a request to a third party):
 * the host page has its own copy.
 */
export function pymSnippet({ site, view, embed }: SnippetInput): string {
  const src = embedUrl(site, view, embed);
  const id = embedId(src);
  return `<div id="${id}"></div>\n` + `<script>new pym.Parent(${JSON.stringify(id)}, ${JSON.stringify(src).replace(/</g, '\\u003c')}, {});</script>`;
}

/** `syria-atlas_barrel-bombs_2016_all` (+ an extension): a file name for an export that says what the view is. */
export function fileStem(q: { metric: string; year: number | null; period: string | null; perp: string; victims: string; gov: string | null }): string {
  const parts = ['syria-atlas', q.metric, q.period ? q.period.replace(/\//g, '_') : q.year === null ? 'all-years' : String(q.year), q.perp];
  if (q.victims !== 'all') parts.push(q.victims);
  if (q.gov) parts.push(q.gov);
  return parts.join('_').replace(/[^\w.+-]+/g, '-');
}
