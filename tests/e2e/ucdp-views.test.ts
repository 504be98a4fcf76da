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
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  DIST,
  SCREENSHOTS,
  launchBrowser,
  pageOpener,
  problems,
  skipWithoutChromium,
  startStaticServer,
  waitForReady,
  watchPage,
  type StaticServer,
  type TestBrowser,
} from './harness';
import type { UcdpTables } from '../../src/lib/ucdp/types';
import { monthlyCivilians } from '../../src/lib/ucdp/overlay';
import { selectUcdpMap } from '../../src/lib/ucdp/select';
import { DEFAULT_UCDP } from '../../src/lib/ucdp/url';

const skip = skipWithoutChromium();
let server: StaticServer;
let browser: TestBrowser;
let tables: UcdpTables;

const { withPage } = pageOpener(() => ({ browser, server }));

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

  it('the UCDP view downloads as SVG and PNG: UCDP’s map, legend and title, UCDP and the release in the credit line', { timeout: 60_000 }, async () => {
    await withPage('/?source=ucdp&uyear=2017&umeasure=civilians', {}, async (page, log) => {
      await page.waitForSelector('[data-action=ucdp-svg]', { timeout: 20_000 });
      const [svgFile] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), page.click('[data-action=ucdp-svg]')]);
      assert.equal(svgFile.suggestedFilename(), 'ucdp-civilians-2017.svg');
      const svg = readFileSync((await svgFile.path())!, 'utf8');
      assert.match(svg, /<title>Civilian deaths recorded by UCDP, 2017<\/title>/);
      assert.match(svg, /Data: UCDP, UCDP GED Syria 20160101-20191130 \(version 652\.1601\.1911\), CC BY 4\.0/);
      assert.equal((svg.match(/<path data-code="SY-/g) ?? []).length, 14);
      const sel = selectUcdpMap(tables, { ...DEFAULT_UCDP, year: 2017, measure: 'civilians' });
      const dy = sel.cells.get('SY-DY')!.civilians.toLocaleString('en-GB');
      assert.match(svg, new RegExp(`<text data-code="SY-DY"[^>]*>${dy}</text>`));
      assert.match(svg, /data-part="legend"[\s\S]*No event recorded/);

      const [png] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click('[data-action=ucdp-png-wide]')]);
      assert.equal(png.suggestedFilename(), 'ucdp-civilians-2017_wide.png');
      const bytes = readFileSync((await png.path())!);
      assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG file');
      assert.equal(bytes.readUInt32BE(16), 2400, '1200 px wide at 2×');
      mkdirSync(SCREENSHOTS, { recursive: true });
      writeFileSync(join(SCREENSHOTS, 'ucdp-export-wide.png'), bytes);
      assert.match(await page.locator('.cite [role=status]').innerText(), /Downloaded ucdp-civilians-2017_wide\.png/);
      assert.deepEqual(problems(log), []);
    });
  });

  it('a UCDP embed with show=table: the 14 governorates with UCDP’s figures, the unit, the unplaced apart, UCDP cited', { timeout: 60_000 }, async () => {
    await withPage('/embed/?source=ucdp&uyear=2019&show=table', { viewport: { width: 390, height: 844 } }, async (page, log) => {
      await page.waitForSelector('[data-testid=ucdp-table] tbody tr', { timeout: 20_000 });
      const sel = selectUcdpMap(tables, { ...DEFAULT_UCDP, year: 2019 });
      const rows = await page
        .locator('[data-testid=ucdp-table] tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-code'), Number(tr.querySelector('[data-value]')?.getAttribute('data-value'))]));
      assert.equal(rows.length, 14);
      for (const [code, v] of rows) assert.equal(v, sel.cells.get(code as string)?.best ?? 0, `${code}`);
      assert.match(await page.locator('[data-testid=ucdp-table] thead').innerText(), /Deaths, best estimate \(UCDP\)/);
      assert.match(await page.locator('[data-testid=ucdp-table] caption').innerText(), /2019/);
      assert.equal(Number(await page.locator('[data-testid=ucdp-table] tr[data-code=unplaced] [data-value]').getAttribute('data-value')), sel.unplaced.best);
      assert.match(await page.locator('[data-testid=source-line]').innerText(), /Uppsala Conflict Data Program, UCDP GED Syria 20160101-20191130/);
      assert.equal(await page.locator('[data-testid=ucdp-map]').count(), 0, 'the table alone');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
      assert.equal(overflow, false, 'the page scrolls sideways on a phone');
      await page.screenshot({ path: join(SCREENSHOTS, 'ucdp-embed-table-phone.png'), fullPage: true });
      assert.deepEqual(problems(log), []);
    });
  });

  it(
    '“Add this view to a deck” from a UCDP view: a slide with UCDP’s map, legend and citation, printed with a QR code to its view, presented again offline',
    { timeout: 180_000 },
    async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, offline: true });
      const context = page.context();
      const log = watchPage(page, server.origin);
      try {
        await page.goto(`${server.url}/?source=ucdp&uyear=2017&umeasure=civilians&gov=SY-RA`);
        await waitForReady(page, log);
        await page.click('[data-action=add-to-deck]', { timeout: 20_000 });
        await page.click('[data-testid=open-deck]');
        await page.waitForSelector('.stage [data-testid=slide][data-source=ucdp] [data-testid=ucdp-slide-map] svg', { timeout: 30_000 });
        const sel = selectUcdpMap(tables, { ...DEFAULT_UCDP, year: 2017, measure: 'civilians' });
        const check = async () => {
          const slide = page.locator('.stage [data-testid=slide]');
          assert.match((await slide.getAttribute('data-view')) ?? '', /source=ucdp/);
          assert.equal(await slide.locator('[data-testid=slide-title]').innerText(), 'Civilian deaths recorded by UCDP, 2017');
          assert.equal(await slide.locator('svg path[data-code^="SY-"]').count(), 14);
          const raqqa = sel.cells.get('SY-RA')!.civilians.toLocaleString('en-GB');
          assert.equal(await slide.locator('svg text[data-code="SY-RA"]').textContent(), raqqa);
          assert.match(await slide.locator('[data-testid=ucdp-slide-legend]').innerText(), /Civilian deaths \(UCDP\) · 2017[\s\S]*No event recorded/);
          assert.match(await slide.locator('[data-testid=slide-figures]').innerText(), new RegExp(sel.total.civilians.toLocaleString('en-GB')));
          assert.match(
            await slide.locator('[data-testid=slide-sources]').innerText(),
            /Uppsala Conflict Data Program, UCDP GED Syria 20160101-20191130[\s\S]*Sundberg/,
          );
          assert.doesNotMatch(await slide.innerText(), /Syrian Network for Human Rights,/);
        };
        await check();
        await page.screenshot({ path: join(SCREENSHOTS, 'ucdp-slide.png') });

        // the printed handout: a QR code to the slide's own view (source=ucdp), beside the sources, on its page
        await page.waitForSelector('[data-testid=print-deck][data-ready=true] [data-source=ucdp] [data-testid=print-qr] svg', {
          state: 'attached',
          timeout: 30_000,
        });
        await page.emulateMedia({ media: 'print' });
        const printed = await page.locator('.print-deck [data-testid=slide][data-source=ucdp]').evaluate((el) => {
          const box = (e: Element | null) => {
            const r = e!.getBoundingClientRect();
            return { x: r.x, y: r.y, w: r.width, h: r.height };
          };
          return {
            view: el.getAttribute('data-view'),
            qr: el.querySelector('[data-testid=print-qr]')?.getAttribute('data-url'),
            boxes: [box(el.querySelector('[data-testid=print-qr] svg')), box(el.querySelector('.map')), box(el.querySelector('.foot'))],
            page: box(el.closest('.print-page')),
            printed: el.closest('.print-page')?.querySelector('.printed')?.textContent ?? '',
          };
        });
        await page.emulateMedia({ media: 'screen' });
        assert.match(printed.view ?? '', /source=ucdp/);
        assert.match(printed.printed, /Figures: Uppsala Conflict Data Program \(UCDP\), not SNHR/, 'the page names UCDP’s figures as UCDP’s');
        assert.equal(printed.qr, `${server.url}/${printed.view}`, "the QR code opens the slide's UCDP view");
        const [qr, ...others] = printed.boxes;
        assert.ok(qr.w >= 94 && Math.abs(qr.w - qr.h) < 1, `QR code ${qr.w}×${qr.h}px`);
        assert.ok(
          qr.x >= printed.page.x - 1 && qr.x + qr.w <= printed.page.x + printed.page.w + 1 && qr.y + qr.h <= printed.page.y + printed.page.h + 1,
          'on its page',
        );
        for (const o of others)
          assert.ok(qr.x + qr.w <= o.x + 1 || o.x + o.w <= qr.x + 1 || qr.y + qr.h <= o.y + 1 || o.y + o.h <= qr.y + 1, 'apart from the map and sources');

        // offline once visited, like every slide; the events file was never needed
        await page.waitForSelector('[data-testid=offline-badge][data-offline=ready]', { timeout: 120_000, state: 'attached' });
        await context.setOffline(true);
        await page.reload();
        await waitForReady(page, log);
        await page.waitForSelector('.stage [data-testid=ucdp-slide-map] svg', { timeout: 30_000 });
        await check();
        const fetched = await ucdpFetched(page);
        assert.ok(!fetched.some((u) => /events\.json|headlines-/.test(u)), `fetched: ${fetched.join(', ')}`);
        assert.deepEqual(problems(log), []);
      } finally {
        await context.close();
      }
    },
  );

  it('zoomed (MapLibre): the events cluster at country zoom; a cluster zooms in, an event opens its popup', { timeout: 150_000 }, async () => {
    const eventsFile = JSON.parse(readFileSync(join(DIST, 'data/ucdp/events.json'), 'utf8')) as { id: number[] };
    await withPage('/?source=ucdp&uyear=2017&umonth=3&events=1', { viewport: { width: 1280, height: 900 } }, async (page, log) => {
      await page.waitForSelector('[data-testid=ucdp-events] circle', { timeout: 30_000 });
      await page.click('[data-action=zoom-in]');
      const box = page.locator('[data-testid=ucdp-maplibre]');
      const data = () => box.evaluate((e) => ({ ...(e as HTMLElement).dataset }));
      await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-testid=ucdp-maplibre]')?.dataset.clusters) > 0, undefined, {
        timeout: 90_000,
      });
      const first = await data();
      assert.ok(Number(first.zoom) < 7, `country zoom: ${first.zoom}`);
      // a click on the largest cluster zooms in until it breaks apart
      const [cx, cy] = first.clusterAt!.split(',').map(Number);
      await box.click({ position: { x: cx, y: cy } });
      await page.waitForFunction(
        (z) => Number(document.querySelector<HTMLElement>('[data-testid=ucdp-maplibre]')?.dataset.zoom) > z + 0.5,
        Number(first.zoom),
        { timeout: 30_000 },
      );
      await page.waitForFunction(() => !!document.querySelector<HTMLElement>('[data-testid=ucdp-maplibre]')?.dataset.eventAt, undefined, { timeout: 30_000 });
      const [ex, ey, k] = (await data()).eventAt!.split(',').map(Number);
      await box.click({ position: { x: ex, y: ey } });
      await page.waitForFunction((id) => location.search.includes(`event=${id}`), eventsFile.id[k], { timeout: 20_000 });
      await page.locator('[data-testid=ucdp-event]').waitFor({ timeout: 10_000 });
      await page.screenshot({ path: join(SCREENSHOTS, 'ucdp-maplibre-event.png') });
      assert.deepEqual(
        problems(log).filter((p) => !/GL Driver|GPU stall/.test(p)),
        [],
      );
    });
  });
});
