import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';
import { serviceWorker } from './scripts/sw-plugin';
import { contentSecurityPolicy } from './scripts/csp-plugin';
import { prerender } from './scripts/prerender-plugin';
import { cards } from './scripts/cards-plugin';
import { sharedChunk } from './scripts/chunks-plugin';

const here = import.meta.dirname;
const pages = resolve(here, 'src/pages');
const shared = sharedChunk();

// One app, several shells: each page under src/pages is an entry. The explorer is the site's
// root (src/pages/index.html) so that links to the atlas stay short.
export default defineConfig({
  root: pages,
  base: './',
  publicDir: resolve(here, 'static'),
  plugins: [
    svelte({ configFile: resolve(here, 'svelte.config.js') }),
    // the explorer's default view drawn into its HTML (scripts/prerender-plugin.ts)
    prerender(),
    // share cards, per-measure share pages, robots.txt and sitemap.xml (scripts/cards-plugin.ts)
    cards(),
    serviceWorker(),
    // every page carries the content security policy (scripts/csp-plugin.ts)
    contentSecurityPolicy(),
    shared.plugin,
  ],
  resolve: { alias: { $lib: resolve(here, 'src/lib') } },
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      // what every page loads before its first view, in one chunk (scripts/chunks-plugin.ts)
      output: { codeSplitting: shared.codeSplitting },
      input: {
        explorer: resolve(pages, 'index.html'),
        methods: resolve(pages, 'methods/index.html'),
        present: resolve(pages, 'present/index.html'),
        embed: resolve(pages, 'embed/index.html'),
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  test: {
    root: here,
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Per test, not per file. Unit tests take milliseconds; the few that read the real data take
    // seconds, more on a loaded machine (CI, or helpers building at once): 5 s cut them there.
    testTimeout: 30_000,
    // Test files share their worker's modules instead of importing everything again per file: the
    // unit run takes about a fifth of the time. Tests must therefore not depend on module state
    // left by another file (the interface language, say: set it, and set it back).
    isolate: false,
  },
});
