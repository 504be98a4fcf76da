/**
 * Size budgets. Performance is measured by `npm run bench`, not asserted in timed tests; what is
 * asserted here is bytes, which do not flake.
 *
 * Budgets (1 KB = 1000 bytes, gzip at zlib's default level 6, what the test server and most
 * static hosts send):
 * - JS needed before the first choropleth: < 60 KB gzip (the project guide). Checked twice: from
 *   dist/ (the entry script of index.html and everything it imports statically or preloads —
 *   needs no browser), and from the network in Chromium (every script received before
 *   `data-state=ready`, which also catches a dynamic import made before the first paint).
 * - static/data/atlas.json: < 200 KB gzip. The explorer paints from one measure's file
 *   (static/data/full/<metric>.json) and loads this one after; the methods page and pinned views
 *   load it whole.
 *   Measured while setting the budget (2026-11-21): 60 KB gzip at 19:40 (1,348 observations,
 *   156 sources), 137 KB at 20:20 (3,288 observations ≈ 95 KB, 368 sources ≈ 35 KB): about
 *   30 bytes gzip per observation and 95 per source. 200 KB leaves ~45% headroom, i.e. room for
 *   some 2,000 more cited rows. When it breaks, do not raise it: split it further.
 *   2026-12-07: 206.5 KB with 4,784 observations; observations are now stored as columns
 *   (data/load.ts, encodeObservations): 163 KB, about 22 bytes gzip per observation.
 * - static/geo/syria.topo.json: < 25 KB gzip. About 2.8× the simplified 14 governorates plus
 *   neighbouring borders (8.9 KB on 2026-11-21); room for a finer simplification, not for an
 *   unsimplified boundary file.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  DIST,
  ROOT,
  installFirstPaintProbe,
  launchBrowser,
  readFirstPaint,
  skipWithoutChromium,
  startStaticServer,
  totalsByKind,
  type StaticServer,
  type TestBrowser,
} from './harness';

const KB = 1000;
export const BUDGETS = {
  jsBeforeFirstPaint: 60 * KB,
  atlasJson: 200 * KB,
  topoJson: 25 * KB,
};

const gz = (buf: Buffer | string) => gzipSync(buf).length;
const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;

/** Scripts the explorer's HTML loads, and every chunk they import statically or preload. */
export function staticScriptClosure(distDir: string, htmlFile = 'index.html'): string[] {
  const htmlPath = join(distDir, htmlFile);
  const html = readFileSync(htmlPath, 'utf8');
  const queue: string[] = [];
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = attr(tag, 'src');
    if (src) queue.push(resolve(dirname(htmlPath), src));
  }
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const href = attr(tag, 'href');
    if (href && /rel\s*=\s*["']modulepreload["']/i.test(tag)) queue.push(resolve(dirname(htmlPath), href));
  }
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.shift()!.split(/[?#]/)[0];
    if (seen.has(file) || /^https?:/.test(file)) continue;
    assert.ok(existsSync(file), `${relative(ROOT, file)} is referenced but missing`);
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    // static `import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"`; not `import("./x.js")`
    const patterns = [
      /\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.m?js)["']/g,
      /\bexport\s*(?:\*(?:\s*as\s*[\w$]+)?|\{[^}]*\})\s*from\s*["'](\.{1,2}\/[^"']+\.m?js)["']/g,
    ];
    for (const re of patterns) for (const m of code.matchAll(re)) queue.push(resolve(dirname(file), m[1]));
  }
  return [...seen];
}

describe('size budgets', () => {
  it(`JS needed before the first paint, from dist/: < ${kb(BUDGETS.jsBeforeFirstPaint)} gzip`, { timeout: 30_000 }, (t) => {
    assert.ok(existsSync(join(DIST, 'index.html')), 'dist/index.html is missing: run vite build');
    const files = staticScriptClosure(DIST);
    assert.ok(files.length > 0, 'dist/index.html loads no script');
    const sizes = files.map((f) => ({ file: relative(DIST, f), gzip: gz(readFileSync(f)) }));
    const total = sizes.reduce((s, f) => s + f.gzip, 0);
    t.diagnostic(`${kb(total)} gzip in ${files.length} file(s)`);
    assert.ok(
      total < BUDGETS.jsBeforeFirstPaint,
      `${kb(total)} gzip of JS before the first paint (budget ${kb(BUDGETS.jsBeforeFirstPaint)}):\n` + sizes.map((s) => `  ${s.file} ${kb(s.gzip)}`).join('\n'),
    );
  });

  for (const [file, budget] of [
    ['static/data/atlas.json', BUDGETS.atlasJson],
    ['static/geo/syria.topo.json', BUDGETS.topoJson],
  ] as const) {
    it(`${file}: < ${kb(budget)} gzip`, { timeout: 30_000 }, (t) => {
      const path = join(ROOT, file);
      assert.ok(existsSync(path), `${file} is missing: run npm run data`);
      const size = gz(readFileSync(path));
      t.diagnostic(`${kb(size)} gzip`);
      assert.ok(size < budget, `${file} is ${kb(size)} gzip (budget ${kb(budget)})`);
    });
  }

  describe('measured in Chromium', () => {
    const skip = skipWithoutChromium();
    let server: StaticServer;
    let browser: TestBrowser;
    before(async () => {
      if (skip) return;
      server = await startStaticServer(DIST);
      browser = await launchBrowser();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    it(`JS received before data-state=ready: < ${kb(BUDGETS.jsBeforeFirstPaint)} gzip`, { skip, timeout: 120_000 }, async (t) => {
      const page = await browser.newPage();
      try {
        await installFirstPaintProbe(page);
        await page.goto(`${server.url}/`);
        const paint = await readFirstPaint(page);
        const totals = totalsByKind(paint.resources);
        const js = paint.resources.filter((r) => r.kind === 'js');
        t.diagnostic(
          `${kb(totals.js.gzip)} gzip in ${js.length} script(s); data ${kb(totals.data.gzip)}, geometry ${kb(totals.geometry.gzip)}, CSS ${kb(totals.css.gzip)}, fonts ${kb(totals.fonts.gzip)}`,
        );
        assert.ok(js.length > 0, 'no script received before the first paint');
        assert.ok(
          totals.js.gzip < BUDGETS.jsBeforeFirstPaint,
          `${kb(totals.js.gzip)} of JS on the wire before the first paint (budget ${kb(BUDGETS.jsBeforeFirstPaint)}):\n` +
            js.map((r) => `  ${new URL(r.url).pathname} ${kb(r.gzip)}`).join('\n'),
        );
        // every text response was compressed, or the numbers above mean nothing
        for (const r of paint.resources) {
          if (['js', 'css', 'data', 'geometry', 'html'].includes(r.kind) && r.raw > 1000) {
            assert.ok(r.gzip < r.raw, `${r.url} was not compressed (${r.gzip} of ${r.raw} bytes)`);
          }
        }
      } finally {
        await page.context().close();
      }
    });
  });
});
