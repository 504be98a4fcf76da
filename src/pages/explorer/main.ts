import '../../lib/app/fonts.css';
import '../../lib/app/styles.css';
import { hydrate, mount } from 'svelte';
import Explorer from '../../lib/app/Explorer.svelte';
import { loadPage } from '../../lib/state/page.svelte';
import { explorerPage } from '../../lib/state/plan';
import { siteRoot } from '../../lib/state/paths';
import { setLocale } from '../../lib/i18n/i18n.svelte';
import { parseView, serializeView } from '../../lib/state/url';

// The built page holds the default view, drawn at build time (scripts/prerender-plugin.ts):
// it is on screen before this script runs. Its figures are fetched, then the same components
// take over that DOM (hydration). A link to another view (or language) is drawn by the shell
// itself, from its loading state.
const target = document.getElementById('app')!;
const prerendered = target.dataset.prerendered;
const search = location.search;
const params = parseView(search);

async function start() {
  if (prerendered === undefined) return void mount(Explorer, { target });
  // A link to another view (or language) must not show the default view's figures under its
  // address while its own load: the shell takes over at once, with its loading state, its
  // errors and "Try again" (a stalled or failed request is then said, not hidden).
  if (serializeView(params) !== prerendered || (params.lang ?? 'en') !== 'en') {
    target.replaceChildren();
    return void mount(Explorer, { target });
  }
  try {
    const [loaded] = await Promise.all([loadPage(siteRoot(), explorerPage(params)), setLocale(params.lang ?? 'en')]);
    // the figures were parsed in this task; hydration gets a task of its own (two shorter tasks,
    // and a tap in between is answered)
    await new Promise((r) => setTimeout(r, 0));
    hydrate(Explorer, { target, props: { initial: { ...loaded, search } } });
  } catch {
    // the page state's own loading says what failed and offers a retry
    target.replaceChildren();
    mount(Explorer, { target });
  }
}
void start();
