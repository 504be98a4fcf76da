// Decks are never lost (issue #14, defect 4): the 201st slide is refused before it is added, a
// kept deck that cannot be read is set aside before anything could overwrite it, and a storage
// that refuses to keep it aside is not overwritten. Decks here are synthetic.
import { describe, expect, it } from 'vitest';
import {
  addSlide,
  ASIDE_KEY,
  asideDecks,
  canAddSlide,
  deckToFile,
  emptyDeck,
  forgetAsideDecks,
  LIMITS,
  readStoredDeck,
  storeDeck,
  STORAGE_KEY,
  type Deck,
  type DeckStorage,
} from '../../src/lib/present/deck';

function memory(data: Record<string, string> = {}, refuse?: (key: string) => boolean): DeckStorage & { data: Record<string, string> } {
  return {
    data,
    getItem: (k) => data[k] ?? null,
    setItem: (k, v) => {
      if (refuse?.(k)) throw new Error('quota');
      data[k] = v;
    },
  };
}
const slide = { view: '?metric=massacres&year=all&perp=all', title: 'synthetic', note: '' };
const deckOf = (n: number): Deck => ({ title: 'mine', slides: Array.from({ length: n }, () => slide) });

describe('a full deck', () => {
  it('refuses the 201st slide before adding it, and leaves the deck as it was', () => {
    const full = deckOf(LIMITS.slides);
    expect(canAddSlide(deckOf(LIMITS.slides - 1))).toBe(true);
    expect(canAddSlide(full)).toBe(false);
    expect(addSlide(full, slide)).toBe(full);
    const s = memory();
    storeDeck(s, full);
    const kept = readStoredDeck(s);
    expect(kept.state === 'ok' && kept.deck.slides.length).toBe(LIMITS.slides);
  });
});

describe('an unreadable kept deck', () => {
  const damaged = deckToFile(deckOf(2)).slice(0, 60);

  it('is set aside when read, and reported with its reasons', () => {
    const s = memory({ [STORAGE_KEY]: damaged });
    const kept = readStoredDeck(s);
    expect(kept.state).toBe('unreadable');
    expect(kept.state === 'unreadable' && kept.errors[0]).toMatch(/not valid JSON/);
    expect(asideDecks(s)).toEqual([damaged]);
    // reading again does not keep a second copy
    readStoredDeck(s);
    expect(asideDecks(s)).toEqual([damaged]);
  });

  it('is set aside before a new deck is stored over it, even if never read', () => {
    const s = memory({ [STORAGE_KEY]: '{"format":"syria-atlas-deck","version":9,"slides":[]}' });
    expect(storeDeck(s, emptyDeck('new'))).toBe(true);
    expect(asideDecks(s)).toEqual(['{"format":"syria-atlas-deck","version":9,"slides":[]}']);
    expect(readStoredDeck(s).state).toBe('ok');
  });

  it('is not overwritten when the storage refuses to keep it aside', () => {
    const s = memory({ [STORAGE_KEY]: damaged }, (k) => k === ASIDE_KEY);
    expect(storeDeck(s, emptyDeck('new'))).toBe(false);
    expect(s.data[STORAGE_KEY]).toBe(damaged);
  });

  it('keeps several, and forgets them only when asked', () => {
    const s = memory({ [ASIDE_KEY]: JSON.stringify(['one']), [STORAGE_KEY]: 'two' });
    readStoredDeck(s);
    expect(asideDecks(s)).toEqual(['one', 'two']);
    forgetAsideDecks(s);
    expect(asideDecks(s)).toEqual([]);
  });

  it('a damaged aside list reads as empty, never throws', () => {
    expect(asideDecks(memory({ [ASIDE_KEY]: '{' }))).toEqual([]);
    expect(asideDecks(memory({ [ASIDE_KEY]: '[1,"x",null]' }))).toEqual(['x']);
    expect(asideDecks(null)).toEqual([]);
  });
});
