import { describe, expect, it } from 'vitest';
import {
  addSlide,
  clampSlide,
  decodeDeck,
  deckFileName,
  deckFromFile,
  deckHash,
  deckToFile,
  emptyDeck,
  encodeDeck,
  loadStoredDeck,
  moveSlide,
  normalizeViewString,
  parseDeckHash,
  removeSlide,
  retitleDeck,
  slideParams,
  storeDeck,
  STORAGE_KEY,
  updateSlide,
  validateDeck,
  type Deck,
  type Slide,
  type DeckStorage,
} from '../../src/lib/present/deck';

const deck: Deck = {
  title: 'Briefing — Genève, “été” 2025 ✓',
  slides: [
    { view: '?metric=barrel-bombs&year=all&perp=all', title: 'Barrels', note: 'Say: every barrel is the regime’s.' },
    { view: '?metric=civilian-deaths&year=2017&perp=regime', title: 'Deaths 2017', note: '' },
    { view: '?metric=landmine-deaths&year=all&perp=all&v=1fc33652347d', title: 'Mines (pinned data)', note: 'عربي' },
  ],
};

function memory(initial: Record<string, string> = {}): DeckStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
}

describe('views', () => {
  it.each([
    ['?metric=barrel-bombs&year=2015&perp=all', '?metric=barrel-bombs&year=2015&perp=all'],
    ['metric=barrel-bombs', '?metric=barrel-bombs&year=all&perp=all'],
    ['https://atlas.example/?metric=massacres&year=2015&foo=bar', '?metric=massacres&year=2015&perp=all'],
    ['./?year=2015&metric=civilian-deaths&victims=children', '?metric=civilian-deaths&year=2015&perp=all&victims=children'],
    ['?metric=nonsense', null],
    ['?year=2015', null],
    ['', null],
  ])('normalizeViewString(%j) = %j', (input, expected) => {
    expect(normalizeViewString(input)).toBe(expected);
  });
});

describe('slideParams', () => {
  it('parses a slide’s view once: the same filters object for the same view, frozen', () => {
    const p = slideParams(deck.slides[1]);
    expect(p).toMatchObject({ metric: 'civilian-deaths', year: 2017, perp: 'regime', v: null });
    const other: Slide = { ...deck.slides[1], title: 'another slide, the same view' };
    expect(slideParams(other)).toBe(p);
    expect(Object.isFrozen(p)).toBe(true);
    expect(slideParams(deck.slides[2]).v).toBe('1fc33652347d');
  });
  it('leaves the deck formats as they were (the filters are kept beside the slide, not in it)', () => {
    const file = deckToFile(deck);
    const hash = deckHash(deck, 1);
    for (const s of deck.slides) slideParams(s);
    expect(deckToFile(deck)).toBe(file);
    expect(deckHash(deck, 1)).toBe(hash);
    expect(Object.keys(deck.slides[0])).toEqual(['view', 'title', 'note']);
  });
});

describe('editing', () => {
  it('adds at the end', () => {
    const d = addSlide(emptyDeck('x'), deck.slides[0]);
    expect(d.slides).toEqual([deck.slides[0]]);
  });
  it.each([
    [0, 2, ['Deaths 2017', 'Mines (pinned data)', 'Barrels']],
    [2, 0, ['Mines (pinned data)', 'Barrels', 'Deaths 2017']],
    [1, 1, ['Barrels', 'Deaths 2017', 'Mines (pinned data)']],
    [0, 99, ['Deaths 2017', 'Mines (pinned data)', 'Barrels']],
    [1, -5, ['Deaths 2017', 'Barrels', 'Mines (pinned data)']],
    [7, 0, ['Barrels', 'Deaths 2017', 'Mines (pinned data)']],
  ])('moveSlide(%i → %i)', (from, to, titles) => {
    expect(moveSlide(deck, from, to).slides.map((s) => s.title)).toEqual(titles);
  });
  it('removes one slide and ignores an index out of range', () => {
    expect(removeSlide(deck, 1).slides.map((s) => s.title)).toEqual(['Barrels', 'Mines (pinned data)']);
    expect(removeSlide(deck, 3)).toBe(deck);
  });
  it('retitles, edits notes, keeps a valid view when given a bad one', () => {
    const d = updateSlide(deck, 0, { title: 'New', note: 'n', view: '?metric=bogus' });
    expect(d.slides[0]).toEqual({ view: deck.slides[0].view, title: 'New', note: 'n' });
    expect(d.slides[1]).toBe(deck.slides[1]);
    expect(updateSlide(deck, 0, { title: 'x'.repeat(500) }).slides[0].title).toHaveLength(200);
    expect(retitleDeck(deck, 'T').title).toBe('T');
  });
  it('never mutates its input', () => {
    const before = JSON.stringify(deck);
    moveSlide(deck, 0, 2);
    removeSlide(deck, 0);
    updateSlide(deck, 0, { title: 'z' });
    expect(JSON.stringify(deck)).toBe(before);
  });
});

describe('URL', () => {
  it('round-trips a deck through the hash, non-ASCII text included', () => {
    const parsed = parseDeckHash(deckHash(deck, 2));
    expect(parsed.deck).toEqual({ ok: true, value: deck });
    expect(parsed.slide).toBe(2);
    expect(parsed.presenter).toBe(false);
  });
  it('round-trips the presenter flag and the first slide', () => {
    const parsed = parseDeckHash(deckHash(deck, 0, true));
    expect(parsed.slide).toBe(0);
    expect(parsed.presenter).toBe(true);
    expect(deckHash(deck, 0)).not.toContain('slide=');
  });
  it('round-trips the governorate table option (hash and file); a deck without it reads as before', () => {
    const withTable: Deck = {
      ...deck,
      slides: [
        { ...deck.slides[1], table: true },
        { ...deck.slides[0], note: '' },
        { ...deck.slides[0], table: true },
      ],
    };
    expect(parseDeckHash(deckHash(withTable)).deck).toEqual({ ok: true, value: withTable });
    expect(deckFromFile(deckToFile(withTable))).toEqual({ ok: true, value: withTable });
    expect(deckToFile(deck)).not.toContain('"table"');
    expect(JSON.parse(deckToFile(withTable)).slides.map((x: { table?: boolean }) => x.table)).toEqual([true, undefined, true]);
    // switched off: the key goes, so the deck is the same as one that never had it
    expect(updateSlide(withTable, 0, { table: false }).slides[0]).toEqual(deck.slides[1]);
    expect(updateSlide(deck, 1, { table: true }).slides[1].table).toBe(true);
    const bad = validateDeck({ slides: [{ view: deck.slides[0].view, table: 'yes' }] });
    expect(bad.ok).toBe(false);
  });
  it('is compact: URL-safe characters only', () => {
    expect(encodeDeck(deck)).toMatch(/^[A-Za-z0-9_-]+$/);
  });
  it.each([
    ['#', null],
    ['#slide=3', null],
    ['', null],
  ])('a hash without a deck (%j) carries none', (hash, expected) => {
    expect(parseDeckHash(hash).deck).toBe(expected);
  });
  it.each([
    ['#deck=%%%', /damaged/],
    ['#deck=bm90IGpzb24', /damaged/], // "not json"
    ['#deck=' + Buffer.from('{"x":1}').toString('base64url'), /does not hold an atlas deck/],
    ['#deck=' + Buffer.from('{"t":"a","s":[["metric=bogus","x"]]}').toString('base64url'), /Slide 1: .* not an explorer view/],
    ['#deck=' + Buffer.from('{"t":"a","s":[["metric=massacres",5]]}').toString('base64url'), /Slide 1: the title is not text/],
    ['#deck=' + encodeDeck(deck).slice(0, 40), /damaged|not an explorer view|no view/],
  ])('a malformed deck in the hash (%s) is an error with a reason, never a throw', (hash, message) => {
    const parsed = parseDeckHash(hash);
    expect(parsed.deck?.ok).toBe(false);
    if (parsed.deck && !parsed.deck.ok) expect(parsed.deck.errors.join(' ')).toMatch(message);
  });
  it.each([
    ['#deck=x&slide=0', 0],
    ['#deck=x&slide=-4', 0],
    ['#deck=x&slide=2.5', 0],
    ['#deck=x&slide=abc', 0],
    ['#deck=x&slide=12', 11],
  ])('slide number in %s → index %i', (hash, index) => {
    expect(parseDeckHash(hash).slide).toBe(index);
  });
  it.each([
    [5, 3, 2],
    [-1, 3, 0],
    [1, 0, 0],
    [Number.NaN, 3, 0],
  ])('clampSlide(%d, %d) = %d', (i, n, out) => {
    expect(clampSlide(i, n)).toBe(out);
  });
  it('decodes a deck with its notes omitted', () => {
    const code = Buffer.from(JSON.stringify({ t: 'T', s: [['metric=massacres&year=2015', 'M']] })).toString('base64url');
    expect(decodeDeck(code)).toEqual({ ok: true, value: { title: 'T', slides: [{ view: '?metric=massacres&year=2015&perp=all', title: 'M', note: '' }] } });
  });
});

describe('file', () => {
  it('round-trips through the JSON file', () => {
    expect(deckFromFile(deckToFile(deck))).toEqual({ ok: true, value: deck });
  });
  it('reads a file with a byte-order mark and views given as full explorer links', () => {
    const text = '\uFEFF' + JSON.stringify({ title: 'T', slides: [{ view: 'https://x.org/?metric=massacres&year=2015', title: 'M' }] });
    expect(deckFromFile(text)).toEqual({ ok: true, value: { title: 'T', slides: [{ view: '?metric=massacres&year=2015&perp=all', title: 'M', note: '' }] } });
  });
  it.each([
    ['not json at all', /not valid JSON/],
    ['[1,2]', /does not hold a deck/],
    ['{"title":"x"}', /no list of slides/],
    ['{"format":"other","slides":[]}', /not an atlas deck/],
    ['{"version":9,"slides":[]}', /newer version/],
    ['{"title":7,"slides":[]}', /title is not text/],
    ['{"slides":[1]}', /Slide 1 is not an object/],
    ['{"slides":[{"title":"a"}]}', /Slide 1 has no view/],
    ['{"slides":[{"view":"?metric=x"}]}', /Slide 1: .*not an explorer view/],
    ['{"slides":[{"view":"?metric=massacres","note":3}]}', /Slide 1: the speaker note is not text/],
    [JSON.stringify({ slides: [{ view: '?metric=massacres', note: 'x'.repeat(3000) }] }), /longer than 2000/],
    [JSON.stringify({ slides: Array.from({ length: 201 }, () => ({ view: '?metric=massacres' })) }), /at most 200/],
  ])('a malformed file (%s) gives a clear reason', (text, message) => {
    const r = deckFromFile(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join(' ')).toMatch(message);
  });
  it('reports every problem, not only the first', () => {
    const r = validateDeck({ slides: [{ view: '?metric=x' }, { view: '?metric=massacres', title: 1 }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toHaveLength(2);
  });
  it.each([
    ['Briefing — Genève 2025', 'briefing-geneve-2025.deck.json'],
    ['   ', 'deck.deck.json'],
    ['إحاطة', 'احاطة.deck.json'],
  ])('file name for %j', (title, name) => {
    expect(deckFileName({ title, slides: [] })).toBe(name);
  });
});

describe('local storage', () => {
  it('keeps and restores the last deck', () => {
    const s = memory();
    expect(storeDeck(s, deck)).toBe(true);
    expect(loadStoredDeck(s)).toEqual(deck);
  });
  it.each([
    ['nothing kept', {}],
    ['garbage kept', { [STORAGE_KEY]: '{oops' }],
    ['an invalid deck kept', { [STORAGE_KEY]: '{"slides":[{"view":"?metric=x"}]}' }],
  ])('gives null for %s', (_, data) => {
    expect(loadStoredDeck(memory(data))).toBeNull();
  });
  it('survives a storage that throws or is missing', () => {
    const broken: DeckStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(loadStoredDeck(broken)).toBeNull();
    expect(storeDeck(broken, deck)).toBe(false);
    expect(loadStoredDeck(null)).toBeNull();
    expect(storeDeck(null, deck)).toBe(false);
  });
});
