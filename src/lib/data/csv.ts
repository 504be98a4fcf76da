/**
 * A small, strict RFC 4180 CSV reader for the hand-edited tables in `data/`.
 *
 * Handles: a header line, quoted fields (with `""` for a quote, and commas or line breaks inside),
 * LF and CRLF line ends, a leading UTF-8 BOM. Every record keeps the 1-based line on which it
 * starts, so errors can point at the line an editor sees. A record whose field count differs from
 * the header, a quote that is never closed, a stray quote inside an unquoted field or text after a
 * closing quote are errors, never guesses.
 *
 * Deliberately ignores: other delimiters, comment lines, type conversion, and whitespace trimming
 * (fields come back exactly as written; the validator decides). Blank lines (nothing at all
 * between two line ends) are skipped: they are what an editor leaves at the end of a file, and all
 * our tables have more than one column, so a blank line is never a record. Line breaks inside
 * quoted fields come back as `\n` whether the file used CRLF or LF, so output does not depend on
 * a checkout's line-end setting.
 */

export interface CsvRecord {
  /** 1-based line on which the record starts */
  line: number;
  values: string[];
}

export interface CsvError {
  line: number;
  reason: string;
}

export interface CsvTable {
  /** column names from the first record (empty when the text is empty) */
  header: string[];
  /** line of the header (1 unless blank lines precede it) */
  headerLine: number;
  /** data records whose field count matches the header */
  records: CsvRecord[];
  errors: CsvError[];
}

/** Splits CSV text into records. Never throws. */
export function parseCsv(text: string): CsvTable {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const errors: CsvError[] = [];
  const raw: (CsvRecord & { bad: boolean; spanning: { open: number; close: number } | null })[] = [];

  let line = 1;
  let i = 0;
  const n = src.length;

  while (i < n) {
    // Blank line: skip it.
    if (src[i] === '\n') {
      i++;
      line++;
      continue;
    }
    if (src[i] === '\r' && src[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }

    const start = line;
    const values: string[] = [];
    let fatal = false;
    let bad = false;
    /** the first quoted field of this record that ran over a line end */
    let spanning: { open: number; close: number } | null = null;
    // Read fields until the end of the record.
    for (;;) {
      let field = '';
      if (src[i] === '"') {
        const quoteLine = line;
        i++;
        let closed = false;
        while (i < n) {
          const c = src[i];
          if (c === '"') {
            if (src[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === '\r' && src[i + 1] === '\n') {
            field += '\n';
            i += 2;
            line++;
            continue;
          }
          if (c === '\n') line++;
          field += c;
          i++;
        }
        if (!closed) {
          errors.push({ line: quoteLine, reason: 'unterminated quoted field (a " opened here is never closed)' });
          fatal = true;
          break;
        }
        if (line > quoteLine && !spanning) spanning = { open: quoteLine, close: line };
        const next = src[i];
        if (i < n && next !== ',' && next !== '\n' && !(next === '\r' && src[i + 1] === '\n')) {
          // A quoted field that ran over line ends and then meets text is almost always a quote
          // left open on the line where it started: point there, not where the parser noticed.
          if (!bad && line > quoteLine)
            errors.push({
              line: quoteLine,
              reason: `a quote opened in field ${values.length + 1} is not closed on this line (the next quote is on line ${line}, followed by text)`,
            });
          else if (!bad) errors.push({ line, reason: `unexpected text after a closing quote in field ${values.length + 1}` });
          bad = true;
          // Skip to the next delimiter so the rest of the record can still be counted.
          while (i < n && src[i] !== ',' && src[i] !== '\n' && !(src[i] === '\r' && src[i + 1] === '\n')) i++;
        }
      } else {
        while (i < n) {
          const c = src[i];
          if (c === ',' || c === '\n' || (c === '\r' && src[i + 1] === '\n')) break;
          if (c === '"' && !bad) {
            errors.push({ line, reason: `quote inside unquoted field ${values.length + 1} (quote the whole field and double the quote)` });
            bad = true;
          }
          field += c;
          i++;
        }
      }
      values.push(field);
      if (i >= n) break;
      if (src[i] === ',') {
        i++;
        continue;
      }
      // End of record.
      i += src[i] === '\r' ? 2 : 1;
      line++;
      break;
    }
    if (fatal) break;
    raw.push({ line: start, values, bad, spanning });
  }

  if (raw.length === 0) return { header: [], headerLine: 1, records: [], errors };
  const [head, ...rest] = raw;
  if (head.bad) return { header: [], headerLine: head.line, records: [], errors };
  const records: CsvRecord[] = [];
  for (const r of rest) {
    if (r.bad) continue;
    if (r.values.length !== head.values.length) {
      errors.push(
        r.spanning
          ? {
              line: r.spanning.open,
              reason: `${r.values.length} fields where the header has ${head.values.length}: a quote opened on this line is closed only on line ${r.spanning.close} (an unclosed quote?)`,
            }
          : {
              line: r.line,
              reason: `${r.values.length} fields where the header has ${head.values.length} (quote a field that contains a comma)`,
            },
      );
    } else {
      records.push({ line: r.line, values: r.values });
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return { header: head.values, headerLine: head.line, records, errors };
}

/** The records of a table as objects keyed by column name. */
export function recordsToObjects(table: CsvTable): { line: number; fields: Record<string, string> }[] {
  return table.records.map((r) => {
    const fields: Record<string, string> = {};
    table.header.forEach((name, k) => {
      fields[name] = r.values[k];
    });
    return { line: r.line, fields };
  });
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) (need = 1), (min = 0x80);
    else if (b >= 0xe0 && b <= 0xef) (need = 2), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (need = 3), (min = 0x10000);
    else return i;
    if (i + need >= n) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Control characters a hand-edited table never needs (tab, LF and CR excepted), and U+FFFD, the
 * mark an earlier conversion leaves where it could not read a byte.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/;

/**
 * A file's bytes → its text, strictly: invalid UTF-8 (a Latin-1 or Windows-1252 byte, a cut
 * sequence) and control characters (NUL included) are errors with their line, never replaced or
 * published. `text` is null when the bytes are not UTF-8; otherwise it is the decoded text (even
 * with control-character errors, so that other errors can still be found).
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string | null; errors: CsvError[] } {
  const lineAt = (offset: number) => {
    let line = 1;
    for (let k = 0; k < offset; k++) if (bytes[k] === 0x0a) line++;
    return line;
  };
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const hex = bytes[bad].toString(16).toUpperCase().padStart(2, '0');
    return {
      text: null,
      errors: [{ line: lineAt(bad), reason: `byte 0x${hex} is not UTF-8 (save the file as UTF-8; a Latin-1 or Windows character?)` }],
    };
  }
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  const errors: CsvError[] = [];
  text.split('\n').forEach((l, k) => {
    const m = FORBIDDEN.exec(l);
    if (!m) return;
    const code = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    errors.push({
      line: k + 1,
      reason:
        code === 'FFFD'
          ? 'U+FFFD, the replacement character: the text was damaged by an earlier conversion'
          : `control character U+${code} in the text (column ${m.index + 1}); remove it`,
    });
  });
  return { text, errors };
}
