/**
 * Briefing mode as a reader sees it, beyond the keys (present.test.ts): a deck made in English is
 * shown in the reader's language (`present/?lang=ar`), and the printed handout carries what a
 * printed page needs.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deckHash, type Deck } from '../../src/lib/present/deck';
import { DIST, launchBrowser, pageOpener, problems, screenshot, skipWithoutChromium, startStaticServer, type StaticServer, type TestBrowser } from './harness';

let server: StaticServer;
let browser: TestBrowser;
const skip = skipWithoutChromium();

const { open } = pageOpener(() => ({ browser, server }));

/** A deck made in the English explorer (its views carry no `lang`). */
const ENGLISH: Deck = {
  title: 'Made in English',
  slides: [
    { view: '?metric=barrel-bombs&year=all&perp=all', title: 'Barrels, my words', note: '' },
    { view: '?metric=civilian-deaths&year=2017&perp=regime', title: 'Regime, 2017', note: '' },
    // the long legend of every party once squashed the printed timeline to a sliver
    { view: '?metric=civilian-deaths&year=all&perp=all', title: 'All parties', note: '' },
  ],
};
const ARABIC = /[\u0600-\u06FF]/;

describe('briefing mode for a reader', { skip }, () => {
  before(async () => {
    server = await startStaticServer(DIST);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows a deck made in English in Arabic at ?lang=ar, and in English without it', { timeout: 120_000 }, async () => {
    for (const lang of ['ar', null] as const) {
      const { page, log } = await open(`/present/${lang ? `?lang=${lang}` : ''}${deckHash(ENGLISH, 1)}`);
      try {
        await page.waitForSelector('.stage [data-testid=slide][data-index="1"] [data-testid=slide-figure]');
        const seen = await page.evaluate(() => {
          const slide = document.querySelector('.stage [data-testid=slide]')!;
          return {
            lang: document.documentElement.lang,
            dir: document.documentElement.dir,
            title: slide.querySelector('[data-testid=slide-title]')?.textContent?.trim(),
            subtitle: slide.querySelector('.subtitle')?.textContent ?? '',
            labels: [...slide.querySelectorAll('[data-testid=slide-figure] .label')].map((e) => e.textContent ?? ''),
            counter: slide.querySelector('[data-testid=slide-counter]')?.textContent ?? '',
            explorer: (document.querySelector('.explorer-link') as HTMLAnchorElement).href,
          };
        });
        // the author's own words stay as written; everything the atlas writes is in the reader's language
        assert.equal(seen.title, 'Regime, 2017');
        if (lang === 'ar') {
          assert.equal(seen.lang, 'ar');
          assert.equal(seen.dir, 'rtl');
          assert.match(seen.subtitle, ARABIC, seen.subtitle);
          assert.ok(seen.labels.length > 0 && seen.labels.every((l) => ARABIC.test(l)), seen.labels.join(' | '));
          assert.match(new URL(seen.explorer).search, /lang=ar/);
          // mixed scripts: each source's publisher and title are isolated runs (<bdi>), in order
          const links = await page.$$eval('.stage [data-testid=slide-sources] a', (as) =>
            as.map((a) => ({ text: a.textContent ?? '', runs: [...a.querySelectorAll('bdi')].map((b) => b.textContent ?? '') })),
          );
          assert.ok(links.length > 0);
          for (const l of links) {
            assert.equal(l.runs.length, 2, JSON.stringify(l));
            assert.ok(l.text.indexOf(`«${l.runs[1]}»`) > l.text.indexOf(l.runs[0]), `publisher, then «title»: ${l.text}`);
          }
          await screenshot(page, 'present-english-deck-ar');
        } else {
          assert.equal(seen.lang, 'en');
          assert.doesNotMatch(seen.subtitle + seen.labels.join(''), ARABIC);
          assert.doesNotMatch(new URL(seen.explorer).search, /lang=/);
        }
        assert.deepEqual(problems(log), []);
      } finally {
        await page.context().close();
      }
    }
  });

  it(
    'prints each slide with its map, an unsquashed timeline, every source with its address and a QR code to its view, none overlapping',
    { timeout: 120_000 },
    async () => {
      const { page, log } = await open(`/present/${deckHash(ENGLISH)}`);
      try {
        await page.waitForSelector('[data-testid=print-deck][data-ready=true]', { state: 'attached' });
        await page.emulateMedia({ media: 'print' });
        const printed = await page.$$eval('.print-deck [data-testid=slide]', (slides) =>
          slides.map((el) => {
            const plot = el.querySelector('.timeline g.row')?.getBoundingClientRect().height ?? 0;
            return {
              map: el.querySelectorAll('svg.choropleth path[data-code]').length,
              plot,
              links: [...el.querySelectorAll('[data-testid=slide-sources] a')].map((a) => (a as HTMLAnchorElement).getAttribute('href')),
              urls: [...el.querySelectorAll('[data-testid=printed-url]')].map((u) => u.textContent),
              qr: el.querySelector('[data-testid=print-qr]')?.getAttribute('data-url') ?? null,
              view: el.getAttribute('data-view'),
              // what a printed page shows, each in its own box inside the page
              boxes: Object.fromEntries(
                (
                  [
                    ['map', '.map'],
                    ['timeline', '.time-box'],
                    ['figures', '[data-testid=slide-figures]'],
                    ['sources', '.foot'],
                    ['qr', '[data-testid=print-qr] svg'],
                    ['timeline sources', '.print-sources'],
                  ] as const
                ).map(([name, sel]) => {
                  const r = el.querySelector(sel)!.getBoundingClientRect();
                  return [name, { x: r.x, y: r.y, w: r.width, h: r.height }];
                }),
              ),
              page: (() => {
                const r = el.closest('.print-page')!.getBoundingClientRect();
                return { x: r.x, y: r.y, w: r.width, h: r.height };
              })(),
            };
          }),
        );
        assert.equal(printed.length, ENGLISH.slides.length);
        for (const p of printed) {
          assert.equal(p.map, 14, 'the map is printed');
          assert.ok(p.plot >= 80, `the timeline keeps its height (${p.plot}px)`);
          assert.ok(p.links.length > 0);
          assert.deepEqual(p.urls, p.links, 'every printed source gives its address');
          assert.equal(p.qr, `${server.url}/${p.view}`, "the QR code opens the slide's view in the explorer");
          const boxes = Object.entries(p.boxes);
          for (const [name, b] of boxes) {
            assert.ok(b.w > 0 && b.h > 0, `${name} is printed`);
            assert.ok(
              b.x >= p.page.x - 1 && b.x + b.w <= p.page.x + p.page.w + 1 && b.y >= p.page.y - 1 && b.y + b.h <= p.page.y + p.page.h + 1,
              `${name} is on its page`,
            );
          }
          for (const [i, [a, A]] of boxes.entries()) {
            for (const [b, B] of boxes.slice(i + 1)) {
              const apart = A.x + A.w <= B.x + 1 || B.x + B.w <= A.x + 1 || A.y + A.h <= B.y + 1 || B.y + B.h <= A.y + 1;
              assert.ok(apart, `${a} and ${b} overlap`);
            }
          }
          // a phone reads a code of 25 mm or more from a handout (96 px per inch)
          assert.ok(p.boxes.qr.w >= 94 && Math.abs(p.boxes.qr.w - p.boxes.qr.h) < 1, `QR code ${p.boxes.qr.w}×${p.boxes.qr.h}px`);
          // the map and the timeline fill the page: no empty bottom third
          assert.ok(p.boxes.map.h >= 0.55 * p.page.h, `the map is ${p.boxes.map.h}px of a ${p.page.h}px page`);
        }
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
        assert.equal((pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length, ENGLISH.slides.length, 'one page per slide');
        assert.deepEqual(problems(log), []);
      } finally {
        await page.context().close();
      }
    },
  );
});
