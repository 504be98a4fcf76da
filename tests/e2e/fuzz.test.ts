/**
 * Hostile URLs against the built site, seeded so that a failure reproduces: more than 1,000
 * generated URLs over `/`, `/present/` and `/embed/` — every parameter with hostile values
 * (markup, `javascript:`, broken percent-encoding, bidi controls, huge values), unknown and
 * repeated keys, and `#deck=` fragments (garbage, cut codes, decks whose titles and notes are
 * markup). Checked: no page error, no payload ran (each payload would set `window.__pwned`), no
 * request left the origin, a map on every page, and deck markup shown as text.
 *
 * Fast by design: one page per page type. The explorer takes most URLs through the History API
 * (pushState + popstate, which it follows like Back), the presentation through hash changes, and
 * only a few URLs of each page are full loads (the first parse of a page). The seed is printed;
 * `ATLAS_FUZZ_SEED=<n>` replays one run.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { encodeDeck } from '../../src/lib/present/deck';
import { METRIC_IDS } from '../../src/lib/data/types';
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

const skip = skipWithoutChromium();
let server: StaticServer;
let browser: TestBrowser;

const SEED = Number(process.env.ATLAS_FUZZ_SEED) || Date.now() % 2 ** 31;
const COUNTS = { explorerHistory: 950, explorerLoads: 5, presentHash: 40, presentLoads: 3, embedLoads: 6 };

/** mulberry32: a small seeded generator, enough to pick from lists. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  return { next, int, pick };
}

const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '"><img src=x onerror="window.__pwned=1">',
  "'><svg onload=window.__pwned=1>",
  'javascript:window.__pwned=1',
  'data:text/html,<script>window.__pwned=1</script>',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '</title><script>window.__pwned=1</script>',
];
const ODD = [
  '%',
  '%%',
  '%E0%A4%A',
  '%00',
  '%u0041',
  '%C0%AF',
  '\u202e',
  '\u2066x',
  '\ufeff',
  '../../',
  '\\',
  '&&&',
  '==',
  '#',
  '?',
  ' ',
  '\t',
  'x'.repeat(3000),
  'دمشق',
  '😀',
];
const KEYS = [
  'metric',
  'year',
  'perp',
  'victims',
  'period',
  'gov',
  'lang',
  'v',
  'show',
  'controls',
  'theme',
  'zoom',
  'slide',
  'deck',
  'q',
  '__proto__',
  'constructor',
  'x[]',
];
const PLAUSIBLE: Record<string, string[]> = {
  metric: [...METRIC_IDS],
  year: ['2015', 'all', '2011', '2100', '1999', '-1', '2015.5', '1e3'],
  perp: ['all', 'regime', 'russia', 'isis+hts', 'regime-russia-joint', 'Regime'],
  victims: ['all', 'children', 'women', 'men'],
  period: ['2012-07/2017-11', '2015', '2015-13', '2017/2012', '2015-02-30'],
  gov: ['SY-HL', 'sy-di', 'SY-XX', 'SY'],
  lang: ['en', 'ar', 'fr', 'AR'],
  v: ['abcdef', 'abcdef012345', 'zzzzzz', '../x', '0'.repeat(64), '0'.repeat(65)],
  show: ['map', 'timeline', 'both', 'none'],
  controls: ['1', '0', 'true'],
  theme: ['light', 'dark', 'neon'],
  zoom: ['1', '0'],
};

function hostileValue(r: ReturnType<typeof rng>, key: string): string {
  const roll = r.next();
  if (roll < 0.3) return r.pick(PAYLOADS);
  if (roll < 0.55) return r.pick(ODD);
  if (roll < 0.85 && PLAUSIBLE[key]) return r.pick(PLAUSIBLE[key]);
  return Array.from({ length: 1 + r.int(12) }, () => String.fromCharCode(32 + r.int(95))).join('');
}

function encodeMaybe(r: ReturnType<typeof rng>, v: string): string {
  if (r.next() < 0.5) return v;
  try {
    return encodeURIComponent(v);
  } catch {
    return v;
  }
}

function query(r: ReturnType<typeof rng>): string {
  const n = r.int(7);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const key = r.pick(KEYS);
    parts.push(`${encodeMaybe(r, key)}=${encodeMaybe(r, hostileValue(r, key))}`);
    if (r.next() < 0.15) parts.push(`${key}=${encodeMaybe(r, hostileValue(r, key))}`); // repeated key
  }
  return '?' + parts.join(r.next() < 0.9 ? '&' : ';');
}

const VIEWS = ['?metric=barrel-bombs&year=all&perp=all', '?metric=massacres&year=2015&perp=all', '?metric=civilian-deaths&year=all&perp=regime'];

function deckFragment(r: ReturnType<typeof rng>): string {
  const roll = r.next();
  const slide = r.next() < 0.5 ? `&slide=${encodeMaybe(r, hostileValue(r, 'slide'))}` : '';
  if (roll < 0.35) {
    // a readable deck whose words are markup: shown as text
    const code = encodeDeck({
      title: r.pick(PAYLOADS),
      slides: Array.from({ length: 1 + r.int(3) }, () => ({ view: r.pick(VIEWS), title: r.pick(PAYLOADS), note: r.pick(PAYLOADS) })),
    });
    return `#deck=${code}${slide}`;
  }
  if (roll < 0.55) {
    const code = encodeDeck({ title: 'cut', slides: [{ view: VIEWS[0], title: r.pick(PAYLOADS), note: '' }] });
    return `#deck=${code.slice(0, r.int(code.length))}${slide}`;
  }
  if (roll < 0.75) return `#deck=${Array.from({ length: r.int(200) }, () => 'Aa0_-+/=%<'[r.int(10)]).join('')}${slide}`;
  if (roll < 0.8) return `#deck=${'A'.repeat(100_000)}`;
  return `#${encodeMaybe(r, hostileValue(r, 'deck'))}${slide}`;
}

/** Installed before any page script: the flag a payload would set, checked after each URL. */
const TRAP = () => {
  Object.defineProperty(window, '__pwned', {
    configurable: false,
    set() {
      (window as unknown as { __pwnedHits: number }).__pwnedHits = ((window as unknown as { __pwnedHits?: number }).__pwnedHits ?? 0) + 1;
    },
    get: () => undefined,
  });
};

async function newPage(): Promise<{ page: Page; log: PageLog }> {
  const page = await browser.newPage();
  await page.addInitScript(TRAP);
  return { page, log: watchPage(page, server.origin) };
}

const hits = (page: Page) => page.evaluate(() => (window as unknown as { __pwnedHits?: number }).__pwnedHits ?? 0);
const maps = (page: Page) => page.evaluate(() => document.querySelectorAll('svg path[data-code]').length);
/** 404s of unpublished data versions are expected (the fallback asks); nothing else is */
const clean = (log: PageLog) => problems(log).filter((p) => !/404.*\/data\/versions\/[0-9a-f]+(\/[a-z-]+)?\.json/.test(p));

describe('hostile URLs', { skip }, () => {
  before(async () => {
    server = await startStaticServer(DIST);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it(`over 1,000 generated URLs: no page error, no payload run, no foreign request, a map on every page (seed ${SEED})`, { timeout: 420_000 }, async (t) => {
    t.diagnostic(`seed ${SEED} (replay: ATLAS_FUZZ_SEED=${SEED})`);
    console.log(`# fuzz seed ${SEED} (replay with ATLAS_FUZZ_SEED=${SEED})`);
    const r = rng(SEED);
    let total = 0;

    // the explorer: a few full loads, then the History API
    {
      const { page, log } = await newPage();
      try {
        for (let i = 0; i < COUNTS.explorerLoads; i++) {
          const q = query(r);
          await page.goto(`${server.url}/${q}`, { waitUntil: 'load', timeout: 30_000 });
          await waitForReady(page, log);
          assert.ok((await maps(page)) >= 14, `no map after loading /${q}`);
          total++;
        }
        const urls = Array.from({ length: COUNTS.explorerHistory }, () => query(r));
        const failures = await page.evaluate(async (list) => {
          const out: string[] = [];
          const frame = () => new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
          for (const q of list) {
            try {
              history.pushState(null, '', `${location.pathname}${q}`);
            } catch (e) {
              out.push(`pushState refused ${q.slice(0, 80)}: ${String(e)}`);
              continue;
            }
            dispatchEvent(new PopStateEvent('popstate'));
            await frame();
            if (document.querySelectorAll('svg path[data-code]').length < 14 && !document.querySelector('.loading'))
              out.push(`no map for ${q.slice(0, 120)} (page: ${(document.querySelector('main')?.textContent ?? '').replace(/\s+/g, ' ').slice(-160)})`);
          }
          return out;
        }, urls);
        total += urls.length;
        t.diagnostic(`explorer: ${total} URLs`);
        assert.deepEqual(failures, []);
        await page.waitForTimeout(300);
        assert.ok((await maps(page)) >= 14, 'the explorer still shows a map');
        assert.equal(await hits(page), 0, 'a payload ran in the explorer');
        assert.deepEqual(clean(log), [], 'explorer');
      } finally {
        await page.close();
      }
    }

    // the presentation: a few full loads, then hash changes
    {
      const { page, log } = await newPage();
      try {
        for (let i = 0; i < COUNTS.presentLoads; i++) {
          const url = `${server.url}/present/${r.next() < 0.5 ? query(r) : ''}${deckFragment(r)}`;
          await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
          await waitForReady(page, log);
          total++;
        }
        const hashes = Array.from({ length: COUNTS.presentHash }, () => deckFragment(r));
        const failures = await page.evaluate(async (list) => {
          const out: string[] = [];
          for (const h of list) {
            location.hash = h;
            await new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
            if (!document.querySelector('[data-testid=present]')) out.push(`no presentation for ${h.slice(0, 100)}`);
          }
          return out;
        }, hashes);
        total += hashes.length;
        assert.deepEqual(failures, []);
        // a readable deck of markup: the markup is the slide's text
        const title = PAYLOADS[1];
        await page.evaluate((h) => (location.hash = h), `#deck=${encodeDeck({ title, slides: [{ view: VIEWS[0], title, note: title }] })}`);
        await page.waitForFunction((t) => document.querySelector('.stage [data-testid=slide-title]')?.textContent?.includes(t), title, { timeout: 20_000 });
        assert.ok((await maps(page)) >= 14, 'the presentation still shows a map');
        assert.equal(await hits(page), 0, 'a payload ran in the presentation');
        assert.deepEqual(clean(log), [], 'presentation');
      } finally {
        await page.close();
      }
    }

    // the embed reads its URL once: full loads only
    {
      const { page, log } = await newPage();
      try {
        for (let i = 0; i < COUNTS.embedLoads; i++) {
          const q = query(r);
          await page.goto(`${server.url}/embed/${q}`, { waitUntil: 'load', timeout: 30_000 });
          await waitForReady(page, log);
          const shown = await page.evaluate(() => ({
            map: document.querySelectorAll('svg path[data-code]').length,
            show: document.querySelector('main.embed')?.getAttribute('data-show'),
          }));
          assert.ok(shown.show === 'timeline' || shown.map >= 14, `no map in the embed for /embed/${q}`);
          assert.equal(await hits(page), 0, `a payload ran in /embed/${q}`);
          total++;
        }
        assert.deepEqual(clean(log), [], 'embed');
      } finally {
        await page.close();
      }
    }
    t.diagnostic(`${total} URLs`);
    assert.ok(total >= 1000, `${total} URLs`);
  });
});
