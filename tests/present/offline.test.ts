/** The service worker's pure rules (src/lib/offline/sw.ts) and its build step (scripts/sw-plugin.ts). */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { cacheKey, cacheName, digest, expectedHash, hashed, matches, precacheUrls, presenting, stale } from '../../src/lib/offline/sw';
import { compileWorker, hashesOf, listFiles, precacheList, versionOf, workerScript } from '../../scripts/sw-plugin';
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

describe('hash check of data files', () => {
  it('checks the figures and the geometry, not pages, scripts or notes', () => {
    expect(hashed('data/atlas.json')).toBe(true);
    expect(hashed('data/versions/abc123.json')).toBe(true);
    expect(hashed('geo/syria.topo.json')).toBe(true);
    expect(hashed('geo/README.md')).toBe(false);
    expect(hashed('assets/a-1234.js')).toBe(false);
    expect(hashed('./')).toBe(false);
  });

  it('hashes as the build does (SHA-256, 32 hex digits)', async () => {
    // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
    expect(await digest(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223');
  });

  it('finds the expected hash of a URL under the worker scope, and none for other files', () => {
    const hashes = { 'data/atlas.json': 'h1' };
    expect(expectedHash(hashes, 'https://atlas.example/sub/data/atlas.json', scope)).toBe('h1');
    expect(expectedHash(hashes, 'https://atlas.example/sub/assets/x.js', scope)).toBeNull();
    expect(expectedHash(hashes, 'https://atlas.example/sub/toString', scope)).toBeNull();
  });

  it('accepts a body with the expected hash and refuses any other', async () => {
    const good = await digest(new TextEncoder().encode('{"a":1}'));
    expect(await matches(new Response('{"a":1}'), good)).toBe(true);
    expect(await matches(new Response('{"a":2}'), good)).toBe(false);
    expect(await matches(new Response('anything'), null)).toBe(true);
  });
});

/**
 * The built worker run in a VM with an in-memory Cache Storage and a fake network: a damaged
 * cached data file is never served; a network copy of another build is refused; an install that
 * meets a file of another build fails and stores nothing.
 */
describe('the worker with damaged or mixed files', () => {
  const files: Record<string, string> = { 'data/atlas.json': '{"version":"v1"}', 'geo/syria.topo.json': '{"type":"Topology"}', 'assets/a.js': 'x' };
  const dir = mkdtempSync(join(tmpdir(), 'atlas-sw-hash-'));
  for (const [f, body] of Object.entries(files)) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), body);
  }
  const list = precacheList(listFiles(dir));
  const hashes = hashesOf(dir, list);

  function boot(network: Record<string, string>) {
    const stores = new Map<string, Map<string, Response>>();
    const open = async (name: string) => {
      if (!stores.has(name)) stores.set(name, new Map());
      const m = stores.get(name)!;
      return {
        match: async (k: string | Request) => m.get(typeof k === 'string' ? k : k.url)?.clone(),
        put: async (k: string | Request, r: Response) => void m.set(typeof k === 'string' ? k : k.url, r.clone()),
        delete: async (k: string) => m.delete(k),
      };
    };
    const caches = {
      open,
      keys: async () => [...stores.keys()],
      delete: async (n: string) => stores.delete(n),
      match: async (k: string) => {
        for (const m of stores.values()) if (m.has(k)) return m.get(k)!.clone();
        return undefined;
      },
    };
    const handlers: Record<string, (e: unknown) => void> = {};
    const self: Record<string, unknown> = {
      registration: { scope },
      skipWaiting: () => Promise.resolve(),
      clients: { matchAll: () => Promise.resolve([]), claim: () => Promise.resolve() },
      addEventListener: (type: string, fn: (e: unknown) => void) => (handlers[type] = fn),
      URL,
      Request,
      Response,
      crypto,
      caches,
      fetch: async (r: Request | string) => {
        const url = typeof r === 'string' ? r : r.url;
        const path = url.slice(scope.length);
        return path in network ? new Response(network[path]) : new Response('not found', { status: 404 });
      },
    };
    self.globalThis = self;
    new Script(workerScript(list, 'v1', compileWorker(), hashes)).runInNewContext(self);
    const install = async () => {
      let p: Promise<unknown> = Promise.resolve();
      handlers.install({ waitUntil: (x: Promise<unknown>) => (p = x) });
      await p;
    };
    const get = async (path: string) => {
      let p: Promise<Response> | Response = new Response('unanswered', { status: 599 });
      handlers.fetch({ request: new Request(scope + path), respondWith: (r: Promise<Response> | Response) => (p = r) });
      return p;
    };
    return { install, get, stores, network };
  }

  it('installs when every file matches this build', async () => {
    const sw = boot({ ...files, '': '<html>' });
    await sw.install();
    expect(await (await sw.get('data/atlas.json')).text()).toBe(files['data/atlas.json']);
  });

  it("never serves a damaged cached data file: drops it and fetches this build's copy again", async () => {
    const sw = boot({ ...files, '': '<html>' });
    await sw.install();
    const cache = sw.stores.get(cacheName('v1'))!;
    cache.set(scope + 'data/atlas.json', new Response('{"version":"tampered"}'));
    const res = await sw.get('data/atlas.json');
    expect(await res.text()).toBe(files['data/atlas.json']);
  });

  it('refuses a network copy of another build with a 502, and serves no damaged copy offline either', async () => {
    const sw = boot({ ...files, '': '<html>' });
    await sw.install();
    sw.stores.get(cacheName('v1'))!.set(scope + 'data/atlas.json', new Response('{"version":"tampered"}'));
    sw.network['data/atlas.json'] = '{"version":"v2"}';
    const res = await sw.get('data/atlas.json');
    expect(res.status).toBe(502);
    expect(await res.text()).not.toContain('tampered');
  });

  it("does not serve a file left in an older cache when it is not this build's", async () => {
    const sw = boot({ ...files, '': '<html>' });
    await sw.install();
    sw.stores.get(cacheName('v1'))!.delete(scope + 'geo/syria.topo.json');
    sw.stores.set(cacheName('v0'), new Map([[scope + 'geo/syria.topo.json', new Response('{"old":true}')]]));
    const res = await sw.get('geo/syria.topo.json');
    expect(await res.text()).toBe(files['geo/syria.topo.json']);
  });

  it('fails an install that meets a file of another build (a deploy under way), so two builds never mix', async () => {
    const sw = boot({ ...files, 'data/atlas.json': '{"version":"v2"}', '': '<html>' });
    await expect(sw.install()).rejects.toThrow(/data\/atlas\.json: not the file of this build/);
  });
});
