import '../../lib/app/fonts.css';
import '../../lib/app/styles.css';
import '../../lib/present/present.css';
import { mount } from 'svelte';
import Presenter from '../../lib/present/Presenter.svelte';
import { setLocale } from '../../lib/i18n/i18n.svelte';
import { parseView } from '../../lib/state/url';

// The page's language first (Arabic's catalog and font), so that the deck is laid out once, in
// its own direction, rather than drawn left to right and flipped (a layout shift of everything).
const lang = parseView(location.search).lang ?? 'en';
void (lang === 'en' ? Promise.resolve() : setLocale(lang)).finally(() => mount(Presenter, { target: document.getElementById('app')! }));
