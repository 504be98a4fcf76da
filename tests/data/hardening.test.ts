// The data build under an editor's slips (issue #14, defects 1, 2 and 5), on the synthetic
// fixture (tests/fixtures/data-valid; invented figures): an emptied table fails, bytes that are
// not UTF-8 or hold control characters fail with their line, an unclosed quote is reported where
// it opens, and the published tree is written fresh (no file of a withdrawn measure left behind).
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildDataset, runBuild, serializeDataset } from '../../scripts/data/build';
import { decodeCsvBytes, parseCsv } from '../../src/lib/data/csv';
import { publishVersions } from '../../scripts/publish-versions';

const valid = resolve(import.meta.dirname, '../fixtures/data-valid');
const temps: string[] = [];
function copy(): string {
  const d = mkdtempSync(join(tmpdir(), 'atlas-harden-'));
  temps.push(d);
  cpSync(valid, d, { recursive: true });
  return d;
}
afterEach(() => {
  while (temps.length) rmSync(temps.pop()!, { recursive: true, force: true });
});

const where = (dir: string) => buildDataset(dir, { label: 'data' }).errors.map((e) => `${e.file}:${e.line}: ${e.reason}`);

describe('an emptied table fails the build (defect 1)', () => {
  it.each([
    ['empty', ''],
    ['header only', 'metric,period,area,perpetrator,perpetrator_published,victims,unit,value,qualifier,source,section,status,note\n'],
  ])('%s observations file', (_name, text) => {
    const dir = copy();
    writeFileSync(join(dir, 'observations/monthly.csv'), text);
    const errors = where(dir);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^data\/observations\/monthly\.csv:[01]: the file (is empty|has a header and no rows)/);
    const out = join(dir, 'out.json');
    const log: string[] = [];
    expect(runBuild(['--data', dir, '--out', out], dir, { log: (l) => log.push(l), error: (l) => log.push(l) })).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it('an empty sources file is one error naming the file, not one per row citing it (defect 5)', () => {
    const dir = copy();
    writeFileSync(join(dir, 'sources/test.csv'), '');
    expect(where(dir)).toEqual(['data/sources/test.csv:0: the file is empty (to withdraw a table, delete the file)']);
  });

  it('deleting a file is the announced way to withdraw a measure', () => {
    const dir = copy();
    rmSync(join(dir, 'observations/deaths.csv'));
    rmSync(join(dir, 'observations/monthly.csv'));
    const log: string[] = [];
    expect(runBuild(['--data', dir, '--out', join(dir, 'out.json')], dir, { log: (l) => log.push(l), error: (l) => log.push(l) })).toBe(0);
    expect(log).toContain('  withdrawn: civilian-deaths has no rows, so the site publishes no figures for it');
  });

  it('the published tree is written fresh: a withdrawn measure leaves no latest/ or full/ file', () => {
    const dir = copy();
    const opts = { atlasFile: join(dir, 'atlas.json'), recordDir: join(dir, 'rec'), outDir: join(dir, 'site') };
    writeFileSync(opts.atlasFile, serializeDataset(buildDataset(dir).dataset!));
    publishVersions(opts);
    expect(readdirSync(join(dir, 'site/latest')).sort()).toEqual(['barrel-bombs.json', 'civilian-deaths.json']);
    // a stray file from an older build goes too
    writeFileSync(join(dir, 'site/full/massacres.json'), '{}');
    rmSync(join(dir, 'observations/deaths.csv'));
    const monthly = join(dir, 'observations/monthly.csv');
    const kept = readFileSync(monthly, 'utf8').split('\n').filter((l, i) => i === 0 || l.startsWith('barrel-bombs,'));
    writeFileSync(monthly, kept.join('\n') + '\n');
    writeFileSync(opts.atlasFile, serializeDataset(buildDataset(dir).dataset!));
    publishVersions(opts);
    expect(readdirSync(join(dir, 'site/latest'))).toEqual(['barrel-bombs.json']);
    expect(readdirSync(join(dir, 'site/full'))).toEqual(['barrel-bombs.json']);
    expect(readdirSync(join(dir, 'site')).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });
});

describe('strict text (defect 2)', () => {
  const bytes = (...parts: (string | number[])[]) =>
    Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

  it.each([
    ['0xFF', bytes('a,b\n1,2\n3,', [0xff], '\n'), 3, /byte 0xFF is not UTF-8/],
    ['Latin-1 é', bytes('a,b\n1,caf', [0xe9], '\n'), 2, /byte 0xE9 is not UTF-8/],
    ['cut sequence', bytes('a,b\n1,', [0xd8], '\n'), 2, /byte 0xD8/],
    ['overlong', bytes('a,b\n1,', [0xc0, 0xaf], '\n'), 2, /byte 0xC0/],
    ['surrogate', bytes('a,b\n', [0xed, 0xa0, 0x80], ',2\n'), 2, /byte 0xED/],
    ['NUL', bytes('a,b\n1,2\n3,x', [0], 'y\n'), 3, /control character U\+0000/],
    ['escape', bytes('a,b\n1,\u001b[31m\n'), 2, /control character U\+001B/],
    ['C1', bytes('a,b\n1,\u0085\n'), 2, /control character U\+0085/],
    ['replacement character', bytes('a,b\n1,\uFFFD\n'), 2, /U\+FFFD/],
  ])('%s', (_name, input, line, reason) => {
    const { errors } = decodeCsvBytes(input);
    expect(errors).toHaveLength(1);
    expect(errors[0].line).toBe(line);
    expect(errors[0].reason).toMatch(reason);
  });

  it('accepts UTF-8 text with Arabic, tabs, CRLF and a BOM', () => {
    const { text, errors } = decodeCsvBytes(bytes([0xef, 0xbb, 0xbf], 'a,b\r\n1,دمشق\tx\r\n😀,2\n'));
    expect(errors).toEqual([]);
    expect(parseCsv(text!).records.map((r) => r.values)).toEqual([['1', 'دمشق\tx'], ['😀', '2']]);
  });

  it('a non-UTF-8 byte in a source title fails the build at its line, nothing written', () => {
    const dir = copy();
    const p = join(dir, 'sources/test.csv');
    const text = readFileSync(p);
    const at = text.indexOf('Synthetic review');
    writeFileSync(p, Buffer.concat([text.subarray(0, at), Buffer.from([0xe9]), text.subarray(at)]));
    expect(where(dir)).toEqual(['data/sources/test.csv:3: byte 0xE9 is not UTF-8 (save the file as UTF-8; a Latin-1 or Windows character?)']);
  });

  it('a NUL in a note fails the build at its line', () => {
    const dir = copy();
    const p = join(dir, 'observations/deaths.csv');
    writeFileSync(p, readFileSync(p, 'utf8').replace('parts exceed the total by 50', 'parts\u0000exceed'));
    expect(where(dir)).toEqual(['data/observations/deaths.csv:5: control character U+0000 in the text (column 99); remove it'.replace('99', String(readFileSync(p, 'utf8').split('\n')[4].indexOf('\u0000') + 1))]);
  });
});

describe('an unclosed quote is reported where it opens (defect 5)', () => {
  it('when a later quote closes it', () => {
    const text = 'a,b,c\n1,2,3\n4,"five,6\n7,8,9\n10,"eleven",12\n';
    expect(parseCsv(text).errors).toEqual([
      { line: 3, reason: 'a quote opened in field 2 is not closed on this line (the next quote is on line 5, followed by text)' },
    ]);
  });

  it('when the record then has the wrong number of fields', () => {
    const text = 'a,b,c\n1,"two\n3,4\n5",6,7,8\n';
    const { errors } = parseCsv(text);
    expect(errors).toHaveLength(1);
    expect(errors[0].line).toBe(2);
    expect(errors[0].reason).toMatch(/closed only on line 4 \(an unclosed quote\?\)/);
  });

  it('when nothing closes it', () => {
    expect(parseCsv('a,b\n1,2\n3,"four\n5,6\n').errors).toEqual([{ line: 3, reason: 'unterminated quoted field (a " opened here is never closed)' }]);
  });

  it('in a data file: the line the editor broke', () => {
    const dir = copy();
    const p = join(dir, 'observations/deaths.csv');
    const lines = readFileSync(p, 'utf8').split('\n');
    lines[2] = lines[2].replace('Regime forces', '"Regime forces');
    writeFileSync(p, lines.join('\n'));
    const errors = where(dir);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/^data\/observations\/deaths\.csv:3: /);
  });
});

