/**
 * The explorer (src/pages/index.html, served at `/`) in headless Chromium, against the page
 * contract: `body[data-state]`, `[data-testid=map] svg path[data-code]` with `fill` and
 * `data-status`, `select#metric|#year|#perp`, `[data-testid=timeline] [data-year]`,
 * `[data-testid=detail]`, and the view in the query string.
 *
 * Known figures come from static/data/atlas.json through the same pure selection functions the
 * page uses (src/lib/data/select.ts), so the tests follow the data instead of hard-coding numbers.
 * Screenshots land in test-results/screenshots/: look at them.
 */
import { after, before, describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { GOVERNORATE_CODES, METRIC_IDS, type Dataset, type MetricId } from '../../src/lib/data/types';
import { parseDataset } from '../../src/lib/data/load';
import type { Query } from '../../src/lib/data/selection';
import { indexDataset, perpsOf, selectMap, selectTime, yearsOf, type Atlas } from '../../src/lib/data/select';
import { DEFAULT_VIEW } from '../../src/lib/state/url';
import {
  DIST,
  ROOT,
  axeViolations,
  launchBrowser,
  problems,
  screenshot,
  skipWithoutChromium,
  startStaticServer,
  waitForReady,
  watchPage,
  type PageLog,
  type PageOptions,
  type StaticServer,
  type TestBrowser,
} from './harness';

const MAP_PATHS = '[data-testid=map] svg path[data-code]';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 812 };

let server: StaticServer;
let browser: TestBrowser;
let dataset: Dataset;
let atlas: Atlas;

interface Opened {
  page: Page;
  log: PageLog;
}

/** Open a path of the site in a fresh context and wait for the first choropleth. */
async function open(path = '/', options: PageOptions = {}): Promise<Opened> {
  const page = await browser.newPage(options);
  const log = watchPage(page, server.origin);
  await page.goto(server.url + path, { waitUntil: 'load', timeout: 60_000 });
  await waitForReady(page, log);
  return { page, log };
}

async function withPage(path: string, options: PageOptions, fn: (o: Opened) => Promise<void>): Promise<void> {
  const opened = await open(path, options);
  try {
    await fn(opened);
  } finally {
    await opened.page.context().close();
  }
}

interface MapState {
  paths: { code: string; fill: string | null; status: string | null }[];
  timeline: string | null;
  search: string;
  selects: Record<string, string | null>;
}

/** What the filters can change, read from the DOM. */
function readState(page: Page): Promise<MapState> {
  return page.evaluate((sel) => {
    const value = (id: string) => (document.querySelector(`select#${id}`) as HTMLSelectElement | null)?.value ?? null;
    const timeline = document.querySelector('[data-testid=timeline]');
    return {
      paths: [...document.querySelectorAll(sel)].map((p) => ({
        code: p.getAttribute('data-code') ?? '',
        fill: p.getAttribute('fill'),
        status: p.getAttribute('data-status'),
      })),
      // the bars' markup: heights, classes, selection state; comments are Svelte's anchors
      timeline: timeline ? timeline.innerHTML.replace(/<!--[^]*?-->/g, '') : null,
      search: location.search,
      selects: { metric: value('metric'), year: value('year'), perp: value('perp') },
    };
  }, MAP_PATHS);
}

const mapKeyOfState = (s: MapState) => s.paths.map((p) => `${p.code}:${p.fill}:${p.status}`).join('|');

function options(page: Page, id: string): Promise<string[]> {
  return page.$$eval(`select#${id} option`, (os) => os.map((o) => (o as HTMLOptionElement).value));
}

/** The query the page should be showing for some filters (what `ViewState` derives). */
function query(metric: MetricId, year: number | null = null, perp = 'all'): Query {
  return { ...DEFAULT_VIEW, metric, year, perp, period: null, gov: null };
}

/** Statuses and values of the map for a query, per governorate, from the data. */
function expectedMap(q: Query): Map<string, { status: string; value: number | null }> {
  const out = new Map<string, { status: string; value: number | null }>();
  for (const cell of selectMap(atlas, q).cells) {
    for (const code of cell.codes) out.set(code, { status: cell.status, value: cell.figure?.shown.value ?? null });
  }
  return out;
}

const mapKey = (q: Query) => [...expectedMap(q)].map(([c, v]) => `${c}:${v.status}:${v.value}`).join('|');
const timeKey = (q: Query) => {
  const t = selectTime(atlas, q);
  return [...t.years, ...t.months].map((b) => `${b.period.key}:${b.status}:${b.value}:${b.segments.length}`).join('|');
};
/** Whether the timeline has anything to draw for a query (some metrics have no national series). */
const hasBars = (q: Query) => selectTime(atlas, q).years.some((b) => b.status !== 'gap');
const statusChanges = (a: Query, b: Query) => {
  const ea = expectedMap(a);
  const eb = expectedMap(b);
  return GOVERNORATE_CODES.filter((c) => ea.get(c)?.status !== eb.get(c)?.status).length;
};

/**
 * Let the map finish drawing before reading pixels: the explorer lays a MapLibre canvas over the
 * SVG when the browser is idle (`data-mode` on the map panel goes `loading` → `maplibre`, or back
 * to `svg` if WebGL fails); SwiftShader makes that take seconds. Not part of the page contract,
 * so a page without `data-mode` just gets the two frames.
 */
async function settleMap(page: Page): Promise<void> {
  await page.locator('[data-testid=map]').scrollIntoViewIfNeeded();
  await page.mouse.move(0, 0);
  await page.waitForFunction(() => !document.querySelector('[data-testid=map] [data-mode=loading]'), undefined, { timeout: 30_000 }).catch(() => {});
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Poll until `done(state)` or the time is up; returns the last state either way. */
async function pollState(page: Page, done: (s: MapState) => boolean, timeout = 15_000): Promise<MapState> {
  const end = Date.now() + timeout;
  let state = await readState(page);
  while (!done(state) && Date.now() < end) {
    await page.waitForTimeout(100);
    state = await readState(page);
  }
  return state;
}

/**
 * Change one select and check that the map (fills or statuses), the timeline and the URL follow.
 * `candidates` are values the data says should change the map, best first; the first that
 * changes the DOM passes (colour classes can coincide, so a later one may be needed).
 */
async function checkFilter(page: Page, id: 'metric' | 'year' | 'perp', candidates: string[]) {
  // the timeline may arrive after the first paint (a lazy chunk): compare only once it is there
  await page
    .waitForSelector('[data-testid=timeline] [data-year]', { state: 'attached', timeout: 20_000 })
    .catch(() => assert.fail('no timeline bars [data-testid=timeline] [data-year] within 20 s of data-state=ready'));
  const available = await options(page, id);
  const tried: string[] = [];
  assert.ok(candidates.length > 0, `no value of #${id} in the data should change the map (options: ${available.join(', ')})`);
  for (const value of candidates.slice(0, 3)) {
    assert.ok(available.includes(value), `select#${id} has no option ${value} (options: ${available.join(', ')})`);
    const before = await readState(page);
    await page.selectOption(`select#${id}`, value);
    const after = await pollState(
      page,
      (s) => new URLSearchParams(s.search).get(id) === value && mapKeyOfState(s) !== mapKeyOfState(before) && s.timeline !== before.timeline,
    );
    assert.equal(after.selects[id], value, `select#${id} did not keep the value ${value}`);
    assert.equal(new URLSearchParams(after.search).get(id), value, `the URL did not follow #${id}=${value}: ${after.search}`);
    assert.notEqual(after.timeline, before.timeline, `the timeline did not change for #${id}=${value}`);
    if (mapKeyOfState(after) !== mapKeyOfState(before)) return value;
    tried.push(value);
  }
  assert.fail(`no fill or status on the map changed for #${id} = ${tried.join(', ')}`);
}

/** Values whose map (and, if asked, drawable timeline) differ from `base`, most status changes first. */
function changingValues<T>(values: T[], make: (v: T) => Query, base: Query, needTimeline: boolean): T[] {
  return values
    .filter((v) => mapKey(make(v)) !== mapKey(base) && (!needTimeline || (timeKey(make(v)) !== timeKey(base) && hasBars(make(v)))))
    .map((v) => ({ v, score: statusChanges(make(v), base) }))
    .sort((a, b) => b.score - a.score)
    .map((x) => x.v);
}

/** Skipped tests, not a skipped suite, so that the runner counts them when Chromium is missing. */
const SKIP = skipWithoutChromium();
const test = (name: string, fn: (t: TestContext) => Promise<void>) => it(name, { skip: SKIP, timeout: 180_000 }, fn);

describe('explorer', () => {
  before(async () => {
    if (SKIP) return;
    const file = join(ROOT, 'static', 'data', 'atlas.json');
    assert.ok(existsSync(file), `${file} is missing: run npm run data`);
    dataset = parseDataset(readFileSync(file, 'utf8'));
    atlas = indexDataset(dataset);
    server = await startStaticServer(DIST);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('loads with no console error, no failed request, and reaches data-state=ready', async () => {
    await withPage('/', {}, async ({ page, log }) => {
      await page.waitForLoadState('networkidle');
      assert.equal(await page.evaluate(() => document.body.dataset.state), 'ready');
      assert.deepEqual(problems(log), []);
    });
  });

  test('draws the 14 governorates with the fills and statuses of the default view', async () => {
    await withPage('/', {}, async ({ page }) => {
      const state = await readState(page);
      assert.deepEqual(state.paths.map((p) => p.code).sort(), [...GOVERNORATE_CODES].sort());
      for (const p of state.paths) {
        assert.ok(p.fill && p.fill !== 'none', `${p.code} has no fill (${p.fill})`);
        assert.ok(['value', 'not-listed', 'gap'].includes(p.status ?? ''), `${p.code} has data-status=${p.status}`);
      }
      const expected = expectedMap(query(DEFAULT_VIEW.metric));
      const statuses = Object.fromEntries(state.paths.map((p) => [p.code, p.status]));
      const want = Object.fromEntries(GOVERNORATE_CODES.map((c) => [c, expected.get(c)?.status ?? 'gap']));
      assert.deepEqual(statuses, want, 'statuses differ from selectMap() for the default view');
      const valued = state.paths.filter((p) => p.status === 'value');
      if (valued.length > 1) {
        // a choropleth with one colour for every figure would say nothing
        const byValue = new Map(valued.map((p) => [expected.get(p.code)?.value, p.fill]));
        if (byValue.size > 1) assert.ok(new Set(valued.map((p) => p.fill)).size > 1, 'every governorate with a figure has the same fill');
      }
    });
  });

  test('paints each governorate in the colour of its fill attribute (pixels of a screenshot)', async (t) => {
    await withPage('/', { viewport: DESKTOP }, async ({ page }) => {
      await settleMap(page);
      const samples = await page.evaluate((sel) => {
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 1;
        const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
        const rgba = (color: string) => {
          ctx.clearRect(0, 0, 1, 1);
          ctx.fillStyle = '#010203';
          ctx.fillStyle = color;
          if (ctx.fillStyle === '#010203' && color.replace(/\s/g, '').toLowerCase() !== '#010203') return null;
          ctx.fillRect(0, 0, 1, 1);
          return [...ctx.getImageData(0, 0, 1, 1).data];
        };
        const map = document.querySelector('[data-testid=map]')!;
        const paths = [...document.querySelectorAll(sel)] as SVGPathElement[];
        const dirs = [
          [1, 0],
          [-1, 0],
          [0, 1],
          [0, -1],
          [1, 1],
          [-1, -1],
          [1, -1],
          [-1, 1],
        ];
        return paths.map((path) => {
          const r = path.getBoundingClientRect();
          const toLocal = path.getScreenCTM()!.inverse();
          // inside this governorate's own geometry (whatever layer paints it: the SVG, or a
          // MapLibre canvas laid over it), and not under a label, tooltip or legend
          const hit = (x: number, y: number) => {
            const p = new DOMPoint(x, y).matrixTransform(toLocal);
            if (!path.isPointInFill(p)) return false;
            const top = document.elementFromPoint(x, y);
            return top === path || (top instanceof HTMLCanvasElement && map.contains(top));
          };
          // grid points from the box's centre outwards; the first 4 px clear of any edge wins
          const n = 24;
          const grid: [number, number][] = [];
          for (let i = 1; i < n; i++) {
            for (let j = 1; j < n; j++) grid.push([Math.floor(r.left + (r.width * i) / n) + 0.5, Math.floor(r.top + (r.height * j) / n) + 0.5]);
          }
          const cx = r.left + r.width / 2;
          const cy = r.top + r.height / 2;
          grid.sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy));
          let best: { x: number; y: number; depth: number } | null = null;
          for (const [x, y] of grid) {
            if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight || !hit(x, y)) continue;
            let depth = 0;
            for (let d = 1; d <= 4 && dirs.every(([dx, dy]) => hit(x + dx * d, y + dy * d)); d++) depth = d;
            if (!best || depth > best.depth) best = { x, y, depth };
            if (depth === 4) break;
          }
          const fill = path.getAttribute('fill') ?? '';
          const top = best ? document.elementFromPoint(best.x, best.y) : null;
          return {
            code: path.getAttribute('data-code') ?? '',
            fill,
            expected: rgba(fill),
            point: best,
            layer: top === path ? 'svg' : top ? top.tagName.toLowerCase() : 'none',
          };
        });
      }, MAP_PATHS);
      const file = await screenshot(page, 'explorer-pixels-1280x800');
      const png = PNG.sync.read(readFileSync(file));
      const errors: string[] = [];
      let compared = 0;
      for (const s of samples) {
        if (!s.point || s.point.depth < 2) {
          errors.push(`${s.code}: no point well inside the path is visible (best ${JSON.stringify(s.point)})`);
          continue;
        }
        if (!s.expected) continue; // a pattern (url(#…)) fill, e.g. hatching for gaps: no single colour to compare
        const x = Math.floor(s.point.x);
        const y = Math.floor(s.point.y);
        const i = (png.width * y + x) * 4;
        const got = [png.data[i], png.data[i + 1], png.data[i + 2]];
        const want = s.expected.slice(0, 3);
        const diff = Math.max(...got.map((g, k) => Math.abs(g - want[k])));
        compared++;
        if (diff > 8 || s.expected[3] !== 255) {
          errors.push(`${s.code}: fill ${s.fill} = rgb(${want.join(',')}) but the ${s.layer} painted rgb(${got.join(',')}) at (${x},${y})`);
        }
      }
      t.diagnostic(`compared ${compared} governorates; painted by: ${[...new Set(samples.map((x) => x.layer))].join(', ')}`);
      assert.deepEqual(errors, []);
      assert.ok(compared > 0, 'no governorate has a plain colour fill to compare');
    });
  });

  test('the metric filter changes the map, the timeline and the URL', async (t) => {
    await withPage('/', {}, async ({ page }) => {
      const base = query(DEFAULT_VIEW.metric);
      const metrics = METRIC_IDS.filter((m) => m !== base.metric && (atlas.byMetric.get(m)?.length ?? 0) > 0);
      const candidates = changingValues(metrics, (m) => query(m), base, true);
      t.diagnostic(`metric → ${await checkFilter(page, 'metric', candidates)}`);
    });
  });

  test('the year filter changes the map, the timeline and the URL', async (t) => {
    // the metric whose years change the map the most
    const best = METRIC_IDS.map((m) => {
      const base = query(m);
      return { m, years: changingValues(yearsOf(atlas, m), (y) => query(m, y), base, false) };
    }).sort((a, b) => b.years.length - a.years.length)[0];
    await withPage(`/?metric=${best.m}`, {}, async ({ page }) => {
      t.diagnostic(`metric=${best.m}, year → ${await checkFilter(page, 'year', best.years.map(String))}`);
    });
  });

  test('the perpetrator filter changes the map, the timeline and the URL', async (t) => {
    const best = METRIC_IDS.map((m) => {
      const base = query(m);
      return { m, perps: changingValues(perpsOf(atlas, m), (p) => query(m, null, p), base, true) };
    }).sort((a, b) => b.perps.length - a.perps.length)[0];
    assert.ok(best.perps.length > 0, 'no metric has a perpetrator that changes both map and timeline');
    await withPage(`/?metric=${best.m}`, {}, async ({ page }) => {
      t.diagnostic(`metric=${best.m}, perp → ${await checkFilter(page, 'perp', best.perps)}`);
    });
  });

  test('restores the filters and the selected governorate from the URL', async (t) => {
    // every parameter away from its default where the data allows: a named party, a year, a
    // metric other than the default, and a governorate with a figure when there is one
    const combos = METRIC_IDS.flatMap((metric) =>
      yearsOf(atlas, metric).flatMap((year) => ['all', ...perpsOf(atlas, metric)].map((perp) => ({ metric, year, perp }))),
    ).map((c) => {
      const cell = selectMap(atlas, query(c.metric, c.year, c.perp)).cells.find((x) => x.status === 'value' && x.codes.length === 1);
      const score = 4 * Number(c.perp !== 'all') + 2 * Number(!!cell) + Number(c.metric !== DEFAULT_VIEW.metric);
      return { ...c, gov: cell?.codes[0] ?? 'SY-HM', score };
    });
    combos.sort((a, b) => b.score - a.score);
    const pick = combos[0];
    assert.ok(pick, 'the data has no metric with a year');
    const { metric, year, perp, gov } = pick;
    t.diagnostic(`?metric=${metric}&year=${year}&perp=${perp}&gov=${gov}`);
    await withPage(`/?metric=${metric}&year=${year}&perp=${perp}&gov=${gov}`, {}, async ({ page, log }) => {
      const state = await readState(page);
      assert.deepEqual(state.selects, { metric, year: String(year), perp });
      const params = new URLSearchParams(state.search);
      assert.equal(params.get('gov'), gov, `gov dropped from the URL: ${state.search}`);
      const detail = page.locator('[data-testid=detail]');
      await detail.waitFor({ state: 'visible', timeout: 10_000 });
      const name = dataset.areas.find((a) => a.code === gov)?.name_en;
      assert.ok(name, `no area ${gov} in the data`);
      assert.ok((await detail.innerText()).includes(name), `the detail panel does not name ${name}`);
      assert.deepEqual(problems(log), []);
    });
  });

  test('gives the default view, with no error, for garbage parameters', async () => {
    const garbage = '/?metric=zzz&year=abc&perp=%3Cscript%3Ealert(1)%3C%2Fscript%3E&gov=%22%3E%3Cimg%20src%3Dx%3E';
    await withPage(garbage, {}, async ({ page, log }) => {
      const state = await readState(page);
      assert.deepEqual(state.selects, { metric: DEFAULT_VIEW.metric, year: 'all', perp: 'all' });
      const expected = expectedMap(query(DEFAULT_VIEW.metric));
      for (const p of state.paths) assert.equal(p.status, expected.get(p.code)?.status ?? 'gap', `${p.code} status`);
      const html = await page.content();
      assert.ok(!/<script>alert|<img src="?x/i.test(html), 'a parameter was written into the page as markup');
      assert.deepEqual(problems(log), []);
    });
  });

  test('sends no request outside its own origin (fonts included)', async () => {
    await withPage('/', {}, async ({ page, log }) => {
      await page.waitForLoadState('networkidle');
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      // use the page a little, in case something loads lazily
      const metrics = await options(page, 'metric');
      const other = metrics.find((m) => m !== DEFAULT_VIEW.metric);
      if (other) await page.selectOption('select#metric', other);
      // click a governorate wherever it is painted (the SVG, or the MapLibre canvas over it)
      const box = await page.locator(`${MAP_PATHS}[data-code="SY-HM"]`).boundingBox();
      if (box) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForLoadState('networkidle');
      assert.deepEqual(log.foreignRequests, [], 'requests leaving the origin');
      const fonts = await page.evaluate(() => [...document.fonts].map((f) => `${f.family} ${f.weight} ${f.status}`));
      assert.deepEqual(
        fonts.filter((f) => f.endsWith(' error')),
        [],
        'fonts that failed to load',
      );
      assert.deepEqual(problems(log), []);
    });
  });

  for (const [label, viewport, isMobile] of [
    ['1280x800', DESKTOP, false],
    ['375x812', PHONE, true],
  ] as const) {
    // one page state per size: the screenshots, the overflow and axe on the same load
    test(`saves screenshots at ${label}, with no horizontal overflow and no axe violation`, async () => {
      await withPage('/', { viewport, isMobile }, async ({ page }) => {
        for (const file of [await screenshot(page, `explorer-${label}`), await screenshot(page, `explorer-${label}-full`, { fullPage: true })]) {
          assert.ok(statSync(file).size > 1000, `${file} is empty`);
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px at ${label}`);
        assert.deepEqual(await axeViolations(page), []);
      });
    });
  }
});
