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
  const raw: (CsvRecord & { bad: boolean })[] = [];

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
        const next = src[i];
        if (i < n && next !== ',' && next !== '\n' && !(next === '\r' && src[i + 1] === '\n')) {
          if (!bad) errors.push({ line, reason: `unexpected text after a closing quote in field ${values.length + 1}` });
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
    raw.push({ line: start, values, bad });
  }

  if (raw.length === 0) return { header: [], headerLine: 1, records: [], errors };
  const [head, ...rest] = raw;
  if (head.bad) return { header: [], headerLine: head.line, records: [], errors };
  const records: CsvRecord[] = [];
  for (const r of rest) {
    if (r.bad) continue;
    if (r.values.length !== head.values.length) {
      errors.push({
        line: r.line,
        reason: `${r.values.length} fields where the header has ${head.values.length} (quote a field that contains a comma)`,
      });
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
