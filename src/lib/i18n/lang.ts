/**
 * The interface language in addresses: the language switch and the links between pages keep the
 * reader's view and every other query parameter, and only set `lang`. Pure string work on URLs;
 * deliberately ignores the language of the browser (the URL decides, so a shared link opens in the
 * language it was shared in).
 */
import type { Locale } from './i18n.svelte';

/** `href` (absolute, or relative to `base`) with `lang` set, everything else kept. */
export function hrefWithLang(href: string, lang: Locale, base = 'http://localhost/'): string {
  const relative = !/^[a-z][a-z0-9+.-]*:/i.test(href);
  const url = new URL(href, base);
  url.searchParams.set('lang', lang);
  if (!relative) return url.href;
  // keep a relative link relative (the build is served from any folder)
  const [path] = href.split(/[?#]/);
  return `${path}${url.search.replace(/%2F/g, '/')}${url.hash}`;
}

/** A link to another page of the site in the current language (English links stay clean). */
export function pageHref(path: string, lang: Locale): string {
  return lang === 'en' ? path : hrefWithLang(path, lang);
}
