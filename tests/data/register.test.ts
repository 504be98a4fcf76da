// The register of parties and measures (scripts/data/register.ts): the committed modules are what
// data/perpetrators.csv and data/metrics.csv give, and the data build stops, naming file, line and
// reason, on a party with no name in a language or without a colour of its own. The broken
// tables below are synthetic copies of tests/fixtures/data-valid (invented parties and figures).
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildDataset, runBuild } from '../../scripts/data/build';
import { readRegister, REGISTER_FILES, runRegister } from '../../scripts/data/register';

const root = resolve(import.meta.dirname, '../..');
const valid = join(root, 'tests/fixtures/data-valid');

const temps: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'atlas-register-'));
  temps.push(d);
  return d;
}
afterEach(() => {
  while (temps.length) rmSync(temps.pop()!, { recursive: true, force: true });
});

/** A copy of the valid fixture whose perpetrators.csv went through `edit`. */
function dataWith(edit: (csv: string) => string): string {
  const dir = tempDir();
  cpSync(valid, dir, { recursive: true });
  const p = join(dir, 'perpetrators.csv');
  writeFileSync(p, edit(readFileSync(p, 'utf8')));
  return dir;
}

const io = () => {
  const log: string[] = [];
  const error: string[] = [];
  return { log, error, io: { log: (l: string) => log.push(l), error: (l: string) => error.push(l) } };
};

describe('the committed register', () => {
  it('is what data/perpetrators.csv and data/metrics.csv give (run `npm run data` after editing them)', () => {
    const { files, errors } = readRegister(join(root, 'data'));
    expect(errors).toEqual([]);
    expect([...files!.keys()].sort()).toEqual(Object.values(REGISTER_FILES).sort());
    for (const [path, text] of files!) expect(readFileSync(join(root, path), 'utf8'), `${path} is stale: run npm run data`).toBe(text);
  });
});

describe('writing the register', () => {
  it('writes each module from the CSVs, and rewrites nothing that is up to date', () => {
    const out = tempDir();
    const first = io();
    expect(runRegister(valid, out, first.io)).toBe(0);
    expect(first.log).toHaveLength(3);
    const colors = readFileSync(join(out, REGISTER_FILES.register), 'utf8');
    expect(colors).toContain("regime: '#882255',");
    expect(colors).toContain("turkey: '#CC3311',");
    expect(colors).toContain("'barrel-bombs': 'barrels',");
    // a short name where the CSV gives one, else the full name
    expect(readFileSync(join(out, REGISTER_FILES.en), 'utf8')).toContain("'timeline.perp.regime': 'Regime',");
    expect(readFileSync(join(out, REGISTER_FILES.en), 'utf8')).toContain("'timeline.perp.russia': 'Russian forces',");
    expect(readFileSync(join(out, REGISTER_FILES.ar), 'utf8')).toContain("'timeline.perp.russia': 'القوات الروسية',");
    const again = io();
    expect(runRegister(valid, out, again.io)).toBe(0);
    expect(again.log).toEqual([]);
  });

  it.each([
    {
      name: 'a party with no Arabic name',
      edit: (csv: string) => csv.replace('russia,,Russian forces,القوات الروسية,', 'russia,,Russian forces,,'),
      line: 'data/perpetrators.csv:3: name_ar is empty (a party needs a name in English and in Arabic)',
    },
    {
      name: 'a party with no English name',
      edit: (csv: string) => csv.replace('turkey,other,Turkish forces,', 'turkey,other,,'),
      line: 'data/perpetrators.csv:5: name_en is empty (a party needs a name in English and in Arabic)',
    },
    {
      name: 'a party without a colour',
      edit: (csv: string) => csv.replace(',#BBBBBB', ','),
      line: 'data/perpetrators.csv:4: color is empty (every party needs a colour of its own, #RRGGBB)',
    },
    {
      name: 'a colour that is not one',
      edit: (csv: string) => csv.replace('#BBBBBB', 'grey'),
      line: 'data/perpetrators.csv:4: color "grey" is not a colour written #RRGGBB',
    },
    {
      name: 'two parties with one colour',
      edit: (csv: string) => csv.replace('#CC3311', '#332288'),
      line: 'data/perpetrators.csv:5: color #332288 is already the colour of "russia" (line 3); each party needs its own',
    },
  ])('stops on $name: the data build and the register name file, line and reason', ({ edit, line }) => {
    const dir = dataWith(edit);
    const { dataset, errors } = buildDataset(dir, { label: 'data' });
    expect(dataset).toBeNull();
    expect(errors.map((e) => `${e.file}:${e.line}: ${e.reason}`)).toEqual([line]);

    const build = io();
    expect(runBuild(['--data', dir, '--out', join(dir, 'atlas.json')], dir, build.io)).toBe(1);
    expect(build.error.some((l) => l.endsWith(line.replace(/^data\//, '')))).toBe(true);
    expect(existsSync(join(dir, 'atlas.json'))).toBe(false);

    const out = tempDir();
    const reg = io();
    expect(runRegister(dir, out, reg.io)).toBe(1);
    expect(reg.error[0]).toBe(line);
    expect(existsSync(join(out, REGISTER_FILES.register))).toBe(false);
  });
});
