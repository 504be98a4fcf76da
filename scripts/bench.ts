/**
 * `npm run bench`: what the first choropleth costs, measured in the system Chromium.
 *
 * Builds if dist/ is missing or older than its sources, serves dist/ with gzip (the test
 * harness's server), loads the explorer in a fresh context per run (cold cache) and prints:
 * - the bytes received before the page signals its first map paint (`data-state=ready`), from
 *   Chromium's resource timing, raw and on the wire (gzip), split html / JS / CSS / data /
 *   geometry / fonts;
 * - medians over the runs of the time to first choropleth (navigation start → `ready`) and of a
 *   filter update (a change of `select#metric` once the page has every measure in, then of
 *   `select#year`, then of `select#perp`, → the next frame after the map's fills or statuses
 *   change), and, for information, the time from pressing the map's +
 *   (MapLibre loads only when asked) until the zoomable layer is drawn (the map panel's
 *   `data-mode=maplibre`, when the page has one).
 * Filter updates are timed on the SVG (the contract's DOM); MapLibre repaints its canvas from
 * the same change in a later frame.
 *
 * - for the explorer, the embed and briefing mode (`/`, `/embed/`, `/present/`), medians over
 *   the runs of a cold load's long tasks (count, and total blocking time: the part of each main-
 *   thread task after first contentful paint beyond 50 ms, until the page is ready and the
 *   network idle), its layout-shift score (CLS, PerformanceObserver `layout-shift` without recent
 *   input) and first contentful paint.
 *
 * It asserts nothing (budgets on sizes are in tests/e2e/budget.test.ts). Times depend on the
 * machine, and WebGL runs on SwiftShader here: compare runs on one machine, not across machines.
 *
 * Options: --runs N (default 5), --build (always rebuild), --cpu N (CDP CPU throttling, e.g. 4
 * for a mid-range phone), --json FILE (also write the results as JSON).
 * Environment: CHROME_PATH (default /usr/bin/chromium), ATLAS_DIST (measure another built site
 * instead of dist/, without building).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import {
  DIST,
  RESOURCE_KINDS,
  ROOT,
  chromiumPath,
  hasChromium,
  installFirstPaintProbe,
  launchBrowser,
  readFirstPaint,
  startStaticServer,
  totalsByKind,
  type FirstPaint,
} from '../tests/e2e/harness';

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    build: { type: 'boolean', default: false },
    cpu: { type: 'string', default: '1' },
    json: { type: 'string' },
  },
});
const runs = Math.max(1, Number(opts.runs) || 5);
const cpu = Math.max(1, Number(opts.cpu) || 1);
const JS_BUDGET = 60_000;

/** Newest modification time under the given paths (files or folders). */
function newest(paths: string[]): number {
  let max = 0;
  for (const p of paths.map((x) => join(ROOT, x))) {
    if (!existsSync(p)) continue;
    const st = statSync(p);
    if (st.isFile()) max = Math.max(max, st.mtimeMs);
    else
      for (const f of readdirSync(p, { recursive: true })) {
        const s = statSync(join(p, String(f)));
        if (s.isFile()) max = Math.max(max, s.mtimeMs);
      }
  }
  return max;
}

function ensureBuild(): void {
  if (process.env.ATLAS_DIST) return; // someone else's build: measure it as it is
  const index = join(DIST, 'index.html');
  const sources = ['src', 'data', 'vite.config.ts', 'svelte.config.js', 'scripts/build-data.ts', 'scripts/build-geo.ts', 'package-lock.json'];
  const stale = !existsSync(index) || statSync(index).mtimeMs < newest(sources);
  if (!opts.build && !stale) return;
  console.error(opts.build ? 'Building (--build)…' : 'dist/ is missing or older than its sources: building…');
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('npm run build failed');
    process.exit(1);
  }
}

/**
 * Change a select the way a person does, and time it to the frame after the map's fills changed:
 * the fill and status of every governorate of the SVG map on the page (whichever element holds it
 * by then: a view still loading its figures has none) differ from what they were before. Returns
 * null when the map did not change within 10 s.
 */
function timeFilterUpdate(page: Page, id: string, value: string): Promise<number | null> {
  return page.evaluate(
    ({ id, value }) =>
      new Promise<number | null>((resolve) => {
        const fills = () =>
          [...document.querySelectorAll('[data-testid=map] path[data-code]')]
            .map((p) => `${p.getAttribute('fill')}|${p.getAttribute('data-status')}`)
            .join(',');
        const before = fills();
        const select = document.querySelector(`select#${id}`) as HTMLSelectElement | null;
        if (!before || !select) return resolve(null);
        let t0 = 0;
        const timer = setTimeout(() => {
          observer.disconnect();
          resolve(null);
        }, 10_000);
        const observer = new MutationObserver(() => {
          const now = fills();
          if (!now || now === before) return;
          observer.disconnect();
          clearTimeout(timer);
          // the callback after the next animation frame runs once that frame is painted
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['fill', 'data-status', 'd'] });
        t0 = performance.now();
        select.value = value;
        select.dispatchEvent(new Event('input', { bubbles: true }));
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }),
    { id, value },
  );
}

async function optionValues(page: Page, id: string): Promise<string[]> {
  return page.$$eval(`select#${id} option`, (os) => os.map((o) => (o as HTMLOptionElement).value));
}

export interface LoadQuality {
  fcp: number;
  longTasks: number;
  tbt: number;
  cls: number;
}

const QUALITY_PAGES = ['/', '/embed/', '/present/'];

/** One cold load of `path`: long tasks, total blocking time, CLS and FCP, from the page itself. */
async function loadQuality(page: Page, url: string): Promise<LoadQuality> {
  if (cpu > 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  }
  await page.addInitScript(() => {
    const w = window as unknown as { __q: { tasks: [number, number][]; cls: number; fcp: number } };
    w.__q = { tasks: [], cls: 0, fcp: 0 };
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) w.__q.tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
    new PerformanceObserver((l) => {
      for (const e of l.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) w.__q.cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') w.__q.fcp = e.startTime;
    }).observe({ type: 'paint', buffered: true });
  });
  await page.goto(url);
  await page.waitForSelector('body[data-state="ready"], body[data-state="error"]', { state: 'attached', timeout: 60_000 }).catch(() => {});
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForTimeout(500);
  const q = await page.evaluate(() => (window as unknown as { __q: { tasks: [number, number][]; cls: number; fcp: number } }).__q);
  let tbt = 0;
  for (const [start, duration] of q.tasks) {
    // as Lighthouse counts it: only the part of a task after first contentful paint
    const clipped = start + duration - Math.max(start, q.fcp);
    if (clipped > 50) tbt += clipped - 50;
  }
  return { fcp: q.fcp, longTasks: q.tasks.length, tbt, cls: q.cls };
}

const median = (xs: number[]) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} ms` : 'n/a');

async function main() {
  if (!hasChromium()) {
    console.error(`No Chromium at ${chromiumPath()}: install it or set CHROME_PATH.`);
    process.exit(1);
  }
  ensureBuild();
  const server = await startStaticServer(DIST);
  const browser = await launchBrowser();
  const paints: FirstPaint[] = [];
  const updates: Record<string, number[]> = { metric: [], year: [], perp: [] };
  const glReady: number[] = [];
  const changes: Record<string, string> = {};
  const quality: Record<string, LoadQuality[]> = {};
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage();
      try {
        if (cpu > 1) {
          const cdp = await page.context().newCDPSession(page);
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
        }
        await installFirstPaintProbe(page);
        await page.addInitScript(() => {
          // not part of the page contract: the map panel's data-mode reaches `maplibre` once the
          // zoomable layer is drawn over the SVG
          const w = window as unknown as { __glReady?: number };
          new MutationObserver((_, o) => {
            if (document.querySelector('[data-mode=maplibre]')) {
              w.__glReady = performance.now();
              o.disconnect();
            }
          }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-mode'] });
        });
        await page.goto(`${server.url}/`);
        paints.push(await readFirstPaint(page));
        // MapLibre loads only when asked: press the map's + and time until it is drawn
        await page.evaluate(() => {
          (window as unknown as { __glAsked?: number }).__glAsked = performance.now();
          document.querySelector<HTMLButtonElement>('[data-action=zoom-in]')?.click();
        });
        const gl = await page
          .waitForFunction(() => (window as unknown as { __glReady?: number }).__glReady, undefined, { timeout: 30_000 })
          .then(async (h) => ((await h.jsonValue()) ?? 0) - (await page.evaluate(() => (window as unknown as { __glAsked: number }).__glAsked)))
          .catch(() => null);
        if (gl !== null) glReady.push(gl);
        // the other measures come in idle time after the first view (src/lib/data/figures.ts): a
        // change of measure is timed once they are in, as a reader who looked at the map first
        await page.waitForSelector('main[data-figures=all]', { state: 'attached', timeout: 30_000 }).catch(() => {});
        // a metric other than the default, then that metric's latest year, then a party
        const current = await page.$eval('select#metric', (s) => (s as HTMLSelectElement).value);
        const other = (await optionValues(page, 'metric')).find((m) => m !== current);
        if (other) {
          const t = await timeFilterUpdate(page, 'metric', other);
          if (t !== null) updates.metric.push(t);
          if (i === 0) changes.metric = `metric ${current} → ${other}`;
        }
        await page.waitForTimeout(200);
        const years = (await optionValues(page, 'year')).filter((y) => /^\d{4}$/.test(y));
        const year = years.at(-1);
        if (year) {
          const t = await timeFilterUpdate(page, 'year', year);
          if (t !== null) updates.year.push(t);
          if (i === 0) changes.year = `year all → ${year}`;
        }
        await page.waitForTimeout(200);
        const perp = (await optionValues(page, 'perp')).find((p) => p !== 'all');
        if (perp) {
          const t = await timeFilterUpdate(page, 'perp', perp);
          if (t !== null) updates.perp.push(t);
          if (i === 0) changes.perp = `party all → ${perp}`;
        }
      } finally {
        await page.context().close();
      }
    }
    for (const path of QUALITY_PAGES) {
      quality[path] = [];
      for (let i = 0; i < runs; i++) {
        const page = await browser.newPage();
        try {
          quality[path].push(await loadQuality(page, `${server.url}${path}`));
        } finally {
          await page.context().close();
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const first = paints[0];
  const totals = totalsByKind(first.resources);
  const lines: string[] = [];
  lines.push(
    `Syria violations atlas — bench: ${runs} cold load(s) of / in Chromium ${browser.browser.version()}, dist/ served locally with gzip${cpu > 1 ? `, CPU throttled ×${cpu}` : ''}`,
  );
  lines.push('');
  lines.push('Bytes received before the first choropleth (data-state=ready), first run:');
  lines.push(`  ${'kind'.padEnd(10)}${'files'.padStart(6)}${'raw'.padStart(12)}${'gzip'.padStart(12)}`);
  let raw = 0;
  let gzip = 0;
  for (const k of RESOURCE_KINDS) {
    const t = totals[k];
    if (t.count === 0 && (k === 'other' || k === 'html')) continue;
    lines.push(`  ${k.padEnd(10)}${String(t.count).padStart(6)}${kb(t.raw).padStart(12)}${kb(t.gzip).padStart(12)}`);
    raw += t.raw;
    gzip += t.gzip;
  }
  lines.push(`  ${'total'.padEnd(10)}${String(first.resources.length).padStart(6)}${kb(raw).padStart(12)}${kb(gzip).padStart(12)}`);
  lines.push(`  JS before first paint: ${kb(totals.js.gzip)} gzip (budget ${kb(JS_BUDGET)}${totals.js.gzip < JS_BUDGET ? ', within' : ', OVER'})`);
  for (const r of first.resources.filter((r) => r.kind !== 'html')) {
    lines.push(`    ${new URL(r.url).pathname.padEnd(54)} ${r.kind.padEnd(9)}${kb(r.raw).padStart(10)}${kb(r.gzip).padStart(10)}`);
  }
  lines.push('');
  const ready = paints.map((p) => p.readyAt);
  lines.push(`Time to first choropleth: median ${ms(median(ready))} (runs: ${ready.map((t) => Math.round(t)).join(', ')} ms)`);
  if (glReady.length) {
    lines.push(`Time from pressing + to the zoomable MapLibre layer: median ${ms(median(glReady))} (runs: ${glReady.map((t) => Math.round(t)).join(', ')} ms)`);
  }
  for (const key of ['metric', 'year', 'perp']) {
    const xs = updates[key];
    lines.push(
      `Filter update, ${changes[key] ?? key}: median ${ms(median(xs))} (runs: ${xs.map((t) => Math.round(t)).join(', ') || 'none: the map did not change'}${xs.length < runs && xs.length > 0 ? `; ${runs - xs.length} run(s) with no map change` : ''})`,
    );
  }
  lines.push('');
  lines.push('');
  lines.push(`Cold loads, median of ${runs}: long tasks (> 50 ms), total blocking time after first contentful paint, layout shift (CLS), FCP:`);
  lines.push(`  ${'page'.padEnd(12)}${'long tasks'.padStart(11)}${'TBT'.padStart(10)}${'CLS'.padStart(9)}${'FCP'.padStart(10)}`);
  for (const [path, qs] of Object.entries(quality)) {
    const m = (f: (q: LoadQuality) => number) => median(qs.map(f));
    lines.push(
      `  ${path.padEnd(12)}${String(m((q) => q.longTasks)).padStart(11)}${ms(m((q) => q.tbt)).padStart(10)}${m((q) => q.cls)
        .toFixed(3)
        .padStart(9)}${ms(m((q) => q.fcp)).padStart(10)}`,
    );
  }
  lines.push('');
  lines.push('Times are this machine with software WebGL (SwiftShader): compare runs, not machines.');
  console.log(lines.join('\n'));
  if (opts.json) {
    writeFileSync(
      opts.json,
      JSON.stringify({ runs, cpu, bytes: totals, resources: first.resources, readyMs: ready, updateMs: updates, changes, quality }, null, 2) + '\n',
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
