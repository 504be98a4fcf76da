/**
 * UCDP's record in the explorer (issue 12), in headless Chromium: the source switch and
 * `source=ucdp`, UCDP's own map, legend, timeline and citation, the events placed at no
 * governorate reported (not drawn), the events layer and an event's popup with its source, and the
 * first paint of the SNHR explorer untouched (no UCDP file or code fetched before it is chosen).
 *
 * Expected figures come from the built static/data/ucdp/*.json through the same pure functions the
 * page uses, so the tests follow the data.
 */
import { after, before, describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  DIST,
  axeViolations,
  launchBrowser,
  pageOpener,
  problems,
  screenshot,
  skipWithoutChromium,
  startStaticServer,
  watchPage,
  type StaticServer,
  type TestBrowser,
} from './harness';
import type { UcdpEventsFile, UcdpTables } from '../../src/lib/ucdp/types';
import { selectUcdpMap } from '../../src/lib/ucdp/select';
import { DEFAULT_UCDP } from '../../src/lib/ucdp/url';
import { filterEvents, markOf } from '../../src/lib/ucdp/events';

const skip = skipWithoutChromium();
let server: StaticServer;
let browser: TestBrowser;
let tables: UcdpTables;
let events: UcdpEventsFile;
const PHONE = { width: 390, height: 844 };

const { withPage } = pageOpener(() => ({ browser, server }));

/**
 * UCDP files and code the page itself fetched (the page's resource timing: the service worker's
 * background precache, which fetches every file of the site after the first view, is not the page).
 */
const ucdpFetched = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => /\/data\/ucdp\/|UcdpExplorer/.test(n)),
  );
const fmt = (n: number) => n.toLocaleString('en-GB');

describe('UCDP source (browser)', { skip }, () => {
  before(async () => {
    tables = JSON.parse(readFileSync(join(DIST, 'data/ucdp/tables.json'), 'utf8')) as UcdpTables;
    events = JSON.parse(readFileSync(join(DIST, 'data/ucdp/events.json'), 'utf8')) as UcdpEventsFile;
    server = await startStaticServer(DIST);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads nothing of UCDP for SNHR’s view; the switch changes map, legend, timeline, URL and citation', { timeout: 90_000 }, async (t: TestContext) => {
    await withPage('/?metric=civilian-deaths&year=2017', {}, async (page, log) => {
      assert.equal(await page.locator('input[name=source][value=snhr]').isChecked(), true);
      await page.waitForTimeout(500);
      assert.deepEqual(await ucdpFetched(page), [], 'UCDP files fetched before UCDP was chosen');

      await page.locator('input[name=source][value=ucdp]').check();
      await page.waitForSelector('[data-testid=ucdp-map] path[data-code]', { timeout: 20_000 });
      assert.match(new URL(page.url()).search, /source=ucdp/);
      assert.match(new URL(page.url()).search, /metric=civilian-deaths/, 'SNHR’s filters kept for the way back');
      assert.equal(await page.locator('[data-testid=map]').count(), 0, 'SNHR’s map still shown under UCDP');
      assert.equal(await page.locator('[data-testid=summary]').count(), 0, 'SNHR’s summary still shown under UCDP');
      assert.match(await page.locator('[data-testid=ucdp-legend]').innerText(), /all deaths, best estimate/);
      assert.ok((await page.locator('[data-testid=ucdp-timeline] [data-month]').count()) === 47, '47 months, January 2016 – November 2019');
      const cite = await page.locator('[data-testid=ucdp-cite-text]').innerText();
      assert.match(cite, /UCDP GED Syria 20160101-20191130/);
      assert.match(cite, /Sundberg/);
      assert.doesNotMatch(cite, /Syrian Network|SNHR/);

      // the year filter changes the map and the URL; figures are UCDP's sums
      await page.selectOption('select#uyear', '2017');
      await page.waitForFunction(() => location.search.includes('uyear=2017'));
      const sel = selectUcdpMap(tables, { ...DEFAULT_UCDP, year: 2017 });
      const aleppo = sel.cells.get('SY-HL')!;
      assert.match(
        (await page.locator('[data-testid=ucdp-map] path[data-code=SY-HL]').getAttribute('aria-label')) ?? '',
        new RegExp(`^Aleppo: ${fmt(aleppo.best)} deaths`),
      );
      const unplaced = await page.locator('[data-testid=ucdp-unplaced]').innerText();
      assert.ok(unplaced.includes(`${fmt(sel.unplaced.best)} deaths`) && unplaced.includes(`${fmt(sel.unplaced.events)} events`), `unplaced note: ${unplaced}`);
      assert.ok((await page.locator('[data-testid=ucdp-summary]').innerText()).includes(fmt(sel.total.best)));
      await screenshot(page, 'ucdp-2017-desktop');

      // back to SNHR
      await page.locator('input[name=source][value=snhr]').check();
      await page.waitForSelector('[data-testid=map] svg path[data-code]', { timeout: 20_000 });
      assert.doesNotMatch(new URL(page.url()).search, /source=/);
      assert.equal(await page.locator('[data-testid=ucdp-view]').count(), 0);
      t.diagnostic(`UCDP files fetched by the page: ${(await ucdpFetched(page)).length}`);
      assert.deepEqual(problems(log), []);
    });
  });

  it('falls back to SNHR silently on a bad source value', { timeout: 60_000 }, async () => {
    await withPage('/?source=acled&uyear=2017', {}, async (page, log) => {
      await page.waitForSelector('[data-testid=map] svg path[data-code]', { timeout: 20_000 });
      assert.equal(await page.locator('input[name=source][value=snhr]').isChecked(), true);
      assert.equal(await page.locator('[data-testid=ucdp-view]').count(), 0);
      assert.doesNotMatch(new URL(page.url()).search, /source|uyear/);
      assert.deepEqual(await ucdpFetched(page), []);
      assert.deepEqual(problems(log), []);
    });
  });

  it('draws a month’s events (rings where placed only at a district), and an event shows its source', { timeout: 90_000 }, async () => {
    const u = { ...DEFAULT_UCDP, year: 2017, month: 3, events: true };
    const shown = filterEvents(events, u);
    const drawn = shown.filter((k) => markOf(events.prec[k]).kind !== 'none');
    const rings = shown.filter((k) => markOf(events.prec[k]).kind === 'ring');
    await withPage('/?source=ucdp&uyear=2017&umonth=3&events=1', {}, async (page, log) => {
      await page.waitForSelector('[data-testid=ucdp-events] circle', { timeout: 30_000 });
      assert.equal(await page.locator('[data-testid=ucdp-events] circle').count(), drawn.length);
      assert.equal(await page.locator('[data-testid=ucdp-events] circle[data-prec=ring]').count(), rings.length);
      assert.ok(rings.length > 0, 'March 2017 has events placed only at a district');
      // the keyboard's way: the list, largest first
      const first = page.locator('[data-testid=ucdp-event-list] button[data-event]').first();
      const id = Number(await first.getAttribute('data-event'));
      const k = events.id.indexOf(id);
      assert.equal(events.best[k], Math.max(...shown.map((i) => events.best[i])));
      await first.focus();
      await page.keyboard.press('Enter');
      const panel = page.locator('[data-testid=ucdp-event]');
      await panel.waitFor({ timeout: 10_000 });
      assert.equal(
        await page.locator('[data-testid=ucdp-event-deaths]').innerText(),
        `${fmt(events.low[k])} – ${fmt(events.best[k])} – ${fmt(events.high[k])}`,
      );
      await page.waitForFunction(() => (document.querySelector('[data-testid=ucdp-event-source]')?.textContent ?? '').includes('“'), undefined, {
        timeout: 10_000,
      });
      const headlines = JSON.parse(readFileSync(join(DIST, 'data/ucdp/headlines-2017.json'), 'utf8')) as Record<string, string>;
      assert.ok((await page.locator('[data-testid=ucdp-event-source]').innerText()).includes(headlines[String(id)].slice(0, 40)));
      assert.match(new URL(page.url()).search, new RegExp(`event=${id}`));
      // a click on a ring opens that event, with its precision said
      const ring = page.locator('[data-testid=ucdp-events] circle[data-prec=ring]').last();
      const rk = Number(await ring.getAttribute('data-k'));
      await ring.dispatchEvent('click');
      await page.waitForFunction((rid) => location.search.includes(`event=${rid}`), events.id[rk], { timeout: 10_000 });
      assert.match(await page.locator('[data-testid=ucdp-event-precision]').innerText(), /district|wider area/);
      await screenshot(page, 'ucdp-events-march-2017');
      assert.deepEqual(problems(log), []);
    });
  });

  it('the methods page explains UCDP, its licence and citation, in English and Arabic', { timeout: 240_000 }, async () => {
    // the section is static text: it is there before the page's own figures load
    for (const [lang, title] of [
      ['en', /A second record: UCDP/],
      ['ar', /سجل ثانٍ/],
    ] as const) {
      const page = await browser.newPage();
      const log = watchPage(page, server.origin);
      try {
        await page.goto(`${server.url}/methods/?lang=${lang}`, { waitUntil: 'load', timeout: 60_000 });
        const section = page.locator('[data-testid=methods-ucdp]');
        await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('[data-testid=methods-ucdp] h2')?.textContent ?? ''), title.source, {
          timeout: 90_000,
        });
        const text = await section.innerText();
        assert.match(text, /CC BY 4\.0/);
        assert.match(text, /Sundberg, Ralph, and Erik Melander \(2013\)/);
        assert.match(text, /UCDP GED Syria 20160101-20191130/);
        assert.deepEqual(problems(log), []);
      } finally {
        await page.context().close();
      }
    }
  });

  it('an embed shows UCDP’s map and series with UCDP’s citation, never SNHR’s note', { timeout: 60_000 }, async () => {
    await withPage('/embed/?source=ucdp&uyear=2017&umeasure=civilians', {}, async (page, log) => {
      await page.waitForSelector('[data-testid=ucdp-map] path[data-code]', { timeout: 20_000 });
      await page.waitForSelector('[data-testid=ucdp-timeline] [data-month]', { timeout: 20_000 });
      const sel = selectUcdpMap(tables, { ...DEFAULT_UCDP, year: 2017, measure: 'civilians' });
      assert.match(
        (await page.locator('[data-testid=ucdp-map] path[data-code=SY-ID]').getAttribute('aria-label')) ?? '',
        new RegExp(`^Idlib: ${fmt(sel.cells.get('SY-ID')!.civilians)} civilian deaths`),
      );
      assert.match(await page.locator('[data-testid=source-line]').innerText(), /UCDP GED Syria 20160101-20191130/);
      assert.equal(await page.locator('.minimum').count(), 0, 'SNHR’s “documented minimum” note under UCDP’s figures');
      assert.match((await page.locator('[data-testid=full-view]').getAttribute('href')) ?? '', /source=ucdp.*uyear=2017/);
      assert.deepEqual(problems(log), []);
    });
  });

  it('works in Arabic on a phone: no overflow, no axe violation', { timeout: 90_000 }, async () => {
    await withPage('/?source=ucdp&uyear=2018&lang=ar&gov=SY-ID', { viewport: PHONE, isMobile: true }, async (page, log) => {
      await page.waitForSelector('[data-testid=ucdp-map] path[data-code]', { timeout: 20_000 });
      await page.waitForSelector('[data-testid=ucdp-compare]', { timeout: 20_000 });
      assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `page wider than the phone by ${overflow} px`);
      assert.deepEqual(await axeViolations(page), []);
      await screenshot(page, 'ucdp-phone-ar', { fullPage: true });
      assert.deepEqual(problems(log), []);
    });
  });
});
