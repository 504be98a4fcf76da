/**
 * The Arabic catalog against the English one: every English key translated and no Arabic key left
 * over, the same `{placeholders}`, no key defined in two parts, and Arabic text where the English
 * has words. When you add an English message, add its Arabic in the file of the same name under
 * src/lib/i18n/ar/; the failure messages below say which keys and which files.
 */
import { describe, expect, it } from 'vitest';
import { parts as enParts } from '../../src/lib/i18n/en/parts';
import { parts as arParts } from '../../src/lib/i18n/ar';
import { formatMonth, formatNumber, interpolate } from '../../src/lib/i18n/i18n.svelte';
import { hrefWithLang, pageHref } from '../../src/lib/i18n/lang';
import { EVENTS, localizeEvents } from '../../src/lib/timeline/events';

type Parts = Record<string, Record<string, string>>;

/** key → the parts that define it */
function owners(parts: Parts): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const [part, messages] of Object.entries(parts)) {
    for (const key of Object.keys(messages)) m.set(key, [...(m.get(key) ?? []), part]);
  }
  return m;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const en = owners(enParts);
const ar = owners(arParts);
const enText = Object.assign({}, ...Object.values(enParts)) as Record<string, string>;
const arText = Object.assign({}, ...Object.values(arParts)) as Record<string, string>;

describe('the Arabic catalog mirrors the English one', () => {
  it('has a part for every English part, and no other', () => {
    const missing = Object.keys(enParts).filter((p) => !(p in arParts));
    const extra = Object.keys(arParts).filter((p) => !(p in enParts));
    expect(
      { missing, extra },
      `Arabic parts missing: ${missing.map((p) => `src/lib/i18n/ar/${p}.ts`).join(', ') || 'none'} ` +
        `(copy the English file, translate it, and add it to src/lib/i18n/ar/index.ts); ` +
        `Arabic parts with no English: ${extra.join(', ') || 'none'}`,
    ).toEqual({ missing: [], extra: [] });
  });

  it('translates every English key', () => {
    const missing = [...en.keys()].filter((k) => !ar.has(k));
    const report = missing.map((k) => `  src/lib/i18n/ar/${en.get(k)![0]}.ts: '${k}': '${enText[k]}'`).join('\n');
    expect(missing, `English keys with no Arabic translation (add them in Arabic; the English is shown here):\n${report}`).toEqual([]);
  });

  it('has no Arabic key that English lacks', () => {
    const extra = [...ar.keys()].filter((k) => !en.has(k));
    const report = extra.map((k) => `  src/lib/i18n/ar/${ar.get(k)![0]}.ts: '${k}'`).join('\n');
    expect(extra, `Arabic keys with no English message (renamed or removed in English?):\n${report}`).toEqual([]);
  });

  it('keeps each key in the part of the same name', () => {
    const moved = [...en.keys()]
      .filter((k) => ar.has(k) && ar.get(k)![0] !== en.get(k)![0])
      .map((k) => `  '${k}': English in ${en.get(k)![0]}.ts, Arabic in ${ar.get(k)![0]}.ts`);
    expect(moved, `Keys kept in different parts:\n${moved.join('\n')}`).toEqual([]);
  });

  it('defines no key twice across parts, in either language', () => {
    const twice = [
      ...[...en].filter(([, p]) => p.length > 1).map(([k, p]) => `  en '${k}' in ${p.join(', ')}`),
      ...[...ar].filter(([, p]) => p.length > 1).map(([k, p]) => `  ar '${k}' in ${p.join(', ')}`),
    ];
    expect(twice, `Keys defined in more than one part (a later part silently wins):\n${twice.join('\n')}`).toEqual([]);
  });

  it('keeps the same {placeholders} in every message', () => {
    const wrong = [...en.keys()]
      .filter((k) => k in arText && placeholders(enText[k]).join() !== placeholders(arText[k]).join())
      .map((k) => `  '${k}': English {${placeholders(enText[k]).join('}, {')}}, Arabic {${placeholders(arText[k]).join('}, {')}}`);
    expect(wrong, `Placeholders differ (keep them exactly, untranslated):\n${wrong.join('\n')}`).toEqual([]);
  });

  it('writes Arabic wherever the English has words (no English left untranslated)', () => {
    const words = (s: string) => s.replace(/\{\w+\}/g, '').replace(/\b(SNHR|PNG|SVG|CSV|JSON|Natural Earth|pym\.js|Enter|Esc|[A-Z])\b/g, '');
    const english = Object.entries(arText)
      .filter(([k, v]) => /[A-Za-z]{2}/.test(words(enText[k] ?? '')) && !/[\u0600-\u06FF]/.test(v))
      .map(([k, v]) => `  '${k}': '${v}'`);
    expect(english, `Arabic messages with no Arabic in them:\n${english.join('\n')}`).toEqual([]);
  });

  it('has no empty message', () => {
    const empty = Object.entries(arText)
      .filter(([, v]) => !v.trim())
      .map(([k]) => k);
    expect(empty).toEqual([]);
  });
});

describe('Arabic numbers and months', () => {
  it('keeps Latin digits, grouped as in the English reports', () => {
    for (const n of [0, 7, 1234, 231278, 12.5]) expect(formatNumber(n, 'ar')).toBe(formatNumber(n, 'en'));
    expect(interpolate('{n}', { n: 1234567 }, 'ar')).toMatch(/^[0-9.,]+$/);
  });
  it.each([
    [1, 'short', 'كانون الثاني'],
    [5, 'short', 'أيار'],
    [11, 'short', 'تشرين الثاني'],
    [11, 'narrow', '11'],
    [11, 'short', 'Nov'],
    [11, 'narrow', 'N'],
  ] as const)('month %i (%s)', (m, style, expected) => {
    const locale = /[A-Za-z]/.test(expected) ? 'en' : 'ar';
    expect(formatMonth(m, style, locale)).toBe(expected);
  });
});

describe('timeline events', () => {
  it('have an Arabic label each, used when the page is in Arabic', () => {
    expect(EVENTS.filter((e) => !e.label_ar).map((e) => e.id)).toEqual([]);
    expect(localizeEvents(EVENTS, 'ar').map((e) => e.label)).toEqual(EVENTS.map((e) => e.label_ar));
    expect(localizeEvents(EVENTS, 'en')).toBe(EVENTS);
  });
});

describe('language links', () => {
  it.each([
    ['http://x/?metric=massacres&year=2016&perp=all', 'ar', 'http://x/?metric=massacres&year=2016&perp=all&lang=ar'],
    ['http://x/?metric=massacres&lang=ar&gov=SY-HL#map', 'en', 'http://x/?metric=massacres&lang=en&gov=SY-HL#map'],
    ['http://x/methods/', 'ar', 'http://x/methods/?lang=ar'],
    ['../methods/', 'ar', '../methods/?lang=ar'],
    ['./', 'ar', './?lang=ar'],
    ['./?period=2015-07/2016-01&lang=en', 'ar', './?period=2015-07/2016-01&lang=ar'],
  ] as const)('%s in %s', (href, lang, expected) => {
    expect(hrefWithLang(href, lang)).toBe(expected);
  });
  it('leaves links between pages clean in English', () => {
    expect(pageHref('../methods/', 'en')).toBe('../methods/');
    expect(pageHref('../methods/', 'ar')).toBe('../methods/?lang=ar');
  });
});
