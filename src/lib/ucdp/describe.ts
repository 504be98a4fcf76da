/**
 * UCDP figures in plain words: the period, a governorate's name, a sum with its range and number
 * of events. Pure: the translator is passed in. Every sentence names what UCDP counts (all deaths,
 * best estimate, with UCDP's low–high range), never SNHR's "documented civilians".
 */
import type { UcdpSum } from './select';
import { ucdpPeriod, type UcdpMeasure, type UcdpParams } from './url';

type T = { t: (key: string, params?: Record<string, string | number>) => string; date: (iso: string) => string; locale: string };

const NAMES: Record<string, [string, string]> = {
  'SY-DI': ['Damascus', 'دمشق'],
  'SY-RD': ['Rif Dimashq', 'ريف دمشق'],
  'SY-HL': ['Aleppo', 'حلب'],
  'SY-ID': ['Idlib', 'إدلب'],
  'SY-HM': ['Hama', 'حماة'],
  'SY-HI': ['Homs', 'حمص'],
  'SY-LA': ['Latakia', 'اللاذقية'],
  'SY-TA': ['Tartus', 'طرطوس'],
  'SY-DR': ['Daraa', 'درعا'],
  'SY-SU': ['As-Suwayda', 'السويداء'],
  'SY-QU': ['Quneitra', 'القنيطرة'],
  'SY-DY': ['Deir ez-Zor', 'دير الزور'],
  'SY-RA': ['Raqqa', 'الرقة'],
  'SY-HA': ['Hasaka', 'الحسكة'],
};

/** The 14 governorates' codes, in the order above. */
export const GOVERNORATE_CODES: readonly string[] = Object.keys(NAMES);

export function areaNameOf(code: string, i18n: Pick<T, 'locale'>): string {
  const n = NAMES[code];
  return n ? n[i18n.locale === 'ar' ? 1 : 0] : code;
}

/** null → the whole release; `2017` → 2017; `2017-03` → the month's name. */
export function periodText(period: string | null, i18n: T): string {
  if (period === null) return i18n.t('ucdp.period.all');
  return period.length === 4 ? period : i18n.date(period);
}

/** "1,234 deaths (UCDP's range 1,100–1,500) in 56 events" / "321 civilian deaths in 56 events". */
export function sumText(s: UcdpSum, measure: UcdpMeasure, i18n: T): string {
  if (s.events === 0) return i18n.t('ucdp.sum.none');
  return measure === 'deaths'
    ? i18n.t('ucdp.sum.deaths', { best: s.best, low: s.low, high: s.high, events: s.events })
    : i18n.t('ucdp.sum.civilians', { civilians: s.civilians, events: s.events });
}

/**
 * The UCDP view's title, as the explorer, the embed, the slide and the exported image say it:
 * "Civilian deaths recorded by UCDP, 2017". The measure is named in the title's own words
 * (`ucdp.title.measure.*`), not the menu's, which carry "(UCDP)" and would name UCDP twice.
 */
export function ucdpTitle(u: UcdpParams, i18n: T & { comma: string }): string {
  return (
    i18n.t('ucdp.title', { measure: i18n.t(`ucdp.title.measure.${u.measure}`), period: periodText(ucdpPeriod(u), i18n) }) +
    (u.side ? `${i18n.comma}${i18n.t('ucdp.title.side', { side: u.side })}` : '') +
    (u.type !== null ? `${i18n.comma}${i18n.t(`ucdp.type.${u.type}`)}` : '')
  );
}
