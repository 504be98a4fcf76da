// CSV reader edges: quoting, line ends, BOM, and the errors a hand-edited file can contain.
import { describe, expect, it } from 'vitest';
import { parseCsv, recordsToObjects } from '../../src/lib/data/csv';

describe('parseCsv', () => {
  const ok: { name: string; text: string; header: string[]; records: { line: number; values: string[] }[] }[] = [
    { name: 'plain', text: 'a,b\n1,2\n', header: ['a', 'b'], records: [{ line: 2, values: ['1', '2'] }] },
    { name: 'no final newline', text: 'a,b\n1,2', header: ['a', 'b'], records: [{ line: 2, values: ['1', '2'] }] },
    { name: 'CRLF', text: 'a,b\r\n1,2\r\n3,4\r\n', header: ['a', 'b'], records: [{ line: 2, values: ['1', '2'] }, { line: 3, values: ['3', '4'] }] },
    { name: 'BOM', text: '\uFEFFa,b\n1,2\n', header: ['a', 'b'], records: [{ line: 2, values: ['1', '2'] }] },
    { name: 'empty fields', text: 'a,b,c\n,,\n', header: ['a', 'b', 'c'], records: [{ line: 2, values: ['', '', ''] }] },
    { name: 'quoted comma', text: 'a,b\n"x, y",2\n', header: ['a', 'b'], records: [{ line: 2, values: ['x, y', '2'] }] },
    { name: 'escaped quote', text: 'a,b\n"say ""hi""",2\n', header: ['a', 'b'], records: [{ line: 2, values: ['say "hi"', '2'] }] },
    { name: 'empty quoted', text: 'a,b\n"",2\n', header: ['a', 'b'], records: [{ line: 2, values: ['', '2'] }] },
    {
      name: 'newline in quotes keeps line numbers',
      text: 'a,b\n"one\ntwo",2\n3,4\n',
      header: ['a', 'b'],
      records: [{ line: 2, values: ['one\ntwo', '2'] }, { line: 4, values: ['3', '4'] }],
    },
    { name: 'CRLF in quotes becomes LF', text: 'a,b\r\n"one\r\ntwo",2\r\n', header: ['a', 'b'], records: [{ line: 2, values: ['one\ntwo', '2'] }] },
    { name: 'blank lines skipped', text: 'a,b\n\n1,2\n\n', header: ['a', 'b'], records: [{ line: 3, values: ['1', '2'] }] },
    { name: 'Arabic text', text: 'a,b\nدمشق,"ريف, دمشق"\n', header: ['a', 'b'], records: [{ line: 2, values: ['دمشق', 'ريف, دمشق'] }] },
    { name: 'empty text', text: '', header: [], records: [] },
  ];
  it.each(ok)('$name', ({ text, header, records }) => {
    const t = parseCsv(text);
    expect(t.errors).toEqual([]);
    expect(t.header).toEqual(header);
    expect(t.records).toEqual(records);
  });

  const bad: { name: string; text: string; line: number; reason: RegExp; records: number }[] = [
    { name: 'too many fields', text: 'a,b\n1,2\n1,2,3\n4,5\n', line: 3, reason: /3 fields where the header has 2/, records: 2 },
    { name: 'too few fields', text: 'a,b\n1\n', line: 2, reason: /1 fields where the header has 2/, records: 0 },
    { name: 'unterminated quote', text: 'a,b\n1,2\n"open,2\n3,4\n', line: 3, reason: /unterminated/, records: 1 },
    { name: 'text after closing quote', text: 'a,b\n"x"y,2\n', line: 2, reason: /after a closing quote/, records: 0 },
    { name: 'quote inside unquoted field', text: 'a,b\nx"y,2\n', line: 2, reason: /quote inside unquoted field 1/, records: 0 },
  ];
  it.each(bad)('rejects: $name', ({ text, line, reason, records }) => {
    const t = parseCsv(text);
    expect(t.errors).toHaveLength(1);
    expect(t.errors[0].line).toBe(line);
    expect(t.errors[0].reason).toMatch(reason);
    expect(t.records).toHaveLength(records);
  });

  it('maps records to objects by column', () => {
    expect(recordsToObjects(parseCsv('a,b\n1,2\n'))).toEqual([{ line: 2, fields: { a: '1', b: '2' } }]);
  });
});
