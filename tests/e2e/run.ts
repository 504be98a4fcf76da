/**
 * Every browser test in one process: `node --import tsx --test tests/e2e/run.ts` (what
 * `npm test` runs) loads each tests/e2e/**\/*.test.ts, so that they share one Chromium and one
 * static server (see harness.ts) instead of starting their own. A new test file dropped into
 * tests/e2e/ is picked up with no change here. `ATLAS_E2E_FILES` (paths separated by commas or
 * spaces) runs only those files, still in one process.
 *
 * Two files run at a time (`ATLAS_E2E_CONCURRENCY`, default 2; 1 runs them one after another):
 * one test flow leaves much of a 2-core machine idle while it waits on the browser. Each file is
 * its own suite with concurrency 1, so the tests within a file still run in order; every page
 * has a fresh context, so two files never share cookies, storage or a service worker. The
 * longest files start first (SLOW below) so that they do not end the run alone. The files in
 * ALONE run after the others, one at a time.
 *
 * A file that cannot be loaded (a syntax error, a failing import) becomes one failed test named
 * after it, and the other files still run.
 *
 * Deliberately ignores: test files outside tests/e2e/, and any dependence between files (each
 * file, and each test, must stand on its own).
 */
import { describe, it } from 'node:test';
// first, at the root: the harness's hooks (one Chromium and one server for the whole run, closed
// after the last test) must belong to the run, not to whichever file happened to import it first
import './harness';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '..', '..');

/** The browser-test files, sorted: those named in ATLAS_E2E_FILES, or all of tests/e2e/. */
export function e2eFiles(env: string | undefined = process.env.ATLAS_E2E_FILES): string[] {
  const named = (env ?? '').split(/[\s,]+/).filter(Boolean);
  if (named.length) return named.map((f) => resolve(ROOT, f));
  return readdirSync(HERE, { recursive: true })
    .map((f) => join(HERE, String(f)))
    .filter((f) => f.endsWith('.test.ts') && statSync(f).isFile())
    .sort();
}

/** The files that take longest, started first (by name; the rest follow in name order). */
const SLOW = ['arabic', 'present', 'maps', 'embed', 'hardening', 'explorer', 'fuzz', 'ucdp', 'ucdp-views', 'layout-shift'];

/** The files in the order they are started: the slow ones first. */
export function startOrder(files: readonly string[]): string[] {
  const rank = (f: string) => {
    const i = SLOW.findIndex((s) => f.endsWith(`/${s}.test.ts`));
    return i === -1 ? SLOW.length : i;
  };
  return [...files].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * Files run alone, after the others: the service-worker update test waits on an install and an
 * activation that a second busy file can slow past its limits.
 */
const ALONE = ['offline'];
const alone = (f: string) => ALONE.some((s) => f.endsWith(`/${s}.test.ts`));

const concurrency = Math.max(1, Number(process.env.ATLAS_E2E_CONCURRENCY) || 2);
const files = startOrder(e2eFiles());

describe('browser tests', { concurrency }, () => suites(files.filter((f) => !alone(f))));
describe('browser tests run alone', { concurrency: 1 }, () => suites(files.filter(alone)));

function suites(list: string[]): void {
  for (const file of list) {
    const name = relative(ROOT, file);
    // concurrency 1 within the file: its tests run in order, as written
    describe(name, { concurrency: 1 }, async () => {
      try {
        if (!existsSync(file)) throw new Error(`no such file: ${name}`);
        await import(pathToFileURL(file).href);
      } catch (err) {
        it(`${name} loads`, { timeout: 10_000 }, () => {
          throw err;
        });
      }
    });
  }
}
