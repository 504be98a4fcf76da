// Property-based tests (fast-check) of the three parsers that take text from outside: the view in
// the query string, the CSV tables of data/, and decks (URL hash, JSON file, local storage). For
// any input they never throw; what they accept round-trips; what they refuse, they refuse with a
// message. Inputs are generated (seeded by fast-check; a failure prints its seed and the shrunk
// counterexample); the hostile alphabet mixes markup, percent signs, quotes and control characters.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseView, serializeView } from '../../src/lib/state/url';
import { decodeCsvBytes, parseCsv } from '../../src/lib/data/csv';
import {
  decodeDeck,
  deckFromFile,
  deckToFile,
  encodeDeck,
  LIMITS,
  MAX_DECK_CODE,
  MAX_DECK_TEXT,
  parseDeckHash,
  readStoredDeck,
  STORAGE_KEY,
  validateDeck,
  type Deck,
} from '../../src/lib/present/deck';
import { METRIC_IDS } from '../../src/lib/data/types';

const RUNS = { numRuns: 200 };
const hostileChar = fc.constantFrom(...[...'<>"\'&%=?#;,/\\ \t\n\r\u0000\u202e\u2066ab1-+.:()[]{}$`é دم😀\ud800']);
const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: hostileChar }),
  fc.constantFrom('<script>window.__pwned=1</script>', 'javascript:alert(1)', '%', '%E0%A4%A', '%00', '\uFFFF', '""><img src=x onerror=1>'),
);
const KEYS = ['metric', 'year', 'perp', 'victims', 'period', 'gov', 'lang', 'v', 'show', 'controls', 'theme', 'zoom', 'x', '__proto__', 'constructor'];
/** a query string from known and unknown keys (repeated too), hostile values, raw or encoded */
const query = fc
  .array(fc.tuple(fc.constantFrom(...KEYS), hostile, fc.boolean()), { maxLength: 8 })
  .map((pairs) => '?' + pairs.map(([k, v, raw]) => `${k}=${raw ? v : encode(v)}`).join('&'));
/** percent-encoded, or as is where it cannot be (a lone surrogate) */
function encode(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return v;
  }
}

describe('parseView / serializeView', () => {
  it('never throw, and serializing what was parsed is stable', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), query), (x) => {
        const view = parseView(x);
        const text = serializeView(view);
        expect(parseView(text)).toEqual(view);
        expect(serializeView(parseView(text))).toBe(text);
        expect(METRIC_IDS).toContain(view.metric);
      }),
      RUNS,
    );
  });
});

/** A CSV field as an editor would write it: quoted when it holds a comma, quote or line end. */
const quote = (f: string) => (/[",\n\r]/.test(f) || f === '' ? `"${f.replace(/"/g, '""')}"` : f);
const cell = fc.string({ unit: fc.constantFrom(...'ab, "\n\r\t1دم'.split('')), maxLength: 8 });

describe('parseCsv', () => {
  it('never throws, on any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: hostileChar })), (text) => {
        const t = parseCsv(text);
        for (const e of t.errors) expect(e.line).toBeGreaterThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it('reads back any table written with quoting, at the right lines, with LF or CRLF', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 4 })
          .chain((w) => fc.tuple(fc.constant(w), fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 6 }))),
        fc.boolean(),
        ([w, rows], crlf) => {
          const header = Array.from({ length: w }, (_, i) => `c${i}`);
          const eol = crlf ? '\r\n' : '\n';
          const lines = [header, ...rows].map((r) => r.map(quote).join(','));
          const t = parseCsv(lines.join(eol) + eol);
          expect(t.errors).toEqual([]);
          // CR inside a field comes back as written only when it is not part of a CRLF
          expect(t.records.map((r) => r.values)).toEqual(rows.map((r) => r.map((f) => f.replace(/\r\n/g, '\n'))));
          let line = 2;
          t.records.forEach((r, i) => {
            expect(r.line).toBe(line);
            line += lines[i + 1].split(/\r\n|\n/).length;
          });
        },
      ),
      RUNS,
    );
  });
});

describe('decodeCsvBytes', () => {
  it('never throws on any bytes, and refuses with a line', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const { text, errors } = decodeCsvBytes(bytes);
        for (const e of errors) expect(e.line).toBeGreaterThanOrEqual(1);
        if (text === null) expect(errors.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('gives back any UTF-8 text without control characters, and agrees with a fatal decoder', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.uint8Array({ maxLength: 40 }), (s, bytes) => {
        // eslint-disable-next-line no-control-regex -- the characters decodeCsvBytes refuses
        const clean = s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/g, '');
        expect(decodeCsvBytes(new TextEncoder().encode(clean))).toEqual({ text: clean, errors: [] });
        let fatal = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          fatal = false;
        }
        expect(decodeCsvBytes(bytes).text !== null).toBe(fatal);
      }),
      RUNS,
    );
  });
});

const view = fc
  .tuple(fc.constantFrom(...METRIC_IDS), fc.option(fc.integer({ min: 2011, max: 2025 })), fc.constantFrom('all', 'regime', 'russia'))
  .map(([m, y, p]) => serializeView({ ...parseView(`?metric=${m}`), year: y, perp: p }));
const text = (max: number) => fc.oneof(fc.string({ maxLength: max }), fc.string({ unit: hostileChar, maxLength: Math.min(max, 60) }));
const deck: fc.Arbitrary<Deck> = fc.record({
  title: text(LIMITS.title),
  slides: fc.array(fc.record({ view, title: text(LIMITS.title), note: text(300) }), { maxLength: 12 }),
});

describe('decks', () => {
  it('round-trip through the link, the file and storage, markup and all, as text', () => {
    fc.assert(
      fc.property(deck, (d) => {
        expect(decodeDeck(encodeDeck(d))).toEqual({ ok: true, value: d });
        expect(deckFromFile(deckToFile(d))).toEqual({ ok: true, value: d });
        const store = { [STORAGE_KEY]: deckToFile(d) } as Record<string, string>;
        expect(readStoredDeck({ getItem: (k) => store[k] ?? null, setItem: (k, v) => void (store[k] = v) })).toEqual({ state: 'ok', deck: d });
      }),
      { numRuns: 150 },
    );
  });

  it('never throw on any link, file or JSON value, and say why they refuse', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: hostileChar }), fc.base64String()), fc.jsonValue(), (s, json) => {
        for (const r of [decodeDeck(s), deckFromFile(s), validateDeck(json), deckFromFile(JSON.stringify(json) ?? 'null')])
          if (!r.ok) (expect(r.errors.length).toBeGreaterThan(0), expect(r.errors.every((e) => typeof e === 'string' && e.length > 0)).toBe(true));
        const hash = parseDeckHash(`#deck=${s}&slide=${s}`);
        expect(Number.isInteger(hash.slide)).toBe(true);
      }),
      RUNS,
    );
  });

  it('refuse what is huge at once, and what is deeply nested, with a message', () => {
    const t0 = Date.now();
    const huge = decodeDeck('A'.repeat(MAX_DECK_CODE + 1));
    const hugeFile = deckFromFile(' '.repeat(MAX_DECK_TEXT + 1));
    expect(Date.now() - t0).toBeLessThan(500);
    expect(huge.ok || huge.errors[0]).toMatch(/too large/);
    expect(hugeFile.ok || hugeFile.errors[0]).toMatch(/too large/);
    const nested = '['.repeat(100_000) + ']'.repeat(100_000);
    const deep = deckFromFile(`{"slides":${nested}}`);
    expect(deep.ok).toBe(false);
    const deepLink = decodeDeck(encodeDeck({ title: 'x', slides: [] }).slice(0, 0) + btoa(`{"t":"x","s":${nested}}`).replace(/=+$/, ''));
    expect(deepLink.ok).toBe(false);
  });

  it('refuse a slide list over the limit, and over-long titles and notes', () => {
    fc.assert(
      fc.property(fc.integer({ min: LIMITS.slides + 1, max: LIMITS.slides + 50 }), (n) => {
        const r = validateDeck({ slides: Array.from({ length: n }, () => ({ view: '?metric=massacres' })) });
        expect(r.ok).toBe(false);
      }),
      { numRuns: 10 },
    );
    const long = validateDeck({ title: 'x'.repeat(LIMITS.title + 1), slides: [{ view: '?metric=massacres', note: 'n'.repeat(LIMITS.note + 1) }] });
    expect(long.ok ? [] : long.errors).toHaveLength(2);
  });
});
