/**
 * Bidirectional isolation for text the atlas inserts into a sentence of its own: a source's title
 * or publisher, a slide title, a party name. Wrapped in Unicode isolates (FSI … PDI), an Arabic
 * title inside an English sentence (or the other way round) takes its direction from its own first
 * strong letter and cannot pull the sentence's quotation marks, commas or date across it. This is
 * the plain-text twin of `<bdi>`/`dir="auto"` in the markup, for text that is not markup: SVG and
 * PNG exports, citations, tooltips and titles.
 *
 * Deliberately ignores CSV and JSON (data, not prose: a spreadsheet must get the bytes as
 * published) and the embedding controls (LRE/RLE…), which the Unicode standard advises against.
 */

/** FIRST STRONG ISOLATE: the run takes the direction of its first strong letter. */
export const FSI = '\u2068';
/** POP DIRECTIONAL ISOLATE: ends the run. */
export const PDI = '\u2069';
const OPENERS = /[\u2066\u2067\u2068]/g;
const ISOLATES = /[\u2066-\u2069]/g;

/** `text` as an isolated run (empty text stays empty; an already isolated run is not wrapped twice). */
export function isolate(text: string): string {
  if (!text) return text;
  if (text.startsWith(FSI) && text.endsWith(PDI) && balance(text.slice(1, -1)) === 0) return text;
  return `${FSI}${text}${PDI}`;
}

/** The text without any isolate (for comparing, searching, file names). */
export function stripIsolates(text: string): string {
  return text.replace(ISOLATES, '');
}

/** Isolates opened and not closed in `text`. */
function balance(text: string): number {
  let open = 0;
  for (const ch of text) {
    if (ch === PDI) open = Math.max(0, open - 1);
    else if (OPENERS.test(ch)) open++;
    OPENERS.lastIndex = 0;
  }
  return open;
}

/**
 * Lines cut from one isolated text (a wrapped caption): each line is closed where a run is cut and
 * the run is reopened on the next, so every line is balanced and an isolate never leaks into what
 * follows it.
 */
export function balanceLines(lines: readonly string[]): string[] {
  let carried = 0;
  return lines.map((line) => {
    const text = FSI.repeat(carried) + line;
    carried = balance(text);
    return text + PDI.repeat(carried);
  });
}
