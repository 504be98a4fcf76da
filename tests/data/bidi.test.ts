/**
 * Bidirectional isolation (src/lib/data/bidi.ts), with real source titles from data/sources in
 * both directions: an Arabic title in an English citation and an English one in an Arabic
 * citation each stay one isolated run, so the sentence's quotation marks and date keep their place.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FSI, PDI, balanceLines, isolate, stripIsolates } from '../../src/lib/data/bidi';
import { citation } from '../../src/lib/data/describe';
import { parseCsv } from '../../src/lib/data/csv';
import type { Source } from '../../src/lib/data/types';
import { i18n, setLocale } from '../../src/lib/i18n/i18n.svelte';
import { wrapText } from '../../src/lib/share/exportSvg';

const table = parseCsv(readFileSync(join(import.meta.dirname, '../../data/sources/deaths.csv'), 'utf8'));
const rows = table.records.map((r) => Object.fromEntries(table.header.map((h, i) => [h, r.values[i]])) as Record<string, string>);
const real = (language: string) => {
  const r = rows.find((x) => x.language === language && /[A-Za-z0-9]/.test(x.title) && x.title.length > 40);
  if (!r) throw new Error(`no ${language} source title in data/sources/deaths.csv`);
  return { ...r, role: r.role as Source['role'] } as unknown as Source;
};
/** An isolated run: what lies between an FSI and its PDI, in order. */
const runs = (text: string) => [...text.matchAll(/\u2068([^\u2068\u2069]*)\u2069/g)].map((m) => m[1]);

describe('isolate', () => {
  it.each([
    ['', ''],
    ['Aleppo', `${FSI}Aleppo${PDI}`],
    [`${FSI}Aleppo${PDI}`, `${FSI}Aleppo${PDI}`],
    [`${FSI}a${PDI} and ${FSI}b${PDI}`, `${FSI}${FSI}a${PDI} and ${FSI}b${PDI}${PDI}`],
  ])('%j', (text, expected) => {
    expect(isolate(text)).toBe(expected);
    expect(stripIsolates(isolate(text))).toBe(stripIsolates(text));
  });
});

describe('citations of real sources, both directions', () => {
  const arabic = real('ar');
  const english = real('en');
  it('has a real Arabic title with Latin digits or letters in it, and a real English one', () => {
    expect(arabic.title).toMatch(/[\u0600-\u06FF]/);
    expect(english.title).not.toMatch(/[\u0600-\u06FF]/);
  });
  for (const locale of ['en', 'ar'] as const) {
    it(`${locale}: publisher and title are each one isolated run, inside the sentence's quotation marks`, async () => {
      await setLocale(locale, undefined);
      for (const s of [arabic, english]) {
        const line = citation(s, i18n);
        expect(runs(line)).toEqual([s.publisher, s.title]);
        const [open, close] = locale === 'ar' ? ['«', '»'] : ['“', '”'];
        expect(line).toContain(`${open}${FSI}${s.title}${PDI}${close}`);
        // the date follows the title's run, outside it
        expect(line.indexOf(i18n.date(s.date))).toBeGreaterThan(line.lastIndexOf(PDI));
      }
      await setLocale('en', undefined);
    });
  }
});

describe('balanceLines and wrapped exports', () => {
  it('closes a run cut across lines and reopens it on the next', () => {
    expect(balanceLines([`a ${FSI}b c`, `d${PDI} e`])).toEqual([`a ${FSI}b c${PDI}`, `${FSI}d${PDI} e`]);
  });
  it('wraps a real mixed-script citation into balanced lines', () => {
    const line = citation(real('ar'), i18n);
    const lines = wrapText(line, 160, 12, 6);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) {
      const opens = [...l].filter((c) => c === FSI).length;
      const closes = [...l].filter((c) => c === PDI).length;
      expect(opens).toBe(closes);
    }
  });
});
