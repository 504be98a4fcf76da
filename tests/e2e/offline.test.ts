/**
 * Offline use (the service worker written by scripts/sw-plugin.ts) in headless Chromium: after one
 * visit with a network, the explorer, the presentation (every slide of the key figures deck, with
 * its data), the methods page and the embed page load with the network off, reloads included, and
 * nothing is fetched from the server or from another host. A new version is installed in the
 * background and never activated while a presentation is open.
 *
 * http://127.0.0.1 is a secure context, so the worker runs. The update test serves a copy of the
 * build in a temporary folder and changes its worker there.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { indexDataset, type Atlas } from '../../src/lib/data/select';
import { slideFacts, slideView } from '../../src/lib/present/slide';
import { deckHash, normalizeViewString } from '../../src/lib/present/deck';
import { KEY_FIGURES } from '../../src/lib/present/decks/key-figures';
import { ASK_AGAIN_MS } from '../../src/lib/offline/register';
import {
  DIST,
  launchBrowser,
  problems,
  screenshot,
  skipWithoutChromium,
  startStaticServer,
  waitForReady,
  watchPage,
  type PageLog,
  type StaticServer,
  type TestBrowser,
  builtDataset,
} from './harness';

const skip = skipWithoutChromium() || (existsSync(join(DIST, 'sw.js')) ? false : 'dist/sw.js missing: build first');

let browser: TestBrowser;
let atlas: Atlas;

async function offlineReady(page: Page, timeout = 90_000): Promise<string> {
  await page.waitForSelector('[data-testid=offline-badge][data-offline=ready]', { timeout, state: 'attached' });
  return (await page.getAttribute('[data-testid=offline-badge]', 'data-version')) ?? '';
}

/** Problems other than the ones offline mode causes on purpose (none are expected). */
function clean(log: PageLog): string[] {
  return problems(log);
}

describe('offline', { skip }, () => {
  let server: StaticServer;
  before(async () => {
    // a server of its own, whose log only this file's pages write to (as before the shared fixture)
    server = await startStaticServer(DIST, { fresh: true });
    browser = await launchBrowser();
    atlas = indexDataset(builtDataset());
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('after one visit, presents every slide, and loads every page, with the network off', { timeout: 240_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, offline: true });
    const context = page.context();
    const log = watchPage(page, server.origin);
    try {
      // one visit with a network, to the explorer
      await page.goto(`${server.url}/`);
      await waitForReady(page, log);
      const version = await offlineReady(page);
      assert.match(version, /^[0-9a-f]{16}$/);
      assert.equal(await page.textContent('[data-testid=offline-badge]').then((t) => t?.includes('Available offline')), true);
      const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
      assert.ok(sw.includes(`"${version}"`), 'the badge reports the built version');

      // the network goes away
      await context.setOffline(true);
      const served = server.log.length;

      const deckUrl = `${server.url}/present/${deckHash(KEY_FIGURES)}`;
      await page.goto(deckUrl);
      await waitForReady(page, log);
      await page.reload();
      await waitForReady(page, log);
      assert.equal(await offlineReady(page, 10_000), version, 'offline, the page still says it is ready to use offline');
      for (let i = 0; i < KEY_FIGURES.slides.length; i++) {
        if (i > 0) await page.keyboard.press('ArrowRight');
        await page.waitForFunction((n) => document.querySelector('.stage [data-testid=slide]')?.getAttribute('data-index') === String(n), i);
        const view = KEY_FIGURES.slides[i].view;
        const expected = slideView(atlas, view);
        const facts = slideFacts(atlas, expected.map, expected.time);
        const shown = await page.evaluate(() => {
          const s = document.querySelector('.stage [data-testid=slide]') as HTMLElement;
          return {
            view: s.dataset.view,
            observations: [...s.querySelectorAll('[data-testid=slide-figure]')].map((e) => (e as HTMLElement).dataset.observation),
            sources: [...s.querySelectorAll('[data-testid=slide-sources] a')].map((a) => (a as HTMLAnchorElement).href),
            paths: s.querySelectorAll('svg.choropleth path[data-code]').length,
          };
        });
        assert.equal(shown.view, normalizeViewString(view));
        assert.equal(shown.paths, 14);
        assert.deepEqual(
          shown.observations,
          facts.figures.map((f) => f.figure.shown.id),
        );
        for (const src of facts.sources) assert.ok(shown.sources.includes(new URL(src.url).href), `slide ${i + 1} cites ${src.id}`);
      }
      await screenshot(page, 'offline-present-last-slide');

      // the other pages, reloads included
      for (const path of ['/?metric=landmine-deaths&year=all&perp=all', '/methods/', '/embed/?metric=barrel-bombs&year=all&perp=all']) {
        if (path.startsWith('/embed/') && !existsSync(join(DIST, 'embed/index.html'))) continue;
        await page.goto(server.url + path);
        await waitForReady(page, log);
        await page.reload();
        await waitForReady(page, log);
      }
      await screenshot(page, 'offline-embed');

      // nothing reached the server while offline, and nothing ever left the origin. Except the
      // browser's own update check of the worker script after a navigation: Chromium makes it
      // from the browser process, where the emulated offline network does not always reach (seen
      // in several runs on a heavily loaded machine, with no other page open); it loads
      // nothing for a page, and with the network really off it simply fails.
      const updateCheck = (r: { method: string; path: string }) => r.method === 'GET' && r.path === '/sw.js';
      assert.deepEqual(
        server.log
          .slice(served)
          .filter((r) => !updateCheck(r))
          .map((r) => r.path),
        [],
      );
      assert.deepEqual(log.foreignRequests, []);
      // MapLibre may fail to start without WebGL; the SVG map stays (not a problem of offline use)
      // (leaving an explorer page while its zoomable map loads aborts that request: expected)
      assert.deepEqual(
        clean(log).filter((p) => !/WebGL|webgl|ERR_ABORTED/.test(p)),
        [],
      );
    } finally {
      await context.close();
    }
  });

  it('installs a new version in the background and takes it only when no presentation is open', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-offline-'));
    cpSync(DIST, dir, { recursive: true });
    const copy = await startStaticServer(dir);
    const page = await browser.newPage({ offline: true });
    const context = page.context();
    const log = watchPage(page, copy.origin);
    try {
      await page.goto(`${copy.url}/present/${deckHash(KEY_FIGURES)}`);
      await waitForReady(page, log);
      const first = await offlineReady(page);

      // a new version is published (a new data version changes the worker in the same way)
      const swFile = join(dir, 'sw.js');
      const next = 'feedfacecafebeef';
      writeFileSync(swFile, readFileSync(swFile, 'utf8').replace(/const VERSION = "[0-9a-f]+";/, `const VERSION = "${next}";`));

      // another page is opened while the presentation is still open: the update installs, and waits
      const other = await context.newPage();
      const otherLog = watchPage(other, copy.origin);
      await other.goto(`${copy.url}/`);
      await waitForReady(other, otherLog);
      const registration = () =>
        other.evaluate(async () => {
          const reg = await navigator.serviceWorker.getRegistration();
          return { waiting: !!reg?.waiting, installing: !!reg?.installing };
        });
      for (let t = Date.now(); !(await registration()).waiting;) {
        assert.ok(Date.now() - t < 60_000, 'the new version installs within a minute');
        await other.waitForTimeout(250);
      }
      // the page asked the waiting version to take over, and asked again; the worker refused: a talk is on
      await other.waitForTimeout(ASK_AGAIN_MS + 1000);
      const during = await other.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        return { waiting: !!reg?.waiting, activeUrl: reg?.active?.scriptURL };
      });
      assert.equal(during.waiting, true, 'the new version waits while a presentation is open');
      assert.equal(await page.getAttribute('[data-testid=offline-badge]', 'data-version'), first);
      // the talk goes on, on the version it started with
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => document.querySelector('.stage [data-testid=slide]')?.getAttribute('data-index') === '1');

      // the presentation ends; the open page's next ask is taken: the new version takes over in
      // the background, with no reload (the page asks again every few seconds while it waits)
      await page.close();
      const taken = `[data-testid=offline-badge][data-version="${next}"][data-offline=ready]`;
      await other.waitForSelector(taken, { timeout: 60_000, state: 'attached' });
      assert.equal(await other.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting), false, 'nothing waits any more');
      // and the next load runs under it (no change of worker left to race the navigation)
      await other.reload({ timeout: 60_000 });
      await waitForReady(other, otherLog);
      await other.waitForSelector(taken, { timeout: 20_000, state: 'attached' });
      assert.deepEqual(
        [...clean(log), ...clean(otherLog)].filter((p) => !/WebGL|webgl|ERR_ABORTED/.test(p)),
        [],
      );
    } finally {
      await context.close();
      await copy.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
