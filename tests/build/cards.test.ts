// Share cards and discovery (scripts/cards-plugin.ts): the tags a page carries with and without
// the site's public address, robots.txt and the sitemap, and the WOFF→TTF step that lets the
// card renderer use the site's own font. The built pages and images are checked in
// tests/e2e/cards.test.ts.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cardTags, measurePageHtml, publicPaths, robotsTxt, siteFromEnv, sitemapXml, woffToSfnt } from '../../scripts/cards-plugin';
import { inlineCode } from '../../scripts/csp-plugin';

const root = resolve(import.meta.dirname, '../..');
const meta = { title: 'Barrel bombs "dropped"', description: 'A & B', image: 'cards/barrel-bombs.png', imageAlt: 'A map', path: 'methods/' };
const content = (html: string, key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`).exec(html)?.[1];

describe('the public address', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['ftp://example.org/', null],
    ['not a url', null],
    ['https://example.org/atlas', 'https://example.org/atlas/'],
    ['https://example.org/atlas/?x=1#y', 'https://example.org/atlas/'],
  ])('%s → %s', (value, expected) => expect(siteFromEnv(value)).toBe(expected));
});

describe('card tags', () => {
  it('absolute image and page URLs with the public address', () => {
    const html = cardTags(meta, 'https://example.org/atlas/', 1);
    expect(content(html, 'og:image')).toBe('https://example.org/atlas/cards/barrel-bombs.png');
    expect(content(html, 'twitter:image')).toBe('https://example.org/atlas/cards/barrel-bombs.png');
    expect(content(html, 'og:url')).toBe('https://example.org/atlas/methods/');
    expect(content(html, 'twitter:card')).toBe('summary_large_image');
    expect(content(html, 'og:title')).toBe('Barrel bombs &quot;dropped&quot;');
    expect(content(html, 'og:description')).toBe('A &amp; B');
  });
  it('without it: relative to the page, and no og:url', () => {
    const html = cardTags(meta, null, 2);
    expect(content(html, 'og:image')).toBe('../../cards/barrel-bombs.png');
    expect(content(html, 'og:url')).toBeUndefined();
    expect(content(cardTags(meta, null, 0), 'og:image')).toBe('./cards/barrel-bombs.png');
  });
});

describe('robots.txt and sitemap.xml', () => {
  it('robots allows crawling (the embed must be read to see its noindex) and names the sitemap when known', () => {
    expect(robotsTxt(null)).toMatch(/^User-agent: \*$/m);
    expect(robotsTxt(null)).not.toMatch(/Disallow: \/\s*$/m);
    expect(robotsTxt(null)).not.toMatch(/Sitemap:/);
    expect(robotsTxt('https://example.org/atlas/')).toMatch(/^Sitemap: https:\/\/example\.org\/atlas\/sitemap\.xml$/m);
  });
  it('the sitemap lists the public pages, never the embed', () => {
    const xml = sitemapXml('https://example.org/', publicPaths(['barrel-bombs', 'massacres']));
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual([
      'https://example.org/',
      'https://example.org/methods/',
      'https://example.org/present/',
      'https://example.org/m/barrel-bombs/',
      'https://example.org/m/massacres/',
    ]);
    expect(xml).not.toMatch(/embed/);
  });
});

describe("a measure's page", () => {
  const page = {
    metric: 'massacres',
    measure: 'Massacres',
    title: 'Massacres · 2011 – 2024',
    description: 'All of Syria: 1 <b>',
    alt: 'A map',
    query: '?metric=massacres&year=all&perp=all',
  };
  const html = measurePageHtml(page, null, { open: 'Open', lead: 'Lead', methods: 'Methods', app: 'Syria violations atlas' });
  it('carries the policy, its card and a link on to the view, with no inline code', () => {
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy"/);
    expect(content(html, 'og:image')).toBe('../../cards/massacres.png');
    expect(html).toContain('href="../../?metric=massacres&amp;year=all&amp;perp=all"');
    expect(html).toContain('<script src="../../m.js"></script>');
    expect(html).not.toContain('<b>');
    expect(inlineCode(html)).toEqual([]);
  });
});

describe('woffToSfnt', () => {
  it("unwraps the site's Noto Sans into a TrueType file with the same tables", () => {
    const woff = readFileSync(resolve(root, 'node_modules/@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff'));
    const ttf = woffToSfnt(woff);
    const n = woff.readUInt16BE(12);
    expect(ttf.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
    expect(ttf.readUInt16BE(4)).toBe(n);
    expect(ttf.length).toBe(woff.readUInt32BE(16)); // totalSfntSize in the WOFF header
    const tags = Array.from({ length: n }, (_, i) => ttf.toString('latin1', 12 + i * 16, 16 + i * 16));
    expect(tags).toEqual(expect.arrayContaining(['cmap', 'glyf', 'head', 'name']));
  });
  it('refuses what is not WOFF', () => expect(() => woffToSfnt(Buffer.from('OTTO....'))).toThrow(/WOFF/));
});
