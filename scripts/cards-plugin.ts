/**
 * Share cards and discovery, at build time:
 *
 * - Open Graph and Twitter card tags in the explorer, methods and briefing pages (the embed stays
 *   `noindex` and gets none: it is a copy of an explorer view);
 * - the card images, PNG (1200×675): each measure's default view (`cards/<metric>.png`, drawn by
 *   src/lib/share/cards.ts with the explorer's renderers, turned into pixels by resvg with the
 *   site's own Noto Sans), and briefing mode's (`cards/present.png`);
 * - one small page per measure, `m/<metric>/`: the share menu's link points there, so that a link to
 *   a view gets its measure's card. With JavaScript the page sends the reader on to the explorer
 *   with the link's query string (`static/m.js`); without it, it shows the card, its sources, and a
 *   link to the explorer;
 * - `robots.txt` and, when the public address is known, `sitemap.xml` (explorer, methods, briefing
 *   mode; a measure's page names the explorer view as its canonical address instead).
 *
 * The site's public address is a build setting, `ATLAS_SITE_URL` (e.g. `https://example.org/atlas/`):
 * Open Graph wants absolute URLs for `og:image` and `og:url`, and a sitemap lists absolute ones.
 * Without it the build says so, the tags use relative URLs (which some networks ignore) and no
 * sitemap is written.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';
import { CSP, inlineCode } from './csp-plugin';
import { ssrServer } from './prerender-plugin';
import { METRIC_IDS, type MetricId } from '../src/lib/data/types';
import { parseDataset } from '../src/lib/data/load';
import { DEFAULT_VIEW } from '../src/lib/state/url';
import type { SyriaTopology } from '../src/lib/map/geo';

const ROOT = resolve(import.meta.dirname, '..');
export const CARD_SIZE = { width: 1200, height: 675 } as const;
export const SITE_ENV = 'ATLAS_SITE_URL';

/** The public address from the environment, ending with `/`; null when unset or not http(s). */
export function siteFromEnv(value: string | undefined): string | null {
  if (!value?.trim()) return null;
  try {
    const u = new URL(value.trim());
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    u.search = '';
    u.hash = '';
    return u.href.endsWith('/') ? u.href : `${u.href}/`;
  } catch {
    return null;
  }
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface CardMeta {
  title: string;
  description: string;
  /** the image, relative to the site root (`cards/barrel-bombs.png`) */
  image: string;
  imageAlt: string;
  /** the page, relative to the site root (`''` for the explorer, `methods/`) */
  path: string;
}

/**
 * The tags for a page. `site` null: URLs relative to the page (`depth` folders below the root),
 * and no `og:url`.
 */
export function cardTags(meta: CardMeta, site: string | null, depth: number): string {
  const rel = depth === 0 ? './' : '../'.repeat(depth);
  const image = `${site ?? rel}${meta.image}`;
  const tags: [string, string, string][] = [
    ['property', 'og:type', 'website'],
    ['property', 'og:site_name', 'Syria violations atlas'],
    ['property', 'og:title', meta.title],
    ['property', 'og:description', meta.description],
    ['property', 'og:image', image],
    ['property', 'og:image:type', 'image/png'],
    ['property', 'og:image:width', String(CARD_SIZE.width)],
    ['property', 'og:image:height', String(CARD_SIZE.height)],
    ['property', 'og:image:alt', meta.imageAlt],
    ['name', 'twitter:card', 'summary_large_image'],
    ['name', 'twitter:title', meta.title],
    ['name', 'twitter:description', meta.description],
    ['name', 'twitter:image', image],
    ['name', 'twitter:image:alt', meta.imageAlt],
  ];
  if (site) tags.splice(2, 0, ['property', 'og:url', `${site}${meta.path}`]);
  return tags.map(([k, name, content]) => `<meta ${k}="${name}" content="${attr(content)}">`).join('\n    ');
}

/** robots.txt: everything may be crawled (the embed says `noindex` itself, so it must be readable). */
export function robotsTxt(site: string | null): string {
  return `# Syria violations atlas. /embed/ pages carry <meta name="robots" content="noindex">.\nUser-agent: *\nAllow: /\n${site ? `Sitemap: ${site}sitemap.xml\n` : ''}`;
}

/** sitemap.xml of the public pages (paths relative to the site root). */
export function sitemapXml(site: string, paths: readonly string[]): string {
  const urls = paths.map((p) => `  <url><loc>${attr(`${site}${p}`)}</loc></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

/**
 * The pages a sitemap lists: explorer, methods, briefing mode. A measure's share page is left out:
 * its canonical address is the explorer view it opens.
 */
export function publicPaths(): string[] {
  return ['', 'methods/', 'present/'];
}

/**
 * A WOFF (1.0) font as the TrueType/OpenType file it wraps: resvg reads TTF/OTF only, and the site
 * ships its fonts as WOFF. Each table is zlib-compressed when that made it smaller.
 */
export function woffToSfnt(woff: Uint8Array): Buffer {
  const src = Buffer.from(woff);
  if (src.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font');
  const flavor = src.readUInt32BE(4);
  const n = src.readUInt16BE(12);
  const tables: { tag: number; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < n; i++) {
    const e = 44 + i * 20;
    const [tag, offset, compLength, origLength, checksum] = [0, 4, 8, 12, 16].map((k) => src.readUInt32BE(e + k));
    const raw = src.subarray(offset, offset + compLength);
    tables.push({ tag, checksum, data: compLength < origLength ? inflateSync(raw) : Buffer.from(raw) });
  }
  let p2 = 1;
  let log = 0;
  while (p2 * 2 <= n) {
    p2 *= 2;
    log++;
  }
  const head = Buffer.alloc(12 + 16 * n);
  head.writeUInt32BE(flavor, 0);
  head.writeUInt16BE(n, 4);
  head.writeUInt16BE(p2 * 16, 6);
  head.writeUInt16BE(log, 8);
  head.writeUInt16BE(n * 16 - p2 * 16, 10);
  const bodies: Buffer[] = [];
  let offset = head.length;
  tables.forEach((t, i) => {
    head.writeUInt32BE(t.tag, 12 + i * 16);
    head.writeUInt32BE(t.checksum, 16 + i * 16);
    head.writeUInt32BE(offset, 20 + i * 16);
    head.writeUInt32BE(t.data.length, 24 + i * 16);
    const padded = Buffer.alloc((t.data.length + 3) & ~3);
    t.data.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([head, ...bodies]);
}

/** The site's Noto Sans (latin, 400 and 700) as TTF files for resvg, written once to a temp folder. */
function cardFonts(): string[] {
  const dir = join(tmpdir(), 'atlas-card-fonts');
  mkdirSync(dir, { recursive: true });
  return ['400', '700'].map((w) => {
    const file = join(dir, `noto-sans-latin-${w}.ttf`);
    if (!existsSync(file))
      writeFileSync(file, woffToSfnt(readFileSync(join(ROOT, `node_modules/@fontsource/noto-sans/files/noto-sans-latin-${w}-normal.woff`))));
    return file;
  });
}

/** An SVG as PNG pixels, at the card's size, in the site's font. */
export async function svgToPng(svg: string): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  const r = new Resvg(svg, {
    fitTo: { mode: 'width', value: CARD_SIZE.width },
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles: cardFonts(), defaultFontFamily: 'Noto Sans', sansSerifFamily: 'Noto Sans' },
  });
  return r.render().asPng();
}

export interface MeasurePage {
  metric: string;
  measure: string;
  title: string;
  description: string;
  alt: string;
  /** the measure's default view as the explorer writes it (`?metric=…`) */
  query: string;
}

/** `m/<metric>/index.html`: the card's tags, the card, and the way on to the explorer. */
export function measurePageHtml(p: MeasurePage, site: string | null, words: { open: string; lead: string; methods: string; app: string }): string {
  const tags = cardTags(
    { title: `${p.title} — ${words.app}`, description: p.description, image: `cards/${p.metric}.png`, imageAlt: p.alt, path: `m/${p.metric}/` },
    site,
    2,
  );
  const canonical = site ? `\n    <link rel="canonical" href="${attr(`${site}${p.query}`)}">` : '';
  return `<!doctype html>
<html lang="en" dir="ltr">
  <head>
    <meta http-equiv="Content-Security-Policy" content="${attr(CSP)}">
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${attr(p.title)} — ${attr(words.app)}</title>
    <meta name="description" content="${attr(p.description)}">
    <meta name="referrer" content="no-referrer">
    <meta name="atlas-root" content="../../">
    <meta name="atlas-view" content="${attr(p.query)}">${canonical}
    ${tags}
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="../../m.css">
    <script src="../../m.js"></script>
  </head>
  <body>
    <main>
      <p class="site"><a href="../../">${attr(words.app)}</a></p>
      <h1>${attr(p.measure)}</h1>
      <p>${attr(words.lead)}</p>
      <p class="open"><a data-view href="../../${attr(p.query)}">${attr(words.open)}</a></p>
      <img src="../../cards/${attr(p.metric)}.png" width="${CARD_SIZE.width}" height="${CARD_SIZE.height}" alt="${attr(`${p.title}. ${p.description}`)}">
      <p><a href="../../methods/">${attr(words.methods)}</a></p>
    </main>
  </body>
</html>
`;
}

export function cards(): Plugin {
  let config: ResolvedConfig;
  const site = siteFromEnv(process.env[SITE_ENV]);
  // what the pages' tags say; the measure's texts are filled in by writeBundle's renders, which
  // run after transformIndexHtml: the explorer's own texts are the page's, its image the default
  // measure's card
  const pageMeta = (path: string, html: string): CardMeta | null => {
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? 'Syria violations atlas';
    // the page's own tag, however it is laid out (a formatter may break it over lines)
    const description = /<meta\s+name="description"\s+content="([^"]*)"/.exec(html)?.[1] ?? '';
    const unescape = (s: string) =>
      s
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    const base = { title: unescape(title), description: unescape(description) };
    if (path === '/index.html')
      return {
        ...base,
        image: `cards/${DEFAULT_VIEW.metric}.png`,
        imageAlt: 'The explorer’s default map of the Syria violations atlas, with its yearly timeline and sources',
        path: '',
      };
    if (path === '/methods/index.html')
      return {
        ...base,
        image: `cards/${DEFAULT_VIEW.metric}.png`,
        imageAlt: 'The explorer’s default map of the Syria violations atlas, with its yearly timeline and sources',
        path: 'methods/',
      };
    if (path === '/present/index.html')
      return { ...base, image: 'cards/present.png', imageAlt: 'Briefing mode of the Syria violations atlas, beside the atlas’s default map', path: 'present/' };
    return null;
  };
  return {
    name: 'atlas-cards',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const meta = pageMeta(ctx.path, html);
        if (!meta) return html;
        const depth = ctx.path.split('/').length - 2;
        return html.replace('</head>', () => `  ${cardTags(meta, site, depth)}\n  </head>`);
      },
    },
    async writeBundle() {
      const out = resolve(config.root, config.build.outDir);
      if (!site)
        config.logger.warn(
          `cards: ${SITE_ENV} is not set: share tags use relative URLs (some networks then show no picture) and no sitemap.xml is written. Set it to the site's public address, e.g. ${SITE_ENV}=https://example.org/atlas/`,
        );
      const server = await ssrServer();
      try {
        const mod = (await server.ssrLoadModule('/src/lib/share/cards.ts')) as typeof import('../src/lib/share/cards');
        const { i18n } = (await server.ssrLoadModule('/src/lib/i18n/i18n.svelte.ts')) as typeof import('../src/lib/i18n/i18n.svelte');
        const topology = JSON.parse(readFileSync(join(ROOT, 'static/geo/syria.topo.json'), 'utf8')) as SyriaTopology;
        mkdirSync(join(out, 'cards'), { recursive: true });
        const words = { open: i18n.t('card.page.open'), lead: i18n.t('card.page.lead'), methods: i18n.t('card.page.methods'), app: i18n.t('app.title') };
        const written: string[] = [];
        let explorer: ReturnType<typeof mod.measureCard> | null = null;
        for (const metric of METRIC_IDS as readonly MetricId[]) {
          const file = join(ROOT, 'static/data/full', `${metric}.json`);
          if (!existsSync(file)) continue;
          const card = mod.measureCard(parseDataset(readFileSync(file, 'utf8')), topology, metric, site ?? '');
          if (metric === DEFAULT_VIEW.metric) explorer = card;
          writeFileSync(join(out, 'cards', `${metric}.png`), await svgToPng(card.svg));
          const html = measurePageHtml(
            { metric, measure: card.measure, title: card.title, description: card.description, alt: card.alt, query: card.query },
            site,
            words,
          );
          const inline = inlineCode(html);
          if (inline.length) throw new Error(`cards: m/${metric}/ would hold ${inline.join(', ')}`);
          mkdirSync(join(out, 'm', metric), { recursive: true });
          writeFileSync(join(out, 'm', metric, 'index.html'), html);
          written.push(metric);
        }
        if (!explorer) throw new Error(`cards: no figures for the default measure (static/data/full/${DEFAULT_VIEW.metric}.json); run npm run data`);
        writeFileSync(join(out, 'cards', 'present.png'), await svgToPng(mod.presentCard(explorer, site ?? '').svg));
        writeFileSync(join(out, 'robots.txt'), robotsTxt(site));
        if (site) writeFileSync(join(out, 'sitemap.xml'), sitemapXml(site, publicPaths()));
        config.logger.info(`cards: ${written.length + 1} card images, ${written.length} measure pages, robots.txt${site ? `, sitemap.xml for ${site}` : ''}`);
      } finally {
        await server.close();
      }
    },
  };
}
