/**
 * The message catalog and number/date formatting, as one reactive object shared by every shell.
 * English first; Arabic (right-to-left) is a second catalog with the same keys, loaded on demand by
 * `setLocale('ar')`. Components call `i18n.t('key', { n: … })`; a key missing from the Arabic
 * catalog falls back to English, and one missing from both shows the key itself, so a gap in a
 * catalog is visible, never silent. Deliberately ignores plural rules beyond one/other: the
 * catalogs pick their own wording with `{n}` placeholders.
 */
import { en } from './en';

export type Locale = 'en' | 'ar';
export type Catalog = Record<string, string>;
export type Params = Record<string, string | number>;

// Until `setLocale('ar')` has loaded the Arabic catalog, Arabic falls back to English.
const catalogs: Record<Locale, Catalog> = { en: { ...en }, ar: en };

/** Fills `{name}` placeholders; numbers are formatted for the locale. */
export function interpolate(template: string, params: Params | undefined, locale: Locale): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? formatNumber(v, locale) : v;
  });
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();
/**
 * Arabic keeps Latin digits (`ar-SY-u-nu-latn`: 1,234 rather than ١٬٢٣٤) on purpose: every figure
 * must read exactly as in SNHR's English reports and in the exports (CSV, images, citations), so
 * that a reader can check one against the other. Dates in Arabic use Latin digits for the same reason.
 */
export function formatNumber(n: number, locale: Locale = 'en'): string {
  let f = numberFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'ar' ? 'ar-SY-u-nu-latn' : 'en-GB', { maximumFractionDigits: 1 });
    numberFormats.set(locale, f);
  }
  return f.format(n);
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2015` → "2015"; `2015-07` → "Jul 2015"; `2015-07-09` → "9 Jul 2015". */
export function formatDate(iso: string, locale: Locale = 'en'): string {
  const [y, m, d] = iso.split('-');
  if (!m) return y;
  if (locale === 'ar') {
    const opts: Intl.DateTimeFormatOptions = d
      ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { month: 'long', year: 'numeric', timeZone: 'UTC' };
    return new Intl.DateTimeFormat('ar-SY-u-nu-latn', opts).format(new Date(Date.UTC(+y, +m - 1, d ? +d : 1)));
  }
  const month = MONTHS_EN[+m - 1];
  return d ? `${+d} ${month} ${y}` : `${month} ${y}`;
}

/**
 * A month's name for chart axes. Arabic uses the Levantine names SNHR writes (كانون الثاني, شباط…,
 * as `ar-SY` gives them) and, where space is tight, the month's number: Arabic has no one-letter
 * abbreviation. English keeps the chart's own short names (this returns them too, for symmetry).
 */
export function formatMonth(month: number, style: 'short' | 'narrow', locale: Locale): string {
  if (locale === 'ar') {
    if (style === 'narrow') return String(month);
    return new Intl.DateTimeFormat('ar-SY-u-nu-latn', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2001, month - 1, 1)));
  }
  const name = MONTHS_EN[month - 1];
  return style === 'narrow' ? name.slice(0, 1) : name;
}

export class I18n {
  locale: Locale = $state('en');
  readonly catalog: Catalog = $derived(catalogs[this.locale]);
  readonly dir: 'ltr' | 'rtl' = $derived(this.locale === 'ar' ? 'rtl' : 'ltr');
  /** the comma between the items of a list: Arabic has its own (،) */
  readonly comma: string = $derived(this.locale === 'ar' ? '، ' : ', ');

  t = (key: string, params?: Params): string => {
    const template = this.catalog[key] ?? catalogs.en[key] ?? key;
    return interpolate(template, params, this.locale);
  };
  num = (n: number): string => formatNumber(n, this.locale);
  date = (iso: string): string => formatDate(iso, this.locale);
}

/** The one translator of the page. */
export const i18n = new I18n();

/**
 * Adds a part of the English catalog that only some pages need (the methods page's), before they
 * render. Arabic loads whole, so only English needs this.
 */
export function addMessages(messages: Catalog): void {
  Object.assign(catalogs.en, messages);
}

/** Registers a catalog (`setLocale('ar')` registers the Arabic one when it is first needed). */
export function registerCatalog(locale: Locale, catalog: Catalog): void {
  catalogs[locale] = catalog;
}

let arabic: Promise<void> | null = null;

/**
 * The Arabic catalog and the Noto Sans Arabic font, fetched the first time Arabic is shown: both
 * are separate chunks, so a page in English never downloads them.
 */
function loadArabic(): Promise<void> {
  arabic ??= Promise.all([
    import('./ar').then((m) => registerCatalog('ar', m.ar)),
    import('@fontsource/noto-sans-arabic/arabic-400.css'),
    import('@fontsource/noto-sans-arabic/arabic-700.css'),
  ]).then(
    () => undefined,
    (err: unknown) => {
      arabic = null; // let a later call try again
      throw err;
    },
  );
  return arabic;
}

let requested: Locale = 'en';

/**
 * Shows the page in `locale`: loads what it needs, then switches the catalog and the document's
 * `lang` and `dir` together, so the page never shows English text laid out right-to-left. If the
 * Arabic catalog cannot be loaded the page stays in English (and says so in the console).
 */
export async function setLocale(locale: Locale, doc: Document | undefined = globalThis.document): Promise<void> {
  requested = locale;
  if (locale === 'ar') {
    try {
      await loadArabic();
    } catch (err) {
      console.warn('The Arabic interface could not be loaded; staying in English.', err);
      return;
    }
    if (requested !== locale) return; // the reader switched again while Arabic was loading
  }
  i18n.locale = locale;
  if (doc) {
    doc.documentElement.lang = locale;
    doc.documentElement.dir = i18n.dir;
  }
}
