/**
 * UCDP's record beyond its own explorer view (issue 12), in headless Chromium: UCDP's monthly
 * civilian line on SNHR's timeline (off and unloaded until asked), the UCDP view exported as an
 * image, a UCDP embed's governorate table, and a UCDP view as a briefing slide.
 *
 * Expected figures come from the built static/data/ucdp/tables.json through the same pure
 * functions the page uses, so the tests follow the data.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  DIST,
  launchBrowser,
  problems,
  skipWithoutChromium,
  startStaticServer,
  waitForReady,
  watchPage,
  type PageLog,
  type PageOptions,
  type StaticServer,
  type TestBrowser,
} from './harness';
import type { UcdpTables } from '../../src/lib/ucdp/types';
import { monthlyCivilians } from '../../src/lib/ucdp/overlay';

const skip = skipWithoutChromium();
let server: StaticServer;
let browser: TestBrowser;
let tables: UcdpTables;

async function withPage(path: string, options: PageOptions, fn: (page: Page, log: PageLog) => Promise<void>): Promise<void> {
  const page = await browser.newPage(options);
  const log = watchPage(page, server.origin);
  try {
    await page.goto(server.url + path, { waitUntil: 'load', timeout: 60_000 });
    await waitForReady(page, log);
    await fn(page, log);
  } finally {
    await page.context().close();
  }
}

/** UCDP files the page itself fetched (not the service worker's background precache). */
const ucdpFetched = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => /\/data\/ucdp\//.test(n)),
  );

describe('UCDP beyond its own view (browser)', { skip }, () => {
  before(async () => {
    tables = JSON.parse(readFileSync(join(DIST, 'data/ucdp/tables.json'), 'utf8')) as UcdpTables;
    server = await startStaticServer(DIST);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('SNHR’s civilian timeline: UCDP’s monthly line is off and unloaded until asked, then drawn over 2017’s months, named', { timeout: 60_000 }, async () => {
    await withPage('/?metric=civilian-deaths&year=2017', {}, async (page, log) => {
      const toggle = page.locator('[data-action=ucdp-line]');
      await toggle.waitFor({ timeout: 20_000 });
      assert.equal(await toggle.isChecked(), false);
      assert.equal(await page.locator('[data-testid=ucdp-line]').count(), 0);
      assert.deepEqual(await ucdpFetched(page), [], 'UCDP’s tables fetched before the line was asked for');

      await toggle.check();
      await page.waitForSelector('[data-testid=ucdp-line] circle', { timeout: 20_000 });
      const expected = [...monthlyCivilians(tables)].filter(([k]) => k.startsWith('2017-'));
      const drawn = await page
        .locator('[data-testid=ucdp-line] circle[data-month]')
        .evaluateAll((cs) => cs.map((c) => [c.getAttribute('data-month'), Number(c.getAttribute('data-value'))]));
      assert.deepEqual(drawn, expected);
      assert.equal(expected.length, 12);
      // the line sits in the months row, inside the timeline's SVG, and says whose it is
      assert.equal(await page.locator('[data-testid=timeline] svg [data-testid=ucdp-line]').count(), 1);
      assert.match((await page.locator('[data-testid=ucdp-line]').getAttribute('aria-label')) ?? '', /recorded by UCDP.*not SNHR/);
      assert.match((await page.locator('[data-testid=ucdp-line-key]').textContent()) ?? '', /UCDP/);
      assert.match(await page.locator('[data-testid=ucdp-line-note]').innerText(), /UCDP GED Syria 20160101-20191130/);
      assert.ok((await ucdpFetched(page)).some((u) => u.endsWith('/data/ucdp/tables.json')));

      // a year the release does not cover: no line, and the reader is told where it is
      await page.locator('[data-testid=timeline] g.bar[data-year="2013"]').click();
      await page.waitForSelector('[data-testid=ucdp-line-pick]', { timeout: 10_000 });
      assert.equal(await page.locator('[data-testid=ucdp-line]').count(), 0);
      assert.deepEqual(problems(log), []);
    });
  });
});
