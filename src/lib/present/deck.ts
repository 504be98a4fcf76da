/**
 * The deck model: an ordered list of explorer views, each with a title and a short speaker note.
 * Pure functions only: editing (add, move, retitle, delete), the deck in the presentation URL, the
 * deck as a JSON file, and the last deck in local storage (with the storage passed in).
 *
 * In the URL, a deck lives in the hash of the presentation page, never in the query string (so it
 * is never sent to a server and the offline copy of the page answers every deck):
 *
 *     present/#deck=<base64url of UTF-8 JSON>&slide=3
 *
 * where the JSON is the compact form `{"t": title, "s": [[view, title, note?, 1?], …]}`, `view` is the
 * explorer's query string without its `?`, a fourth item `1` asks for the governorate table, and
 * `slide` is 1-based. As a file, a deck is
 *
 *     { "format": "syria-atlas-deck", "version": 1, "title": "…",
 *       "slides": [ { "view": "?metric=…", "title": "…", "note": "…", "table": true } ] }
 *
 * (`table` only where asked: decks written before it read the same).
 *
 * Reading never throws: it returns the deck, or the reasons it could not be read (in plain
 * words, one per problem, for a message on the page). Views are normalised with `parseView` /
 * `serializeView`, so parameters the explorer does not know are dropped, not an error.
 *
 * Deliberately ignores: the figures. A deck holds views, never numbers or sources: those come from
 * the data when a slide is drawn, so a deck cannot cite a figure the data does not have.
 */
import { METRIC_IDS } from '../data/types';
import { parseView, serializeView, type ViewParams } from '../state/url';

export interface Slide {
  /** the explorer query string, starting with `?` (normalised by `serializeView`) */
  view: string;
  /** plain words shown above the figures */
  title: string;
  /** a short speaker note, shown in the presenter view only */
  note: string;
  /** the slide shows the governorate table (in place of the timeline); absent = no */
  table?: boolean;
}

export interface Deck {
  title: string;
  slides: Slide[];
}

export const DECK_FORMAT = 'syria-atlas-deck';
export const DECK_VERSION = 1;
export const LIMITS = { slides: 200, title: 200, note: 2000 } as const;
/**
 * The most text a deck may take (a file or a kept deck, in characters; a link's code, in
 * base64url characters): well above a full deck (200 slides with the longest title and note in
 * Arabic), so that a huge paste is refused at once instead of being parsed.
 */
export const MAX_DECK_TEXT = 4_000_000;
export const MAX_DECK_CODE = 6_000_000;
/** the local-storage key of the last deck */
export const STORAGE_KEY = 'atlas.deck';

export type Result<T> = { ok: true; value: T } | { ok: false; errors: string[] };

export function emptyDeck(title = 'My briefing'): Deck {
  return { title, slides: [] };
}

// ---------------------------------------------------------------------------------------------
// Views

/** Normalises a view string; null when it names no measure the atlas knows. */
export function normalizeViewString(view: string): string | null {
  const search = view.trim().replace(/^.*\?/, '');
  const metric = new URLSearchParams(search).get('metric');
  if (!metric || !(METRIC_IDS as readonly string[]).includes(metric.trim())) return null;
  return serializeView(parseView(search));
}

/** parsed views, by view string (a slide's string is normalised, so one string is one view) */
const parsed = new Map<string, Readonly<ViewParams>>();

/**
 * A slide's view as filters: its string parsed once, then kept (the deck formats keep the string;
 * the page reads the filters). The same object for the same view: callers must not modify it.
 */
export function slideParams(slide: Pick<Slide, 'view'>): Readonly<ViewParams> {
  let params = parsed.get(slide.view);
  if (!params) {
    if (parsed.size >= 2 * LIMITS.slides) parsed.clear();
    parsed.set(slide.view, (params = Object.freeze(parseView(slide.view))));
  }
  return params;
}

// ---------------------------------------------------------------------------------------------
// Editing (every function returns a new deck)

/** Appends a slide; a full deck (LIMITS.slides) comes back unchanged: check canAddSlide first. */
export function addSlide(deck: Deck, slide: Slide): Deck {
  if (!canAddSlide(deck)) return deck;
  return { ...deck, slides: [...deck.slides, slide] };
}

export function removeSlide(deck: Deck, index: number): Deck {
  if (index < 0 || index >= deck.slides.length) return deck;
  return { ...deck, slides: deck.slides.filter((_, i) => i !== index) };
}

/** Moves a slide from one position to another (both clamped to the deck). */
export function moveSlide(deck: Deck, from: number, to: number): Deck {
  const n = deck.slides.length;
  if (from < 0 || from >= n) return deck;
  const target = Math.max(0, Math.min(n - 1, to));
  if (target === from) return deck;
  const slides = [...deck.slides];
  const [s] = slides.splice(from, 1);
  slides.splice(target, 0, s);
  return { ...deck, slides };
}

export function updateSlide(deck: Deck, index: number, change: Partial<Slide>): Deck {
  if (index < 0 || index >= deck.slides.length) return deck;
  const slides = deck.slides.map((s, i) => {
    if (i !== index) return s;
    const next = { ...s, ...change };
    if (change.title !== undefined) next.title = change.title.slice(0, LIMITS.title);
    if (change.note !== undefined) next.note = change.note.slice(0, LIMITS.note);
    if (change.view !== undefined) next.view = normalizeViewString(change.view) ?? s.view;
    if (change.table === false) delete next.table;
    return next;
  });
  return { ...deck, slides };
}

export function retitleDeck(deck: Deck, title: string): Deck {
  return { ...deck, title: title.slice(0, LIMITS.title) };
}

// ---------------------------------------------------------------------------------------------
// Validation, shared by the file and the URL

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Checks a deck in its file form; every problem is reported, each in one sentence. */
export function validateDeck(data: unknown): Result<Deck> {
  const errors: string[] = [];
  if (!isRecord(data)) return { ok: false, errors: ['The file does not hold a deck (expected a JSON object).'] };
  if (data.format !== undefined && data.format !== DECK_FORMAT)
    errors.push(`This is not an atlas deck: its format is “${String(data.format)}”, expected “${DECK_FORMAT}”.`);
  if (typeof data.version === 'number' && data.version > DECK_VERSION)
    errors.push(`This deck was written by a newer version of the atlas (deck version ${data.version}); this page reads version ${DECK_VERSION}.`);
  const title = data.title === undefined ? '' : data.title;
  if (typeof title !== 'string') errors.push('The deck’s title is not text.');
  else if (title.length > LIMITS.title) errors.push(`The deck’s title is longer than ${LIMITS.title} characters.`);
  if (!Array.isArray(data.slides)) {
    errors.push('The deck has no list of slides (“slides”).');
    return { ok: false, errors };
  }
  if (data.slides.length > LIMITS.slides) errors.push(`The deck has ${data.slides.length} slides; at most ${LIMITS.slides} are allowed.`);
  const slides: Slide[] = [];
  data.slides.slice(0, LIMITS.slides).forEach((raw, i) => {
    const n = i + 1;
    if (!isRecord(raw)) {
      errors.push(`Slide ${n} is not an object with a view, a title and a note.`);
      return;
    }
    const view = typeof raw.view === 'string' ? normalizeViewString(raw.view) : null;
    if (typeof raw.view !== 'string') errors.push(`Slide ${n} has no view (an explorer link or query string).`);
    else if (view === null) errors.push(`Slide ${n}: “${raw.view.slice(0, 80)}” is not an explorer view (it names no known measure).`);
    const slideTitle = raw.title ?? '';
    if (typeof slideTitle !== 'string') errors.push(`Slide ${n}: the title is not text.`);
    else if (slideTitle.length > LIMITS.title) errors.push(`Slide ${n}: the title is longer than ${LIMITS.title} characters.`);
    const note = raw.note ?? '';
    if (typeof note !== 'string') errors.push(`Slide ${n}: the speaker note is not text.`);
    else if (note.length > LIMITS.note) errors.push(`Slide ${n}: the speaker note is longer than ${LIMITS.note} characters.`);
    if (raw.table !== undefined && typeof raw.table !== 'boolean') errors.push(`Slide ${n}: “table” is not true or false.`);
    if (view !== null && typeof slideTitle === 'string' && typeof note === 'string')
      slides.push(raw.table === true ? { view, title: slideTitle, note, table: true } : { view, title: slideTitle, note });
  });
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { title: typeof title === 'string' ? title : '', slides } };
}

// ---------------------------------------------------------------------------------------------
// File

/** The deck as a JSON file, pretty-printed so that it can be read and edited by hand. */
export function deckToFile(deck: Deck): string {
  return `${JSON.stringify({ format: DECK_FORMAT, version: DECK_VERSION, title: deck.title, slides: deck.slides }, null, 2)}\n`;
}

export function deckFromFile(text: string): Result<Deck> {
  if (text.length > MAX_DECK_TEXT) return { ok: false, errors: [`The deck is too large (${text.length} characters; at most ${MAX_DECK_TEXT} are read).`] };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [`The file is not valid JSON (${detail}).`] };
  }
  return validateDeck(data);
}

/** A file name for the deck: its title in lower-case words. */
export function deckFileName(deck: Deck): string {
  const slug = deck.title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'deck'}.deck.json`;
}

// ---------------------------------------------------------------------------------------------
// URL

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(code: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(code)) return null;
  try {
    const bin = atob(code.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The deck's code for the URL (compact JSON, base64url). */
export function encodeDeck(deck: Deck): string {
  const compact = {
    t: deck.title,
    s: deck.slides.map((s) => {
      const row: (string | number)[] = [s.view.replace(/^\?/, ''), s.title];
      if (s.note || s.table) row.push(s.note);
      if (s.table) row.push(1);
      return row;
    }),
  };
  return toBase64Url(JSON.stringify(compact));
}

export function decodeDeck(code: string): Result<Deck> {
  if (code.length > MAX_DECK_CODE)
    return { ok: false, errors: [`The deck in this link is too large (${code.length} characters; at most ${MAX_DECK_CODE} are read).`] };
  const text = fromBase64Url(code.trim());
  if (text === null) return { ok: false, errors: ['The deck in this link is damaged (it is not base64url text); it may have been cut short when copied.'] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, errors: ['The deck in this link is damaged (its content is not JSON); it may have been cut short when copied.'] };
  }
  if (!isRecord(data) || !Array.isArray(data.s)) return { ok: false, errors: ['The link does not hold an atlas deck.'] };
  const slides = data.s.map((row) => (Array.isArray(row) ? { view: row[0], title: row[1], note: row[2], ...(row[3] === 1 ? { table: true } : {}) } : row));
  return validateDeck({ title: data.t, slides });
}

export interface DeckLocation {
  /** null when the hash carries no deck */
  deck: Result<Deck> | null;
  /** 0-based slide index from `slide=` (1-based in the URL); 0 when absent or malformed */
  slide: number;
  /** the presenter (speaker notes) window */
  presenter: boolean;
}

/** Reads `#deck=…&slide=…&presenter` (with or without the `#`). */
export function parseDeckHash(hash: string): DeckLocation {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const code = params.get('deck');
  const n = Number(params.get('slide'));
  return {
    deck: code === null ? null : decodeDeck(code),
    slide: Number.isInteger(n) && n >= 1 ? n - 1 : 0,
    presenter: params.has('presenter'),
  };
}

/** Writes the hash (with `#`); slide is 0-based here and 1-based in the URL. */
export function deckHash(deck: Deck, slide = 0, presenter = false): string {
  let hash = `#deck=${encodeDeck(deck)}`;
  if (slide > 0) hash += `&slide=${slide + 1}`;
  if (presenter) hash += '&presenter';
  return hash;
}

/** Keeps an index inside a deck of `count` slides. */
export function clampSlide(index: number, count: number): number {
  if (count <= 0) return 0;
  return Math.max(0, Math.min(count - 1, Math.trunc(index) || 0));
}

// ---------------------------------------------------------------------------------------------
// Local storage

export type DeckStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Where decks that could not be read are kept (a JSON list of their texts), never dropped. */
export const ASIDE_KEY = 'atlas.deck.unreadable';

/** What the browser keeps as the last deck. */
export type StoredDeck = { state: 'none' } | { state: 'ok'; deck: Deck } | { state: 'unreadable'; text: string; errors: string[] };

/** Decks kept aside because they could not be read (oldest first). */
export function asideDecks(storage: DeckStorage | null): string[] {
  if (!storage) return [];
  try {
    const list: unknown = JSON.parse(storage.getItem(ASIDE_KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Keeps a text aside (once); false when the storage refused, so the caller must not overwrite it. */
function setAside(storage: DeckStorage, text: string): boolean {
  const list = asideDecks(storage);
  if (list.includes(text)) return true;
  try {
    storage.setItem(ASIDE_KEY, JSON.stringify([...list, text]));
    return true;
  } catch {
    return false;
  }
}

/** Forgets the decks kept aside (the reader asked to, after downloading them). */
export function forgetAsideDecks(storage: DeckStorage | null): void {
  try {
    storage?.setItem(ASIDE_KEY, '[]');
  } catch {
    /* nothing kept, nothing to forget */
  }
}

/**
 * The last deck, or why it cannot be read. An unreadable one is copied aside (ASIDE_KEY) at once,
 * so that no later write can lose it; the page says so and offers it as a download.
 */
export function readStoredDeck(storage: DeckStorage | null): StoredDeck {
  if (!storage) return { state: 'none' };
  let text: string | null;
  try {
    text = storage.getItem(STORAGE_KEY);
  } catch {
    return { state: 'none' };
  }
  if (!text) return { state: 'none' };
  const result = deckFromFile(text);
  if (result.ok) return { state: 'ok', deck: result.value };
  setAside(storage, text);
  return { state: 'unreadable', text, errors: result.errors };
}

/** The last deck, or null when none was kept (or what was kept is unreadable: see readStoredDeck). */
export function loadStoredDeck(storage: DeckStorage | null): Deck | null {
  const stored = readStoredDeck(storage);
  return stored.state === 'ok' ? stored.deck : null;
}

/**
 * Keeps the deck; false when the storage refused (private mode, quota). A stored deck that cannot
 * be read is kept aside first; if that fails, it is not overwritten (false).
 */
export function storeDeck(storage: DeckStorage | null, deck: Deck): boolean {
  if (!storage) return false;
  try {
    const current = storage.getItem(STORAGE_KEY);
    if (current && !deckFromFile(current).ok && !setAside(storage, current)) return false;
    storage.setItem(STORAGE_KEY, deckToFile(deck));
    return true;
  } catch {
    return false;
  }
}

/** Whether one more slide fits (checked before adding, so a full deck is never replaced). */
export function canAddSlide(deck: Deck): boolean {
  return deck.slides.length < LIMITS.slides;
}

/** The page's local storage, or null where it is unavailable (blocked, sandboxed). */
export function browserStorage(): DeckStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Language

/**
 * The language a deck is shown in: the reader's, from the page's own `?lang=` (so
 * `present/?lang=ar#deck=…` shows a deck made in English in Arabic); without one, the language of
 * the deck's first slide (a deck made on the Arabic site opens in Arabic). A slide carries its view,
 * never the words: every slide is drawn in this one language.
 */
export function deckLocale(search: string, deck: Deck): 'en' | 'ar' {
  const asked = new URLSearchParams(search).get('lang');
  if (asked === 'en' || asked === 'ar') return asked;
  return (deck.slides[0] && slideParams(deck.slides[0]).lang) || 'en';
}
