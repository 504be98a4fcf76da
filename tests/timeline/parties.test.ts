/**
 * Every party of data/perpetrators.csv has a short name in both languages and a colour of its own,
 * so a stack never shows a raw id and no two parties share a colour.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/data/csv';
import en from '../../src/lib/i18n/en/timeline';
import ar from '../../src/lib/i18n/ar/timeline';
import { COMBINED_COLORS, FALLBACK_COLOR, PERP_COLORS, SINGLE_SERIES_COLOR, perpColor } from '../../src/lib/timeline/colors';

const table = parseCsv(readFileSync(resolve(import.meta.dirname, '../../data/perpetrators.csv'), 'utf8'));
const ids = table.records.map((r) => r.values[table.header.indexOf('id')].trim());

describe('the parties of the data', () => {
  it('are read from data/perpetrators.csv', () => {
    expect(ids.length).toBeGreaterThan(10);
    expect(ids).toContain('government');
  });

  it.each(ids)('%s has a short name in English and Arabic', (id) => {
    expect((en as Record<string, string>)[`timeline.perp.${id}`]).toBeTruthy();
    expect((ar as Record<string, string>)[`timeline.perp.${id}`]).toBeTruthy();
  });

  it('each has a colour of its own, apart from the fallback, combined and single-series colours', () => {
    const colours = ids.map((id) => perpColor(id).toUpperCase());
    expect(new Set(colours).size).toBe(ids.length);
    const reserved = [FALLBACK_COLOR, SINGLE_SERIES_COLOR, ...COMBINED_COLORS].map((c) => c.toUpperCase());
    for (const [k, c] of ids.map((id, k) => [id, colours[k]] as const)) expect(reserved, k).not.toContain(c);
    expect(Object.keys(PERP_COLORS).sort()).toEqual([...ids].sort());
  });
});
