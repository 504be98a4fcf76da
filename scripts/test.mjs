#!/usr/bin/env node
/**
 * `npm test`: every test of the atlas, with one summary line at the end.
 *
 *   1. `npm run data`     writes static/data/atlas.json and static/geo/syria.topo.json
 *   2. Vitest             unit tests, tests/**\/*.test.ts except tests/e2e/
 *   3. `vite build`       dist/, which the browser tests serve
 *   4. node --test (tsx)  browser tests, tests/e2e/**\/*.test.ts, in the system Chromium
 *
 * The last line printed is `N passed, N failed` (plus `, N skipped` when something was skipped),
 * summed over both runners, read from their machine reports (test-results/vitest.json and
 * test-results/e2e.tap) rather than their human output. A failed step, a runner that crashes or
 * writes no report, or a missing Chromium under CI=true each count as one failure; the exit code
 * is 1 whenever anything failed.
 *
 * Options: --unit (unit tests only), --e2e (browser tests only), --no-build (reuse the existing
 * static data and dist/). Environment: CHROME_PATH (default /usr/bin/chromium), CI.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addCounts, countNodeTap, countVitest, emptyCounts, formatSummary } from './test-summary.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const RESULTS = join(ROOT, 'test-results');
const VITEST_REPORT = join(RESULTS, 'vitest.json');
const TAP_REPORT = join(RESULTS, 'e2e.tap');
const E2E_DIR = join(ROOT, 'tests', 'e2e');

const args = new Set(process.argv.slice(2));
for (const a of args) {
  if (!['--unit', '--e2e', '--no-build'].includes(a)) {
    console.error(`test.mjs: unknown option ${a} (known: --unit, --e2e, --no-build)`);
    process.exit(2);
  }
}
const runUnit = !args.has('--e2e');
const runE2e = !args.has('--unit');
const build = !args.has('--no-build');
const ci = Boolean(process.env.CI) && !['false', '0'].includes(String(process.env.CI).toLowerCase());

process.chdir(ROOT);
mkdirSync(RESULTS, { recursive: true });
const require = createRequire(import.meta.url);

/** Path of a package's bin script, so that we run it with this node and no npx lookup. */
function bin(pkg, name = pkg) {
  const pkgJson = require.resolve(`${pkg}/package.json`);
  const { bin } = JSON.parse(readFileSync(pkgJson, 'utf8'));
  return join(pkgJson, '..', typeof bin === 'string' ? bin : bin[name]);
}

/** Run a command with inherited output; returns its exit code (1 when it could not start or was killed). */
function run(label, command, commandArgs, env = {}) {
  const shown = [command, ...commandArgs].map((a) => (a === process.execPath ? 'node' : a.startsWith(`${ROOT}/`) ? relative(ROOT, a) : a));
  console.log(`\n▶ ${label}: ${shown.join(' ')}\n`);
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) {
    console.error(`✖ ${label}: could not start: ${result.error.message}`);
    return 1;
  }
  if (result.signal) {
    console.error(`✖ ${label}: killed by ${result.signal}`);
    return 1;
  }
  return result.status ?? 1;
}

function banner(lines) {
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  const bar = '#'.repeat(width + 2);
  console.error(['', bar, ...lines.map((l) => `#  ${l.padEnd(width - 4)}  #`), bar, ''].join('\n'));
}

function step(label, fn) {
  const code = fn();
  if (code === 0) return emptyCounts();
  banner([`${label} FAILED (exit code ${code})`]);
  return { passed: 0, failed: 1, skipped: 0, notes: [`${label} failed (exit code ${code})`] };
}

function readIfExists(file) {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

function findTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => f.endsWith('.test.ts') && statSync(f).isFile())
    .sort();
}

function chromiumPath() {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}

function hasChromium() {
  try {
    accessSync(chromiumPath(), constants.X_OK);
    return statSync(chromiumPath()).isFile();
  } catch {
    return false;
  }
}

const parts = [];

// 1. data (the unit tests may read it too, so it comes first)
let dataOk = true;
if (build) {
  const data = step('npm run data', () => run('data', 'npm', ['run', 'data']));
  dataOk = data.failed === 0;
  parts.push(data);
}

// 2. unit tests
if (runUnit) {
  rmSync(VITEST_REPORT, { force: true });
  const code = run('unit tests (Vitest)', process.execPath, [
    bin('vitest'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${relative(ROOT, VITEST_REPORT)}`,
  ]);
  parts.push(countVitest(readIfExists(VITEST_REPORT), code));
}

// 3–4. build, then browser tests
const skippedBrowser = runE2e && !hasChromium();
if (runE2e) {
  let builtOk = dataOk;
  if (build && dataOk) {
    const built = step('vite build', () => run('build', process.execPath, [bin('vite'), 'build']));
    builtOk = built.failed === 0;
    parts.push(built);
  } else if (!dataOk) {
    banner(['browser tests NOT RUN: the data build failed']);
  }
  if (builtOk && !existsSync(join(ROOT, 'dist', 'index.html'))) {
    banner(['browser tests NOT RUN: dist/index.html is missing (run without --no-build)']);
    parts.push({ passed: 0, failed: 1, skipped: 0, notes: ['dist/index.html missing'] });
    builtOk = false;
  }
  if (skippedBrowser) {
    banner([
      `BROWSER TESTS SKIPPED: no Chromium at ${chromiumPath()}`,
      'Install it (apt-get install chromium) or set CHROME_PATH.',
      ci ? 'CI=true: this counts as a failure.' : 'Tests that need no browser still run.',
    ]);
    if (ci) parts.push({ passed: 0, failed: 1, skipped: 0, notes: [`CI=true and no Chromium at ${chromiumPath()}`] });
  }
  const files = findTests(E2E_DIR);
  if (builtOk && files.length > 0) {
    rmSync(TAP_REPORT, { force: true });
    const code = run(
      'browser tests (node --test)',
      process.execPath,
      [
        '--import',
        'tsx',
        '--test',
        '--test-concurrency=1',
        '--test-timeout=300000',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=tap',
        `--test-reporter-destination=${relative(ROOT, TAP_REPORT)}`,
        ...files.map((f) => relative(ROOT, f)),
      ],
      { TZ: 'UTC' },
    );
    parts.push(countNodeTap(readIfExists(TAP_REPORT), code));
  }
}

const total = addCounts(...parts);
if (total.notes.length) console.error(`\nCounted as failures or worth knowing:\n${total.notes.map((n) => `  - ${n}`).join('\n')}`);
if (skippedBrowser) banner([`BROWSER TESTS SKIPPED: no Chromium at ${chromiumPath()}${ci ? ' (CI: failure)' : ''}`]);
console.log(`\n${formatSummary(total)}`);
process.exitCode = total.failed > 0 ? 1 : 0;
