/**
 * One chunk for the code that every page loads before its first view: the modules that each
 * page's entry imports statically (directly or through other modules), gathered into one shared
 * chunk. Without this rule the bundler splits that code by which lazily loaded chunks also use it
 * (the Svelte runtime, data/load.ts, the rest), and each extra chunk costs its import and export
 * lists on every page: on the explorer's first-paint budget (60 KB gzip) and the embed's transfer
 * budget (100 KB), both within a few hundred bytes of their limits.
 *
 * No page loads more than before: a module in the shared chunk is one that every page needs
 * anyway. Code only some pages need (the embed's slice decoder, the deck's figures) stays out of it,
 * and so does everything loaded later (dynamic imports).
 *
 * Deliberately ignores the chunks of code loaded later: the bundler's own splitting serves them.
 */
import type { Plugin } from 'vite';

export interface SharedChunk {
  /** collects, once the module graph is known, what every entry imports statically */
  plugin: Plugin;
  /** the `output.codeSplitting` option that puts those modules in one chunk */
  codeSplitting: { groups: { name: string; test: (id: string) => boolean }[] };
}

export function sharedChunk(name = 'shared'): SharedChunk {
  let shared = new Set<string>();
  return {
    plugin: {
      name: 'atlas-shared-chunk',
      apply: 'build',
      buildEnd() {
        const closures: Set<string>[] = [];
        for (const id of this.getModuleIds()) {
          if (!this.getModuleInfo(id)?.isEntry) continue;
          const seen = new Set<string>();
          const queue = [id];
          while (queue.length) {
            const next = queue.pop()!;
            if (seen.has(next)) continue;
            seen.add(next);
            queue.push(...(this.getModuleInfo(next)?.importedIds ?? []));
          }
          closures.push(seen);
        }
        shared = new Set(closures.length ? [...closures[0]].filter((m) => closures.every((c) => c.has(m))) : []);
      },
    },
    codeSplitting: { groups: [{ name, test: (id) => shared.has(id) }] },
  };
}
