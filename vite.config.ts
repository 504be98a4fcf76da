import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';
import { serviceWorker } from './scripts/sw-plugin';
import { prerender } from './scripts/prerender-plugin';

const here = import.meta.dirname;
const pages = resolve(here, 'src/pages');

// One app, several shells: each page under src/pages is an entry. The explorer is the site's
// root (src/pages/index.html) so that links to the atlas stay short.
export default defineConfig({
  root: pages,
  base: './',
  publicDir: resolve(here, 'static'),
  plugins: [svelte({ configFile: resolve(here, 'svelte.config.js') }), prerender(), serviceWorker()],
  resolve: { alias: { $lib: resolve(here, 'src/lib') } },
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
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
  },
});
