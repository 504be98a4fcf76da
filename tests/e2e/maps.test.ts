/**
 * Every map the data allows (issue 8), in headless Chromium: the Year menu grouped by whether a
 * governorate map exists, each measure opening on a view with a map, every measure × Year option
 * drawing exactly its table under its own period, the period switcher and `period=` in the URL.
 *
 * Expected values come from the built dataset through the same pure functions the page uses
 * (select.ts, tables.ts), so the tests follow the data instead of hard-coding numbers.
 */
import { after, before, describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { METRIC_IDS, type MetricId } from '../../src/lib/data/types';
import type { Query } from '../../src/lib/data/selection';
import { indexDataset, selectMap, yearsOf, type Atlas } from '../../src/lib/data/select';
import { openingYear, periodOptions, tableCatalogue, yearGroups } from '../../src/lib/data/tables';
import { en } from '../../src/lib/i18n/en';
import {
  DIST,
  axeViolations,
  builtDataset,
  launchBrowser,
  pageOpener,
  problems,
  screenshot,
  skipWithoutChromium,
  startStaticServer,
  type StaticServer,
  type TestBrowser,
} from './harness';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let server: StaticServer;
let browser: TestBrowser;
let atlas: Atlas;

const SKIP = skipWithoutChromium();
const test = (name: string, fn: (t: TestContext) => Promise<void>, timeout = 120_000) => it(name, { skip: SKIP, timeout }, fn);

const { withPage } = pageOpener(() => ({ browser, server }));

const q = (metric: MetricId, year: number | null, period: string | null = null): Query => ({ metric, year, period, perp: 'all', victims: 'all', gov: null });
const catalogue = (metric: MetricId) => tableCatalogue(atlas, metric, 'all', 'all', yearsOf(atlas, metric));

/** "2015", "Jul 2015", "22 Feb 2014 – 20 Feb 2016": the English period label (as i18n's formatDate). */
function label(key: string): string {
  const M = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const one = (iso: string) => {
    const [y, m, d] = iso.split('-');
    return !m ? y : d ? `${+d} ${M[+m - 1]} ${y}` : `${M[+m - 1]} ${y}`;
  };
  const [a, b] = key.split('/');
  return b ? `${one(a)} – ${one(b)}` : one(a);
}

interface Drawn {
  search: string;
  year: string;
  period: string;
  caption: string;
  values: number;
}
function drawn(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    const caption = document.querySelector('[data-testid=map-caption]');
    return {
      search: location.search,
      year: (document.querySelector('select#year') as HTMLSelectElement).value,
      period: caption?.getAttribute('data-period') ?? '',
      caption: caption?.textContent?.trim() ?? '',
      values: document.querySelectorAll('[data-testid=map] svg path[data-code][data-status=value]').length,
    };
  });
}
async function until(page: Page, done: (d: Drawn) => boolean, timeout = 10_000): Promise<Drawn> {
  const end = Date.now() + timeout;
  let d = await drawn(page);
  while (!done(d) && Date.now() < end) {
    await page.waitForTimeout(50);
    d = await drawn(page);
  }
  return d;
}

/** What the map should draw for a query: the table's period key and how many governorates have a figure. */
function expected(query: Query): { period: string; values: number } {
  const m = selectMap(atlas, query);
  return { period: m.period?.key ?? '', values: m.cells.filter((c) => c.status === 'value').reduce((n, c) => n + c.codes.length, 0) };
}

describe('maps: every table the data allows', () => {
  before(async () => {
    if (SKIP) return;
    atlas = indexDataset(builtDataset());
    server = await startStaticServer(DIST);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('every measure opens on a view with a map; the Year menu is grouped; every measure × Year option draws its table under its own period', async () => {
    await withPage('/?metric=barrel-bombs&year=all&perp=all', { viewport: DESKTOP }, async (page, log) => {
      // the other measures' figures load after the first view
      await page.waitForLoadState('networkidle');
      let withMap = 0;
      for (const metric of [...METRIC_IDS.filter((m) => m !== 'barrel-bombs'), 'barrel-bombs' as const]) {
        const cat = catalogue(metric);
        const opening = openingYear(cat);
        await page.selectOption('select#metric', metric);
        const first = await until(page, (d) => new URLSearchParams(d.search).get('metric') === metric && d.year === String(opening ?? 'all'));
        assert.equal(first.year, String(opening ?? 'all'), `${metric} opens on ${first.year}, expected ${opening ?? 'all'}`);
        if (cat.tables.length) assert.ok(first.values > 0, `${metric} opens on a view with no governorate figure`);

        const groups = yearGroups(cat);
        const menu = await page.$$eval('select#year optgroup', (gs) =>
          gs.map((g) => ({
            group: g.getAttribute('data-group'),
            label: g.getAttribute('label'),
            values: [...g.querySelectorAll('option')].map((o) => o.value),
          })),
        );
        const want = [
          { group: 'mapped', label: en['tables.year.mapped'], values: [...(cat.allYears ? ['all'] : []), ...groups.mapped.map(String)] },
          { group: 'national', label: en['tables.year.national'], values: [...(cat.allYears ? [] : ['all']), ...groups.national.map(String)] },
        ].filter((g) => g.values.length);
        assert.deepEqual(menu, want, `the Year menu of ${metric}`);

        for (const value of want.flatMap((g) => g.values)) {
          const year = value === 'all' ? null : +value;
          const e = expected(q(metric, year));
          if (e.values > 0) withMap++;
          await page.selectOption('select#year', value);
          const d = await until(page, (x) => x.year === value && x.period === e.period && x.values === e.values);
          const what = `${metric} · ${value}`;
          assert.equal(d.period, e.period, `${what}: the caption names ${d.period}, the table is ${e.period}`);
          assert.equal(d.values, e.values, `${what}: ${d.values} governorates drawn with a figure, the table has ${e.values}`);
          if (e.period) assert.ok(d.caption.includes(label(e.period)), `${what}: the caption "${d.caption}" does not name ${label(e.period)}`);
          // a table published within the year is never presented as the year's total
          if (year !== null && e.values > 0 && e.period !== String(year) && !e.period.startsWith(`${year}-01/${year}-12`))
            assert.ok(d.caption.includes(`not the total for ${year}`), `${what}: "${d.caption}"`);
          assert.ok(!(await page.title()).includes(en['period.all']) || e.period === '', `${what}: the title says all years over a table of ${e.period}`);
        }
      }
      assert.ok(withMap >= 25, `only ${withMap} measure × Year options show a map`);
      assert.deepEqual(problems(log), []);
    });
  }, 300_000);

  test('the period switcher offers every table of the year; period= keeps it in the URL; a bad period falls back silently', async () => {
    const metric: MetricId = 'torture-deaths';
    const cat = catalogue(metric);
    const year = cat.years.filter((y) => y.full && y.within.length > 1)[0].year;
    const options = periodOptions(cat, year).map((t) => t.key);
    const other = options[options.length - 1];
    await withPage(`/?metric=${metric}&year=${year}&perp=all`, { viewport: DESKTOP }, async (page, log) => {
      assert.deepEqual(await page.$$eval('select#period option', (os) => os.map((o) => (o as HTMLOptionElement).value)), options);
      assert.equal(await page.inputValue('select#period'), String(year));
      await page.selectOption('select#period', other);
      const e = expected(q(metric, year, other));
      const d = await until(page, (x) => x.period === other && x.values === e.values);
      assert.equal(d.period, other);
      assert.equal(d.values, e.values);
      assert.equal(new URLSearchParams(d.search).get('period'), other, `the URL does not keep the period: ${d.search}`);
      assert.equal(d.year, String(year));
      assert.ok((await page.title()).includes(label(other)), `the title does not name ${label(other)}: ${await page.title()}`);
      // another table, then Back returns to the previous one
      await page.selectOption('select#period', options[1]);
      await until(page, (x) => x.period === options[1]);
      await page.goBack();
      const back = await until(page, (x) => x.period === other);
      assert.equal(back.period, other);
      assert.equal(await page.inputValue('select#period'), other);
      assert.deepEqual(problems(log), []);
    });
    // the link keeps the period
    await withPage(`/?metric=${metric}&year=${year}&period=${other}&perp=all`, {}, async (page) => {
      assert.equal(await page.inputValue('select#period'), other);
      assert.equal((await drawn(page)).period, other);
    });
    // a bad or unknown period falls back to the year's table, silently
    for (const bad of ['garbage', '2011-01']) {
      await withPage(`/?metric=${metric}&year=${year}&period=${bad}&perp=all`, {}, async (page, log) => {
        const d = await until(page, (x) => !x.search.includes('period='));
        assert.equal(d.period, String(year), `period=${bad}`);
        assert.ok(!d.search.includes('period='), `period=${bad} stays in the URL: ${d.search}`);
        assert.equal(await page.locator('[role=alert]').count(), 0);
        assert.deepEqual(problems(log), []);
      });
    }
  });

  test('a year without a full-year table opens on its most complete table, named as such (civilian deaths)', async () => {
    const metric: MetricId = 'civilian-deaths';
    const cat = catalogue(metric);
    const y = cat.years.find((x) => !x.full && x.opening)!;
    await withPage(`/?metric=${metric}&year=${y.year}&perp=all`, { viewport: PHONE, isMobile: true }, async (page) => {
      const d = await drawn(page);
      assert.equal(d.period, y.opening!.key);
      assert.ok(d.caption.includes(`not the total for ${y.year}`), d.caption);
      const legend = await page.locator('[data-testid=map] .legend .title').first().textContent();
      assert.ok(legend?.includes(label(y.opening!.key)), `the legend "${legend}" does not name ${label(y.opening!.key)}`);
      await screenshot(page, 'maps-within-year-390', { fullPage: true });
    });
  });

  test('massacres, all years: no single year\'s figure under an "all years" title', async () => {
    const e = selectMap(atlas, q('massacres', null));
    await withPage('/?metric=massacres&year=all&perp=all', {}, async (page) => {
      const d = await drawn(page);
      assert.equal(d.period, e.period?.key ?? '');
      const national = (await page.locator('[data-testid=summary] .national').first().textContent()) ?? '';
      assert.ok(national.includes(e.period ? label(e.period.key) : en['period.all']), `the national figure is labelled "${national}"`);
      if (!e.national) assert.ok(national.includes(en['summary.nationalMissing']), national);
      assert.ok((await page.title()).includes(e.period ? label(e.period.key) : en['period.all']));
    });
  });

  test('the governorate table: its rows are the map cells; a row selects its governorate; sortable', async () => {
    const query = q('massacres', 2015);
    const map = selectMap(atlas, query);
    await withPage('/?metric=massacres&year=2015&perp=all', { viewport: DESKTOP }, async (page, log) => {
      const rows = await page.$$eval('[data-testid=gov-table] tbody tr', (trs) =>
        trs.map((tr) => ({
          code: tr.getAttribute('data-code'),
          status: tr.getAttribute('data-status'),
          value: tr.querySelector('td.num')?.textContent?.trim() ?? '',
        })),
      );
      const paths = await page.$$eval('[data-testid=map] svg path[data-code]', (ps) =>
        Object.fromEntries(ps.map((p) => [p.getAttribute('data-code'), p.getAttribute('data-status')])),
      );
      assert.equal(rows.length, 14);
      for (const r of rows) {
        assert.equal(r.status, paths[r.code!], `${r.code}: the table says ${r.status}, the map ${paths[r.code!]}`);
        const cell = map.cells.find((c) => c.codes.includes(r.code!))!;
        if (cell.status === 'value') assert.equal(r.value.replace(/[^\d]/g, ''), String(cell.figure!.shown.value), `${r.code}: ${r.value}`);
        else assert.equal(r.value, '—');
      }
      // a row selects its governorate like a click on the map
      await page.click('[data-testid=gov-table] tr[data-code=SY-DI] button.pick');
      await page.waitForFunction(() => location.search.includes('gov=SY-DI'));
      await page.locator('[data-testid=detail]').waitFor();
      assert.equal(await page.getAttribute('[data-testid=map] svg path[data-code=SY-DI]', 'aria-pressed'), 'true');
      assert.equal(await page.getAttribute('[data-testid=gov-table] tr[data-code=SY-DI] button.pick', 'aria-pressed'), 'true');
      // sort by figure: the largest first, rows with no figure last
      await page.click('[data-testid=gov-table] button[data-sort=value]');
      const order = await page.$$eval('[data-testid=gov-table] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-code')));
      const values = map.cells.filter((c) => c.status === 'value').flatMap((c) => c.codes.map((code) => ({ code, v: c.figure!.shown.value })));
      const max = Math.max(...values.map((x) => x.v));
      assert.equal(values.find((x) => x.code === order[0])?.v, max, `first row ${order[0]}`);
      assert.equal(await page.getAttribute('[data-testid=gov-table] th:has(button[data-sort=value])', 'aria-sort'), 'descending');
      assert.ok(
        order.slice(values.length).every((c) => !values.some((x) => x.code === c)),
        'a row with no figure sorted among the figures',
      );
      assert.deepEqual(problems(log), []);
    });
  });

  test('the embed shows the table alone with show=table, folded under the map with both', async () => {
    const e = expected(q('barrel-bombs', null));
    await withPage('/embed/?metric=barrel-bombs&year=all&perp=all&show=table', { viewport: { width: 600, height: 800 } }, async (page, log) => {
      assert.equal(await page.locator('[data-testid=gov-table] tbody tr').count(), 14);
      assert.equal(await page.locator('[data-testid=gov-table] tbody tr[data-status=value]').count(), e.values);
      assert.equal(await page.locator('[data-testid=map] svg').count(), 0);
      assert.equal(await page.getAttribute('[data-testid=map-caption]', 'data-period'), e.period);
      await page.click('[data-testid=gov-table] tr[data-code=SY-HL] button.pick');
      assert.equal(await page.getAttribute('[data-testid=gov-table] tr[data-code=SY-HL] button.pick', 'aria-pressed'), 'true');
      assert.deepEqual(problems(log), []);
    });
    await withPage('/embed/?metric=barrel-bombs&year=all&perp=all&show=both', { viewport: { width: 600, height: 800 } }, async (page) => {
      assert.equal(await page.locator('[data-testid=map] svg path[data-code]').count(), 14);
      await page.click('details.table-fold summary');
      await page.locator('details.table-fold [data-testid=gov-table]').waitFor();
      assert.equal(await page.locator('details.table-fold [data-testid=gov-table] tbody tr').count(), 14);
    });
  });

  test('on a 390 px phone, Damascus and Quneitra each have a target of at least 24×24 px; a tap selects it and the map names it', async () => {
    const query = q('massacres', 2015);
    const map = selectMap(atlas, query);
    const names = new Map(atlas.dataset.areas.map((a) => [a.code, a.name_en]));
    await withPage('/?metric=massacres&year=2015&perp=all', { viewport: PHONE, isMobile: true }, async (page, log) => {
      for (const code of ['SY-DI', 'SY-QU']) {
        const target = page.locator(`[data-testid=callouts] button[data-code=${code}]`);
        await target.scrollIntoViewIfNeeded();
        // the detail panel of the previous tap may still be scrolling the page
        await page.waitForTimeout(500);
        const box = (await target.boundingBox())!;
        assert.ok(box && box.width >= 24 && box.height >= 24, `${code}: a target of ${box?.width}×${box?.height} px`);
        const x = box.x + box.width / 2;
        const y = box.y + box.height / 2;
        // a tap at the target's centre selects this governorate (and not its big neighbour)
        await page.mouse.click(x, y);
        await page.waitForFunction((c) => location.search.includes(`gov=${c}`), code);
        const detail = (await page.locator('[data-testid=detail]').textContent()) ?? '';
        assert.ok(detail.includes(names.get(code)!), `the detail panel does not name ${names.get(code)}`);
        const label = (await page.locator('[data-testid=selected-label]').textContent()) ?? '';
        assert.ok(label.includes(names.get(code)!), `the map's label "${label}" does not name ${names.get(code)}`);
        const cell = map.cells.find((c) => c.codes.includes(code))!;
        if (cell.status === 'value') assert.ok(label.replace(/,/g, '').includes(String(cell.figure!.shown.value)), `the label "${label}" has no figure`);
      }
      await screenshot(page, 'maps-phone-callouts-390');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px`);
      assert.deepEqual(problems(log), []);
    });
  });

  test('on a 390 px phone every one of the 14 governorates can be tapped on the map: its shape, or its callout where the shape is under 24 px', async () => {
    await withPage('/?metric=massacres&year=2015&perp=all', { viewport: PHONE, isMobile: true }, async (page, log) => {
      await page.locator('[data-testid=callouts]').waitFor();
      await page.locator('[data-testid=map] svg.choropleth').scrollIntoViewIfNeeded();
      // where a finger lands for a governorate: its callout's centre, or the point of its shape (in page
      // coordinates) that is really the shape's (not under a callout or the label) with the most room around it
      const target = (code: string) =>
        page.evaluate((code) => {
          const callout = document.querySelector<HTMLElement>(`[data-testid=callouts] button[data-code=${code}]`);
          if (callout) {
            const r = callout.getBoundingClientRect();
            return { x: r.x + r.width / 2, y: r.y + r.height / 2, room: 12 };
          }
          const path = document.querySelector<SVGPathElement>(`[data-testid=map] svg.choropleth path[data-code=${code}]`)!;
          const r = path.getBoundingClientRect();
          let best: { x: number; y: number; room: number } | null = null;
          for (let y = r.y + 2; y < r.bottom; y += 3)
            for (let x = r.x + 2; x < r.right; x += 3) {
              if (document.elementFromPoint(x, y) !== path) continue;
              // room: how far the finger may slip (12 px each way: a 24 px target) and still land on it
              let room = 0;
              for (const d of [4, 8, 12])
                if (
                  [
                    [d, 0],
                    [-d, 0],
                    [0, d],
                    [0, -d],
                  ].every(([dx, dy]) => document.elementFromPoint(x + dx, y + dy) === path)
                )
                  room = d;
              if (!best || room > best.room) best = { x, y, room };
            }
          return best;
        }, code);
      const codes = await page.$$eval('[data-testid=map] svg.choropleth path[data-code]', (ps) => ps.map((p) => p.getAttribute('data-code')!));
      assert.equal(codes.length, 14);
      for (const code of codes) {
        await page.locator('[data-testid=map] svg.choropleth').scrollIntoViewIfNeeded();
        await page.waitForTimeout(300);
        const t = await target(code);
        assert.ok(t && t.room >= 12, `${code}: no 24 px target on the map at 390 px (${JSON.stringify(t)})`);
        await page.mouse.click(t.x, t.y);
        await page.waitForFunction((c) => new URLSearchParams(location.search).get('gov') === c, code, { timeout: 5000 });
      }
      assert.deepEqual(problems(log), []);
    });
  });

  test('on a phone the table is folded under a disclosure that the keyboard opens; through it a reader selects and reads each of the 14 governorates', async () => {
    const names = new Map(atlas.dataset.areas.map((a) => [a.code, a.name_en]));
    await withPage('/?metric=massacres&year=2015&perp=all', { viewport: PHONE, isMobile: true }, async (page, log) => {
      const summary = page.locator('[data-testid=table-fold] > summary');
      await summary.waitFor();
      assert.equal(await summary.textContent(), en['tables.open']);
      assert.equal(await page.locator('[data-testid=gov-table]').count(), 0, 'the folded table is drawn');
      // the closed disclosure fills the place kept for it: nothing moved when it came
      const [slot, fold] = await page.$$eval('.table-slot, [data-testid=table-fold]', (els) => els.map((e) => Math.round(e.getBoundingClientRect().height)));
      assert.equal(fold, slot, `the disclosure is ${fold}px in a ${slot}px place`);
      await summary.focus();
      await page.keyboard.press('Enter');
      await page.locator('[data-testid=table-fold] [data-testid=gov-table]').waitFor();
      assert.equal(await page.getAttribute('[data-testid=table-fold]', 'open'), '');
      const codes = await page.$$eval('[data-testid=gov-table] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-code')!));
      assert.equal(codes.length, 14);
      for (const code of codes) {
        await page.click(`[data-testid=gov-table] tr[data-code=${code}] button.pick`);
        await page.waitForFunction((c) => new URLSearchParams(location.search).get('gov') === c, code);
        await page.waitForFunction((n) => document.querySelector('[data-testid=detail]')?.textContent?.includes(n), names.get(code)!);
      }
      await screenshot(page, 'maps-table-fold-390', { fullPage: true });
      assert.deepEqual(problems(log), []);
    });
    // wider, the table is there without a disclosure
    await withPage('/?metric=massacres&year=2015&perp=all', { viewport: DESKTOP }, async (page) => {
      await page.locator('[data-testid=gov-table]').waitFor();
      assert.equal(await page.locator('[data-testid=table-fold]').count(), 0);
    });
  });

  test('the embed on a phone: the same callouts, a tap on one selects it, and the map names the selected governorate with its figure', async () => {
    const map = selectMap(atlas, q('massacres', 2015));
    const names = new Map(atlas.dataset.areas.map((a) => [a.code, a.name_en]));
    await withPage('/embed/?metric=massacres&year=2015&perp=all&gov=SY-QU', { viewport: PHONE, isMobile: true }, async (page, log) => {
      const label = async () => (await page.locator('[data-testid=selected-label]').textContent()) ?? '';
      assert.ok((await label()).includes(names.get('SY-QU')!), `the embed's map label "${await label()}" does not name Quneitra`);
      const target = page.locator('[data-testid=callouts] button[data-code=SY-DI]');
      const box = (await target.boundingBox())!;
      assert.ok(box.width >= 24 && box.height >= 24, `Damascus: a target of ${box.width}×${box.height} px`);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForFunction(() => document.querySelector('[data-testid=selected-label]')?.textContent?.includes('Damascus'));
      const cell = map.cells.find((c) => c.codes.includes('SY-DI'))!;
      if (cell.status === 'value') assert.ok((await label()).replace(/,/g, '').includes(String(cell.figure!.shown.value)), await label());
      assert.equal(await page.getAttribute('[data-testid=map] svg path[data-code=SY-DI]', 'aria-pressed'), 'true');
      await screenshot(page, 'maps-embed-callouts-390');
      assert.deepEqual(problems(log), []);
    });
  });

  // one page state per language: English on a desktop, Arabic on a phone. What this state adds to
  // the explorer is in the filters (the grouped Year menu, the period switcher) and the map (its
  // caption naming the table's period): axe checks those regions here. The rest of the page is the
  // same markup as in the explorer's full-page axe runs (explorer.test.ts, English at 1280 and
  // 375 px; arabic.test.ts, Arabic at 1280 and 375 px), page-level rules (landmarks, headings,
  // title) included.
  for (const [lang, viewport, isMobile] of [
    ['en', DESKTOP, false],
    ['ar', PHONE, true],
  ] as const) {
    test(`no axe violation with the grouped menu and the period switcher (${lang}, ${viewport.width} px)`, async () => {
      await withPage(`/?metric=massacres&year=2015&perp=all&lang=${lang}`, { viewport, isMobile }, async (page) => {
        await page.locator('select#period').waitFor();
        await screenshot(page, `maps-${lang}-${viewport.width}`, { fullPage: true });
        assert.deepEqual(await axeViolations(page, { include: ['form.filters', '[data-testid=map]'] }), []);
      });
    });
  }
});
