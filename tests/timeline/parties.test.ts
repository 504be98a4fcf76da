/**
 * Every party in the data — each row of data/perpetrators.csv and each party of every published
 * figure, parties published as one figure (`isis+hts`) included — is named in English and in
 * Arabic and drawn in a colour of its own, by the functions the timeline, its legend and the
 * exports use (from the register the data build writes). So a stack never shows a raw id, and no
 * two parties in the data share a colour.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/data/csv';
import { en as enBase } from '../../src/lib/i18n/en';
import enTimeline from '../../src/lib/i18n/en/timeline';
import { ar } from '../../src/lib/i18n/ar';
import { interpolate, type Locale } from '../../src/lib/i18n/i18n.svelte';
import { COMBINED_COLORS, FALLBACK_COLOR, PERP_COLORS, SINGLE_SERIES_COLOR, perpColor } from '../../src/lib/timeline/colors';
import { perpLabel, type Formatter } from '../../src/lib/timeline/layout';

const data = resolve(import.meta.dirname, '../../data');
const column = (file: string, name: string) => {
  const t = parseCsv(readFileSync(file, 'utf8'));
  const k = t.header.findIndex((h) => h.trim() === name);
  return t.records.map((r) => r.values[k].trim());
};
const listed = column(resolve(data, 'perpetrators.csv'), 'id');
const published = readdirSync(resolve(data, 'observations'))
  .filter((n) => n.endsWith('.csv'))
  .flatMap((n) => column(resolve(data, 'observations', n), 'perpetrator'));
/** every party id in the data: the listed ones, then those only published as one figure */
const parties = [...new Set([...listed, ...published.filter((p) => p !== 'all')])];

// the catalogs as the timeline sees them: English with the timeline's part added, Arabic whole
const catalogs: Record<Locale, Record<string, string>> = { en: { ...enBase, ...enTimeline }, ar };
const fmt = (locale: Locale): Formatter => ({
  t: (key, params) => interpolate(catalogs[locale][key] ?? key, params, locale),
  num: String,
  date: (iso) => iso,
});

describe('the parties of the data', () => {
  it('are read from data/perpetrators.csv and the published figures', () => {
    expect(listed.length).toBeGreaterThan(10);
    expect(listed).toContain('government');
    expect(parties.filter((p) => p.includes('+') && !listed.includes(p)).length).toBeGreaterThan(0);
  });

  it.each(parties)('%s has a name in English and in Arabic', (id) => {
    for (const [locale, script] of [
      ['en', /[A-Za-z]/],
      ['ar', /[\u0600-\u06FF]/],
    ] as const) {
      const name = perpLabel(id, fmt(locale));
      expect(name, `${id} in ${locale}`).not.toBe(id);
      expect(name, `${id} in ${locale}`).not.toContain('timeline.perp');
      expect(name, `${id} in ${locale}`).toMatch(script);
    }
  });

  it('each has a colour of its own, apart from the fallback and single-series colours', () => {
    const colours = parties.map((id) => perpColor(id).toUpperCase());
    const shared = parties.filter((id, k) => colours.indexOf(colours[k]) !== k).map((id) => `${id} ${perpColor(id)}`);
    expect(shared, 'parties sharing a colour').toEqual([]);
    const reserved = [FALLBACK_COLOR, SINGLE_SERIES_COLOR].map((c) => c.toUpperCase());
    for (const [id, c] of parties.map((id, k) => [id, colours[k]] as const)) expect(reserved, id).not.toContain(c);
    // a listed party has its own colour, never one of those kept for parties published as one figure
    for (const id of listed) expect(COMBINED_COLORS, id).not.toContain(perpColor(id));
    expect(Object.keys(PERP_COLORS)).toEqual(listed);
  });
});
