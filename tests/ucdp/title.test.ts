// The UCDP view's title (ucdpTitle in ucdp/describe.ts), the one the explorer, the embed, the slide
// and the exported image show: it names UCDP once, in English and Arabic, for every measure, period,
// side and type of violence (the menu's measure names carry "(UCDP)"; the title has its own).
import { describe, expect, it } from 'vitest';
import enUcdp from '../../src/lib/i18n/en/ucdp';
import arUcdp from '../../src/lib/i18n/ar/ucdp';
import { formatDate, interpolate, type Locale } from '../../src/lib/i18n/i18n.svelte';
import { ucdpTitle } from '../../src/lib/ucdp/describe';
import { DEFAULT_UCDP, UCDP_MEASURES, type UcdpParams } from '../../src/lib/ucdp/url';

function words(locale: Locale) {
  const catalog: Record<string, string> = locale === 'ar' ? arUcdp : enUcdp;
  return {
    locale,
    comma: locale === 'ar' ? '، ' : ', ',
    date: (iso: string) => formatDate(iso, locale),
    t: (key: string, params?: Record<string, string | number>) => {
      const template = catalog[key];
      if (template === undefined) throw new Error(`no ${locale} message ${key}`);
      return interpolate(template, params, locale);
    },
  };
}

const count = (s: string, word: string) => s.split(word).length - 1;

describe('the UCDP view’s title', () => {
  it('reads naturally in English', () => {
    const w = words('en');
    expect(ucdpTitle({ ...DEFAULT_UCDP, measure: 'civilians', year: 2017 }, w)).toBe('Civilian deaths recorded by UCDP, 2017');
    expect(ucdpTitle({ ...DEFAULT_UCDP, measure: 'deaths', year: 2019, month: 3, side: 'Government of Syria', type: 1 }, w)).toBe(
      'Deaths in organised violence (all deaths, best estimate) recorded by UCDP, Mar 2019, side A: Government of Syria, State-based',
    );
  });

  it('reads naturally in Arabic', () => {
    expect(ucdpTitle({ ...DEFAULT_UCDP, measure: 'civilians', year: 2017 }, words('ar'))).toBe('الوفيات بين المدنيين كما سجّلها برنامج أوبسالا (UCDP)، 2017');
  });

  for (const locale of ['en', 'ar'] as const)
    for (const measure of UCDP_MEASURES)
      it(`names UCDP once (${locale}, ${measure}), whatever the period, side and type`, () => {
        const w = words(locale);
        const views: UcdpParams[] = [null, 2016, 2019].flatMap((year) =>
          [null, 6].flatMap((month) =>
            [null, 'Government of Syria'].flatMap((side) =>
              [null, 1, 2, 3].map((type) => ({ ...DEFAULT_UCDP, measure, year, month: year === null ? null : month, side, type }) as UcdpParams),
            ),
          ),
        );
        for (const u of views) {
          const title = ucdpTitle(u, w);
          expect(count(title, 'UCDP'), title).toBe(1);
          expect(count(title, 'Uppsala') + count(title, 'أوبسالا'), title).toBeLessThanOrEqual(1);
        }
      });
});
