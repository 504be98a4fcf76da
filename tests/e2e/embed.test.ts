/**
 * The embed in headless Chromium, hosted by a page on another origin (a second static server on
 * another port), as a news site would host it:
 * - with the snippet (iframe + embed.js): height messages arrive and the iframe takes the embed's
 *   height, again when the reader changes the view;
 * - under a pym.js-style parent: pym's height messages resize it, and it answers pym's width messages;
 * - without scripts on the host, the iframe keeps its fixed height;
 * - the embed page: noindex, canonical link to the explorer view, requests only to its own origin,
 *   under 100 KB transferred (gzip) for every measure, and no MapLibre;
 * - a pinned embed (`v=`) keeps its figures after a data update (a fixture site with changed data);
 * - the explorer's embed dialog: the snippet pins the version; previews at 375 and 800 px resize.
 * Screenshots land in test-results/screenshots/: look at them.
 */
import { after, before, describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { METRIC_IDS, type Dataset, type MetricId } from '../../src/lib/data/types';
import type { Query } from '../../src/lib/data/selection';
import { indexDataset, selectMap, selectTime, yearsOf, type Atlas } from '../../src/lib/data/select';
import { datasetVersion, serializeDataset } from '../../scripts/data/build';
import { DEFAULT_VIEW, parseView, type ViewParams } from '../../src/lib/state/url';
import { DEFAULT_EMBED, fallbackHeight, type EmbedParams } from '../../src/lib/state/embed';
import { embedSnippet, embedUrl } from '../../src/lib/share/snippet';
import { publishVersions } from '../../scripts/publish-versions';
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
  type StaticServer,
  type TestBrowser,
  builtDataset,
} from './harness';

const BUDGET = 100_000;
const SKIP = skipWithoutChromium();
const test = (name: string, fn: (t: TestContext) => Promise<void>) => it(name, { skip: SKIP, timeout: 180_000 }, fn);
const num = (n: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(n);

let atlasServer: StaticServer;
let hostServer: StaticServer;
let hostDir: string;
let browser: TestBrowser;
let dataset: Dataset;
let atlas: Atlas;

const view = (o: Partial<ViewParams> = {}): ViewParams => ({ ...DEFAULT_VIEW, ...o });
const site = () => `${atlasServer.url}/`;

/** A host page on the host server's origin. */
function hostPage(name: string, body: string): string {
  writeFileSync(
    join(hostDir, name),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A news story</title><link rel="icon" href="data:,">
<script>window.__messages = []; addEventListener('message', (e) => window.__messages.push({ origin: e.origin, data: e.data }));</script>
</head><body style="margin:0;font-family:sans-serif"><h1>A story</h1><p>Text before the chart.</p>
<div style="width:700px">${body}</div><p>Text after the chart.</p></body></html>`,
  );
  return `${hostServer.url}/${name}`;
}

async function embedFrame(page: Page): Promise<Frame> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const frame = page.frames().find((f) => f.url().includes('/embed/'));
    if (frame) {
      await frame.waitForSelector('body[data-state="ready"]', { timeout: 45_000, state: 'attached' });
      return frame;
    }
    await page.waitForTimeout(50);
  }
  throw new Error('no embed frame');
}

/** The embed's own content height, as it measures it. */
const contentHeight = (frame: Frame) => frame.evaluate(() => Math.ceil(document.querySelector('.embed')!.getBoundingClientRect().height));
const frameHeight = (page: Page) => page.evaluate(() => document.querySelector('iframe')!.getBoundingClientRect().height);

/** Waits until the iframe is as tall as the embed's content. */
async function settled(page: Page, frame: Frame, timeout = 15_000): Promise<number> {
  const end = Date.now() + timeout;
  let h = 0;
  let c = -1;
  while (Date.now() < end) {
    [h, c] = [await frameHeight(page), await contentHeight(frame)];
    if (Math.abs(h - c) <= 1) return h;
    await page.waitForTimeout(100);
  }
  throw new Error(`the iframe is ${h}px tall, its content ${c}px`);
}

/** A year of the measure with a month row (so that choosing it makes the embed taller). */
function yearWithMonths(metric: MetricId): number {
  for (const y of yearsOf(atlas, metric).reverse()) {
    if (selectTime(atlas, { metric, year: y, period: null, perp: 'all', victims: 'all', gov: null }).months.length) return y;
  }
  throw new Error(`no year of ${metric} has months`);
}

describe('embed', () => {
  before(async () => {
    if (SKIP) return;
    dataset = builtDataset();
    atlas = indexDataset(dataset);
    hostDir = mkdtempSync(join(tmpdir(), 'atlas-host-'));
    atlasServer = await startStaticServer(DIST);
    // the real pym.js (a devDependency), served by the host page's own origin
    cpSync(join(ROOT, 'node_modules', 'pym.js', 'dist', 'pym.v1.min.js'), join(hostDir, 'pym.v1.min.js'));
    hostServer = await startStaticServer(hostDir);
    assert.notEqual(atlasServer.origin, hostServer.origin);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await atlasServer?.close();
    await hostServer?.close();
    if (hostDir) rmSync(hostDir, { recursive: true, force: true });
  });

  test('snippet on another origin: height messages arrive, the iframe resizes, also when the view changes', async () => {
    const embed: EmbedParams = { ...DEFAULT_EMBED, controls: true };
    const v = view({ v: dataset.version });
    const url = hostPage('snippet.html', embedSnippet({ site: site(), view: v, embed, title: 'Barrel bombs' }));
    const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
    const log = watchPage(page, [atlasServer.origin, hostServer.origin]);
    try {
      await page.goto(url);
      const frame = await embedFrame(page);
      const first = await settled(page, frame);
      assert.notEqual(first, fallbackHeight(embed), 'the iframe kept its fallback height');
      const messages = (await page.evaluate(() => (window as unknown as { __messages: { origin: string; data: unknown }[] }).__messages)).filter(
        (m) => (m.data as { type?: string })?.type === 'atlas:height',
      );
      assert.ok(messages.length > 0, 'no height message');
      assert.ok(messages.every((m) => m.origin === atlasServer.origin));
      assert.equal((messages.at(-1)!.data as { height: number }).height, first);
      const entries = await page.evaluate(() => history.length);
      // no scroll bar inside: the frame shows all of the embed
      assert.ok(await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight + 1), 'the embed scrolls inside its iframe');
      await screenshot(page, 'embed-host-snippet', { fullPage: true });

      // the reader picks a year: a month row appears, the embed grows, the iframe follows
      const year = yearWithMonths('barrel-bombs');
      await frame.selectOption('select#year', String(year));
      await frame.waitForFunction(() => document.querySelectorAll('[data-testid=timeline] g.bar[data-key*="-"]').length > 0);
      const second = await settled(page, frame);
      assert.ok(second > first + 50, `the iframe went from ${first}px to ${second}px`);
      const last = (await page.evaluate(() => (window as unknown as { __messages: { data: { type?: string; height?: number } }[] }).__messages))
        .filter((m) => m.data?.type === 'atlas:height')
        .at(-1)!.data.height;
      assert.equal(last, second);
      // it never touched the host's history
      assert.equal(await page.evaluate(() => history.length), entries);
      await screenshot(page, 'embed-host-snippet-year', { fullPage: true });
      assert.deepEqual(problems(log), []);
    } finally {
      await page.context().close();
    }
  });

  test('a pym.js-style parent resizes it, and it answers pym’s width messages', async () => {
    const src = embedUrl(site(), view({ metric: 'civilian-deaths', year: 2016 }), DEFAULT_EMBED);
    // what pym.Parent does: adds its parameters to the URL, listens for `pymxPYMx<id>xPYMxheightxPYMx<px>`,
    // sets the iframe's height, and sends the width when it changes
    const url = hostPage(
      'pym.html',
      `<div id="chart"></div><script>
const id = 'atlas-pym';
const container = document.getElementById('chart');
const frame = document.createElement('iframe');
frame.setAttribute('width', '100%');
frame.setAttribute('scrolling', 'no');
frame.setAttribute('marginheight', '0');
frame.setAttribute('frameborder', '0');
frame.src = ${JSON.stringify(src)} + '&initialWidth=' + container.offsetWidth + '&childId=' + id + '&parentTitle=' + encodeURIComponent(document.title) + '&parentUrl=' + encodeURIComponent(location.href);
container.appendChild(frame);
window.__pym = [];
addEventListener('message', (e) => {
  const m = typeof e.data === 'string' && new RegExp('^pymxPYMx' + id + 'xPYMx(\\\\S+)xPYMx(.*)$').exec(e.data);
  if (!m) return;
  window.__pym.push(m[1] + ':' + m[2]);
  if (m[1] === 'height') frame.setAttribute('height', parseInt(m[2], 10) + 'px');
});
window.__sendWidth = () => frame.contentWindow.postMessage('pymxPYMx' + id + 'xPYMxwidthxPYMx' + container.offsetWidth, '*');
</script>`,
    );
    const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
    const log = watchPage(page, [atlasServer.origin, hostServer.origin]);
    try {
      await page.goto(url);
      const frame = await embedFrame(page);
      const h = await settled(page, frame);
      const pym = await page.evaluate(() => (window as unknown as { __pym: string[] }).__pym);
      assert.ok(pym.length > 0 && pym.every((m) => /^height:\d+$/.test(m)), `pym messages: ${pym}`);
      assert.equal(pym.at(-1), `height:${h}`);
      assert.ok(!(await page.evaluate(() => 'pym' in window)), 'a real pym.js was loaded: this test uses none');
      // a width message from the parent gets a height back
      const before = pym.length;
      await page.evaluate(() => (window as unknown as { __sendWidth: () => void }).__sendWidth());
      await page.waitForFunction((n) => (window as unknown as { __pym: string[] }).__pym.length > n, before);
      await screenshot(page, 'embed-host-pym', { fullPage: true });
      assert.deepEqual(problems(log), []);
    } finally {
      await page.context().close();
    }
  });

  test('the real pym.js Parent sizes the iframe, also when the view changes', async () => {
    const embed: EmbedParams = { ...DEFAULT_EMBED, controls: true };
    const src = embedUrl(site(), view({ v: dataset.version }), embed);
    const url = hostPage(
      'pym-real.html',
      `<div id="chart"></div><script src="pym.v1.min.js"></script><script>window.__parent = new pym.Parent('chart', ${JSON.stringify(src)}, {});</script>`,
    );
    const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
    const log = watchPage(page, [atlasServer.origin, hostServer.origin]);
    try {
      await page.goto(url);
      assert.ok(await page.evaluate(() => 'pym' in window), 'pym.js did not load');
      const frame = await embedFrame(page);
      const first = await settled(page, frame);
      assert.ok(first > 300, `pym set the iframe to ${first}px`);
      const year = yearWithMonths('barrel-bombs');
      await frame.selectOption('select#year', String(year));
      await frame.waitForFunction(() => document.querySelectorAll('[data-testid=timeline] g.bar[data-key*="-"]').length > 0);
      const second = await settled(page, frame);
      assert.ok(second > first + 50, `pym took the iframe from ${first}px to ${second}px`);
      assert.deepEqual(problems(log), []);
    } finally {
      await page.context().close();
    }
  });

  test('without scripts on the host, the iframe keeps its fixed height; without scripts at all, it says where to go', async () => {
    const snippet = embedSnippet({ site: site(), view: view(), embed: DEFAULT_EMBED, title: 'Barrel bombs' }).replace(/<script[^>]*><\/script>/, '');
    const url = hostPage('noscript.html', snippet);
    const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
    try {
      await page.goto(url);
      const frame = await embedFrame(page);
      await page.waitForTimeout(500);
      assert.ok((await contentHeight(frame)) !== fallbackHeight(DEFAULT_EMBED));
      assert.equal(await frameHeight(page), fallbackHeight(DEFAULT_EMBED));
    } finally {
      await page.context().close();
    }
    const context = await browser.browser.newContext({ javaScriptEnabled: false, viewport: { width: 900, height: 900 } });
    try {
      const p = await context.newPage();
      await p.goto(url);
      await p.waitForTimeout(500);
      assert.equal(await p.evaluate(() => document.querySelector('iframe')!.getBoundingClientRect().height), fallbackHeight(DEFAULT_EMBED));
      const frame = p.frames().find((f) => f.url().includes('/embed/'))!;
      assert.match(await frame.innerText('body'), /needs JavaScript[\s\S]*Open the atlas/);
      await screenshot(p, 'embed-host-noscript');
    } finally {
      await context.close();
    }
  });

  test('embed page: noindex, canonical to the explorer, own origin only, under 100 KB for every measure, no MapLibre', async (t) => {
    // Measures' embeds differ only in their packed slice (one file, data/latest/<metric>.json):
    // the page of the measure whose slice is the largest once compressed stands for every
    // measure's bytes; barrel bombs (light and dark, screenshots) and the default measure are
    // loaded too. Every measure with data has a slice, at most as large as the one loaded.
    const metrics = METRIC_IDS.filter((m) => atlas.byMetric.has(m));
    const sliceBytes = new Map(metrics.map((m) => [m, gzipSync(readFileSync(join(DIST, 'data', 'latest', `${m}.json`))).length]));
    const largest = metrics.reduce((a, b) => (sliceBytes.get(b)! > sliceBytes.get(a)! ? b : a));
    const loaded = [...new Set<MetricId>([largest, 'barrel-bombs', DEFAULT_VIEW.metric])];
    const report: string[] = [`slices ${metrics.map((m) => `${m} ${sliceBytes.get(m)}`).join(', ')}`];
    for (const metric of loaded) {
      for (const theme of metric === 'barrel-bombs' ? (['light', 'dark'] as const) : (['light'] as const)) {
        const path = `/embed/${embedUrl('/', view({ metric, v: null }), { ...DEFAULT_EMBED, theme }).split('/embed/')[1]}`;
        const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
        const log = watchPage(page, atlasServer.origin);
        const from = atlasServer.log.length;
        try {
          await page.goto(atlasServer.url + path);
          await waitForReady(page, log);
          await page.waitForLoadState('networkidle');
          const served = atlasServer.log.slice(from);
          const bytes = served.reduce((s, r) => s + r.sentBytes, 0);
          report.push(`${metric}${theme === 'dark' ? ' (dark)' : ''}: ${(bytes / 1000).toFixed(1)} KB in ${served.length} requests`);
          assert.ok(bytes < BUDGET, `${metric}: ${bytes} bytes transferred (budget ${BUDGET}):\n${served.map((r) => `  ${r.path} ${r.sentBytes}`).join('\n')}`);
          assert.ok(
            served.every((r) => r.gzip || r.sentBytes < 1000 || !/\.(js|css|json|html)$|\/$/.test(r.path)),
            'a text response was not compressed',
          );
          assert.deepEqual(
            served.filter((r) => /maplibre/i.test(r.path)).map((r) => r.path),
            [],
            'MapLibre was loaded',
          );
          assert.ok(
            served.some((r) => r.path.endsWith(`data/latest/${metric}.json`)),
            'the embed did not load its measure’s slice',
          );
          assert.ok(!served.some((r) => r.path.endsWith('data/atlas.json')), 'the embed loaded the whole dataset');
          assert.deepEqual(problems(log), []);
          assert.equal(await page.getAttribute('meta[name=robots]', 'content'), 'noindex');
          const canonical = new URL(await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel=canonical]')!.href));
          assert.equal(canonical.origin + canonical.pathname, `${atlasServer.url}/`);
          assert.equal(canonical.searchParams.get('metric'), metric);
          assert.deepEqual(parseView(canonical.search), parseView(new URL(page.url()).search));
          const full = await page.getAttribute('[data-testid=full-view]', 'href');
          assert.deepEqual(parseView(new URL(full!, page.url()).search), parseView(canonical.search));
          assert.equal(canonical.searchParams.get('v'), null, 'the canonical view is the latest data');
          assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme);
          assert.match((await page.textContent('[data-testid=source-line]')) ?? '', /Source/);
          if (metric === 'barrel-bombs' || metric === 'civilian-deaths') {
            for (const width of [375, 800]) {
              await page.setViewportSize({ width, height: 900 });
              await page.waitForTimeout(200);
              await screenshot(page, `embed-${metric}${theme === 'dark' ? '-dark' : ''}-${width}`, { fullPage: true });
            }
          }
        } finally {
          await page.context().close();
        }
      }
    }
    t.diagnostic(report.join('; '));
    console.log(`embed transfer: ${report.join('; ')}`);
  });

  test('a link asking for an unknown measure shows the default one and says so, with no error', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
    const log = watchPage(page, atlasServer.origin);
    try {
      await page.goto(`${atlasServer.url}/embed/?metric=zzz<b>&year=abc&perp=%3Cscript%3E`);
      await waitForReady(page, log);
      const notice = (await page.textContent('[data-testid=unknown-metric]')) ?? '';
      assert.match(notice, /zzz<b>/, 'the notice quotes the link as text');
      assert.equal(await page.$$eval('.embed b', (b) => b.length), 0, 'no markup from the link');
      assert.ok((await page.$$('[data-testid=map] svg path[data-code]')).length === 14);
      assert.deepEqual(problems(log), []);
      const ok = await browser.newPage({ viewport: { width: 800, height: 900 } });
      try {
        await ok.goto(`${atlasServer.url}/embed/?metric=barrel-bombs&year=all&perp=all`);
        await waitForReady(ok);
        assert.equal(await ok.$('[data-testid=unknown-metric]'), null);
      } finally {
        await ok.context().close();
      }
    } finally {
      await page.context().close();
    }
  });

  test('with controls: under 100 KB, and another measure loads its own slice when picked', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
    const log = watchPage(page, atlasServer.origin);
    const from = atlasServer.log.length;
    try {
      await page.goto(`${atlasServer.url}/embed/?metric=civilian-deaths&year=all&perp=all&show=both&controls=1`);
      await waitForReady(page, log);
      await page.waitForLoadState('networkidle');
      const served = atlasServer.log.slice(from);
      const bytes = served.reduce((s, r) => s + r.sentBytes, 0);
      assert.ok(bytes < BUDGET, `controls=1: ${bytes} bytes transferred (budget ${BUDGET})`);
      assert.ok(!served.some((r) => r.path.endsWith('data/atlas.json')), 'the embed loaded the whole dataset');
      await page.selectOption('#metric', 'barrel-bombs');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=map] svg path[data-status=value]').length > 0);
      assert.ok(
        atlasServer.log.slice(from).some((r) => r.path.endsWith('data/latest/barrel-bombs.json')),
        'the new measure’s slice was not loaded',
      );
      const expected = selectMap(atlas, { metric: 'barrel-bombs', year: null, period: null, perp: 'all', victims: 'all', gov: null });
      const drawn = await page.$$eval('[data-testid=map] svg path[data-status=value]', (ps) => ps.map((p) => p.getAttribute('data-code')).sort());
      assert.deepEqual(
        drawn,
        expected.cells
          .filter((c) => c.status === 'value')
          .flatMap((c) => c.codes)
          .sort(),
      );
      assert.deepEqual(problems(log), []);
    } finally {
      await page.context().close();
    }
  });

  test('no axe violation in the embed (light and dark, phone width), and none in the embed dialog', async () => {
    // the previews are the embed itself, checked above
    const axe = (page: Page, include?: string) => axeViolations(page, include ? { include, exclude: 'iframe' } : {});
    for (const theme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
      const log = watchPage(page, atlasServer.origin);
      try {
        await page.goto(`${atlasServer.url}/embed/?metric=civilian-deaths&year=2016&perp=all&show=both&theme=${theme}&controls=1`);
        await waitForReady(page, log);
        assert.deepEqual(await axe(page), [], `embed, ${theme}`);
      } finally {
        await page.context().close();
      }
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const log = watchPage(page, atlasServer.origin);
    try {
      await page.goto(`${atlasServer.url}/?metric=barrel-bombs&year=all&perp=all`);
      await waitForReady(page, log);
      await page.click('[data-testid=share] .toggle');
      await page.waitForSelector('[data-testid=share] [data-action=embed]');
      assert.deepEqual(await axe(page, '[data-testid=share]'), [], 'share menu');
      await page.click('[data-testid=share] [data-action=embed]');
      await page.waitForSelector('[data-testid=embed-dialog][open]');
      assert.deepEqual(await axe(page, '[data-testid=embed-dialog]'), [], 'embed dialog');
    } finally {
      await page.context().close();
    }
  });

  test('a pinned embed keeps its figures after a data update', async () => {
    // a copy of the site whose data then changes: one governorate's figure is revised
    const dir = mkdtempSync(join(tmpdir(), 'atlas-site-'));
    const record = mkdtempSync(join(tmpdir(), 'atlas-record-'));
    let server: StaticServer | undefined;
    try {
      cpSync(DIST, dir, { recursive: true });
      for (const f of readdirSync(join(DIST, 'data', 'versions')).filter((f) => f.endsWith('.json')))
        cpSync(join(DIST, 'data', 'versions', f), join(record, f));
      const q: Query = { metric: 'barrel-bombs', year: null, period: null, perp: 'all', victims: 'all', gov: null };
      const cell = selectMap(atlas, q).cells.find((c) => c.status === 'value' && c.codes.length === 1 && c.figure)!;
      const old = cell.figure!.shown;
      const { version: _v, ...content } = structuredClone(dataset);
      const changed = content.observations.find((o) => o.id === old.id)!;
      changed.value = old.value + 1234;
      const next: Dataset = { version: datasetVersion(content), ...content };
      writeFileSync(join(dir, 'data', 'atlas.json'), serializeDataset(next));
      const published = publishVersions({ atlasFile: join(dir, 'data', 'atlas.json'), recordDir: record, outDir: join(dir, 'data') });
      assert.equal(published.latest, next.version);
      assert.ok(published.versions.includes(dataset.version), 'the old version is not kept');
      server = await startStaticServer(dir);

      const figureOn = async (path: string) => {
        const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
        const log = watchPage(page, server!.origin);
        try {
          await page.goto(server!.url + path);
          await waitForReady(page, log);
          const label = await page.getAttribute(`[data-testid=map] svg path[data-code="${cell.area}"]`, 'aria-label');
          assert.deepEqual(problems(log), []);
          if (path.includes('/embed/') && path.includes('v=')) {
            // the link to the full view keeps the pin (the reader finds the same figures); the canonical link does not
            const full = new URL((await page.getAttribute('[data-testid=full-view]', 'href'))!, page.url());
            assert.equal(full.searchParams.get('v'), dataset.version);
            assert.equal(new URL(await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel=canonical]')!.href)).searchParams.get('v'), null);
          }
          return label ?? '';
        } finally {
          await page.context().close();
        }
      };
      const pinned = `/embed/?metric=barrel-bombs&year=all&perp=all&v=${dataset.version}&show=map`;
      const latest = '/embed/?metric=barrel-bombs&year=all&perp=all&show=map';
      assert.ok((await figureOn(pinned)).includes(num(old.value)), `the pinned embed does not show ${num(old.value)}`);
      assert.ok((await figureOn(latest)).includes(num(changed.value)), `the latest embed does not show ${num(changed.value)}`);
      // the explorer opened from a pinned embed shows the same old figures (the whole version)
      assert.ok((await figureOn(`/?metric=barrel-bombs&year=all&perp=all&v=${dataset.version}`)).includes(num(old.value)));
    } finally {
      await server?.close();
      rmSync(dir, { recursive: true, force: true });
      rmSync(record, { recursive: true, force: true });
    }
  });

  test('the explorer’s embed dialog: the snippet pins the version; previews at 375 and 800 px size themselves', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const log = watchPage(page, atlasServer.origin);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: atlasServer.origin });
    try {
      await page.goto(`${atlasServer.url}/?metric=civilian-deaths&year=2016&perp=all`);
      await waitForReady(page, log);
      await page.click('[data-testid=share] .toggle');
      await page.click('[data-testid=share] [data-action=embed]');
      await page.waitForSelector('[data-testid=embed-dialog][open]');
      const snippet = await page.inputValue('[data-testid=embed-snippet]');
      const src = /src="([^"]+)"/.exec(snippet)![1].replace(/&amp;/g, '&');
      assert.equal(parseView(new URL(src).search).v, dataset.version, 'the default snippet does not pin the data version');
      assert.deepEqual({ ...parseView(new URL(src).search), v: null }, parseView('?metric=civilian-deaths&year=2016&perp=all'));
      assert.ok(snippet.includes(`<script async src="${atlasServer.url}/embed.js"></script>`));

      for (const [id, width] of [
        ['phone', 375],
        ['desktop', 800],
      ] as const) {
        const handle = await page.waitForSelector(`iframe[data-preview=${id}]`);
        const frame = (await handle.contentFrame())!;
        await frame.waitForSelector('body[data-state="ready"]', { timeout: 45_000, state: 'attached' });
        assert.equal(await frame.evaluate(() => innerWidth), width);
        const end = Date.now() + 15_000;
        let ok = false;
        while (!ok && Date.now() < end) {
          const inner = await frame.evaluate(() => Math.ceil(document.querySelector('.embed')!.getBoundingClientRect().height));
          const outer = await handle.evaluate((f) => f.clientHeight);
          ok = Math.abs(inner - outer) <= 1;
          if (!ok) await page.waitForTimeout(100);
        }
        assert.ok(ok, `the ${width} px preview did not take its content's height`);
      }
      await screenshot(page, 'embed-dialog', { fullPage: false });

      await page.click('[data-testid=embed-dialog] [data-action=copy-snippet]');
      await page.waitForTimeout(200);
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);

      // options change the snippet: the map only, unpinned
      await page.check('input[name=embed-show][value=map]');
      await page.uncheck('input[name=embed-pin]');
      const changed = await page.inputValue('[data-testid=embed-snippet]');
      const src2 = new URL(/src="([^"]+)"/.exec(changed)![1].replace(/&amp;/g, '&'));
      assert.equal(src2.searchParams.get('show'), 'map');
      assert.equal(src2.searchParams.get('v'), null);
      // a preview reloaded by a changed option cancels what it was still fetching: not a fault
      assert.deepEqual(
        problems(log).filter((p) => !/^failed request: .*net::ERR_ABORTED$/.test(p)),
        [],
      );
    } finally {
      await page.context().close();
    }
  });
});
