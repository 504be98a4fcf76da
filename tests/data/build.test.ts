// The data build end to end on synthetic folders (tests/fixtures/data-*; invented figures):
// what it writes, that it writes nothing on a malformed row, and that output is deterministic.
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildDataset, runBuild, serializeDataset } from '../../scripts/data/build';
import { parseDataset } from '../../src/lib/data/load';

const fixtures = resolve(import.meta.dirname, '../fixtures');
const valid = join(fixtures, 'data-valid');
const malformed = join(fixtures, 'data-malformed');

const temps: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'atlas-build-'));
  temps.push(d);
  return d;
}
afterEach(() => {
  while (temps.length) rmSync(temps.pop()!, { recursive: true, force: true });
});

function run(args: string[]) {
  const log: string[] = [];
  const error: string[] = [];
  const code = runBuild(args, fixtures, { log: (l) => log.push(l), error: (l) => error.push(l) });
  return { code, log, error };
}

describe('buildDataset', () => {
  it('builds the valid fixture', () => {
    const { dataset, errors } = buildDataset(valid, { label: 'data' });
    expect(errors).toEqual([]);
    const d = dataset!;
    expect(d.version).toMatch(/^[0-9a-f]{12}$/);
    expect(d.metrics.map((m) => m.id)).toEqual(['civilian-deaths', 'barrel-bombs']);
    expect(d.metrics[1].sole_perpetrator).toBe('regime');
    expect(d.areas).toHaveLength(4);
    expect(d.perpetrators.find((p) => p.id === 'regime')?.names_published).toEqual(['Regime forces', 'Regime forces (army, militias)']);
    expect(d.sources.map((s) => s.id)).toEqual(['test-2016', 'test-2020', 'test-outlet']);
    expect(d.observations).toHaveLength(14);
    expect(d.findings.map((f) => f.kind)).toEqual(['parts-vs-total', 'months-vs-year', 'vintage']);
  });

  it('sorts observations by metric, period, area, perpetrator, victims, unit, source', () => {
    const obs = buildDataset(valid).dataset!.observations;
    const keys = obs.map((o) => [o.metric, o.period, o.area, o.perp, o.victims, o.unit, o.source].join('|'));
    expect(keys.slice(0, 3)).toEqual([
      'barrel-bombs|2015|SY|regime|all|barrels|test-2016',
      'barrel-bombs|2015|SY|regime|all|percent|test-2016',
      'civilian-deaths|2015|SY|all|all|civilians|test-2016',
    ]);
    expect(obs.filter((o) => o.metric === 'civilian-deaths').map((o) => o.period).slice(-2)).toEqual(['2015-01', '2015-02']);
  });

  it('reports every error of a malformed folder with file and line, and no dataset', () => {
    const { dataset, errors } = buildDataset(malformed, { label: 'data' });
    expect(dataset).toBeNull();
    expect(errors.map((e) => `${e.file}:${e.line}`)).toEqual(['data/observations/monthly.csv:6', 'data/observations/monthly.csv:6']);
    expect(errors[0].reason).toMatch(/^period "2015-13"/);
    expect(errors[1].reason).toMatch(/^value "1,200"/);
  });

  it('treats missing sources/ and observations/ folders as no rows', () => {
    const dir = tempDir();
    for (const f of ['metrics.csv', 'areas.csv', 'perpetrators.csv']) cpSync(join(valid, f), join(dir, f));
    const { dataset, errors } = buildDataset(dir);
    expect(errors).toEqual([]);
    expect(dataset!.observations).toEqual([]);
    expect(dataset!.sources).toEqual([]);
  });

  it('reports a missing reference table', () => {
    const dir = tempDir();
    cpSync(valid, dir, { recursive: true });
    rmSync(join(dir, 'metrics.csv'));
    const { errors } = buildDataset(dir, { label: 'data' });
    expect(errors).toEqual([{ file: 'data/metrics.csv', line: 0, reason: 'file not found' }]);
  });

  it('does not bury a broken reference table under its consequences', () => {
    const dir = tempDir();
    cpSync(valid, dir, { recursive: true });
    const p = join(dir, 'perpetrators.csv');
    writeFileSync(p, readFileSync(p, 'utf8').replace('"Regime forces|Regime forces (army, militias)"', 'Regime forces|Regime forces (army, militias)'));
    const { errors } = buildDataset(dir, { label: 'data' });
    expect(errors).toEqual([{ file: 'data/perpetrators.csv', line: 2, reason: '10 fields where the header has 9 (quote a field that contains a comma)' }]);
  });
});

describe('determinism', () => {
  it('gives the same bytes for the same input, wherever it lives', () => {
    const dir = tempDir();
    cpSync(valid, dir, { recursive: true });
    const a = serializeDataset(buildDataset(valid).dataset!);
    const b = serializeDataset(buildDataset(dir).dataset!);
    expect(b).toBe(a);
  });

  it('does not depend on the order of rows or files', () => {
    const dir = tempDir();
    cpSync(valid, dir, { recursive: true });
    const obs = join(dir, 'observations');
    const deaths = readFileSync(join(obs, 'deaths.csv'), 'utf8').trimEnd().split('\n');
    const monthly = readFileSync(join(obs, 'monthly.csv'), 'utf8').trimEnd().split('\n');
    rmSync(join(obs, 'deaths.csv'));
    writeFileSync(join(obs, 'monthly.csv'), [monthly[0], ...monthly.slice(1).reverse(), ...deaths.slice(1).reverse()].join('\n') + '\n');
    expect(serializeDataset(buildDataset(dir).dataset!)).toBe(serializeDataset(buildDataset(valid).dataset!));
  });

  it('changes the version when a figure changes', () => {
    const dir = tempDir();
    cpSync(valid, dir, { recursive: true });
    const p = join(dir, 'observations/deaths.csv');
    writeFileSync(p, readFileSync(p, 'utf8').replace(',1100,', ',1101,'));
    expect(buildDataset(dir).dataset!.version).not.toBe(buildDataset(valid).dataset!.version);
  });
});

describe('runBuild', () => {
  it('writes the dataset and prints findings and a summary', () => {
    const out = join(tempDir(), 'nested/atlas.json');
    const { code, log, error } = run(['--data', valid, '--out', out]);
    expect(code).toBe(0);
    expect(error).toEqual([]);
    const written = parseDataset(readFileSync(out, 'utf8'));
    expect(written).toEqual(buildDataset(valid).dataset);
    expect(log.join('\n')).toContain('[parts-vs-total] The 3 perpetrator parts');
    expect(log).toContain('  sources: 3');
    expect(log).toContain('    civilian-deaths: 12');
    expect(log).toContain('    vintage: 1');
    expect(log.some((l) => /bytes, \d+ gzipped$/.test(l))).toBe(true);
  });

  it('writes nothing on a malformed row, and leaves an earlier file alone', () => {
    const dir = tempDir();
    const out = join(dir, 'atlas.json');
    writeFileSync(out, 'earlier');
    const { code, log, error } = run(['--data', malformed, '--out', out]);
    expect(code).toBe(1);
    expect(log).toEqual([]);
    expect(error[0]).toMatch(/data-malformed\/observations\/monthly\.csv:6: period "2015-13" is not YYYY, YYYY-MM or START\/END/);
    expect(error[error.length - 1]).toBe('2 errors; nothing written.');
    expect(readFileSync(out, 'utf8')).toBe('earlier');
    const fresh = join(dir, 'none.json');
    run(['--data', malformed, '--out', fresh]);
    expect(existsSync(fresh)).toBe(false);
  });

  it('rejects unknown arguments', () => {
    expect(run(['--verbose']).code).toBe(2);
  });
});
