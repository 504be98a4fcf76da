/**
 * Exports from the explorer's share menu, in headless Chromium: the PNGs (wide and square, 2×)
 * decode to their size with the map painted in the map's own colours; the SVG carries the title,
 * the source line, the note and the URL; the CSV's figures are those the view shows (read from the
 * map's and the timeline's accessible labels) with their sources, and never a derived figure; the
 * link and the citation name the exact view and the data version.
 * Files land in test-results/exports/ and screenshots in test-results/screenshots/: look at them.
 */
import { after, before, describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import type { Dataset } from '../../src/lib/data/types';
import { parseCsv } from '../../src/lib/share/csv';
import { FORMATS, PNG_SCALE } from '../../src/lib/share/exportSvg';
import { parseView } from '../../src/lib/state/url';
import {
  DIST,
  ROOT,
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

const OUT = join(ROOT, 'test-results', 'exports');
const SKIP = skipWithoutChromium();
const test = (name: string, fn: (t: TestContext) => Promise<void>) => it(name, { skip: SKIP, timeout: 180_000 }, fn);
const num = (n: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(n);

let server: StaticServer;
let browser: TestBrowser;
let dataset: Dataset;

async function open(path: string): Promise<{ page: Page; log: PageLog }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const log = watchPage(page, server.origin);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await page.goto(server.url + path, { waitUntil: 'load', timeout: 60_000 });
  await waitForReady(page, log);
  return { page, log };
}

/** Opens the share menu, clicks an item, and returns the downloaded file. */
async function download(page: Page, action: string): Promise<{ name: string; body: Buffer }> {
  await page.click('[data-testid=share] .toggle');
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(`[data-testid=share] [data-action=${action}]`)]);
  const path = await file.path();
  const body = readFileSync(path);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, file.suggestedFilename()), body);
  return { name: file.suggestedFilename(), body };
}

const hex = (r: number, g: number, b: number) => `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;

/** Pixels of a PNG inside a rectangle (in PNG pixels) whose colour is one of `colors`. */
function countColors(png: PNG, colors: Set<string>, rect = { x: 0, y: 0, width: png.width, height: png.height }) {
  let hits = 0;
  const seen = new Set<string>();
  for (let y = rect.y; y < rect.y + rect.height; y += 2)
    for (let x = rect.x; x < rect.x + rect.width; x += 2) {
      const i = (y * png.width + x) * 4;
      const c = hex(png.data[i], png.data[i + 1], png.data[i + 2]);
      seen.add(c);
      if (colors.has(c)) hits++;
    }
  return { hits, distinct: seen.size };
}

/** The map's fills for governorates with a value, as drawn on the page. */
async function valueFills(page: Page): Promise<Set<string>> {
  const fills = await page.$$eval('[data-testid=map] svg path[data-code][data-status=value]', (ps) =>
    ps.map((p) => (p.getAttribute('fill') ?? '').toLowerCase()),
  );
  return new Set(fills.filter((f) => /^#[0-9a-f]{6}$/.test(f)));
}

describe('export', () => {
  before(async () => {
    if (SKIP) return;
    dataset = builtDataset();
    server = await startStaticServer(DIST);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('PNG, wide and square: 2× pixels, the map area painted in the map’s colours; the explorer’s callouts and selected label', async () => {
    const { page, log } = await open('/?metric=barrel-bombs&year=all&perp=all&gov=SY-DI');
    try {
      const fills = await valueFills(page);
      assert.ok(fills.size >= 2, `the page's map has too few value colours: ${[...fills]}`);

      const svg = (await download(page, 'svg')).body.toString('utf8');
      const m = /<svg data-part="map" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(svg);
      assert.ok(m, 'the SVG has no map');
      // the same callouts as the explorer's map, over the map, and the selected governorate named with its figure
      assert.ok(svg.includes(`<svg data-part="map-annotations" x="${m[1]}" y="${m[2]}" width="${m[3]}" height="${m[4]}"`), 'no callouts over the map');
      for (const code of ['SY-DI', 'SY-QU']) assert.ok(svg.includes(`data-callout="${code}"`), `no callout for ${code}`);
      const label = (await page.textContent('[data-testid=selected-label]'))!.trim();
      assert.ok(/\d/.test(label), `the page's label "${label}" has no figure`);
      const drawn = [...(/data-part="selected-label">([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '').matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((t) => t[1]).join(' ');
      assert.equal(drawn, label.replace(/&/g, '&amp;'), 'the image labels the selected governorate otherwise than the page');
      const [x, y, w, h] = m.slice(1).map((v) => Math.round(+v * PNG_SCALE));

      const wide = await download(page, 'png-wide');
      assert.match(wide.name, /^syria-atlas_barrel-bombs_.*_wide\.png$/);
      const png = PNG.sync.read(wide.body);
      assert.equal(png.width, FORMATS.wide.width * PNG_SCALE);
      assert.equal(png.height, FORMATS.wide.height * PNG_SCALE);
      const inMap = countColors(png, fills, { x, y, width: w, height: h });
      assert.ok(inMap.hits > 2000, `only ${inMap.hits} map-coloured pixels in the map area (${[...fills]})`);
      assert.ok(inMap.distinct > 8, `the map area has ${inMap.distinct} colours: blank?`);
      const outside = countColors(png, fills, { x: 0, y: 0, width: png.width, height: Math.max(1, y - 4) });
      assert.equal(outside.hits, 0, 'map colours above the map area');

      const square = PNG.sync.read((await download(page, 'png-square')).body);
      assert.equal(square.width, FORMATS.square.width * PNG_SCALE);
      assert.equal(square.height, FORMATS.square.height * PNG_SCALE);
      assert.ok(countColors(square, fills).hits > 2000, 'the square image shows no map');

      // look at them: the PNGs are in test-results/exports/
      assert.deepEqual(problems(log), []);
    } finally {
      await page.context().close();
    }
  });

  test('SVG: the title, the filters, the source line, the minimum note and the view’s URL', async () => {
    const { page, log } = await open('/?metric=civilian-deaths&year=2016&perp=all');
    try {
      const title = (await page.textContent('h1'))!.trim();
      const { name, body } = await download(page, 'svg');
      assert.equal(name, 'syria-atlas_civilian-deaths_2016_all.svg');
      const svg = body.toString('utf8');
      const text = (part: string) =>
        [...(new RegExp(`<g data-part="${part}">([\\s\\S]*?)</g>`).exec(svg)?.[1] ?? '').matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((t) => t[1]).join(' ');
      assert.ok(svg.startsWith('<?xml'), 'not an SVG document');
      assert.ok(svg.includes(`<title>${title.replace(/&/g, '&amp;')}</title>`), `no title "${title}"`);
      assert.match(text('source'), /Syrian Network for Human Rights \(SNHR\)/);
      assert.match(text('note'), /documented minimums/);
      assert.ok(text('url').includes(server.url), `the URL line is "${text('url')}"`);
      assert.match(svg, /Year: 2016 · Party: All parties/);
      assert.match(svg, /data-part="timeline"/);
      assert.doesNotMatch(svg, /@font-face|href="https?:/);
      assert.deepEqual(problems(log), []);
    } finally {
      await page.context().close();
    }
  });

  test('CSV: the figures the view shows, each with its source; never a derived figure', async () => {
    for (const path of ['/?metric=civilian-deaths&year=2016&perp=all', '/?metric=barrel-bombs&year=all&perp=all']) {
      const { page, log } = await open(path);
      try {
        const { name, body } = await download(page, 'csv');
        assert.match(name, /\.csv$/);
        const text = body.toString('utf8');
        assert.ok(text.startsWith('\ufeff'), 'no byte-order mark');
        const rows = parseCsv(text);
        assert.ok(rows.length > 0, 'no rows');
        const labels = await page.evaluate(() => {
          const out: Record<string, string> = {};
          for (const g of document.querySelectorAll('[data-testid=timeline] g.bar[data-key]'))
            out[`bar:${g.getAttribute('data-key')}`] = `${g.getAttribute('data-status')}|${g.getAttribute('aria-label')}`;
          for (const p of document.querySelectorAll('[data-testid=map] svg path[data-code]'))
            out[`area:${p.getAttribute('data-area')}`] = `${p.getAttribute('data-status')}|${p.getAttribute('aria-label')}`;
          return out;
        });
        let checked = 0;
        for (const r of rows) {
          assert.ok(r.publisher && r.title && r.date && /^https?:\/\//.test(r.url), `row without its source: ${JSON.stringify(r)}`);
          assert.ok(['published', 'published-secondary', 'conflict'].includes(r.status), `status ${r.status}`);
          assert.notEqual(r.perpetrator, 'unattributed');
          const v = num(+r.value);
          if (r.part === 'map') {
            const label = labels[`area:${r.area}`];
            assert.ok(label?.startsWith('value|') && label.includes(v), `map ${r.area}=${v}, the page says ${label}`);
            checked++;
          } else if (['year', 'month', 'year-party', 'month-party'].includes(r.part)) {
            const label = labels[`bar:${r.period}`];
            assert.ok(label, `no bar ${r.period} on the page`);
            assert.ok(label.includes(v), `${r.part} ${r.period} ${r.perpetrator}=${v}, the bar says ${label}`);
            if (r.part === 'year' || r.part === 'month') assert.ok(label.startsWith('value|'), `a total for a ${label.split('|')[0]} bar`);
            checked++;
          }
        }
        // every bar drawn from a published total has its row; parts-only sums and gaps have none
        for (const [key, label] of Object.entries(labels)) {
          if (!key.startsWith('bar:')) continue;
          const period = key.slice(4);
          const totals = rows.filter((r) => (r.part === 'year' || r.part === 'month') && r.period === period);
          if (label.startsWith('value|')) assert.equal(totals.length, 1, `bar ${period} (${label}) has ${totals.length} total rows`);
          else assert.equal(totals.length, 0, `bar ${period} is ${label.split('|')[0]} but the CSV gives a total`);
        }
        assert.ok(checked >= 5, `only ${checked} rows compared with the page`);
        assert.deepEqual(problems(log), []);
      } finally {
        await page.context().close();
      }
    }
  });

  test('Copy link and Cite: the exact view, every filter written, and the data version', async () => {
    const { page, log } = await open('/?metric=civilian-deaths&year=2016&perp=regime');
    try {
      await page.click('[data-testid=share] .toggle');
      await page.click('[data-testid=share] [data-action=copy-link]');
      await page.waitForFunction(() => /copied/i.test(document.querySelector('[data-testid=share] [role=status]')?.textContent ?? ''));
      const link = await page.evaluate(() => navigator.clipboard.readText());
      const url = new URL(link);
      // the measure's page (its share card), which goes on to the explorer at this view (cards.test.ts)
      assert.equal(url.origin + url.pathname, `${server.url}/m/civilian-deaths/`);
      assert.deepEqual(
        { metric: url.searchParams.get('metric'), year: url.searchParams.get('year'), perp: url.searchParams.get('perp') },
        { metric: 'civilian-deaths', year: '2016', perp: 'regime' },
      );
      assert.deepEqual(parseView(url.search), parseView(await page.evaluate(() => location.search)));

      await page.click('[data-testid=share] .toggle');
      await page.click('[data-testid=share] [data-action=cite]');
      const cite = await page.inputValue('[data-testid=cite-text]');
      assert.ok(cite.includes(`${server.url}/${url.search}`), 'the citation has no link to the view (the explorer’s)');
      assert.ok(cite.includes(`data version ${dataset.version}`), 'the citation names no data version');
      // the figure on screen and its source first, then the view's other sources
      assert.match(cite, /\n\nThe figure on screen: .+\n- .+\n\n(The map’s governorate table|Other sources of the view):\n- /);
      await screenshot(page, 'export-cite-dialog');
      await page.click('[data-testid=cite-dialog] [data-action=copy-cite]');
      await page.waitForTimeout(200);
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), cite);
      assert.deepEqual(problems(log), []);
    } finally {
      await page.context().close();
    }
  });
});
