/** The service worker's pure rules (src/lib/offline/sw.ts) and its build step (scripts/sw-plugin.ts). */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { cacheKey, cacheName, precacheUrls, presenting, stale } from '../../src/lib/offline/sw';
import { compileWorker, listFiles, precacheList, versionOf, workerScript } from '../../scripts/sw-plugin';
import { workerLocation } from '../../src/lib/offline/register';

const scope = 'https://atlas.example/sub/';

describe('cacheKey', () => {
  it.each([
    ['https://atlas.example/sub/', 'https://atlas.example/sub/'],
    ['https://atlas.example/sub/index.html', 'https://atlas.example/sub/'],
    ['https://atlas.example/sub/present/', 'https://atlas.example/sub/present/'],
    ['https://atlas.example/sub/present/index.html', 'https://atlas.example/sub/present/'],
    ['https://atlas.example/sub/present/?x=1#deck=abc&slide=3', 'https://atlas.example/sub/present/'],
    ['https://atlas.example/sub/?metric=barrel-bombs&year=2015', 'https://atlas.example/sub/'],
    ['https://atlas.example/sub/data/versions/1fc33652347d.json', 'https://atlas.example/sub/data/versions/1fc33652347d.json'],
    ['https://atlas.example/sub/assets/x-ABC.js?import', 'https://atlas.example/sub/assets/x-ABC.js'],
    ['https://atlas.example/other/', null],
    ['https://elsewhere.example/sub/data/atlas.json', null],
  ])('%s → %s', (url, key) => {
    expect(cacheKey(url, scope)).toBe(key);
  });
});

describe('presenting', () => {
  it.each([
    [['https://atlas.example/sub/present/#deck=x'], true],
    [['https://atlas.example/sub/present'], true],
    [['https://atlas.example/sub/', 'https://atlas.example/sub/present/?a#deck=y&presenter'], true],
    [['https://atlas.example/sub/', 'https://atlas.example/sub/methods/'], false],
    [['https://atlas.example/sub/presentation-notes/'], false],
    [['https://atlas.example/other/present/'], false],
    [['not a url'], false],
    [[], false],
  ])('%j → %s', (urls, out) => {
    expect(presenting(urls, scope)).toBe(out);
  });
});

describe('caches', () => {
  it('keeps the current and the previous version, deletes other atlas caches only', () => {
    expect(stale(['atlas-a', 'atlas-b', 'atlas-c', 'sw-meta', 'other'], cacheName('c'), cacheName('b'))).toEqual(['atlas-a']);
    expect(stale(['atlas-a', 'atlas-c'], 'atlas-c', null)).toEqual(['atlas-a']);
  });
  it('resolves the precache list against the scope', () => {
    expect(precacheUrls(['./', 'present/', 'data/atlas.json'], scope)).toEqual([
      'https://atlas.example/sub/',
      'https://atlas.example/sub/present/',
      'https://atlas.example/sub/data/atlas.json',
    ]);
  });
});

describe('workerLocation', () => {
  it('puts the worker at the site root, one level above the built scripts', () => {
    expect(workerLocation('https://atlas.example/sub/assets/present-abc.js')).toEqual({
      url: 'https://atlas.example/sub/sw.js',
      scope: 'https://atlas.example/sub/',
    });
  });
});

describe('sw-plugin', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-sw-'));
  for (const [f, body] of [
    ['index.html', '<html>'],
    ['present/index.html', '<html>'],
    ['assets/a.js', 'x'],
    ['assets/a.js.map', '{}'],
    ['data/atlas.json', '{}'],
    ['data/versions.json', '[]'],
    ['data/versions/abc123.json', '{}'],
    ['geo/README.md', '#'],
    ['sw.js', 'old'],
    ['data/ucdp/tables.json', '{}'],
    ['data/ucdp/events.json', '{}'],
    ['data/ucdp/headlines-2016.json', '{}'],
    ['cards/barrel-bombs.png', 'png'],
  ]) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), body);
  }

  it('lists every file of the build, pages as folders, without maps, notes, the worker, UCDP events or share-card images', () => {
    expect(precacheList(listFiles(dir))).toEqual([
      'assets/a.js',
      'data/atlas.json',
      'data/ucdp/tables.json',
      'data/versions.json',
      'data/versions/abc123.json',
      './',
      'present/',
    ]);
  });

  it('changes version when any file changes, a data version included', () => {
    const files = listFiles(dir);
    const before = versionOf(dir, files);
    expect(versionOf(dir, files)).toBe(before);
    writeFileSync(join(dir, 'data/versions/abc123.json'), '{"changed":true}');
    expect(versionOf(dir, files)).not.toBe(before);
    expect(before).toMatch(/^[0-9a-f]{16}$/);
  });

  it('compiles the worker to a classic script (no import or export) that runs', () => {
    const js = compileWorker();
    expect(js).not.toMatch(/^\s*(export|import)\b/m);
    const script = workerScript(['./', 'present/'], 'v1', js);
    // runs outside a worker without starting: the wiring is guarded
    const context = { URL, globalThis: {} as Record<string, unknown> };
    context.globalThis = context;
    expect(() => new Script(script).runInNewContext(context)).not.toThrow();
  });

  it('starts in a worker scope and registers its four events', () => {
    const events: string[] = [];
    const self = {
      registration: { scope },
      skipWaiting: () => Promise.resolve(),
      clients: { matchAll: () => Promise.resolve([]), claim: () => Promise.resolve() },
      addEventListener: (type: string) => events.push(type),
      URL,
    } as Record<string, unknown>;
    self.globalThis = self;
    new Script(workerScript(['./'], 'v1')).runInNewContext(self);
    expect(events.sort()).toEqual(['activate', 'fetch', 'install', 'message']);
  });
});
