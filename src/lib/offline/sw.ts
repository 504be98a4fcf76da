/**
 * The service worker. scripts/sw-plugin.ts compiles this file into dist/sw.js after each build,
 * with three constants in front of it: `PRECACHE`, every file of the build (pages as their folder
 * URL, scripts, styles, fonts, the figures, the data versions, the geometry) relative to the
 * worker, `VERSION`, a hash of their contents, and `HASHES`, the SHA-256 of each figure and
 * geometry file (data/ and geo/; scripts and styles carry their hash in their names). A new build
 * with any change, a new data version included, is a new worker.
 *
 * - install: store every file in the cache `atlas-<VERSION>`, each data file checked against its
 *   hash first: a file of another build (a deploy under way) fails the install, and the worker in
 *   place stays, so an update never mixes files of two builds. An update installs in the
 *   background and then waits.
 * - activate: keep this version's cache and the one before it (a page opened under the old worker
 *   may still ask for one of its lazily loaded files), delete the rest, take control of open pages.
 * - fetch: same-origin GETs are answered from this version's cache, then any atlas cache, then the
 *   network. Query strings and hashes are views, not files: `present/?x#deck=…` is `present/`.
 *   A cached data file whose content does not match this build's hash for it (damaged, or left by
 *   another build) is never served: it is dropped and fetched again, and a network copy that does
 *   not match either is refused with a 502 the page reports as a failed load, with its retry.
 * - a waiting update is activated when a page asks (`activate-when-idle`) and no presentation page
 *   is open; otherwise it waits for the next load, or for every atlas page to close.
 *
 * The pure parts are exported for unit tests; the plugin strips `export`, and the event wiring
 * below runs only inside a service worker.
 */

declare const PRECACHE: string[];
declare const VERSION: string;
declare const HASHES: Record<string, string>;

export const CACHE_PREFIX = 'atlas-';

/**
 * Large files fetched only when a reader asks for them (UCDP's events and headlines): left out of
 * the precache (scripts/sw-plugin.ts) and kept once fetched, for offline use. Matches a path
 * relative to the site root or a URL path ending in one.
 */
export const ON_DEMAND = /(^|\/)data\/ucdp\/(events|headlines-\d{4})\.json$/;

export function cacheName(version: string): string {
  return `${CACHE_PREFIX}${version}`;
}

/** The cache key of a request: its path relative to the worker's scope, `index.html` as its folder. */
export function cacheKey(requestUrl: string, scope: string): string | null {
  const url = new URL(requestUrl);
  const base = new URL(scope);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return null;
  const path = url.pathname.replace(/(^|\/)index\.html$/, '$1');
  return new URL(path, base).href;
}

/** The URLs to precache, absolute, from the relative list the build wrote. */
export function precacheUrls(list: readonly string[], scope: string): string[] {
  return list.map((p) => new URL(p, scope).href);
}

/** Whether any open window is a presentation (then an update must wait). */
export function presenting(clientUrls: readonly string[], scope: string): boolean {
  const base = new URL(scope).pathname;
  return clientUrls.some((u) => {
    try {
      const path = new URL(u).pathname;
      return path.startsWith(`${base}present/`) || path === `${base}present`;
    } catch {
      return false;
    }
  });
}

/** Whether a file (relative to the site root) is checked against its hash: the figures and the geometry. */
export function hashed(path: string): boolean {
  return /^(data|geo)\//.test(path) && !path.endsWith('.md');
}

/** Hex of a SHA-256 digest, the first 32 digits (128 bits): what the build writes in HASHES. */
export async function digest(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(d)]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, 32);
}

/**
 * The hash a response must have, or null when the file is not checked. `key` is an absolute URL
 * from cacheKey.
 */
export function expectedHash(hashes: Readonly<Record<string, string>>, key: string, scope: string): string | null {
  const path = decodeURIComponent(new URL(key).pathname.slice(new URL(scope).pathname.length));
  return Object.prototype.hasOwnProperty.call(hashes, path) ? hashes[path] : null;
}

/** Whether a response's body has the expected hash (true when nothing is expected). Reads a clone. */
export async function matches(res: Response, expected: string | null): Promise<boolean> {
  if (expected === null) return true;
  return (await digest(await res.clone().arrayBuffer())) === expected;
}

/** The caches to delete on activation: other atlas versions except the previous one. */
export function stale(cacheNames: readonly string[], current: string, previous: string | null): string[] {
  return cacheNames.filter((n) => n.startsWith(CACHE_PREFIX) && n !== current && n !== previous);
}

// ---------------------------------------------------------------------------------------------
// The worker itself (not run in tests)

interface ExtendableEventLike extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEventLike extends ExtendableEventLike {
  request: Request;
  respondWith(r: Promise<Response> | Response): void;
}
interface ExtendableMessageEventLike extends ExtendableEventLike {
  data: unknown;
  ports: readonly MessagePort[];
  source: { postMessage(m: unknown): void } | null;
}
interface ClientLike {
  url: string;
  type: string;
}
interface WorkerScope {
  registration: { scope: string };
  clients: { matchAll(o: { type: string; includeUncontrolled: boolean }): Promise<ClientLike[]>; claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: string, fn: (e: never) => void): void;
}

const PREVIOUS_KEY = 'sw-meta';

function start(sw: WorkerScope): void {
  const scope = sw.registration.scope;
  const current = cacheName(VERSION);
  const urls = precacheUrls(PRECACHE, scope);

  async function precache() {
    const cache = await caches.open(current);
    await Promise.all(
      urls.map(async (url) => {
        if (await cache.match(url)) return;
        const res = await fetch(new Request(url, { cache: 'reload', credentials: 'same-origin' }));
        if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
        if (!(await matches(res, expectedHash(HASHES, url, scope)))) throw new Error(`${url}: not the file of this build (hash differs)`);
        // a redirected response cannot answer a navigation: store a clean copy
        const clean = res.redirected ? new Response(await res.blob(), { status: res.status, statusText: res.statusText, headers: res.headers }) : res;
        await cache.put(url, clean);
      }),
    );
  }

  async function complete(): Promise<boolean> {
    const cache = await caches.open(current);
    const found = await Promise.all(urls.map((u) => cache.match(u)));
    return found.every(Boolean);
  }

  sw.addEventListener('install', (e: ExtendableEventLike) => e.waitUntil(precache()));

  sw.addEventListener('activate', (e: ExtendableEventLike) =>
    e.waitUntil(
      (async () => {
        const meta = await caches.open(PREVIOUS_KEY);
        const before = await meta.match('current');
        const previous = before ? await before.text() : null;
        const names = await caches.keys();
        await Promise.all(stale(names, current, previous === current ? null : previous).map((n) => caches.delete(n)));
        if (previous !== current) {
          if (previous) await meta.put('previous', new Response(previous));
          await meta.put('current', new Response(current));
        }
        await sw.clients.claim();
      })(),
    ),
  );

  sw.addEventListener('fetch', (e: FetchEventLike) => {
    const req = e.request;
    if (req.method !== 'GET') return;
    const key = cacheKey(req.url, scope);
    if (!key) return;
    e.respondWith(
      (async () => {
        const mine = await caches.open(current);
        const expected = expectedHash(HASHES, key, scope);
        const own = await mine.match(key);
        if (own && (await matches(own, expected))) return own;
        if (own) await mine.delete(key);
        const other = own ? undefined : await caches.match(key, { ignoreSearch: true });
        if (other && (await matches(other, expected))) return other;
        const res = await fetch(req);
        if (res.ok && !(await matches(res, expected))) {
          return new Response(`${new URL(key).pathname}: the server's copy is not this build's file; reload the page`, {
            status: 502,
            statusText: 'Not this build',
            headers: { 'content-type': 'text/plain; charset=utf-8' },
          });
        }
        if (res.ok && (expected !== null || ON_DEMAND.test(new URL(key).pathname))) await mine.put(key, res.clone());
        return res;
      })(),
    );
  });

  sw.addEventListener('message', (e: ExtendableMessageEventLike) => {
    const data = e.data as { type?: string } | null;
    if (data?.type === 'status') {
      e.waitUntil(
        complete().then((ok) => {
          const reply = { type: 'status', version: VERSION, complete: ok };
          if (e.ports[0]) e.ports[0].postMessage(reply);
          else e.source?.postMessage(reply);
        }),
      );
    } else if (data?.type === 'activate-when-idle') {
      e.waitUntil(
        sw.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((clients) => {
          if (
            !presenting(
              clients.map((c) => c.url),
              scope,
            )
          )
            return sw.skipWaiting();
        }),
      );
    }
  });
}

const scopeObject = globalThis as unknown as { registration?: unknown; skipWaiting?: unknown };
if (typeof scopeObject.skipWaiting === 'function' && scopeObject.registration) start(globalThis as unknown as WorkerScope);
