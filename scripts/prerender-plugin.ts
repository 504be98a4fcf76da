/**
 * The first map in the HTML: after the client build is written, each prerendered page's default
 * view is drawn with the same Svelte components (svelte/server `render`, loaded through a
 * throwaway Vite server in SSR mode) and put into its built HTML. The browser paints that before
 * any script runs; the page's entry then hydrates it (src/pages/explorer/main.ts).
 *
 * Input: the files the page itself fetches first (static/data/full/<default metric>.json and
 * static/geo/syria.topo.json), so the prerendered view is exactly the one hydration draws.
 * Runs in `writeBundle`, before the service worker's `closeBundle` fingerprints the pages.
 *
 * Deliberately ignores: other views (a link with a query string replaces the default view once
 * its figures are in) and Arabic (`lang=ar` does the same).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { inlineCode } from './csp-plugin';
import type { Prerendered } from '../src/lib/app/prerender';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * A Vite server that loads the atlas's own modules (Svelte components included) for rendering at
 * build time: the explorer's first view here, the share cards in cards-plugin.ts. Modules are
 * addressed from the repository root ('/src/lib/…'). Close it when done.
 */
export async function ssrServer() {
  const { createServer } = await import('vite');
  const { svelte } = await import('@sveltejs/vite-plugin-svelte');
  return createServer({
    configFile: false,
    root: ROOT,
    logLevel: 'error',
    appType: 'custom',
    plugins: [svelte({ configFile: join(ROOT, 'svelte.config.js') })],
    resolve: { alias: { $lib: join(ROOT, 'src/lib') } },
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Puts a prerendered view into a built page: `#app`'s content, the title, and head tags. */
export function injectPrerendered(html: string, page: Prerendered): string {
  const app = /<div id="app"><\/div>/;
  if (!app.test(html)) throw new Error('prerender: the page has no empty <div id="app"></div>');
  return html
    .replace(app, () => `<div id="app" data-prerendered="${escapeHtml(page.view)}">${page.body}</div>`)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(page.title)}</title>`)
    .replace('</head>', () => `${page.head}</head>`);
}

/** Pages that draw text in Noto Sans (the embed uses the host's system fonts), from dist/. */
const FONT_PAGES = ['index.html', 'methods/index.html', 'present/index.html'];

/**
 * `<link rel=preload>` for the latin Noto Sans files (src/lib/app/fonts.css): they start loading
 * with the HTML, so that with `font-display: optional` they are usually there for the first paint.
 */
export function fontPreloads(assets: string[], depth: number): string {
  const prefix = depth === 0 ? './' : '../'.repeat(depth);
  return assets
    .filter((f) => /^noto-sans-latin-(400|700)-normal-[\w-]+\.woff2$/.test(f))
    .map((f) => `<link rel="preload" as="font" type="font/woff2" crossorigin href="${prefix}assets/${f}">`)
    .join('');
}

export function prerender(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'atlas-prerender',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    async writeBundle() {
      const out = resolve(config.root, config.build.outDir);
      const assets = readdirSync(join(out, 'assets'));
      for (const page of FONT_PAGES) {
        const file = join(out, page);
        if (!existsSync(file)) continue;
        const links = fontPreloads(assets, page.split('/').length - 1);
        writeFileSync(
          file,
          readFileSync(file, 'utf8').replace('</head>', () => `${links}</head>`),
        );
      }
      const server = await ssrServer();
      try {
        const mod = (await server.ssrLoadModule('/src/lib/app/prerender.ts')) as typeof import('../src/lib/app/prerender');
        // the files the page itself fetches first (its plan), read from static/
        const first = await mod.loadDefaultView((path) => readFileSync(join(ROOT, 'static', path), 'utf8'));
        const file = join(out, 'index.html');
        const page = mod.renderExplorer(first);
        // the page's content security policy (csp-plugin.ts) refuses inline code and style attributes
        const inline = inlineCode(page.body + page.head);
        if (inline.length) throw new Error(`prerender: index.html would hold ${inline.join(', ')}; the content security policy blocks it`);
        writeFileSync(file, injectPrerendered(readFileSync(file, 'utf8'), page));
        config.logger.info(`prerender: index.html, the default view (${(page.body.length / 1000).toFixed(1)} KB of markup)`);
      } finally {
        await server.close();
      }
    },
  };
}
