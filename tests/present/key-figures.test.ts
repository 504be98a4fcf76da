/**
 * The shipped deck against the built data (static/data/atlas.json, written by `npm run data`):
 * every slide must find a published national figure and cite its source, and the deck's text
 * must carry no number, so that it cannot drift from the data.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexDataset } from '../../src/lib/data/select';
import { parseDataset } from '../../src/lib/data/load';
import { KEY_FIGURES, KEY_FIGURES_AR } from '../../src/lib/present/decks/key-figures';
import { slideFacts, slideView } from '../../src/lib/present/slide';
import { normalizeViewString, validateDeck, deckFromFile, deckToFile } from '../../src/lib/present/deck';

const file = join(import.meta.dirname, '../../static/data/atlas.json');
const data = existsSync(file) ? parseDataset(readFileSync(file, 'utf8')) : null;

describe('the key figures deck', () => {
  it('is a valid deck whose views are already normalised', () => {
    expect(validateDeck(KEY_FIGURES)).toEqual({ ok: true, value: KEY_FIGURES });
    for (const s of KEY_FIGURES.slides) expect(normalizeViewString(s.view)).toBe(s.view);
    expect(deckFromFile(deckToFile(KEY_FIGURES))).toEqual({ ok: true, value: KEY_FIGURES });
  });
  it('has a plain-words title and a short note on every slide, with no number typed in', () => {
    for (const s of KEY_FIGURES.slides) {
      expect(s.title.length).toBeGreaterThan(5);
      expect(s.note.length).toBeGreaterThan(20);
      expect(s.note.length).toBeLessThan(400);
      // years and resolution numbers only: a count typed here could drift from the data
      const numbers = `${s.title} ${s.note}`.replace(/resolution \d+/gi, '').match(/\d+(?:[.,]\d+)*/g) ?? [];
      for (const n of numbers) expect(n, s.title).toMatch(/^20[1-3]\d$/);
    }
  });
  it('covers the key measures', () => {
    const metrics = new Set(KEY_FIGURES.slides.map((s) => new URLSearchParams(s.view.slice(1)).get('metric')));
    for (const m of ['civilian-deaths', 'barrel-bombs', 'landmine-deaths', 'cluster-attacks']) expect(metrics).toContain(m);
  });
  it.skipIf(!data).each(KEY_FIGURES.slides.map((s, i) => [i + 1, s.title, s.view] as const))(
    'slide %i (%s) finds a published figure with its source in the data',
    (_, __, view) => {
      const atlas = indexDataset(data!);
      const v = slideView(atlas, view);
      // the view survives normalisation: the data has what it asks for
      expect(v.params.year).toBe(new URLSearchParams(view.slice(1)).get('year') === 'all' ? null : Number(new URLSearchParams(view.slice(1)).get('year')));
      expect(v.params.perp).toBe(new URLSearchParams(view.slice(1)).get('perp'));
      const facts = slideFacts(atlas, v.map, v.time);
      expect(facts.figures.length).toBeGreaterThan(0);
      for (const f of facts.figures) expect(atlas.sources.get(f.figure.shown.source)).toBeDefined();
      expect(facts.sources.length).toBeGreaterThan(0);
    },
  );
  it.skipIf(!data)('maps a governorate table on the barrel-bomb, landmine and massacre slides', () => {
    const atlas = indexDataset(data!);
    for (const s of KEY_FIGURES.slides.filter((x) => /barrel-bombs|landmine|massacres/.test(x.view))) {
      expect(slideView(atlas, s.view).map.hasBreakdown, s.title).toBe(true);
    }
  });
});

describe('the Arabic key figures deck', () => {
  it('has the same views in Arabic, a valid deck, and no number typed in its text', () => {
    expect(validateDeck(KEY_FIGURES_AR)).toEqual({ ok: true, value: KEY_FIGURES_AR });
    expect(KEY_FIGURES_AR.slides.map((s) => s.view)).toEqual(KEY_FIGURES.slides.map((s) => `${s.view}&lang=ar`));
    for (const s of KEY_FIGURES_AR.slides) {
      expect(normalizeViewString(s.view)).toBe(s.view);
      expect(s.title).toMatch(/[\u0600-\u06FF]/);
      expect(s.note).toMatch(/[\u0600-\u06FF]/);
      const numbers = `${s.title} ${s.note}`.replace(/مجلس الأمن \d+/g, '').match(/\d+(?:[.,]\d+)*/g) ?? [];
      for (const n of numbers) expect(n, s.title).toMatch(/^20[1-3]\d$/);
    }
  });
});
