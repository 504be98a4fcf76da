/**
 * The language a deck is shown in (deck.ts `deckLocale`) and the shipped deck in the reader's
 * language (key-figures.ts `inLanguage`). The decks here are synthetic, except the shipped one.
 */
import { describe, expect, it } from 'vitest';
import { deckLocale, type Deck } from '../../src/lib/present/deck';
import { KEY_FIGURES, KEY_FIGURES_AR, inLanguage } from '../../src/lib/present/decks/key-figures';

const english: Deck = { title: 'Mine', slides: [{ view: '?metric=barrel-bombs&year=all&perp=all', title: 'Barrels', note: '' }] };
const empty: Deck = { title: 'empty', slides: [] };
const arabic: Deck = { title: 'لي', slides: [{ view: '?metric=barrel-bombs&year=all&perp=all&lang=ar', title: 'براميل', note: '' }] };

describe('deckLocale', () => {
  it.each([
    ['?lang=ar', english, 'ar'],
    ['?lang=en', arabic, 'en'],
    ['', english, 'en'],
    ['', arabic, 'ar'],
    ['?lang=fr', arabic, 'ar'],
    ['?lang=fr', english, 'en'],
    ['', empty, 'en'],
  ] as const)('page %j, deck %#: %s', (search, deck, expected) => {
    expect(deckLocale(search, deck)).toBe(expected);
  });
});

describe('inLanguage', () => {
  it('gives the shipped deck in the reader’s language, either way', () => {
    expect(inLanguage(KEY_FIGURES, 'ar')).toBe(KEY_FIGURES_AR);
    expect(inLanguage(KEY_FIGURES_AR, 'en')).toBe(KEY_FIGURES);
    expect(inLanguage(KEY_FIGURES, 'en')).toBe(KEY_FIGURES);
  });
  it('keeps an author’s deck, its words included', () => {
    expect(inLanguage(english, 'ar')).toBe(english);
    const edited = { ...KEY_FIGURES, slides: [{ ...KEY_FIGURES.slides[0], title: 'My own title' }, ...KEY_FIGURES.slides.slice(1)] };
    expect(inLanguage(edited, 'ar')).toBe(edited);
  });
});
