#!/usr/bin/env node
/**
 * `npm test`: every test of the atlas, with one summary line at the end.
 *
 *   1. `npm run data`     writes static/data/atlas.json and static/geo/syria.topo.json
 *   2. ESLint             `npm run lint`, counted as one test (fails on any error)
 *   3. Vitest             unit tests, tests/**\/*.test.ts except tests/e2e/
 *   4. `vite build`       dist/, which the browser tests serve
 *   5. node --test (tsx)  browser tests: tests/e2e/run.ts loads every tests/e2e/**\/*.test.ts into
 *                         one process, so that they share one Chromium and one static server
 *   6. Prettier           `npm run format:check`, one test (also alone with --format)
 *                         (a plain `npm test` runs it: FORMAT_CHECKED_BY_DEFAULT below)
 *
 * The last line printed is `N passed, N failed` (plus `, N skipped` when something was skipped),
 * summed over the runners, read from their machine reports (test-results/vitest.json and
 * test-results/e2e.tap) rather than their human output. A failed step, a runner that crashes or
 * writes no report, or a missing Chromium under CI=true each count as one failure; the exit code
 * is 1 whenever anything failed.
 *
 * Time limits: each browser test has its own `timeout` (no file-wide limit that could cut a
 * passing file); every step also has a generous watchdog (WATCHDOG_MIN below, the browser tests
 * 30 minutes, `ATLAS_E2E_WATCHDOG_MIN` to change it) that stops it, says which test was running,
 * and counts one failure, so that a hang can never hold CI until its own limit.
 *
 * Options: --unit (unit tests only), --e2e (browser tests only), --lint (lint only), --no-build
 * (reuse the existing static data and dist/), --format (also check formatting), and paths of
 * browser-test files to run only those (`--e2e --no-build tests/e2e/explorer.test.ts`).
 * Environment: CHROME_PATH (default /usr/bin/chromium), CI.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addCounts, countCheck, countNodeTap, countVitest, emptyCounts, formatSummary } from './test-summary.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const RESULTS = join(ROOT, 'test-results');
const VITEST_REPORT = join(RESULTS, 'vitest.json');
const TAP_REPORT = join(RESULTS, 'e2e.tap');
const CURRENT_TEST = join(RESULTS, 'e2e-current.txt');
const E2E_DIR = join(ROOT, 'tests', 'e2e');
const E2E_ENTRY = join(E2E_DIR, 'run.ts');

/** Minutes after which a step is stopped: far above a normal run (the whole suite takes ~5 min). */
const WATCHDOG_MIN = {
  data: 10,
  lint: 10,
  unit: 20,
  build: 10,
  e2e: Number(process.env.ATLAS_E2E_WATCHDOG_MIN) || 30,
  format: 10,
};

const KNOWN = ['--unit', '--e2e', '--lint', '--no-build', '--format'];
const argv = process.argv.slice(2);
const args = new Set(argv.filter((a) => a.startsWith('--')));
for (const a of args) {
  if (!KNOWN.includes(a)) {
    console.error(`test.mjs: unknown option ${a} (known: ${KNOWN.join(', ')}, or paths of browser-test files)`);
    process.exit(2);
  }
}
const only = ['--unit', '--e2e', '--lint'].filter((a) => args.has(a));
const runUnit = only.length === 0 || args.has('--unit');
const runE2e = only.length === 0 || args.has('--e2e');
const runLint = only.length === 0 || args.has('--lint');
/** Whether a plain `npm test` checks formatting too (the codebase is formatted with Prettier). */
const FORMAT_CHECKED_BY_DEFAULT = true;
const runFormat = args.has('--format') || (FORMAT_CHECKED_BY_DEFAULT && only.length === 0);
const build = !args.has('--no-build');
const e2eFiles = argv.filter((a) => !a.startsWith('--')).map((f) => resolve(f));
for (const f of e2eFiles) {
  if (!existsSync(f) || !f.endsWith('.test.ts')) {
    console.error(`test.mjs: ${f} is not a browser-test file (tests/e2e/*.test.ts)`);
    process.exit(2);
  }
}
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

/** The child running now, so that an interrupted run stops it (and its browser) too. */
let running = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (running) killGroup(running.pid);
    process.exit(130);
  });
}

function killGroup(pid) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

/**
 * Run a command with inherited output, in its own process group so that the watchdog can stop
 * it with everything it started (Chromium included). Resolves to `{ code, why }`: the exit code
 * (1 when it could not start or was killed), and why when it did not exit on its own.
 */
function run(label, command, commandArgs, { env = {}, minutes }) {
  const shown = [command, ...commandArgs].map((a) => (a === process.execPath ? 'node' : a.startsWith(`${ROOT}/`) ? relative(ROOT, a) : a));
  console.log(`\n▶ ${label}: ${shown.join(' ')}\n`);
  return new Promise((done) => {
    let child;
    try {
      child = spawn(command, commandArgs, { stdio: 'inherit', env: { ...process.env, ...env }, detached: true });
    } catch (err) {
      console.error(`✖ ${label}: could not start: ${err.message}`);
      done({ code: 1, why: `could not start: ${err.message}` });
      return;
    }
    running = child;
    let why;
    const timer = setTimeout(() => {
      why = `stopped by the watchdog after ${minutes} min`;
      killGroup(child.pid);
    }, minutes * 60_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      running = null;
      console.error(`✖ ${label}: could not start: ${err.message}`);
      done({ code: 1, why: `could not start: ${err.message}` });
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      running = null;
      if (signal && !why) why = `killed by ${signal}`;
      if (why) console.error(`✖ ${label}: ${why}`);
      done({ code: why ? 1 : (code ?? 1), why });
    });
  });
}

function banner(lines) {
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  const bar = '#'.repeat(width + 2);
  console.error(['', bar, ...lines.map((l) => `#  ${l.padEnd(width - 4)}  #`), bar, ''].join('\n'));
}

/** A step that must work for the tests to mean anything (data, build): one failure if it fails. */
async function step(label, command, commandArgs, minutes) {
  const { code, why } = await run(label, command, commandArgs, { minutes });
  if (code === 0) return emptyCounts();
  banner([`${label} FAILED (${why ?? `exit code ${code}`})`]);
  return { passed: 0, failed: 1, skipped: 0, notes: [`${label} failed (${why ?? `exit code ${code}`})`] };
}

/** A check that is one test (lint, format): one pass or one failure. */
async function check(label, command, commandArgs, minutes) {
  const { code, why } = await run(label, command, commandArgs, { minutes });
  if (code !== 0) banner([`${label} FAILED (${why ?? `exit code ${code}`})`]);
  return countCheck(label, code, why);
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

const started = Date.now();
const timings = [];
async function timed(label, fn) {
  const t = Date.now();
  const result = await fn();
  timings.push(`${label} ${((Date.now() - t) / 1000).toFixed(0)} s`);
  return result;
}

const parts = [];

// 1. data (the unit tests may read it too, so it comes first)
let dataOk = true;
if (build && (runUnit || runE2e)) {
  const data = await timed('data', () => step('data', 'npm', ['run', 'data'], WATCHDOG_MIN.data));
  dataOk = data.failed === 0;
  parts.push(data);
}

// 2. lint: one test
if (runLint) {
  parts.push(
    await timed('lint', () =>
      check('lint (ESLint)', process.execPath, [bin('eslint'), '--cache', '--cache-location', 'node_modules/.cache/eslint/', '.'], WATCHDOG_MIN.lint),
    ),
  );
}

// 3. unit tests
if (runUnit) {
  rmSync(VITEST_REPORT, { force: true });
  const { code, why } = await timed('unit', () =>
    run(
      'unit tests (Vitest)',
      process.execPath,
      [bin('vitest'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${relative(ROOT, VITEST_REPORT)}`],
      { minutes: WATCHDOG_MIN.unit },
    ),
  );
  const counts = countVitest(readIfExists(VITEST_REPORT), code);
  if (why) counts.notes.push(`unit tests: ${why}`);
  parts.push(counts);
}

// 4–5. build, then browser tests
const skippedBrowser = runE2e && !hasChromium();
if (runE2e) {
  let builtOk = dataOk;
  if (build && dataOk) {
    const built = await timed('build', () => step('vite build', process.execPath, [bin('vite'), 'build'], WATCHDOG_MIN.build));
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
  const files = e2eFiles.length ? e2eFiles : findTests(E2E_DIR);
  if (builtOk && files.length > 0) {
    rmSync(TAP_REPORT, { force: true });
    rmSync(CURRENT_TEST, { force: true });
    // one file, run.ts, that loads every test file: one process, one Chromium. No
    // --test-timeout: it would also limit run.ts as a whole; each test has its own timeout.
    const { code, why } = await timed('e2e', () =>
      run(
        'browser tests (node --test)',
        process.execPath,
        [
          '--import',
          'tsx',
          '--test',
          '--test-reporter=spec',
          '--test-reporter-destination=stdout',
          '--test-reporter=tap',
          `--test-reporter-destination=${relative(ROOT, TAP_REPORT)}`,
          relative(ROOT, E2E_ENTRY),
        ],
        {
          env: { TZ: 'UTC', ATLAS_E2E_CURRENT: CURRENT_TEST, ATLAS_E2E_FILES: e2eFiles.map((f) => relative(ROOT, f)).join(',') },
          minutes: WATCHDOG_MIN.e2e,
        },
      ),
    );
    const counts = countNodeTap(readIfExists(TAP_REPORT), code);
    if (why) {
      const last = readIfExists(CURRENT_TEST)?.trim();
      banner([`BROWSER TESTS ${why.toUpperCase()}`, `the test running then: ${last || '(none had started)'}`]);
      counts.notes.push(`browser tests ${why}; the test running then: ${last || '(none had started)'}`);
    }
    parts.push(counts);
  }
}

// 6. formatting: one test, once the codebase has been formatted (see README)
if (runFormat) {
  parts.push(await timed('format', () => check('format (Prettier)', process.execPath, [bin('prettier'), '--check', '.'], WATCHDOG_MIN.format)));
}

const total = addCounts(...parts);
if (total.notes.length) console.error(`\nCounted as failures or worth knowing:\n${total.notes.map((n) => `  - ${n}`).join('\n')}`);
if (skippedBrowser) banner([`BROWSER TESTS SKIPPED: no Chromium at ${chromiumPath()}${ci ? ' (CI: failure)' : ''}`]);
console.log(`\nTime: ${timings.join(', ')}; ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
console.log(`\n${formatSummary(total)}`);
process.exitCode = total.failed > 0 ? 1 : 0;
