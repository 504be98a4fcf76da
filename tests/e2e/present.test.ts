/**
 * The briefing mode (src/pages/present/, served at `/present/`) in headless Chromium: a deck built
 * from three explorer views with "Add this view to a deck", opened from its URL, stepped through
 * from the keyboard (each slide shows its view, its figures and their sources), the presenter
 * window following it, notes, reduced motion, malformed decks in the URL and in a file, the deck
 * printed to PDF (one page per slide), axe, and screenshots at projector, laptop and phone sizes.
 *
 * Expected figures come from dist/data/atlas.json through the same pure functions the page uses
 * (slide.ts), so the tests follow the data. Screenshots land in test-results/screenshots/.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { indexDataset, type Atlas } from '../../src/lib/data/select';
import { slideFacts, slideView } from '../../src/lib/present/slide';
import { deckHash, deckFromFile, normalizeViewString, parseDeckHash, type Deck } from '../../src/lib/present/deck';
import { KEY_FIGURES } from '../../src/lib/present/decks/key-figures';
import {
  DIST,
  ROOT,
  axeViolations,
  launchBrowser,
  pageOpener,
  problems,
  screenshot,
  skipWithoutChromium,
  startStaticServer,
  waitForAnimations,
  waitForReady,
  watchPage,
  type StaticServer,
  type TestBrowser,
  builtDataset,
} from './harness';

const VIEWS = ['?metric=barrel-bombs&year=all&perp=all', '?metric=landmine-deaths&year=all&perp=all', '?metric=civilian-deaths&year=2017&perp=regime'];

let server: StaticServer;
let browser: TestBrowser;
let atlas: Atlas;

const skip = skipWithoutChromium();

const { open } = pageOpener(() => ({ browser, server }));

interface SlideState {
  index: number;
  view: string;
  title: string;
  counter: string;
  observations: string[];
  sources: string[];
  mapPaths: number;
  filled: number;
}

function readSlide(page: Page): Promise<SlideState> {
  return page.evaluate(() => {
    const slide = document.querySelector('.stage [data-testid=slide]') as HTMLElement;
    return {
      index: Number(slide.dataset.index),
      view: slide.dataset.view ?? '',
      title: slide.querySelector('[data-testid=slide-title]')?.textContent?.trim() ?? '',
      counter: slide.querySelector('[data-testid=slide-counter]')?.textContent?.trim() ?? '',
      observations: [...slide.querySelectorAll('[data-testid=slide-figure]')].map((e) => (e as HTMLElement).dataset.observation ?? ''),
      sources: [...slide.querySelectorAll('[data-testid=slide-sources] a')].map((a) => (a as HTMLAnchorElement).href),
      mapPaths: slide.querySelectorAll('svg.choropleth path[data-code]').length,
      filled: [...slide.querySelectorAll('svg.choropleth path[data-code]')].filter((p) => p.getAttribute('data-status') === 'value').length,
    };
  });
}

/** Checks that the slide on screen shows `view`: its figures and each figure's source, from the data. */
async function expectSlide(page: Page, index: number, count: number, view: string) {
  await page.waitForFunction((i) => document.querySelector('.stage [data-testid=slide]')?.getAttribute('data-index') === String(i), index, { timeout: 10_000 });
  const s = await readSlide(page);
  const expected = slideView(atlas, view);
  const facts = slideFacts(atlas, expected.map, expected.time);
  assert.equal(s.view, normalizeViewString(view));
  assert.equal(s.counter, `${index + 1} / ${count}`);
  assert.equal(s.mapPaths, 14, 'the 14 governorates are drawn');
  assert.equal(
    s.filled,
    expected.map.cells.filter((c) => c.status === 'value').reduce((n, c) => n + c.codes.length, 0),
  );
  assert.deepEqual(
    s.observations,
    facts.figures.map((f) => f.figure.shown.id),
    `figures of ${view}`,
  );
  assert.ok(facts.figures.length > 0, `${view} has a figure`);
  for (const f of facts.figures) {
    const src = atlas.sources.get(f.figure.shown.source)!;
    assert.ok(s.sources.includes(new URL(src.url).href), `${view}: source ${src.id} of ${f.key} is cited on the slide`);
  }
}

async function pressKeys(page: Page, keys: string[]) {
  for (const k of keys) await page.keyboard.press(k);
}

describe('briefing mode', { skip }, () => {
  before(async () => {
    server = await startStaticServer(DIST);
    browser = await launchBrowser();
    atlas = indexDataset(builtDataset());
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('builds a deck from three explorer views, opens its URL and steps through it from the keyboard', { timeout: 180_000 }, async () => {
    const { page, log } = await open(`/${VIEWS[0]}`);
    try {
      for (const [i, view] of VIEWS.entries()) {
        if (i > 0) {
          await page.goto(`${server.url}/${view}`);
          await waitForReady(page, log);
        }
        await page.click('[data-action=add-to-deck]');
        await page.waitForSelector(`[data-testid=add-to-deck-status] >> text=slide ${i + 1}`);
      }
      const href = await page.getAttribute('[data-testid=open-deck]', 'href');
      assert.ok(href && href.includes('present/#deck='), `link to the deck: ${href}`);
      await page.click('[data-testid=open-deck]');
      await waitForReady(page, log);
      // the link opens the last slide added
      await expectSlide(page, 2, 3, VIEWS[2]);
      await screenshot(page, 'present-built-deck-1280');

      await page.keyboard.press('Home');
      await expectSlide(page, 0, 3, VIEWS[0]);
      await page.keyboard.press('ArrowRight');
      await expectSlide(page, 1, 3, VIEWS[1]);
      await page.keyboard.press('PageDown');
      await expectSlide(page, 2, 3, VIEWS[2]);
      await page.keyboard.press('Space');
      await expectSlide(page, 2, 3, VIEWS[2]); // stays on the last slide
      await page.keyboard.press('ArrowLeft');
      await expectSlide(page, 1, 3, VIEWS[1]);
      await page.keyboard.press('PageUp');
      await expectSlide(page, 0, 3, VIEWS[0]);
      await page.keyboard.press('End');
      await expectSlide(page, 2, 3, VIEWS[2]);
      await pressKeys(page, ['2', 'Enter']);
      await expectSlide(page, 1, 3, VIEWS[1]);
      await pressKeys(page, ['9', '9', 'Enter']);
      await expectSlide(page, 2, 3, VIEWS[2]);
      await page.keyboard.press(' ');
      await pressKeys(page, ['1', 'Enter']);
      await expectSlide(page, 0, 3, VIEWS[0]);

      // F toggles fullscreen (the control bar hides); B blanks the screen and any move brings it back
      await page.keyboard.press('f');
      await page.waitForFunction(() => !!document.fullscreenElement && document.querySelector('.present')?.classList.contains('fullscreen'));
      await page.waitForSelector('.present .controls', { state: 'hidden' });
      // … and the timeline keeps its bars and axis labels (the control bar's rule once hid them)
      const drawn = () =>
        page.evaluate(() => {
          const shown = (e: Element) => getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height > 0;
          const bars = [...document.querySelectorAll('.stage .timeline g.bar[data-key]')];
          return { bars: bars.length, shown: bars.filter(shown).length, labels: [...document.querySelectorAll('.stage .timeline text')].filter(shown).length };
        });
      const full = await drawn();
      assert.ok(full.bars > 0 && full.shown === full.bars, `fullscreen: every timeline bar drawn (${JSON.stringify(full)})`);
      await page.keyboard.press('f');
      await page.waitForFunction(() => !document.fullscreenElement);
      await page.waitForSelector('.present .controls', { state: 'visible' });
      assert.ok(full.labels > full.bars, `fullscreen: the timeline's labels drawn (${JSON.stringify(full)})`);
      await page.keyboard.press('b');
      await page.waitForSelector('.stage .blank');
      await page.keyboard.press('ArrowRight');
      await page.waitForSelector('.stage .blank', { state: 'detached' });
      await expectSlide(page, 1, 3, VIEWS[1]);
      await page.keyboard.press('ArrowLeft');

      // the URL follows the slide, and carries the whole deck
      const url = page.url();
      assert.match(url, /#deck=[A-Za-z0-9_-]+$/);
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => location.hash.includes('&slide=2'));
      const shared = page.url();

      // Esc leaves to the explorer, on the slide's view
      await page.keyboard.press('Escape');
      await page.waitForURL((u) => u.pathname === '/' && u.search === VIEWS[1], { timeout: 10_000 });
      await waitForReady(page, log);
      // leaving an explorer page while its zoomable map still loads aborts that request: expected
      assert.deepEqual(
        problems(log).filter((p) => !/net::ERR_ABORTED/.test(p)),
        [],
      );

      // the shared URL opens the same deck in a browser that never saw it
      const other = await open(new URL(shared).pathname + new URL(shared).hash);
      try {
        await expectSlide(other.page, 1, 3, VIEWS[1]);
        assert.equal(await other.page.evaluate(() => document.querySelector('.deck-title')?.textContent), 'My briefing');
        assert.deepEqual(problems(other.log), []);
      } finally {
        await other.page.context().close();
      }
    } finally {
      await page.context().close();
    }
  });

  it('presents every slide of the key figures deck with its figures and sources', { timeout: 180_000 }, async () => {
    const { page, log } = await open('/present/', { viewport: { width: 1920, height: 1080 } });
    try {
      const n = KEY_FIGURES.slides.length;
      for (let i = 0; i < n; i++) {
        if (i > 0) await page.keyboard.press('ArrowRight');
        await expectSlide(page, i, n, KEY_FIGURES.slides[i].view);
        const title = (await readSlide(page)).title;
        assert.equal(title, KEY_FIGURES.slides[i].title);
        if (i === 0 || i === 2 || i === 6) {
          await waitForAnimations(page);
          await screenshot(page, `present-key-figures-${i + 1}-1920`);
        }
      }
      assert.deepEqual(problems(log), []);
    } finally {
      await page.context().close();
    }
  });

  it('lays a slide out at a laptop and a phone size without overflow', { timeout: 180_000 }, async () => {
    for (const [name, options] of [
      ['1280', { viewport: { width: 1280, height: 800 } }],
      ['phone', { viewport: { width: 390, height: 844 }, isMobile: true }],
    ] as const) {
      const { page, log } = await open(`/present/${deckHash(KEY_FIGURES, 2)}`, options);
      try {
        await expectSlide(page, 2, KEY_FIGURES.slides.length, KEY_FIGURES.slides[2].view);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 1, `${name}: no horizontal overflow (${overflow}px)`);
        // every event marker is explained: a label beside it, or (phones) its number in the key
        const events = await page.evaluate(() => ({
          markers: document.querySelectorAll('.stage .timeline g.event').length,
          labelled: document.querySelectorAll('.stage .timeline g.event text').length,
          keyed: document.querySelectorAll('.stage .timeline [data-testid=timeline-event-key] text').length,
        }));
        assert.ok(events.markers > 0 && events.labelled === events.markers, `${name}: ${JSON.stringify(events)}`);
        if (name === 'phone') assert.equal(events.keyed, events.markers, `phone: events keyed (${JSON.stringify(events)})`);
        else assert.ok(events.keyed < events.markers, `${name}: labels beside most markers (${JSON.stringify(events)})`);
        await waitForAnimations(page);
        await screenshot(page, `present-key-figures-3-${name}`, { fullPage: name === 'phone' });
        assert.deepEqual(problems(log), []);
      } finally {
        await page.context().close();
      }
    }
  });

  it(
    'a slide with the governorate table: 14 rows beside the map on a wide screen, readable, inside the slide (en, and ar on a phone)',
    { timeout: 120_000 },
    async () => {
      const view = '?metric=massacres&year=2015&perp=all';
      const deck: Deck = { title: 'Table', slides: [{ view, title: 'Massacres by governorate, 2015', note: '', table: true }] };
      for (const [name, lang, options] of [
        ['1920', 'en', { viewport: { width: 1920, height: 1080 } }],
        ['phone-ar', 'ar', { viewport: { width: 390, height: 844 }, isMobile: true }],
      ] as const) {
        const { page, log } = await open(`/present/${lang === 'ar' ? '?lang=ar' : ''}${deckHash(deck)}`, options);
        try {
          const table = page.locator('.stage [data-testid=slide-table]');
          await table.waitFor({ timeout: 10_000 });
          assert.equal(await table.locator('tbody tr').count(), 14);
          assert.equal(await page.locator('.stage .time-box').count(), 0, 'the timeline is still drawn');
          const m = await page.evaluate(() => {
            const box = (sel: string) => document.querySelector(`.stage ${sel}`)!.getBoundingClientRect();
            const cell = document.querySelector('.stage [data-testid=slide-table] tbody td.num')!;
            return {
              map: box('.map-box'),
              table: box('[data-testid=slide-table]'),
              foot: box('.foot'),
              font: parseFloat(getComputedStyle(cell).fontSize),
              dir: document.documentElement.dir,
            };
          });
          if (name === '1920') {
            // beside the map, above the footer, in type a room can read (at least 20 px on a 1080 p screen)
            assert.ok(m.table.left >= m.map.right - 1, `the table is not beside the map: ${JSON.stringify(m)}`);
            assert.ok(m.table.bottom <= m.foot.top + 1, `the table runs under the footer: ${JSON.stringify(m)}`);
            assert.ok(m.font >= 20, `the table's figures are ${m.font}px`);
          } else {
            assert.equal(m.dir, 'rtl');
            assert.ok(m.table.top >= m.map.bottom - 1, `the table is not below the map: ${JSON.stringify(m)}`);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            assert.ok(overflow <= 1, `the slide scrolls sideways by ${overflow}px`);
            assert.match((await table.locator('caption').textContent()) ?? '', /[\u0600-\u06FF]/, 'the caption is not in Arabic');
          }
          await screenshot(page, `present-table-${name}`, { fullPage: name !== '1920' });
          if (name === '1920') {
            // the deck editor's option turns it off again: the timeline comes back
            await page.click('[data-action=edit]');
            const box = page.locator('[data-testid=deck-editor] [data-action=slide-table]');
            assert.equal(await box.isChecked(), true);
            await box.uncheck();
            await page.click('[data-action=close-editor]');
            await page.locator('.stage .time-box').waitFor({ timeout: 10_000 });
            assert.equal(await table.count(), 0);
            const kept = parseDeckHash(await page.evaluate(() => location.hash)).deck;
            assert.ok(kept?.ok && kept.value.slides[0].table === undefined, `the link still asks for the table: ${JSON.stringify(kept)}`);
          }
          assert.deepEqual(problems(log), []);
        } finally {
          await page.context().close();
        }
      }
    },
  );

  it('animates map colours and timeline bars between views, and not under reduced motion', { timeout: 180_000 }, async () => {
    for (const reduce of [false, true]) {
      const page = await browser.newPage();
      const log = watchPage(page, server.origin);
      if (reduce) await page.emulateMedia({ reducedMotion: 'reduce' });
      try {
        // slide 3 (barrel bombs, all years) → slide 4 (barrel bombs 2015): Aleppo changes colour,
        // and the year bars shrink to make room for the months of 2015
        await page.goto(`${server.url}/present/${deckHash(KEY_FIGURES, 2)}`);
        await waitForReady(page, log);
        await page.waitForSelector('[data-testid=print-deck][data-ready=true]', { state: 'attached' });
        await waitForAnimations(page);
        const fills = () =>
          page.$$eval('.stage svg.choropleth path[data-code]', (ps) =>
            Object.fromEntries(ps.map((p) => [p.getAttribute('data-code'), p.getAttribute('fill')])),
          );
        const before = await fills();
        // record the transitions that start (robust to a slow machine, unlike sampling mid-way)
        await page.evaluate(() => {
          const w = window as unknown as { runs: string[] };
          w.runs = [];
          document.addEventListener('transitionrun', (e) => {
            const t = e.target as Element;
            w.runs.push(
              `${t.tagName.toLowerCase()}${t.getAttribute('data-code') ? '[map]' : ''}${t.classList.contains('segment') ? '[bar]' : ''}:${(e as TransitionEvent).propertyName}`,
            );
          });
        });
        await page.keyboard.press('ArrowRight');
        await expectSlide(page, 3, KEY_FIGURES.slides.length, KEY_FIGURES.slides[3].view);
        const after = await fills();
        // a governorate coloured on both slides, in another colour
        const code = Object.keys(after).find((c) => after[c] !== before[c] && /^#/.test(after[c] ?? '') && /^#/.test(before[c] ?? ''));
        assert.ok(code, 'some governorate changes colour between the two slides');
        if (reduce) {
          // a check that nothing starts: there is no state to wait on, so give it the time a transition would take
          await page.waitForTimeout(1000);
        } else {
          // both kinds of transition started (if they never do, the assertions below say so), then ended
          await page
            .waitForFunction(
              () => {
                const runs = (window as unknown as { runs: string[] }).runs;
                return runs.some((r) => r.startsWith('path[map]:fill')) && runs.some((r) => /^rect\[bar\]:(.*height|y)$/.test(r));
              },
              undefined,
              { timeout: 10_000 },
            )
            .catch(() => {});
          await waitForAnimations(page);
        }
        const runs = await page.evaluate(() => (window as unknown as { runs: string[] }).runs);
        const map = runs.filter((r) => r.startsWith('path[map]:fill'));
        const bars = runs.filter((r) => r.startsWith('rect[bar]:') && /height|y$/.test(r));
        if (reduce) {
          assert.deepEqual([...map, ...bars], [], 'reduced motion: no transition');
        } else {
          assert.ok(map.length > 0, `map colours move (${runs.slice(0, 10).join(', ')})`);
          assert.ok(bars.length > 0, `timeline bars move (${runs.slice(0, 10).join(', ')})`);
        }
        // and everything ends where the data says
        const settled = await page.evaluate((c) => {
          const path = document.querySelector(`.stage svg.choropleth path[data-code="${c}"]`) as SVGPathElement;
          const bar = document.querySelector('.stage .timeline [data-key="2014"] rect.segment') as SVGRectElement;
          return {
            fillAttr: path.getAttribute('fill'),
            fillNow: getComputedStyle(path).fill,
            barAttr: Number(bar.getAttribute('height')),
            barNow: parseFloat(getComputedStyle(bar).height),
          };
        }, code);
        const hex = (rgb: string) =>
          '#' +
          (rgb.match(/\d+/g) ?? [])
            .slice(0, 3)
            .map((n) => Number(n).toString(16).padStart(2, '0'))
            .join('');
        assert.equal(hex(settled.fillNow), settled.fillAttr?.toLowerCase());
        assert.ok(Math.abs(settled.barAttr - settled.barNow) < 0.5, JSON.stringify(settled));
        assert.deepEqual(problems(log), []);
      } finally {
        await page.context().close();
      }
    }
  });

  it('shows speaker notes with N and in a presenter window that follows the presentation', { timeout: 180_000 }, async () => {
    const { page, log } = await open(`/present/${deckHash(KEY_FIGURES)}`);
    try {
      await page.keyboard.press('n');
      await page.waitForSelector('[data-testid=notes]');
      assert.equal((await page.textContent('[data-testid=notes]'))?.trim(), KEY_FIGURES.slides[0].note);
      await page.keyboard.press('n');
      await page.waitForSelector('[data-testid=notes]', { state: 'detached' });

      const [popup] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('p')]);
      const popupLog = watchPage(popup, server.origin);
      await popup.waitForSelector('[data-testid=presenter-window][data-connected=true]');
      assert.equal((await popup.textContent('[data-testid=presenter-note]'))?.trim(), KEY_FIGURES.slides[0].note);
      // the presentation moves: the presenter window follows
      await page.keyboard.press('ArrowRight');
      await popup.waitForFunction(() => document.querySelector('[data-testid=presenter-window]')?.getAttribute('data-index') === '1');
      assert.equal((await popup.textContent('[data-testid=presenter-note]'))?.trim(), KEY_FIGURES.slides[1].note);
      // the presenter window moves: the presentation follows
      await popup.keyboard.press('PageDown');
      await expectSlide(page, 2, KEY_FIGURES.slides.length, KEY_FIGURES.slides[2].view);
      await popup.waitForFunction(() => document.querySelector('[data-testid=presenter-window]')?.getAttribute('data-index') === '2');
      // the figures on the audience's screen, in words, for the speaker
      const v = slideView(atlas, KEY_FIGURES.slides[2].view);
      await popup.waitForSelector('[data-testid=presenter-figures]');
      assert.deepEqual(
        await popup.$$eval('[data-testid=presenter-figures] li', (els) => els.map((e) => (e as HTMLElement).dataset.observation)),
        slideFacts(atlas, v.map, v.time).figures.map((f) => f.figure.shown.id),
      );
      await screenshot(popup, 'present-presenter-window');
      assert.deepEqual(await axeViolations(popup), []);
      assert.deepEqual([...problems(log), ...problems(popupLog)], []);
    } finally {
      await page.context().close();
    }
  });

  it('says why a malformed deck link cannot be opened and keeps the deck already there', { timeout: 180_000 }, async () => {
    const page = await browser.newPage();
    const log = watchPage(page, server.origin);
    try {
      const mine: Deck = { title: 'Kept deck', slides: [{ view: VIEWS[1], title: 'Mines', note: '' }] };
      await page.goto(`${server.url}/present/${deckHash(mine)}`);
      await waitForReady(page, log);
      await page.goto(`${server.url}/present/#deck=eyJ0IjoiYSIsInMiOltbIm1ldHJpYz1ub3BlIiwieCJdXX0`); // a slide with an unknown measure
      await page.reload();
      await waitForReady(page, log);
      const notice = await page.textContent('[data-testid=present-notice]');
      assert.match(notice ?? '', /could not be opened/);
      assert.match(notice ?? '', /Slide 1/);
      assert.equal(await page.textContent('.deck-title'), 'Kept deck');
      const stored = await page.evaluate(() => localStorage.getItem('atlas.deck'));
      assert.equal(deckFromFile(stored ?? '').ok && (deckFromFile(stored!) as { value: Deck }).value.title, 'Kept deck');
      assert.deepEqual(problems(log), []);
    } finally {
      await page.context().close();
    }
  });

  it('edits the deck, saves it to a file, refuses a malformed file and loads a good one', { timeout: 180_000 }, async () => {
    const { page, log } = await open(
      `/present/${deckHash({ title: 'Edit me', slides: VIEWS.map((view, i) => ({ view, title: `Slide ${i + 1}`, note: '' })) })}`,
    );
    const dir = join(ROOT, 'test-results', 'decks');
    mkdirSync(dir, { recursive: true });
    try {
      await page.keyboard.press('ArrowRight');
      await page.click('[data-action=edit]');
      await page.waitForSelector('[data-testid=deck-editor][open]');
      assert.deepEqual(await axeViolations(page), [], 'axe, editor open');
      // retitle slide 2, add a note, move it first, delete slide 3
      await page.fill('[aria-label="Slide 2 title"]', 'Landmines');
      await page.fill('[aria-label="Slide 2 speaker note"]', 'Pause here.');
      await page.click('[aria-label="Move slide 2 up"]');
      await page.click('[aria-label="Delete slide 3"]');
      const titles = await page.$$eval('[data-testid=deck-slide] input[type=text]', (els) => els.map((e) => (e as HTMLInputElement).value));
      assert.deepEqual(titles, ['Landmines', 'Slide 1']);
      // save: the file is the deck
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action=save]')]);
      const saved = join(dir, 'saved.deck.json');
      await download.saveAs(saved);
      assert.equal(download.suggestedFilename(), 'edit-me.deck.json');
      const parsed = deckFromFile(readFileSync(saved, 'utf8'));
      assert.ok(parsed.ok);
      assert.deepEqual(
        parsed.value.slides.map((s) => [s.title, s.note, s.view]),
        [
          ['Landmines', 'Pause here.', VIEWS[1]],
          ['Slide 1', '', VIEWS[0]],
        ],
      );
      // a malformed file: a clear message, the deck unchanged
      const bad = join(dir, 'bad.deck.json');
      writeFileSync(bad, '{"slides": [{"view": "?metric=nope"}]');
      await page.setInputFiles('[data-testid=deck-file]', bad);
      const errors = await page.textContent('[data-testid=deck-errors]');
      assert.match(errors ?? '', /could not be loaded.*not valid JSON/s);
      assert.equal(await page.$$eval('[data-testid=deck-slide]', (els) => els.length), 2);
      // a good file replaces the deck (and can be undone)
      const good = join(dir, 'good.deck.json');
      writeFileSync(
        good,
        JSON.stringify({ format: 'syria-atlas-deck', version: 1, title: 'From a file', slides: [{ view: VIEWS[2], title: 'Regime', note: 'n' }] }),
      );
      await page.setInputFiles('[data-testid=deck-file]', good);
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=deck-slide]').length === 1);
      await page.click('[data-action=close-editor]');
      await expectSlide(page, 0, 1, VIEWS[2]);
      assert.equal(await page.textContent('.deck-title'), 'From a file');
      assert.deepEqual(problems(log), []);
    } finally {
      await page.context().close();
    }
  });

  it('prints the deck to PDF, one page per slide', { timeout: 180_000 }, async () => {
    for (const deck of [KEY_FIGURES, { title: 'Three', slides: VIEWS.map((view) => ({ view, title: view, note: 'note' })) }]) {
      const { page, log } = await open(`/present/${deckHash(deck)}`);
      try {
        await page.waitForSelector('[data-testid=print-deck][data-ready=true]', { state: 'attached' });
        await page.emulateMedia({ media: 'print' });
        const printed = await page.$$eval('.print-deck [data-testid=slide]', (els) => els.map((e) => (e as HTMLElement).dataset.view));
        assert.deepEqual(
          printed,
          deck.slides.map((s) => normalizeViewString(s.view)),
        );
        // every printed slide has its figures and sources
        const cited = await page.$$eval('.print-deck [data-testid=slide]', (els) =>
          els.map((e) => [e.querySelectorAll('[data-testid=slide-figure]').length, e.querySelectorAll('[data-testid=slide-sources] a').length]),
        );
        for (const [figures, sources] of cited) assert.ok(figures > 0 && sources > 0, `printed slide cites its figures (${figures}, ${sources})`);
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
        const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
        assert.equal(pages, deck.slides.length, 'one page per slide');
        mkdirSync(join(ROOT, 'test-results'), { recursive: true });
        writeFileSync(join(ROOT, 'test-results', `deck-${deck.slides.length}.pdf`), pdf);
        assert.deepEqual(problems(log), []);
      } finally {
        await page.context().close();
      }
    }
  });

  it('has no axe violation in presentation mode', { timeout: 180_000 }, async () => {
    const { page, log } = await open(`/present/${deckHash(KEY_FIGURES, 0)}`, { viewport: { width: 1920, height: 1080 } });
    try {
      for (const i of [0, 6]) {
        if (i) await pressKeys(page, [String(i + 1), 'Enter']);
        await expectSlide(page, i, KEY_FIGURES.slides.length, KEY_FIGURES.slides[i].view);
        await page.keyboard.press('n');
        assert.deepEqual(await axeViolations(page), [], `axe, slide ${i + 1} with its notes`);
        await page.keyboard.press('n');
      }
      assert.deepEqual(problems(log), []);
    } finally {
      await page.context().close();
    }
  });
});
