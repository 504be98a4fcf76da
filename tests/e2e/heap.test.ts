/**
 * Memory under repeated filter changes (issue #14): 200 changes of measure and year in a row, made
 * the way Back and Forward make them (History API + popstate, no reload), leave the JS heap (after
 * a forced garbage collection, read through the DevTools protocol) within 10 % of where it settled
 * after a first 100. A leak of listeners, map instances or selections grows it with every change.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DIST, launchBrowser, problems, skipWithoutChromium, startStaticServer, waitForReady, watchPage, type StaticServer, type TestBrowser } from './harness';

const skip = skipWithoutChromium();
let server: StaticServer;
let browser: TestBrowser;

const VIEWS = [
  '?metric=barrel-bombs&year=all&perp=all',
  '?metric=massacres&year=2015&perp=all',
  '?metric=civilian-deaths&year=2017&perp=regime',
  '?metric=civilian-deaths&year=all&perp=all',
  '?metric=torture-deaths&year=all&perp=all',
];

async function switches(page: Page, n: number): Promise<void> {
  await page.evaluate(
    async ({ views, n }) => {
      for (let i = 0; i < n; i++) {
        history.pushState(null, '', `${location.pathname}${views[i % views.length]}`);
        dispatchEvent(new PopStateEvent('popstate'));
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      }
    },
    { views: VIEWS, n },
  );
}

describe('memory', { skip }, () => {
  before(async () => {
    server = await startStaticServer(DIST);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('200 filter changes leave the JS heap within 10 % of where it settled', { timeout: 180_000 }, async (t) => {
    const page = await browser.newPage();
    const log = watchPage(page, server.origin);
    try {
      await page.goto(`${server.url}/${VIEWS[0]}`, { waitUntil: 'load', timeout: 30_000 });
      await waitForReady(page, log);
      await page.waitForSelector('[data-testid=timeline] [data-year]', { state: 'attached', timeout: 30_000 });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const heap = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
        const { metrics } = await cdp.send('Performance.getMetrics');
        return metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
      };
      await switches(page, 100);
      const settled = await heap();
      await switches(page, 200);
      const after = await heap();
      t.diagnostic(`JS heap: ${(settled / 1e6).toFixed(1)} MB after 100 changes, ${(after / 1e6).toFixed(1)} MB after 200 more`);
      assert.ok(after <= settled * 1.1, `the heap grew from ${settled} to ${after} bytes over 200 filter changes`);
      assert.ok((await page.locator('svg path[data-code]').count()) >= 14);
      assert.deepEqual(problems(log), []);
    } finally {
      await page.close();
    }
  });
});
