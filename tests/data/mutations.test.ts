// Data-build mutations (issue #14) on the synthetic fixture (tests/fixtures/data-valid; invented
// figures): for each observation and source file, generated mutations of its second line must
// fail the build at that file and line with nothing written; harmless variants (BOM, CRLF) must
// build the same bytes; a changed value must change exactly that figure and the version.
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildDataset, runBuild, serializeDataset } from '../../scripts/data/build';

const valid = resolve(import.meta.dirname, '../fixtures/data-valid');
const work = mkdtempSync(join(tmpdir(), 'atlas-mutations-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;
function mutated(file: string, change: (bytes: Buffer) => Buffer): string {
  const dir = join(work, String(n++));
  cpSync(valid, dir, { recursive: true });
  const p = join(dir, file);
  writeFileSync(p, change(readFileSync(p)));
  return dir;
}
const baseline = serializeDataset(buildDataset(valid).dataset!);

/** Rewrites line 2 (the first data row) of a CSV file. */
const row2 = (f: (cells: string[], line: string) => string) => (b: Buffer) => {
  const lines = b.toString('utf8').split('\n');
  lines[1] = f(lines[1].split(','), lines[1]);
  return Buffer.from(lines.join('\n'));
};
const set = (k: number, v: string) => row2((c) => ((c[k] = v), c.join(',')));
const bytesAt2 = (inject: number[]) => (b: Buffer) => {
  const at = b.indexOf(0x0a) + 3;
  return Buffer.concat([b.subarray(0, at), Buffer.from(inject), b.subarray(at)]);
};

const OBSERVATION_MUTATIONS: [string, (b: Buffer) => Buffer, number][] = [
  ['bad number', set(7, '1,2x'), 2],
  ['negative number', set(7, '-5'), 2],
  ['missing column', row2((c) => c.slice(0, -1).join(',')), 2],
  ['extra column', row2((_, l) => `${l},extra`), 2],
  ['unknown metric', set(0, 'kittens'), 2],
  ['bad period', set(1, '2015-13'), 2],
  ['unknown area', set(2, 'SY-ZZ'), 2],
  ['unknown party', set(3, 'nobody'), 2],
  ['unknown source', set(9, 'no-such-source'), 2],
  ['unclosed quote', row2((_, l) => l.replace(/,(\d+),/, ',"$1,')), 2],
  ['non-UTF-8 byte', bytesAt2([0xff]), 2],
  ['NUL', bytesAt2([0x00]), 2],
  ['empty file', () => Buffer.alloc(0), 0],
  ['header only', (b) => b.subarray(0, b.indexOf(0x0a) + 1), 1],
];
const SOURCE_MUTATIONS: [string, (b: Buffer) => Buffer, number][] = [
  ['bad date', set(3, '2016-02-30'), 2],
  ['bad url', set(4, 'ftp://x'), 2],
  ['missing column', row2((c) => c.slice(0, 3).join(',')), 2],
  ['non-UTF-8 byte', bytesAt2([0xc3, 0x28]), 2],
  ['NUL', bytesAt2([0x00]), 2],
  ['empty file', () => Buffer.alloc(0), 0],
  ['header only', (b) => b.subarray(0, b.indexOf(0x0a) + 1), 1],
];

const files = [
  ...readdirSync(join(valid, 'observations')).map((f) => [`observations/${f}`, OBSERVATION_MUTATIONS] as const),
  ...readdirSync(join(valid, 'sources')).map((f) => [`sources/${f}`, SOURCE_MUTATIONS] as const),
];

describe.each(files)('%s', (file, mutations) => {
  it.each(mutations)('%s fails at the right file:line and writes nothing', (_name, change, line) => {
    const dir = mutated(file, change);
    const out = join(dir, 'out.json');
    const errors: string[] = [];
    expect(runBuild(['--data', dir, '--out', out], dir, { log: () => {}, error: (l) => errors.push(l) })).toBe(1);
    expect(existsSync(out)).toBe(false);
    const where = line > 0 ? `data/${file}:${line}: ` : `data/${file}: `;
    const first = buildDataset(dir, { label: 'data' }).errors[0];
    expect(`data/${file}` === first.file && (first.line === line || (line === 0 && first.line === 0)), `${where} ← ${first.file}:${first.line}: ${first.reason}`).toBe(true);
  });

  it.each([
    ['BOM', (b: Buffer) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b])],
    ['CRLF', (b: Buffer) => Buffer.from(b.toString('utf8').replace(/\n/g, '\r\n'))],
  ])('%s builds the same bytes', (_name, change) => {
    const { dataset, errors } = buildDataset(mutated(file, change));
    expect(errors).toEqual([]);
    expect(serializeDataset(dataset!)).toBe(baseline);
  });
});

describe('a changed figure', () => {
  it('changes that figure, and only it, and the version', () => {
    const dir = mutated('observations/monthly.csv', set(7, '401'));
    const before = buildDataset(valid).dataset!;
    const after = buildDataset(dir).dataset!;
    expect(after.version).not.toBe(before.version);
    // ids hash the figure with its value: exactly one observation left and one came in
    const ids = (d: typeof before) => new Set(d.observations.map((o) => o.id));
    const gone = before.observations.filter((o) => !ids(after).has(o.id));
    const came = after.observations.filter((o) => !ids(before).has(o.id));
    expect(gone.map((o) => [o.period, o.value])).toEqual([['2015-01', 400]]);
    expect(came.map((o) => [o.period, o.value])).toEqual([['2015-01', 401]]);
    expect({ ...came[0], id: '', value: 0 }).toEqual({ ...gone[0], id: '', value: 0 });
  });
});
