/**
 * Every browser test in one process: `node --import tsx --test tests/e2e/run.ts` (what
 * `npm test` runs) loads each tests/e2e/**\/*.test.ts in name order, so that they share one
 * Chromium and one static server (see harness.ts) instead of starting their own. A new test file
 * dropped into tests/e2e/ is picked up with no change here. `ATLAS_E2E_FILES` (paths separated by
 * commas or spaces) runs only those files, still in one process.
 *
 * A file that cannot be loaded (a syntax error, a failing import) becomes one failed test named
 * after it, and the other files still run.
 *
 * Deliberately ignores: test files outside tests/e2e/, and ordering other than by name (each
 * file, and each test, must stand on its own: every page gets a fresh context).
 */
import { it } from 'node:test';
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

for (const file of e2eFiles()) {
  const name = relative(ROOT, file);
  try {
    if (!existsSync(file)) throw new Error(`no such file: ${name}`);
    await import(pathToFileURL(file).href);
  } catch (err) {
    it(`${name} loads`, { timeout: 10_000 }, () => {
      throw err;
    });
  }
}
