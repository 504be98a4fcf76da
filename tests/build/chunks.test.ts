// The shared-chunk rule (scripts/chunks-plugin.ts) on a made-up module graph: what every entry
// imports statically, directly or not, goes to the shared chunk; what only some entries import,
// what is imported only later (dynamic imports) and the entries themselves do not.
import { describe, expect, it } from 'vitest';
import { sharedChunk } from '../../scripts/chunks-plugin';

/** A plugin context over `graph` (module → its static imports, dynamic imports), entries marked. */
function context(graph: Record<string, { imports?: string[]; dynamic?: string[]; entry?: boolean }>) {
  return {
    getModuleIds: () => Object.keys(graph)[Symbol.iterator](),
    getModuleInfo: (id: string) =>
      graph[id] ? { isEntry: !!graph[id].entry, importedIds: graph[id].imports ?? [], dynamicallyImportedIds: graph[id].dynamic ?? [] } : null,
  };
}

describe('one chunk for what every page loads first', () => {
  const shared = sharedChunk();
  const buildEnd = shared.plugin.buildEnd as (this: ReturnType<typeof context>) => void;
  buildEnd.call(
    context({
      'explorer.html': { entry: true, imports: ['explorer.ts'] },
      'embed.html': { entry: true, imports: ['embed.ts'] },
      'explorer.ts': { imports: ['runtime', 'page.ts', 'later-only'], dynamic: ['figures.ts'] },
      'embed.ts': { imports: ['runtime', 'page.ts', 'slice.ts'] },
      'page.ts': { imports: ['load.ts'], dynamic: ['more.ts'] },
      'load.ts': { imports: ['runtime'] },
      'slice.ts': {},
      runtime: {},
      'later-only': {},
      'more.ts': { imports: ['load.ts'] },
      'figures.ts': { imports: ['load.ts'] },
    }),
  );
  const test = shared.codeSplitting.groups[0].test;

  it.each([
    ['runtime', true],
    ['page.ts', true],
    ['load.ts', true],
    ['slice.ts', false],
    ['later-only', false],
    ['more.ts', false],
    ['figures.ts', false],
    ['explorer.ts', false],
    ['embed.ts', false],
    ['explorer.html', false],
  ])('%s: %s', (id, expected) => {
    expect(test(id)).toBe(expected);
  });
});
