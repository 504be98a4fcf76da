/**
 * The first map in the HTML (issue 10): dist/index.html holds the default view drawn at build
 * time (scripts/prerender-plugin.ts) — title, filters, the 14 governorates, legend, national
 * figure — so it shows before any script runs and without JavaScript; the scripts then take over
 * that same DOM (hydration) rather than drawing it again.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOVERNORATE_CODES } from '../../src/lib/data/types';
import { DIST, launchBrowser, problems, skipWithoutChromium, startStaticServer, waitForReady, watchPage, type StaticServer, type TestBrowser } from './harness';

const skip = skipWithoutChromium();

describe('prerendered explorer', () => {
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

  it('dist/index.html holds the default view: title, 14 governorates, legend, national figure', { timeout: 10_000 }, () => {
    const file = join(DIST, 'index.html');
    assert.ok(existsSync(file), 'dist/index.html is missing: run vite build');
    const html = readFileSync(file, 'utf8');
    const app = html.slice(html.indexOf('<div id="app"'), html.indexOf('<noscript>'));
    assert.match(app, /^<div id="app" data-prerendered="[^"]*metric=barrel-bombs/);
    const codes = [...app.matchAll(/<path class="governorate[^"]*"[^>]*data-code="(SY-[A-Z]{2})"/g)].map((m) => m[1]);
    assert.deepEqual([...codes].sort(), [...GOVERNORATE_CODES].sort(), 'the 14 governorate paths');
    assert.match(app, /<h1 class="view-title[^"]*">Barrel bombs dropped/);
    assert.match(html, /<title>Barrel bombs dropped[^<]*— Syria violations atlas<\/title>/);
    assert.match(app, /<select[^>]*id="metric"/, 'the filters');
    assert.match(app, /class="legend/, 'the legend');
    assert.match(app, /data-testid="map-caption"/);
    assert.match(app, /\d{1,3}(,\d{3})+/, 'a figure');
    // every script comes after the map in the document: it can paint before any of them runs
    assert.ok(!/<script/i.test(app), 'no script inside the prerendered view');
  });

  it('without JavaScript the page shows the map, legend and figures', { skip, timeout: 60_000 }, async () => {
    const context = await browser.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      const paths = page.locator('[data-testid=map] svg path[data-code]');
      assert.equal(await paths.count(), 14);
      const box = await page.locator('[data-testid=map] svg.choropleth').boundingBox();
      assert.ok(box && box.width > 300 && box.height > 200, `the map is drawn at ${JSON.stringify(box)}`);
      assert.match(await page.locator('h1').innerText(), /Barrel bombs/);
      assert.ok((await page.locator('[data-testid=map] .legend').count()) > 0, 'no legend');
      await page.screenshot({ path: join(DIST, '..', 'test-results', 'screenshots', 'prerender-nojs-390.png'), fullPage: false }).catch(() => {});
    } finally {
      await context.close();
    }
  });

  it('the scripts take over the prerendered DOM (hydration) instead of drawing it again', { skip, timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const log = watchPage(page, server.origin);
    // hold the scripts back until the prerendered map has been marked
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route(/\/assets\/explorer-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    // (a module script defers DOMContentLoaded: wait for the markup instead)
    await page.goto(`${server.url}/`, { waitUntil: 'commit' });
    await page.waitForSelector('[data-testid=map] svg path[data-code="SY-TA"]', { state: 'attached', timeout: 20_000 });
    assert.equal(await page.evaluate(() => document.body.dataset.state), 'loading', 'a script ran before the map was there');
    assert.equal(await page.locator('[data-testid=map] svg path[data-code]').count(), 14, 'the map is there before any script');
    await page.evaluate(() => ((document.querySelector('[data-testid=map] svg.choropleth') as unknown as { __prerendered: boolean }).__prerendered = true));
    release();
    await waitForReady(page, log);
    const same = await page.evaluate(
      () => !!(document.querySelector('[data-testid=map] svg.choropleth') as unknown as { __prerendered?: boolean })?.__prerendered,
    );
    assert.ok(same, 'the map was drawn again instead of hydrated');
    // and it is live: a click selects a governorate
    await page.locator('[data-testid=map] svg path[data-code="SY-HL"]').click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('gov') === 'SY-HL', undefined, { timeout: 10_000 });
    assert.deepEqual(problems(log), []);
    await page.context().close();
  });

  it('once measured, the map redraws every part at its size: the outline of a combined area too', { skip, timeout: 60_000 }, async () => {
    // the prerendered map is 640 px wide; a wider screen measures it again. The dashed outline of
    // Damascus + Rif Dimashq (published as one figure) once stayed where the 640 px map had it.
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const log = watchPage(page, server.origin);
    await page.goto(`${server.url}/?metric=barrel-bombs`);
    await waitForReady(page, log);
    const boxes = await page.evaluate(() => {
      const svg = document.querySelector('[data-testid=map] svg.choropleth')!;
      const box = (sel: string) => {
        const b = (svg.querySelector(sel) as SVGGraphicsElement).getBBox();
        return [b.x, b.y, b.x + b.width, b.y + b.height];
      };
      const di = box('path[data-code="SY-DI"]');
      const rd = box('path[data-code="SY-RD"]');
      return {
        width: svg.getAttribute('width'),
        outline: box('path.combined'),
        union: [Math.min(di[0], rd[0]), Math.min(di[1], rd[1]), Math.max(di[2], rd[2]), Math.max(di[3], rd[3])],
      };
    });
    assert.notEqual(boxes.width, '640', 'the map was not measured');
    boxes.outline.forEach((v, i) => assert.ok(Math.abs(v - boxes.union[i]) < 1.5, `combined outline ${boxes.outline} around ${boxes.union}`));
    assert.deepEqual(problems(log), []);
    await page.context().close();
  });

  it(
    'the other measures come one file each after the first view; then a change of measure asks for nothing, atlas.json never',
    { skip, timeout: 60_000 },
    async () => {
      // the page's own requests only: the service worker, which stores every file, is kept out
      const context = await browser.browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'UTC' });
      const page = await context.newPage();
      const log = watchPage(page, server.origin);
      await page.goto(`${server.url}/`);
      await waitForReady(page, log);
      await page.waitForSelector('main[data-figures=all]', { state: 'attached', timeout: 30_000 });
      const data = () => log.requests.filter((r) => /\/data\//.test(r)).map((r) => new URL(r.split(' ')[1]).pathname);
      const measures = data().filter((p) => p.startsWith('/data/full/'));
      assert.equal(new Set(measures).size, measures.length, `a measure's file asked twice: ${measures}`);
      assert.equal(measures.length, (await page.$$('select#metric option')).length, 'one file per measure');
      const asked = data().length;
      await page.selectOption('select#metric', 'civilian-deaths');
      await page.waitForFunction(() => new URLSearchParams(location.search).get('metric') === 'civilian-deaths', undefined, { timeout: 10_000 });
      assert.match(await page.locator('h1').innerText(), /Civilian/);
      assert.equal(await page.locator('main .loading').count(), 0, 'the measure was still loading');
      await page.locator('[data-testid=map] svg path[data-code="SY-HL"]').click();
      await page.waitForSelector('[data-testid=detail]', { state: 'attached', timeout: 10_000 });
      assert.deepEqual(data().slice(asked), [], 'no data asked for after the prefetch');
      assert.ok(!data().some((p) => p.endsWith('/atlas.json')), 'atlas.json was loaded');
      assert.deepEqual(problems(log), []);
      await context.close();
    },
  );

  it('a link to another view replaces the default view with it', { skip, timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const log = watchPage(page, server.origin);
    await page.goto(`${server.url}/?metric=cluster-attacks&lang=ar`);
    await waitForReady(page, log);
    assert.equal(await page.$eval('select#metric', (s) => (s as HTMLSelectElement).value), 'cluster-attacks');
    assert.equal(await page.locator('h1').count(), 1);
    assert.equal(await page.locator('[data-testid=map] svg.choropleth').count(), 1);
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    assert.deepEqual(problems(log), []);
    await page.context().close();
  });
});
