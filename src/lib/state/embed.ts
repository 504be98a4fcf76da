/**
 * The embed's own query parameters, on top of the view's (`parseView`/`serializeView` in
 * state/url.ts, whose meaning this module never changes): what to show, whether the filters are
 * shown, the colour theme, and whether the zoomable MapLibre map may load. A pair of pure
 * functions like the view's: `parseEmbed` never throws and gives the default for anything it does
 * not know; `embedQuery` writes `show` and `theme` explicitly so that a published embed keeps its
 * look when the defaults change.
 *
 * Deliberately ignores the parameters pym.js adds to the iframe's URL (`initialWidth`, `childId`,
 * `parentTitle`, `parentUrl`): `share/resize.ts` reads `childId`; the rest is dropped.
 */
import { serializeView, type ViewParams } from './url';

/** `table`: the governorate table alone; `both`: map, timeline and (folded) the governorate table */
export type Show = 'map' | 'timeline' | 'both' | 'table';
export type Theme = 'light' | 'dark';

export interface EmbedParams {
  /** `show=map|timeline|both|table` */
  show: Show;
  /** `controls=1`: the filters are shown and the reader can change the view */
  controls: boolean;
  /** `theme=light|dark` */
  theme: Theme;
  /** `zoom=1`: load the zoomable MapLibre map after first paint (heavy: off by default) */
  zoom: boolean;
}

export const DEFAULT_EMBED: Readonly<EmbedParams> = Object.freeze({ show: 'both', controls: false, theme: 'light', zoom: false });

const SHOWS: readonly Show[] = ['map', 'timeline', 'both', 'table'];
const THEMES: readonly Theme[] = ['light', 'dark'];
const yes = (v: string | null) => v !== null && ['1', 'true', 'yes'].includes(v.trim().toLowerCase());

export function parseEmbed(search: string): EmbedParams {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { ...DEFAULT_EMBED };
  }
  const show = params.get('show')?.trim().toLowerCase() as Show | undefined;
  const theme = params.get('theme')?.trim().toLowerCase() as Theme | undefined;
  return {
    show: show && SHOWS.includes(show) ? show : DEFAULT_EMBED.show,
    controls: yes(params.get('controls')),
    theme: theme && THEMES.includes(theme) ? theme : DEFAULT_EMBED.theme,
    zoom: yes(params.get('zoom')),
  };
}

/** The embed's query string: the view's (`serializeView`), then `show`, `theme`, and the flags when on. */
export function embedQuery(view: ViewParams, embed: EmbedParams): string {
  const params = new URLSearchParams(serializeView(view));
  params.set('show', embed.show);
  params.set('theme', embed.theme);
  if (embed.controls) params.set('controls', '1');
  if (embed.zoom) params.set('zoom', '1');
  return `?${params.toString().replace(/%2F/g, '/')}`;
}

/** A height for the iframe before (or without) its height messages: about what it draws 600 px wide. */
export function fallbackHeight(embed: Pick<EmbedParams, 'show' | 'controls'>): number {
  const base = embed.show === 'map' ? 680 : embed.show === 'timeline' ? 460 : embed.show === 'table' ? 720 : 960;
  return base + (embed.controls ? 110 : 0);
}
