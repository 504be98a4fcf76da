/**
 * Server rendering at build time (scripts/prerender-plugin.ts loads this module through Vite):
 * each page's default view drawn by the same Svelte components as in the browser, so the built
 * HTML shows the map, filters, summary and sources before any script runs, and the scripts
 * hydrate that DOM. Node only; never imported by a page.
 */
import { render } from 'svelte/server';
import Explorer from './Explorer.svelte';
import { loadPage, type Loaded } from '../state/page.svelte';
import { explorerPage } from '../state/plan';
import { viewTitle } from '../data/describe';
import { indexDataset } from '../data/select';
import { i18n } from '../i18n/i18n.svelte';
import { DEFAULT_VIEW, serializeView } from '../state/url';

export interface Prerendered {
  /** markup for the page's `#app` */
  body: string;
  /** what `<svelte:head>` produced */
  head: string;
  /** the document title of the view */
  title: string;
  /** the view drawn, as `serializeView` writes it (the page hydrates only that view) */
  view: string;
}

/**
 * The default view's first load at build time: the explorer's plan (state/plan.ts) carried out by
 * the page state's loader, as in the browser, from the built files (`read`: a path under static/
 * to its text; a file it cannot read is a failed request).
 */
export function loadDefaultView(read: (path: string) => string): Promise<Loaded> {
  return loadPage('./', explorerPage(DEFAULT_VIEW), async (url) => new Response(read(String(url).replace(/^\.\//, ''))));
}

export function renderExplorer(first: Loaded): Prerendered {
  const { body, head } = render(Explorer, { props: { initial: { ...first, search: '' } } });
  const title = `${viewTitle(indexDataset(first.datasets.get(null)!), { ...DEFAULT_VIEW }, i18n)} — ${i18n.t('app.title')}`;
  return { body, head, title, view: serializeView({ ...DEFAULT_VIEW }) };
}
