/**
 * The Arabic, right-to-left interface in headless Chromium: `?lang=ar` on the explorer and the
 * methods page gives `html[lang=ar][dir=rtl]`, Arabic interface text, the same figures as English
 * in Latin digits, no console error, no request leaving the origin, no axe violation; the language
 * switch keeps the view; an English page never downloads the Arabic catalog or font.
 *
 * Figures are compared between the two languages on the same view (map cells, timeline bars, the
 * national figure), so the test follows the data instead of hard-coding numbers. Screenshots land
 * in test-results/screenshots/arabic-*.png: look at them.
 */
import { after, before, describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { EVENTS } from '../../src/lib/timeline/events';
import {
  DIST,
  axeViolations,
  launchBrowser,
  pageOpener,
  problems,
  screenshot,
  skipWithoutChromium,
  startStaticServer,
  waitForReady,
  type StaticServer,
  type TestBrowser,
} from './harness';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 812 };
/** a view with a governorate table, a split by party, months and the detail panel open */
const VIEW = 'metric=civilian-deaths&year=2016&perp=all&gov=SY-HL';
const ARABIC = /[\u0600-\u06FF]/;
const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/;

let server: StaticServer;
let browser: TestBrowser;

const { withPage } = pageOpener(() => ({ browser, server }));

/** The numbers a text shows, in order ("12,345", "2016", "27"). */
const numbers = (text: string) => text.match(/\d[\d,.]*\d|\d/g) ?? [];

interface Figures {
  national: string[];
  cells: Record<string, string[]>;
  bars: Record<string, string[]>;
}

/** Every figure the explorer shows for the view: the national figure, each map cell, each bar. */
async function readFigures(page: Page): Promise<Figures> {
  await page.waitForSelector('[data-testid=timeline] g.bar[data-key]', { state: 'attached', timeout: 20_000 });
  const raw = await page.evaluate(() => ({
    national: document.querySelector('[data-testid=summary] .national .value')?.textContent ?? '',
    cells: [...document.querySelectorAll('[data-testid=map] svg path[data-code]')].map((p) => [
      p.getAttribute('data-code') ?? '',
      p.getAttribute('aria-label') ?? '',
    ]),
    bars: [...document.querySelectorAll('[data-testid=timeline] g.bar[data-key]')].map((b) => [
      b.getAttribute('data-key') ?? '',
      b.getAttribute('aria-label') ?? '',
    ]),
  }));
  const group = (pairs: string[][]) => {
    const out: Record<string, string[]> = {};
    for (const [k, label] of pairs) (out[k] ??= []).push(...numbers(label));
    for (const k of Object.keys(out)) out[k].sort();
    return out;
  };
  return { national: numbers(raw.national), cells: group(raw.cells), bars: group(raw.bars) };
}

/** Pixels the page scrolls sideways (0 or 1 when it fits). */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function documentLanguage(page: Page) {
  return page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir, title: document.title }));
}

/**
 * Cut the methods page's list of sources down to the entries that each bring an element kind (tag,
 * class, lang, dir, with those of its ancestors up to the entry) not seen in an earlier entry: the
 * same markup and colour pairs as the full list, in a few dozen entries instead of 553 (see the
 * methods-page tests). Returns how many entries there were and how many are kept.
 */
function sampleSources(page: Page) {
  return page.evaluate(() => {
    const list = document.querySelector('#sources ol.sources')!;
    const seen = new Set<string>();
    const entries = [...list.children];
    let kept = 0;
    for (const li of entries) {
      const kind = (e: Element) => `${e.tagName}.${e.getAttribute('class') ?? ''}.${e.getAttribute('lang') ?? ''}.${e.getAttribute('dir') ?? ''}`;
      // an element kind with the kinds of its ancestors up to the entry
      const path = (e: Element): string => (e === li ? kind(e) : `${path(e.parentElement!)} > ${kind(e)}`);
      const kinds = [li, ...li.querySelectorAll('*')].map(path);
      const fresh = kinds.filter((k) => !seen.has(k));
      if (fresh.length) {
        fresh.forEach((k) => seen.add(k));
        kept++;
      } else li.remove();
    }
    return { entries: entries.length, kept, kinds: seen.size };
  });
}

const SKIP = skipWithoutChromium();
// the methods page lists every source with its figures (some 17,000 elements): axe takes long there
const test = (name: string, fn: (t: TestContext) => Promise<void>, timeout = 180_000) => it(name, { skip: SKIP, timeout }, fn);

describe('Arabic interface', () => {
  before(async () => {
    if (SKIP) return;
    server = await startStaticServer(DIST);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  // each page state is loaded once: what it says, then axe and the layout on the same load
  test('?lang=ar shows the explorer in Arabic, right to left, with the Arabic font, cleanly; no axe violation or sideways scroll at 1280x800', async () => {
    await withPage(`/?${VIEW}&lang=ar`, { viewport: DESKTOP }, async (page, log) => {
      assert.deepEqual(await documentLanguage(page).then(({ lang, dir }) => ({ lang, dir })), { lang: 'ar', dir: 'rtl' });
      const text = await page.evaluate(() => ({
        title: document.title,
        h1: document.querySelector('h1')?.textContent ?? '',
        nav: document.querySelector('header nav')?.textContent ?? '',
        labels: [...document.querySelectorAll('form.filters label > span')].map((s) => s.textContent ?? ''),
        metrics: [...document.querySelectorAll('select#metric option')].map((o) => o.textContent ?? ''),
        detail: document.querySelector('[data-testid=detail] h2, [data-testid=detail] h3')?.textContent ?? '',
        timeline: document.querySelector('[data-testid=timeline]')?.textContent ?? '',
        body: document.body.innerText,
      }));
      for (const [what, value] of Object.entries({ title: text.title, h1: text.h1, nav: text.nav, detail: text.detail })) {
        assert.match(value, ARABIC, `${what} is not in Arabic: ${value}`);
      }
      assert.ok(text.nav.includes('المستكشف'), `the navigation says ${text.nav}`);
      for (const label of [...text.labels, ...text.metrics]) assert.match(label, ARABIC, `filter text not in Arabic: ${label}`);
      const labelled = EVENTS.filter((e) => e.label_ar && text.timeline.includes(e.label_ar));
      assert.ok(labelled.length > 0, 'no timeline event is labelled in Arabic');
      assert.doesNotMatch(text.body, ARABIC_DIGITS, 'figures must keep Latin digits');
      await page.waitForLoadState('networkidle');
      await page.evaluate(() => document.fonts.ready);
      const fonts = await page.evaluate(() => [...document.fonts].map((f) => `${f.family} ${f.weight} ${f.status}`));
      assert.ok(
        fonts.some((f) => /Noto Sans Arabic.* loaded$/.test(f)),
        `Noto Sans Arabic is not loaded: ${fonts.join('; ')}`,
      );
      assert.deepEqual(log.foreignRequests, [], 'requests leaving the origin');
      assert.deepEqual(problems(log), []);
      await screenshot(page, 'arabic-explorer-1280x800');
      assert.deepEqual(await axeViolations(page), []);
      const overflow = await sideways(page);
      assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px at 1280x800`);
      await screenshot(page, 'arabic-explorer-1280x800-full', { fullPage: true });
    });
  });

  // one view whose map has a governorate table, one whose timeline has parties and months
  for (const view of ['metric=barrel-bombs&year=all&perp=all', VIEW]) {
    test(`shows the same figures as English, in Latin digits (${view})`, async () => {
      let en: Figures | undefined;
      let ar: Figures | undefined;
      await withPage(`/?${view}&lang=en`, { viewport: DESKTOP }, async (page) => {
        en = await readFigures(page);
      });
      await withPage(`/?${view}&lang=ar`, { viewport: DESKTOP }, async (page) => {
        ar = await readFigures(page);
      });
      assert.equal(en!.national.length, 1, 'no national figure in English');
      assert.equal(Object.keys(en!.cells).length, 14, `map cells: ${Object.keys(en!.cells).join(', ')}`);
      assert.ok(Object.keys(en!.bars).length > 5, `timeline bars: ${Object.keys(en!.bars).join(', ')}`);
      assert.ok(Object.values(en!.cells).some((n) => n.length) || view === VIEW, 'no figure on the map to compare');
      assert.deepEqual(ar, en);
    });
  }

  test('an English page loads neither the Arabic catalog nor the Arabic font', async () => {
    await withPage('/', { viewport: DESKTOP }, async (page) => {
      await page.waitForLoadState('networkidle');
      assert.deepEqual(await documentLanguage(page).then(({ lang, dir }) => ({ lang, dir })), { lang: 'en', dir: 'ltr' });
      // what the page itself fetched (resource timing): the offline worker may store everything
      // for later, Arabic included, and that is not the page's first paint
      const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
      const arabic = fetched.filter((r) => /arabic|\/ar-[\w-]+\.js/i.test(r));
      assert.deepEqual(arabic, [], 'Arabic resources requested by an English page');
    });
  });

  test('the language switch keeps the view, both ways', async () => {
    await withPage(`/?${VIEW}`, { viewport: DESKTOP }, async (page, log) => {
      const params = () => page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));
      // the explorer rewrites the query string as the reader filters: the switch must follow it
      await page.selectOption('select#year', '2015');
      await page.waitForFunction(() => new URLSearchParams(location.search).get('year') === '2015');
      const before = await params();
      await Promise.all([page.waitForURL(/lang=ar/), page.click('header a[data-lang=ar]')]);
      await waitForReady(page, log);
      assert.deepEqual(await documentLanguage(page).then(({ lang, dir }) => ({ lang, dir })), { lang: 'ar', dir: 'rtl' });
      assert.deepEqual(await params(), { ...before, lang: 'ar' });
      assert.equal(await page.inputValue('select#year'), '2015');
      assert.equal(await page.inputValue('select#metric'), before.metric);
      assert.ok(await page.$('[data-testid=detail]'), 'the detail panel closed');
      assert.equal(await page.getAttribute('header a[data-lang=ar]', 'aria-current'), 'true');
      // links between pages keep the language
      const methods = await page.getAttribute('header nav a[href*="methods"]', 'href');
      assert.match(methods ?? '', /lang=ar/);
      await Promise.all([page.waitForURL(/lang=en/), page.click('header a[data-lang=en]')]);
      await waitForReady(page, log);
      assert.deepEqual(await documentLanguage(page).then(({ lang, dir }) => ({ lang, dir })), { lang: 'en', dir: 'ltr' });
      assert.deepEqual(await params(), { ...before, lang: 'en' });
      // leaving a page cancels what it was still fetching (the map's worker, say): not a fault
      assert.deepEqual(
        problems(log).filter((p) => !/^failed request: .*net::ERR_ABORTED$/.test(p)),
        [],
      );
    });
  });

  test('the methods page reads lang from its URL and links back in Arabic; no axe violation or sideways scroll at 1280x800', async () => {
    await withPage('/methods/?lang=ar', { viewport: DESKTOP }, async (page, log) => {
      const doc = await documentLanguage(page);
      assert.deepEqual({ lang: doc.lang, dir: doc.dir }, { lang: 'ar', dir: 'rtl' });
      const h1 = await page.textContent('h1');
      assert.match(h1 ?? '', ARABIC);
      const explorer = await page.getAttribute('header nav a:not([data-lang])', 'href');
      assert.match(explorer ?? '', /lang=ar/);
      assert.doesNotMatch(await page.evaluate(() => document.body.innerText), ARABIC_DIGITS);
      await page.waitForLoadState('networkidle');
      assert.deepEqual(problems(log), []);
      await screenshot(page, 'arabic-methods-1280x800');
      const overflow = await sideways(page);
      assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px at 1280x800`);
      // axe in two runs that together check every rule on every node kind of the page. Measured
      // with axe's performance timer, color-contrast was nine tenths of axe's time here: it walks
      // every text node of the list of sources (some 23,000 elements, one template per entry,
      // Methods.svelte). So: every other rule on the whole page, the whole list included; then
      // color-contrast on the page with the list cut down to the entries that each bring an
      // element kind (tag, class, lang, dir, with those of its ancestors up to the entry) not seen
      // in an earlier entry. Contrast depends on the colours of an element and of its ancestors,
      // so the sample holds every colour pair the full list has.
      assert.deepEqual(await axeViolations(page, { disableRules: ['color-contrast'] }), [], 'axe without color-contrast, the whole page');
      const sample = await sampleSources(page);
      assert.ok(sample.entries > 100 && sample.kept > 0, `the list of sources: ${JSON.stringify(sample)}`);
      assert.deepEqual(await axeViolations(page, { rules: ['color-contrast'] }), [], `axe color-contrast, the list cut to ${JSON.stringify(sample)}`);
    });
  }, 300_000);

  // the phone layout is a page state of its own (tables scroll, controls wrap)
  const label = '375x812';
  test(`explorer in Arabic: no axe violation and no sideways scroll at ${label}`, async () => {
    await withPage(`/?${VIEW}&lang=ar`, { viewport: PHONE, isMobile: true }, async (page) => {
      assert.deepEqual(await axeViolations(page), []);
      const overflow = await sideways(page);
      assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px at ${label}`);
      await screenshot(page, `arabic-explorer-${label}-full`, { fullPage: true });
    });
  });

  test('390 px, a governorate selected: every inserted run in the summary, detail panel and map label is isolated', async () => {
    // a view whose detail panel holds transcribers' notes (English) and outlets' names and titles
    for (const path of ['/?metric=civilian-deaths&year=2019&perp=all&gov=SY-ID&lang=ar', '/?metric=civilian-deaths&year=2019&perp=all&gov=SY-ID']) {
      await withPage(path, { viewport: { width: 390, height: 844 }, isMobile: true }, async (page, log) => {
        await page.waitForSelector('[data-testid=detail]', { timeout: 30_000 });
        await page.evaluate(() => document.querySelectorAll<HTMLDetailsElement>('[data-testid=detail] details').forEach((d) => (d.open = true)));
        const found = await page.evaluate(() => {
          const bad: string[] = [];
          const outlets: string[] = [];
          for (const root of document.querySelectorAll('[data-testid=summary], [data-testid=detail], [data-testid=selected-label]')) {
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const text = n.textContent ?? '';
              const parent = n.parentElement!;
              if (/Jisr TV|Zaman al-Wasl|Syrian Network for Human Rights/.test(text)) outlets.push(`${parent.tagName}:${text}`);
              // Arabic and Latin in one text node: only inside one isolated run (a <bdi>), or each run in FSI … PDI
              const bare = text.replace(/\u2068[^\u2069]*\u2069/g, '');
              if (/[A-Za-z]/.test(bare) && /[\u0600-\u06FF]/.test(bare) && parent.tagName !== 'BDI') bad.push(`mixed, not isolated: ${text.slice(0, 60)}`);
              // a run starting in one script sits in an element of that direction
              const strong = /[A-Za-z\u0600-\u06FF]/.exec(text)?.[0];
              if (!strong) continue;
              const want = /[A-Za-z]/.test(strong) ? 'ltr' : 'rtl';
              if (getComputedStyle(parent).direction !== want) bad.push(`${want} run in a ${getComputedStyle(parent).direction} element: ${text.slice(0, 60)}`);
            }
          }
          return { bad, outlets };
        });
        assert.deepEqual(found.bad, [], path);
        assert.ok(found.outlets.length > 0, `${path}: no outlet named`);
        for (const o of found.outlets) assert.match(o, /^BDI:/, `${path}: an outlet's name outside a <bdi>: ${o}`);
        assert.deepEqual(problems(log), []);
      });
    }
  });

  test(`methods page in Arabic: no axe violation and no sideways scroll at ${label}`, async () => {
    await withPage('/methods/?lang=ar', { viewport: PHONE, isMobile: true }, async (page) => {
      // the list of every source (about 23,000 elements, most of axe's time here) is the same
      // markup at every width and is checked in full at 1280 px above; here the page, whose
      // tables scroll and whose controls wrap on a phone, is checked with the list cut to its
      // sample (sampleSources), which holds every kind of element of the list
      const sample = await sampleSources(page);
      assert.ok(sample.entries > 100 && sample.kept > 0, `the list of sources: ${JSON.stringify(sample)}`);
      assert.deepEqual(await axeViolations(page), []);
      const overflow = await sideways(page);
      assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px at ${label}`);
      await screenshot(page, `arabic-methods-${label}`);
    });
  }, 300_000);
});
