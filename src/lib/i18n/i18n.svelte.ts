/**
 * The message catalog and number/date formatting, as one reactive object shared by every shell.
 * English now; Arabic (right-to-left) plugs in as a second catalog with the same keys. Components
 * call `i18n.t('key', { n: … })`; a missing key shows the key itself, so a gap in a catalog is
 * visible, never silent. Deliberately ignores plural rules beyond one/other: the catalogs pick
 * their own wording with `{n}` placeholders.
 */
import { en } from './en';

export type Locale = 'en' | 'ar';
export type Catalog = Record<string, string>;
export type Params = Record<string, string | number>;

const catalogs: Record<Locale, Catalog> = { en, ar: en };

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

export class I18n {
  locale: Locale = $state('en');
  readonly catalog: Catalog = $derived(catalogs[this.locale]);
  readonly dir: 'ltr' | 'rtl' = $derived(this.locale === 'ar' ? 'rtl' : 'ltr');

  t = (key: string, params?: Params): string => {
    const template = this.catalog[key] ?? catalogs.en[key] ?? key;
    return interpolate(template, params, this.locale);
  };
  num = (n: number): string => formatNumber(n, this.locale);
  date = (iso: string): string => formatDate(iso, this.locale);
}

/** The one translator of the page. */
export const i18n = new I18n();

/** Registers a catalog (used when the Arabic catalog lands). */
export function registerCatalog(locale: Locale, catalog: Catalog): void {
  catalogs[locale] = catalog;
}
