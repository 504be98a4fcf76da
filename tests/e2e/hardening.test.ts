/**
 * Issue #14's defects as a reader meets them, in headless Chromium: a link pinned to a data version
 * the atlas never published (explorer, embed, a deck slide) shows the latest figures and says so;
 * a stalled data request times out with a retry that works once the network answers; decks are
 * never lost (a 201st slide refused before it is added, an unreadable kept deck set aside with a
 * download, a damaged `#deck=` link left in the address bar with an accurate notice).
 *
 * Decks written into local storage here are synthetic (views of the real data, made-up titles).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { deckHash, deckToFile, type Deck } from '../../src/lib/present/deck';
import {
  DIST,
  launchBrowser,
  problems,
  skipWithoutChromium,
  startStaticServer,
  waitForReady,
  watchPage,
  type PageLog,
  type StaticServer,
  type TestBrowser,
} from './harness';

let server: StaticServer;
let browser: TestBrowser;
const skip = skipWithoutChromium();
/** a well-formed data version that no build has published */
const UNKNOWN = 'abcdef';

async function open(path: string, { ready = true } = {}): Promise<{ page: Page; log: PageLog }> {
  const page = await browser.newPage();
  const log = watchPage(page, server.origin);
  await page.goto(server.url + path, { waitUntil: 'load', timeout: 30_000 });
  if (ready) await waitForReady(page, log);
  return { page, log };
}

/** The page's problems, less the 404 of the unpublished version (the fallback's trigger). */
const unexpected = (log: PageLog) => problems(log).filter((p) => !p.includes(`/data/versions/${UNKNOWN}`));

const slide = (view: string, title: string) => ({ view, title, note: '' });

describe('hardening: defects of issue #14', { skip }, () => {
  before(async () => {
    server = await startStaticServer(DIST);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an unknown but well-formed v= shows the latest figures and says so (explorer, embed)', { timeout: 60_000 }, async () => {
    for (const path of [`/?metric=massacres&v=${UNKNOWN}`, `/embed/?metric=massacres&v=${UNKNOWN}`]) {
      const { page, log } = await open(path);
      try {
        const notice = await page.textContent('[data-testid=unknown-version]');
        assert.match(notice ?? '', new RegExp(`Data version ${UNKNOWN} is not published here; showing the latest figures`), path);
        assert.ok((await page.locator('svg path[data-code]').count()) >= 14, `${path}: a map`);
        assert.equal(await page.locator('[data-action=retry]').count(), 0, `${path}: no retry that cannot help`);
        if (!path.startsWith('/embed')) assert.ok(!page.url().includes(`v=${UNKNOWN}`), 'the explorer link no longer claims the version');
        assert.deepEqual(unexpected(log), [], path);
      } finally {
        await page.close();
      }
    }
  });

  it('an address with a tab and a "<" in it (a crafted link, then Back) does not block later loads', { timeout: 60_000 }, async () => {
    // Chromium refuses a relative URL resolved against such an address (its dangling-markup
    // guard): every measure picked after it failed with "Failed to fetch" until the page loaded again
    const { page, log } = await open('/');
    try {
      await page.evaluate(() => {
        history.pushState(null, '', `${location.pathname}?x=\t<b>&metric=massacres&gov=SY-HL`);
        dispatchEvent(new PopStateEvent('popstate'));
      });
      await page.waitForFunction(
        () => document.querySelector('h1')?.textContent?.includes('Massacres') && document.querySelectorAll('svg path[data-code]').length >= 14,
        null,
        { timeout: 30_000 },
      );
      assert.equal(await page.locator('.error').count(), 0, 'no load failed');
      assert.deepEqual(problems(log), []);
    } finally {
      await page.close();
    }
  });

  it('a deck slide pinned to an unknown version does not break the presentation', { timeout: 60_000 }, async () => {
    const deck: Deck = {
      title: 'Synthetic deck',
      slides: [slide('?metric=barrel-bombs&year=all&perp=all', 'one'), slide(`?metric=massacres&year=all&perp=all&v=${UNKNOWN}`, 'two')],
    };
    const { page, log } = await open(`/present/${deckHash(deck, 1)}`);
    try {
      assert.match((await page.textContent('[data-testid=present-notice]')) ?? '', new RegExp(`data version ${UNKNOWN}`));
      await page.waitForSelector('.stage [data-testid=slide][data-index="1"]', { timeout: 10_000 });
      assert.equal(await page.locator('.stage svg.choropleth path[data-code]').count(), 14);
      // stored as the last deck, it opens again after a reload
      await page.goto(`${server.url}/present/`);
      await waitForReady(page, log);
      assert.equal(await page.locator('.stage [data-testid=slide]').count(), 1);
      assert.deepEqual(unexpected(log), []);
    } finally {
      await page.close();
    }
  });

  it('a stalled data request times out, says so, and "Try again" works once the network answers', { timeout: 60_000 }, async () => {
    const page = await browser.newPage();
    const log = watchPage(page, server.origin);
    try {
      await page.clock.install();
      let stalled = 0;
      const hang = () => void stalled++;
      await page.route(/\/data\/(full\/[^/]+|atlas)\.json$/, hang);
      await page.goto(`${server.url}/?metric=massacres`, { waitUntil: 'load', timeout: 30_000 });
      await page.waitForSelector('.loading', { timeout: 10_000 });
      // the first-view slice stalls, then the whole dataset it falls back to
      for (const n of [1, 2]) {
        await page.waitForFunction(() => true, undefined, { timeout: 1000 });
        await waitUntil(() => stalled >= n);
        await page.clock.fastForward(31_000);
      }
      await page.waitForSelector('body[data-state=error]', { timeout: 10_000 });
      assert.match((await page.textContent('[role=alert]')) ?? '', /stalled: nothing arrived for 30 seconds/);
      await page.unroute(/\/data\/(full\/[^/]+|atlas)\.json$/, hang);
      await page.click('[data-action=retry]');
      await waitForReady(page);
      assert.ok((await page.locator('svg path[data-code]').count()) >= 14);
      assert.deepEqual(log.pageErrors, []);
    } finally {
      await page.close();
    }
  });

  it('the 201st slide is refused before it is added; the full deck stays', { timeout: 60_000 }, async () => {
    const { page } = await open('/?metric=massacres');
    try {
      const full: Deck = {
        title: 'Full synthetic deck',
        slides: Array.from({ length: 200 }, (_, i) => slide('?metric=barrel-bombs&year=all&perp=all', `s${i}`)),
      };
      await page.evaluate((text) => localStorage.setItem('atlas.deck', text), deckToFile(full));
      await page.click('[data-action=add-to-deck]');
      assert.match((await page.textContent('[data-testid=deck-full]')) ?? '', /already has 200 slides.*Nothing was added/);
      const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('atlas.deck')!));
      assert.equal(kept.slides.length, 200);
      assert.equal(kept.title, 'Full synthetic deck');
    } finally {
      await page.close();
    }
  });

  it('an unreadable kept deck is set aside with a message and a download, replaced only when asked', { timeout: 60_000 }, async () => {
    const { page } = await open('/?metric=massacres');
    const damaged = '{"format":"syria-atlas-deck","version":1,"title":"Mine","slides":[{"view":"?metric=barrel-bom';
    try {
      await page.evaluate((text) => localStorage.setItem('atlas.deck', text), damaged);
      await page.click('[data-action=add-to-deck]');
      await page.waitForSelector('[data-testid=unreadable-deck]');
      assert.equal(await page.evaluate(() => localStorage.getItem('atlas.deck')), damaged, 'not overwritten without asking');
      const download = page.waitForEvent('download', { timeout: 10_000 });
      await page.click('[data-testid=unreadable-download]');
      const file = await (await download).createReadStream();
      let text = '';
      for await (const chunk of file) text += chunk;
      assert.equal(text, damaged, 'the download is the kept text, byte for byte');
      await page.click('[data-action=add-to-new-deck]');
      await page.waitForSelector('[data-testid=add-to-deck-status] >> text=slide 1');
      assert.deepEqual(await page.evaluate(() => JSON.parse(localStorage.getItem('atlas.deck.unreadable')!)), [damaged]);

      // the presentation page offers it too, until the reader forgets it
      await page.goto(`${server.url}/present/`);
      await waitForReady(page);
      await page.waitForSelector('[data-testid=unreadable-deck] [data-testid=unreadable-download]');
      await page.click('[data-action=forget-unreadable]');
      assert.equal(await page.locator('[data-testid=unreadable-deck]').count(), 0);
    } finally {
      await page.close();
    }
  });

  it('a valid #deck= link never replaces a different kept deck without asking', { timeout: 60_000 }, async () => {
    const mine = deckToFile({ title: 'My synthetic deck', slides: [slide('?metric=barrel-bombs&year=all&perp=all', 'mine')] });
    const linked: Deck = {
      title: 'Linked synthetic deck',
      slides: [slide('?metric=massacres&year=all&perp=all', 'a'), slide('?metric=massacres&year=2015&perp=all', 'b')],
    };
    const { page, log } = await open('/present/');
    try {
      await page.evaluate((text) => localStorage.setItem('atlas.deck', text), mine);
      await page.goto(`${server.url}/present/${deckHash(linked, 0)}`);
      await waitForReady(page, log);
      await page.waitForSelector('[data-testid=linked-deck]');
      assert.match((await page.textContent('[data-testid=linked-deck]')) ?? '', /kept in this browser \(1 slides?\) is unchanged.*My synthetic deck/s);
      assert.equal(await page.evaluate(() => localStorage.getItem('atlas.deck')), mine, 'the kept deck is untouched on opening');
      assert.equal(await page.locator('.stage [data-testid=slide]').count(), 1);
      // opening one's own deck brings it back, still unchanged
      await page.click('[data-action=open-kept]');
      assert.equal(await page.locator('[data-testid=linked-deck]').count(), 0);
      assert.match(page.url(), /#deck=/);
      assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('atlas.deck')!).title), 'My synthetic deck');
      // keeping the link's deck, when asked, replaces it
      await page.goto(`${server.url}/present/${deckHash(linked, 1)}`);
      await page.reload();
      await waitForReady(page, log);
      await page.click('[data-action=keep-linked]');
      assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('atlas.deck')!).title), 'Linked synthetic deck');
      assert.deepEqual(problems(log), []);
    } finally {
      await page.close();
    }
  });

  it('a damaged #deck= link stays in the address bar, and the notice says which deck is shown', { timeout: 60_000 }, async () => {
    const hash = '#deck=eyJ0IjoiU3ludGhldGljIiwicyI6W1si&slide=2';
    const { page, log } = await open(`/present/${hash}`);
    try {
      assert.match((await page.textContent('[data-testid=present-notice]')) ?? '', /key figures deck is shown instead/);
      assert.equal(new URL(page.url()).hash, hash);
      assert.deepEqual(problems(log), []);
      // with a deck of one's own kept, the notice says that one is shown
      await page.evaluate(
        (text) => localStorage.setItem('atlas.deck', text),
        deckToFile({ title: 'Kept synthetic deck', slides: [slide('?metric=barrel-bombs&year=all&perp=all', 'kept')] }),
      );
      await page.reload();
      await waitForReady(page);
      assert.match((await page.textContent('[data-testid=present-notice]')) ?? '', /your last deck is shown instead/);
      assert.equal(new URL(page.url()).hash, hash);
    } finally {
      await page.close();
    }
  });

  /**
   * Faults on the two files every page needs, the figures and the map: each page says what failed,
   * and its "Try again" works once the network answers again.
   */
  it('on a slow network every page says it is loading before any figure arrives (no blank page)', { timeout: 90_000 }, async () => {
    const cases: [string, string][] = [
      ['/?metric=massacres', '.loading'],
      ['/embed/?metric=massacres', '.loading'],
      ['/present/', '.loading'],
      ['/methods/', 'main [aria-live=polite]'],
    ];
    const FILES = /\/(data\/.*|geo\/[^/]+)\.json$/;
    for (const [path, loading] of cases) {
      const page = await browser.newPage();
      const held: import('playwright-core').Route[] = [];
      let released = false;
      const hold = (route: import('playwright-core').Route) => (released ? route.continue() : void held.push(route));
      try {
        await page.route(FILES, hold);
        // as soon as the document is parsed (its scripts have run): nothing has arrived yet
        await page.goto(server.url + path, { waitUntil: 'domcontentloaded', timeout: 30_000 });
        await page.waitForSelector(loading, { timeout: 10_000 });
        const shown = await page.evaluate((sel) => {
          const el = document.querySelector(sel);
          const box = el?.getBoundingClientRect();
          return { text: el?.textContent?.trim() ?? '', visible: !!box && box.width > 0 && box.height > 0, live: el?.getAttribute('aria-live') };
        }, loading);
        assert.match(shown.text, /Loading/i, `${path}: a loading message`);
        assert.ok(shown.visible, `${path}: the loading message is visible`);
        assert.equal(shown.live, 'polite', `${path}: read out to screen readers`);
        await waitUntil(() => held.length >= 1);
        // then the figures arrive and the page is ready
        released = true;
        for (const r of held.splice(0)) await r.continue();
        await waitForReady(page);
      } finally {
        await page.close();
      }
    }
  });

  describe('faults survived', () => {
    type Fault = 'abort' | '500' | 'truncated' | 'html';
    const answer = (fault: Fault) => async (route: import('playwright-core').Route) => {
      if (fault === 'abort') return route.abort('connectionreset');
      if (fault === '500') return route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' });
      if (fault === 'html') return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Home</title>' });
      const real = await route.fetch();
      const body = await real.text();
      return route.fulfill({ status: 200, contentType: 'application/json', body: body.slice(0, Math.floor(body.length / 2)) });
    };
    const FIGURES = /\/data\/(full\/[^/]+|latest\/[^/]+|atlas|versions\/[^/]+)\.json$/;
    const MAP = /\/geo\/syria\.topo\.json$/;
    const cases: [string, string, RegExp, Fault, RegExp][] = [
      ['explorer', '/?metric=massacres', FIGURES, '500', /the figures: HTTP 500/],
      ['explorer', '/?metric=barrel-bombs', MAP, 'truncated', /the map: not valid JSON/],
      ['explorer', '/?metric=cluster-attacks', FIGURES, 'html', /the figures: a web page \(text\/html\) came instead/],
      ['explorer', '/?metric=massacres&year=2015', MAP, 'abort', /the map: /],
      ['embed', '/embed/?metric=massacres', FIGURES, 'truncated', /the figures: not valid JSON/],
      ['briefing', '/present/', MAP, '500', /the map: HTTP 500/],
    ];
    for (const [page_, path, target, fault, message] of cases) {
      it(`${page_}: ${fault} on ${target === MAP ? 'the map' : 'the figures'} is said, and "Try again" recovers`, { timeout: 60_000 }, async () => {
        const page = await browser.newPage();
        const log = watchPage(page, server.origin);
        const handler = answer(fault);
        try {
          await page.route(target, handler);
          await page.goto(server.url + path, { waitUntil: 'load', timeout: 30_000 });
          await page.waitForSelector('body[data-state=error]', { timeout: 20_000 });
          assert.match((await page.textContent('[role=alert]')) ?? '', message);
          await page.unroute(target, handler);
          await page.click('[data-action=retry]');
          await waitForReady(page);
          assert.ok((await page.locator('svg path[data-code]').count()) >= 14, 'the map is drawn after the retry');
          assert.deepEqual(log.pageErrors, []);
        } finally {
          await page.close();
        }
      });
    }
  });
});

async function waitUntil(ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
