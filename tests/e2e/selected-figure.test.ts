/**
 * The figure a reader selected, in the outputs that leave the atlas: with a governorate selected,
 * "Cite this view" cites that figure first (value, period, area, party, its source), and the embed
 * names its value and source without a hover. Expected values come from dist/data/atlas.json
 * through the same pure selection the pages use.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { indexDataset, selectMap, type Atlas } from '../../src/lib/data/select';
import { parseView } from '../../src/lib/state/url';
import {
  builtDataset,
  DIST,
  launchBrowser,
  problems,
  skipWithoutChromium,
  startStaticServer,
  waitForReady,
  watchPage,
  type StaticServer,
  type TestBrowser,
} from './harness';

let server: StaticServer;
let browser: TestBrowser;
let atlas: Atlas;
const skip = skipWithoutChromium();
const VIEW = '?metric=barrel-bombs&year=all&perp=all&gov=SY-HL';

/** Aleppo's published figure in VIEW, from the data. */
function expected() {
  const p = parseView(VIEW);
  const map = selectMap(atlas, { metric: p.metric, year: p.year, period: p.period, perp: p.perp, victims: p.victims, gov: p.gov });
  const cell = map.cells.find((c) => c.codes.includes('SY-HL') && c.status === 'value');
  assert.ok(cell?.figure, 'Aleppo has a published barrel-bomb figure');
  const o = cell.figure.shown;
  return { value: new Intl.NumberFormat('en-GB').format(o.value), source: atlas.sources.get(o.source)! };
}

describe('the selected figure in outputs', { skip }, () => {
  before(async () => {
    server = await startStaticServer(DIST);
    browser = await launchBrowser();
    atlas = indexDataset(builtDataset());
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('cites the selected governorate’s figure first, with its one source', { timeout: 120_000 }, async () => {
    const page = await browser.newPage();
    const log = watchPage(page, server.origin);
    try {
      await page.goto(`${server.url}/${VIEW}`);
      await waitForReady(page, log);
      await page.click('[data-testid=share] .toggle');
      await page.click('[data-testid=share] [data-action=cite]');
      const lines = (await page.inputValue('[data-testid=cite-text]')).split('\n');
      const { value, source } = expected();
      assert.match(lines[2], /^The figure on screen: .*Aleppo.*Jul 2012 – Nov 2017/, lines.join('\n'));
      assert.ok(lines[2].includes(`${value} barrel bombs`), lines[2]);
      assert.match(lines[2], /All by Syrian regime forces|All by /, 'the party as the filter words it');
      assert.ok(lines[3].includes(source.url), `its source next: ${lines[3]}`);
      assert.deepEqual(problems(log), []);
    } finally {
      await page.context().close();
    }
  });

  it('marks the selected year faintly in a dark embed, and says "no total published" where a year has none', { timeout: 120_000 }, async () => {
    const page = await browser.newPage();
    const log = watchPage(page, server.origin);
    try {
      await page.goto(`${server.url}/embed/?metric=civilian-deaths&year=2017&perp=regime&show=timeline&theme=dark`);
      await waitForReady(page, log);
      await page.waitForSelector('[data-testid=timeline] rect.selected-band', { state: 'attached' });
      const seen = await page.evaluate(() => {
        const band = document.querySelector('[data-testid=timeline] rect.selected-band')!;
        const style = getComputedStyle(band);
        const [r, g, b] = (style.fill.match(/\d+/g) ?? []).map(Number);
        return {
          light: (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255,
          opacity: Number(style.fillOpacity),
          gapBars: document.querySelectorAll('[data-testid=timeline] g.bar[data-status=gap]').length,
          gapLabels: [...document.querySelectorAll('[data-testid=timeline] text.gap-label')].map((t) => t.textContent),
        };
      });
      assert.ok(seen.light * seen.opacity < 0.25, `the band is no near-white block on a dark page: ${JSON.stringify(seen)}`);
      assert.ok(seen.gapBars > 0 && seen.gapLabels.length > 0 && seen.gapLabels.every((t) => t === 'no total published'), JSON.stringify(seen));
      assert.deepEqual(problems(log), []);
    } finally {
      await page.context().close();
    }
  });

  it('gives every disclosure on the methods page a target at least 24 px tall', { timeout: 60_000 }, async () => {
    const page = await browser.newPage();
    const log = watchPage(page, server.origin);
    try {
      await page.goto(`${server.url}/methods/`);
      await waitForReady(page, log);
      const heights = await page.$$eval('summary', (els) => els.map((e) => e.getBoundingClientRect().height));
      assert.ok(heights.length > 0 && heights.every((h) => h >= 24), `summary heights: ${heights.join(', ')}`);
    } finally {
      await page.context().close();
    }
  });

  it('names the selected governorate’s value and source in the embed', { timeout: 120_000 }, async () => {
    const page = await browser.newPage();
    const log = watchPage(page, server.origin);
    try {
      await page.goto(`${server.url}/embed/${VIEW}`);
      await waitForReady(page, log);
      const line = (await page.textContent('[data-testid=embed-map-line]')) ?? '';
      const { value, source } = expected();
      assert.ok(line.includes('Aleppo') && line.includes(value) && line.includes(source.publisher), line);
      assert.deepEqual(problems(log), []);
    } finally {
      await page.context().close();
    }
  });
});
