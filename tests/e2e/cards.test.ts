/**
 * Share cards in the build (scripts/cards-plugin.ts): every public page — explorer, methods,
 * briefing mode, each measure's page — carries Open Graph and Twitter card tags whose image is a
 * PNG of the card's size in dist/; the embed carries none and stays noindex; robots.txt is there.
 * A measure's page sends a reader with JavaScript on to the explorer at the link's view, and shows
 * its card and a link to the view to a reader without.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { PNG } from 'pngjs';
import { DIST, launchBrowser, problems, skipWithoutChromium, startStaticServer, waitForReady, watchPage, type StaticServer, type TestBrowser } from './harness';
import { CARD_SIZE } from '../../scripts/cards-plugin';

const content = (html: string, key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];
const measures = () => readdirSync(join(DIST, 'm')).sort();

describe('share cards in the build', () => {
  it('every public page has its card tags, and each card image is a PNG of the card size', { timeout: 60_000 }, () => {
    const metrics = measures();
    assert.ok(metrics.length >= 7, `measure pages: ${metrics.join(', ')}`);
    const pages = ['index.html', 'methods/index.html', 'present/index.html', ...metrics.map((m) => `m/${m}/index.html`)];
    const images = new Set<string>();
    for (const page of pages) {
      const html = readFileSync(join(DIST, page), 'utf8');
      for (const key of ['og:title', 'og:description', 'og:image', 'og:image:alt', 'twitter:card', 'twitter:title', 'twitter:description', 'twitter:image']) {
        assert.ok(content(html, key), `${page}: ${key}`);
      }
      assert.doesNotMatch(html, /name="robots" content="noindex"/, `${page} is public`);
      const image = content(html, 'og:image')!;
      assert.equal(content(html, 'twitter:image'), image, `${page}: one image`);
      // without ATLAS_SITE_URL the build writes the image relative to the page
      const file = /^https?:/.test(image) ? new URL(image).pathname.replace(/^.*?(cards\/)/, '$1') : posix.join(posix.dirname(page), image);
      images.add(file);
    }
    for (const m of metrics) assert.ok(images.has(`cards/${m}.png`), `the ${m} page uses its own card`);
    assert.ok(images.has('cards/present.png'));
    for (const file of images) {
      assert.ok(existsSync(join(DIST, file)), file);
      const png = PNG.sync.read(readFileSync(join(DIST, file)));
      assert.deepEqual({ width: png.width, height: png.height }, { ...CARD_SIZE }, file);
    }
    const embed = readFileSync(join(DIST, 'embed/index.html'), 'utf8');
    assert.match(embed, /<meta name="robots" content="noindex"/);
    assert.equal(content(embed, 'og:image'), undefined, 'the embed has no card');
    assert.match(readFileSync(join(DIST, 'robots.txt'), 'utf8'), /^User-agent: \*$/m);
    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    assert.doesNotMatch(sw, /cards\//, 'card images are not precached');
  });
});

describe("a measure's page in the browser", { skip: skipWithoutChromium() }, () => {
  let server: StaticServer;
  let browser: TestBrowser;
  before(async () => {
    server = await startStaticServer(DIST);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('with JavaScript: on to the explorer at the linked view', { timeout: 60_000 }, async () => {
    const page = await browser.newPage();
    const log = watchPage(page, server.origin);
    await page.goto(`${server.url}/m/civilian-deaths/?metric=civilian-deaths&year=2016&perp=regime&gov=SY-HL`);
    await page.waitForURL((u) => u.pathname === '/', { timeout: 20_000 });
    await waitForReady(page, log);
    const url = new URL(page.url());
    assert.deepEqual([url.searchParams.get('metric'), url.searchParams.get('year'), url.searchParams.get('gov')], ['civilian-deaths', '2016', 'SY-HL']);
    assert.deepEqual(problems(log), []);
  });

  it('without JavaScript: the card, and a link to the view', { timeout: 60_000 }, async () => {
    const context = await browser.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/m/massacres/`);
      assert.equal(new URL(page.url()).pathname, '/m/massacres/');
      const img = await page.evaluate(() => {
        const i = document.querySelector('main img') as HTMLImageElement;
        return { natural: i.naturalWidth, alt: i.alt };
      });
      assert.equal(img.natural, CARD_SIZE.width, 'the card image loaded');
      assert.match(img.alt, /Massacres/);
      const href = await page.getAttribute('a[data-view]', 'href');
      assert.match(href ?? '', /^\.\.\/\.\.\/\?metric=massacres/);
    } finally {
      await context.close();
    }
  });
});
