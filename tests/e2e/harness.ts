/**
 * Browser-test harness: a static server for dist/, the system Chromium driven by playwright-core,
 * a page log that records what went wrong (console errors, page errors, failed requests, requests
 * leaving the origin), axe, and screenshots.
 *
 * One browser and one server per run. Under `node --test` (the runner sets NODE_TEST_CONTEXT) the
 * browser and the servers are shared by every test file the process loads: tests/e2e/run.ts loads
 * them all into one process. `launchBrowser()` hands out a view of the shared Chromium whose
 * `close()` closes only the contexts it opened; `startStaticServer(dir)` lends an idle server of
 * that folder (a new one, on a new origin, when every server of it is lent out) with its own
 * request log, and `close()` gives it back (`{ fresh: true }` gets a server and an origin of its
 * own instead). Both are really closed once, after the last test.
 * Outside the test runner (scripts/bench.ts) `close()` closes them, as before.
 *
 * Deliberately ignores: browser downloads (we use the system Chromium, `CHROME_PATH` or
 * `/usr/bin/chromium`), HTTP caching subtleties (every response is `no-cache`), ranges, and any
 * fallback from an unknown path to index.html — a 404 is a bug the tests should see.
 */
import type { Dataset } from '../../src/lib/data/types';
import { parseDataset } from '../../src/lib/data/load';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { after, afterEach, beforeEach } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** The repository root (tests/e2e/../..). */
export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** The built site the browser tests serve: dist/, or `ATLAS_DIST` (e.g. to test another build). */
export const DIST = process.env.ATLAS_DIST ? resolve(process.env.ATLAS_DIST) : join(ROOT, 'dist');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
/**
 * Whether browser and servers are shared for the whole process: under `node --test` (which sets
 * NODE_TEST_CONTEXT in the process that runs the tests), where a root `after` hook closes them.
 * Elsewhere (scripts/bench.ts) every `close()` is real. `ATLAS_E2E_SHARED=0` turns sharing off.
 */
const shared = Boolean(process.env.NODE_TEST_CONTEXT) && process.env.ATLAS_E2E_SHARED !== '0';
/** Whether this process shares one Chromium and one server per folder among its test files. */
export const SHARED_FIXTURE = shared;
/** The dataset the build under test serves (dist/data/atlas.json), for expected figures. */
export function builtDataset(): Dataset {
  return parseDataset(readFileSync(join(DIST, 'data', 'atlas.json'), 'utf8'));
}

// ---------------------------------------------------------------------------------------------
// Static server

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pbf': 'application/x-protobuf',
};

/** The Content-Type the server sends for a file name (exported for tests of the harness). */
export function mimeType(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function compressible(type: string): boolean {
  return /^text\/|javascript|json|xml|svg|wasm/.test(type);
}

export interface ServedRequest {
  method: string;
  path: string;
  status: number;
  /** bytes of the file on disk */
  rawBytes: number;
  /** bytes of the body sent (gzip size when compressed) */
  sentBytes: number;
  gzip: boolean;
}

export interface StaticServer {
  /** `http://127.0.0.1:PORT` (no trailing slash) */
  url: string;
  origin: string;
  port: number;
  /** every request served, in order */
  log: ServedRequest[];
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** 0 (the default) picks a free port */
  port?: number;
  host?: string;
  /** extra headers on every response (e.g. a Content-Security-Policy for embed tests) */
  headers?: Record<string, string>;
  /**
   * A server of its own, on an origin no other test used in this run, closed by `close()`: for
   * tests of what the browser keeps per origin beyond a context, such as a service worker's
   * update checks (offline.test.ts).
   */
  fresh?: boolean;
}

/** A real HTTP server of one folder; `logs` are the request logs of whoever holds it now. */
interface OpenServer {
  key: string;
  url: string;
  port: number;
  logs: Set<ServedRequest[]>;
  lent: boolean;
  close(): Promise<void>;
}

async function openServer(root: string, key: string, options: StaticServerOptions): Promise<OpenServer> {
  const host = options.host ?? '127.0.0.1';
  const logs = new Set<ServedRequest[]>();
  const record = (r: ServedRequest) => {
    for (const log of logs) log.push(r);
  };
  /** files read, per path and modification time */
  const fileCache = new Map<string, { mtimeMs: number; body: Buffer }>();
  /** the gzip of each body once made (compressing every response again was most of the server's work) */
  const gzipped = new WeakMap<Buffer, Buffer>();
  const gzipOf = (body: Buffer) => {
    let out = gzipped.get(body);
    if (!out) gzipped.set(body, (out = gzipSync(body)));
    return out;
  };

  function send(req: IncomingMessage, res: ServerResponse, path: string, status: number, type: string, body: Buffer) {
    const headers: Record<string, string | number> = {
      'Content-Type': type,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      Vary: 'Accept-Encoding',
      ...options.headers,
    };
    let out = body;
    const wantsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const gzip = wantsGzip && compressible(type) && body.length > 0;
    if (gzip) {
      out = gzipOf(body);
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = out.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : out);
    record({ method: req.method ?? 'GET', path, status, rawBytes: body.length, sentBytes: out.length, gzip });
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return send(req, res, url.pathname, 400, MIME['.txt'], Buffer.from('bad request\n'));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(req, res, pathname, 405, MIME['.txt'], Buffer.from('method not allowed\n'));
    }
    const file = normalize(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) {
      return send(req, res, pathname, 403, MIME['.txt'], Buffer.from('forbidden\n'));
    }
    let target = file;
    let stat = existsSync(target) ? statSync(target) : undefined;
    if (stat?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        // the site uses relative URLs (base './'), so /methods must become /methods/
        res.writeHead(301, { Location: `${url.pathname}/${url.search}`, 'Content-Length': 0, ...options.headers });
        res.end();
        record({ method: req.method, path: pathname, status: 301, rawBytes: 0, sentBytes: 0, gzip: false });
        return;
      }
      target = join(target, 'index.html');
      stat = existsSync(target) ? statSync(target) : undefined;
    }
    if (!stat?.isFile()) {
      return send(req, res, pathname, 404, MIME['.txt'], Buffer.from(`not found: ${pathname}\n`));
    }
    let cached = fileCache.get(target);
    if (!cached || cached.mtimeMs !== stat.mtimeMs) fileCache.set(target, (cached = { mtimeMs: stat.mtimeMs, body: readFileSync(target) }));
    send(req, res, pathname, 200, mimeType(target), cached.body);
  }

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': MIME['.txt'] });
      res.end(`server error: ${String(err)}\n`);
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    key,
    url: `http://${host}:${port}`,
    port,
    logs,
    lent: false,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** Servers kept for the run (only under the test runner), lent to one holder at a time. */
const servers: OpenServer[] = [];

/**
 * Serve `dir` over HTTP. Under the test runner this lends a server of `dir` that nobody holds
 * (started on first use and kept until the run ends), so test files share one server and one
 * origin; servers held at the same time are different servers on different ports, hence different
 * origins. `log` lists the requests served while you hold it; `close()` gives it back.
 */
export async function startStaticServer(dir: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const root = resolve(dir);
  if (!existsSync(root)) throw new Error(`startStaticServer: ${root} does not exist (run the build first)`);
  const key = JSON.stringify([root, options.host ?? '127.0.0.1', options.port ?? 0, options.headers ?? {}]);
  const pooled = shared && !options.fresh;
  let server = pooled ? servers.find((s) => s.key === key && !s.lent) : undefined;
  if (!server) {
    server = await openServer(root, key, options);
    if (pooled) servers.push(server);
  }
  const held = server;
  held.lent = true;
  const log: ServedRequest[] = [];
  held.logs.add(log);
  let closed = false;
  return {
    url: held.url,
    origin: held.url,
    port: held.port,
    log,
    async close() {
      if (closed) return;
      closed = true;
      held.logs.delete(log);
      held.lent = false;
      if (!pooled) await held.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Chromium

/** The flags the project guide asks for; playwright adds its own fresh temporary profile. */
export const CHROME_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export function chromiumPath(): string {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}

export function hasChromium(): boolean {
  try {
    accessSync(chromiumPath(), constants.X_OK);
    return statSync(chromiumPath()).isFile();
  } catch {
    return false;
  }
}

/** Why browser tests are skipped, or `false` when Chromium is there (for node:test's `skip`). */
export function skipWithoutChromium(): string | false {
  return hasChromium() ? false : `no Chromium at ${chromiumPath()} (set CHROME_PATH)`;
}

export interface PageOptions {
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
  isMobile?: boolean;
  /** default `en-US`, so that number formats do not depend on the machine */
  locale?: string;
  /** default `UTC` */
  timezoneId?: string;
  /**
   * Whether the page may register the offline worker (default false). A fresh context has no
   * stored site, so every page opened with the worker allowed stores the whole site (some 10 MB)
   * in the background soon after it loads: work that slowed every test and that only the tests of
   * the offline copy, the badge and layout shift need. Without it, `register()` never settles:
   * the page stays in the worker's first state (`checking`, no badge), as before registration.
   */
  offline?: boolean;
}

/** Init script of a page without the offline worker: registration never settles (see `offline`). */
const NO_OFFLINE_WORKER = 'if (self.ServiceWorkerContainer) ServiceWorkerContainer.prototype.register = () => new Promise(() => {});';

export interface TestBrowser {
  /** the shared Chromium (contexts made on it directly are yours to close) */
  browser: Browser;
  /** A page in its own fresh context (no shared cookies, storage or cache). */
  newPage(options?: PageOptions): Promise<Page>;
  /** Closes the contexts this view opened; the shared Chromium stays up until the run ends. */
  close(): Promise<void>;
}

let chromiumLaunch: Promise<Browser> | null = null;
let launched: Browser | null = null;
let views = 0;
/** contexts opened by `newPage` during the test now running, closed after it if it timed out */
let testContexts: Set<BrowserContext> | null = null;
/** tests running now (two at once when run.ts runs two files at a time) */
let running = 0;

/** The shared Chromium, launched on first use and again if it crashed or was closed. */
function sharedChromium(): Promise<Browser> {
  if (!chromiumLaunch || (launched && !launched.isConnected())) {
    const launch = chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROME_ARGS, timeout: 60_000 });
    chromiumLaunch = launch;
    launch.then(
      (b) => {
        launched = b;
        b.on('disconnected', () => {
          if (chromiumLaunch === launch) chromiumLaunch = null;
        });
      },
      () => {
        if (chromiumLaunch === launch) chromiumLaunch = null;
      },
    );
  }
  return chromiumLaunch;
}

/**
 * The system Chromium (one per run, see the header). Every `newPage` gets a fresh context, as
 * playwright's contexts are: no cookies, storage, cache or service worker shared with any other.
 */
export async function launchBrowser(): Promise<TestBrowser> {
  let browser = await sharedChromium();
  views++;
  const contexts = new Set<BrowserContext>();
  let closed = false;
  return {
    get browser() {
      return launched && launched.isConnected() ? launched : browser;
    },
    async newPage(options: PageOptions = {}) {
      browser = await sharedChromium();
      const mobile = options.isMobile ?? false;
      const context = await browser.newContext({
        viewport: options.viewport ?? { width: 1280, height: 800 },
        deviceScaleFactor: options.deviceScaleFactor ?? 1,
        isMobile: mobile,
        hasTouch: mobile,
        locale: options.locale ?? 'en-US',
        timezoneId: options.timezoneId ?? 'UTC',
      });
      contexts.add(context);
      const inTest = testContexts;
      inTest?.add(context);
      context.on('close', () => {
        contexts.delete(context);
        inTest?.delete(context);
      });
      // tsx compiles with esbuild's keepNames, which wraps named functions in page.evaluate
      // callbacks in `__name(fn, "name")`: give the page a no-op one.
      await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
      if (!options.offline) await context.addInitScript({ content: NO_OFFLINE_WORKER });
      return context.newPage();
    },
    async close() {
      await Promise.allSettled([...contexts].map((c) => c.close()));
      if (closed) return;
      closed = true;
      views--;
      if (!shared && views === 0) await closeChromium();
    },
  };
}

async function closeChromium(): Promise<void> {
  const launch = chromiumLaunch;
  chromiumLaunch = null;
  launched = null;
  const browser = await launch?.catch(() => null);
  await browser?.close().catch(() => {});
}

if (shared) {
  // Root-level hooks (this module is imported before any test is declared), for every test of
  // every file in the process: note which test runs (the runner's watchdog names it if the run
  // has to be stopped); after a test that timed out or was cancelled, close the pages it left
  // open so that they stop using the CPU; after the last test, close Chromium and the servers.
  beforeEach((t) => {
    running++;
    testContexts = new Set();
    const file = process.env.ATLAS_E2E_CURRENT;
    if (file) {
      try {
        writeFileSync(file, `${t.name}\n`);
      } catch {
        /* only a report */
      }
    }
  });
  afterEach(async (t) => {
    running--;
    const left = testContexts;
    testContexts = null;
    // with two files running at once (run.ts) the set may hold the other test's pages: leave
    // them to that file's own `close()` rather than cut a test that is still running
    if (t.signal.aborted && left && running === 0) await Promise.allSettled([...left].map((c) => c.close()));
  });
  after(async () => {
    await closeChromium();
    await Promise.allSettled(servers.splice(0).map((s) => s.close()));
  });
}

// ---------------------------------------------------------------------------------------------
// What a page did

export interface PageLog {
  consoleErrors: string[];
  pageErrors: string[];
  /** requests that failed at the network level (refused, aborted, blocked) */
  failedRequests: string[];
  /** responses with status >= 400 */
  httpErrors: string[];
  /** every request whose origin is not one of the allowed origins */
  foreignRequests: string[];
  /** every request, `METHOD url` */
  requests: string[];
  dialogs: string[];
}

const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

/**
 * Record what goes wrong on a page (and in its workers: events are taken from the page's
 * context, which `TestBrowser.newPage` gives to this page alone). `origins` are the origins
 * requests may go to — normally just the static server's.
 */
export function watchPage(page: Page, origins: string | string[]): PageLog {
  const allowed = new Set(Array.isArray(origins) ? origins : [origins]);
  const log: PageLog = {
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    httpErrors: [],
    foreignRequests: [],
    requests: [],
    dialogs: [],
  };
  const context = page.context();
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      log.consoleErrors.push(`${msg.text()}${loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => log.pageErrors.push(err.stack ?? String(err)));
  page.on('dialog', (dialog) => {
    log.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  page.on('websocket', (ws) => {
    log.requests.push(`WS ${ws.url()}`);
    log.foreignRequests.push(`WS ${ws.url()}`);
  });
  context.on('request', (req) => {
    const url = req.url();
    log.requests.push(`${req.method()} ${url}`);
    let u: URL | undefined;
    try {
      u = new URL(url);
    } catch {
      /* unparseable: counted as foreign below */
    }
    if (!u || (!LOCAL_SCHEMES.has(u.protocol) && !allowed.has(u.origin))) log.foreignRequests.push(`${req.method()} ${url}`);
  });
  context.on('requestfailed', (req) => {
    log.failedRequests.push(`${req.method()} ${req.url()}: ${req.failure()?.errorText ?? 'failed'}`);
  });
  context.on('response', (res) => {
    if (res.status() >= 400) log.httpErrors.push(`${res.status()} ${res.request().method()} ${res.url()}`);
  });
  return log;
}

/** Everything in the log that means the page misbehaved, one line each (empty when clean). */
/**
 * What leaving a page cancels (see problems): an idle-time fetch of a measure's file, or a script
 * or style chunk that loads after the first view (the share menu, the table, the callouts…)
 */
const PREFETCH_ABORTED = /^GET \S+\/(data\/full\/[a-z-]+\.json|assets\/[\w.-]+\.(js|css)): net::ERR_ABORTED$/;

export function problems(log: PageLog, { foreign = true }: { foreign?: boolean } = {}): string[] {
  return [
    ...log.consoleErrors.map((s) => `console error: ${s}`),
    ...log.pageErrors.map((s) => `page error: ${s}`),
    // the explorer fetches the other measures' files in idle time, and chunks after its first view:
    // a page that navigates away cancels them, which is not a fault
    ...log.failedRequests.filter((s) => !PREFETCH_ABORTED.test(s)).map((s) => `failed request: ${s}`),
    ...log.httpErrors.map((s) => `HTTP error: ${s}`),
    ...log.dialogs.map((s) => `dialog: ${s}`),
    ...(foreign ? log.foreignRequests.map((s) => `request leaving the origin: ${s}`) : []),
  ];
}

/**
 * Wait until the explorer says it painted its first choropleth (`body[data-state=ready]`).
 * Fails fast, with the page's message, when it says `error`; the default timeout allows for
 * MapLibre under SwiftShader.
 */
export async function waitForReady(page: Page, log?: PageLog, timeout = 45_000): Promise<void> {
  try {
    await page.waitForSelector('body[data-state="ready"], body[data-state="error"]', { timeout, state: 'attached' });
  } catch (err) {
    const state = await page.evaluate(() => document.body?.dataset.state ?? '(no body)').catch(() => '(page gone)');
    throw new Error(
      `page never reached data-state=ready within ${timeout} ms (data-state=${state})` +
        (log ? `\n${problems(log).join('\n')}` : '') +
        `\n${(err as Error).message.split('\n')[0]}`,
    );
  }
  const state = await page.evaluate(() => document.body.dataset.state);
  if (state !== 'ready') {
    const text = await page.evaluate(() => document.body.innerText.slice(0, 500));
    throw new Error(`page reached data-state=${state}: ${text}` + (log ? `\n${problems(log).join('\n')}` : ''));
  }
}

/** A page opened by `pageOpener`, with what it did. */
export interface OpenedPage {
  page: Page;
  log: PageLog;
}

/**
 * The setup every browser-test file repeated: a fresh page (its own context) of the shared
 * Chromium, its log, `path` on the file's server, and `data-state=ready`. `get` returns the file's
 * browser and server (set in its `before`). `open` leaves the page to the caller to close
 * (`page.context().close()`); `withPage` closes it after `fn`, whether `fn` passed or threw.
 */
export function pageOpener(get: () => { browser: TestBrowser; server: StaticServer }) {
  async function open(path: string, options: PageOptions = {}): Promise<OpenedPage> {
    const { browser, server } = get();
    const page = await browser.newPage(options);
    const log = watchPage(page, server.origin);
    try {
      await page.goto(server.url + path, { waitUntil: 'load', timeout: 60_000 });
      // twice waitForReady's default: the methods page (25,000 elements) once took longer than 45 s
      // to draw on a 2-core machine loaded twentyfold; each test's own timeout still bounds it
      await waitForReady(page, log, 90_000);
    } catch (err) {
      await page.context().close();
      throw err;
    }
    return { page, log };
  }
  async function withPage(path: string, options: PageOptions, fn: (page: Page, log: PageLog) => Promise<void>): Promise<void> {
    const { page, log } = await open(path, options);
    try {
      await fn(page, log);
    } finally {
      await page.context().close();
    }
  }
  return { open, withPage };
}

/**
 * Wait until no CSS transition or finite animation is running on the page: the state a fixed
 * sleep "for the transition" stood for, without sleeping its whole length on a fast machine or too
 * short on a slow one. Polled each animation frame, so that transitions a change has just started
 * are seen. Infinite animations (a loading spinner) are left out.
 */
export async function waitForAnimations(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
    undefined,
    { timeout, polling: 'raf' },
  );
}

export interface AxeOptions {
  /** CSS selectors to check (default: the whole page) */
  include?: string | string[];
  /** CSS selectors to leave out */
  exclude?: string | string[];
  /** axe rules to turn off, each with the reason in the test */
  disableRules?: string[];
  /** only these axe rules (default: every rule axe runs by default), each with the reason in the test */
  rules?: string[];
}

/**
 * Run axe (every rule it runs by default) on the page as it is now and return one line per
 * violation (empty when clean). Only violations are collected in full (`resultTypes`): axe skips
 * building selectors for every passing node, which on a long page (the methods page has some
 * 17,000 elements) is most of its time. What is checked is the same.
 *
 * A page without frames is checked with one `axe.run` in the page (the wrapper's legacy mode)
 * instead of `axe.runPartial` per frame then `axe.finishRun` in a second, blank page: with one
 * frame both check the same nodes with the same rules, and the partial results of a long page
 * (every node of every rule, serialised out of the page and into another) took a third of the
 * time. A page with frames (the embed dialog's previews) keeps the per-frame run.
 */
export async function axeViolations(page: Page, options: AxeOptions = {}): Promise<string[]> {
  let builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
  if (page.frames().length === 1) builder = builder.setLegacyMode(true);
  for (const s of [options.include ?? []].flat()) builder = builder.include(s);
  for (const s of [options.exclude ?? []].flat()) builder = builder.exclude(s);
  if (options.rules?.length) builder = builder.withRules(options.rules);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
  const result = await builder.analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} node(s), e.g. ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
}

/** Save a PNG of the page into test-results/screenshots/NAME.png and return its path. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false, animations: 'disabled' });
  return file;
}

// ---------------------------------------------------------------------------------------------
// What the first choropleth cost: resources received before `data-state=ready`

export type ResourceKind = 'html' | 'js' | 'css' | 'data' | 'geometry' | 'fonts' | 'other';
export const RESOURCE_KINDS: ResourceKind[] = ['html', 'js', 'css', 'data', 'geometry', 'fonts', 'other'];

export interface ResourceRecord {
  url: string;
  kind: ResourceKind;
  /** decoded body bytes */
  raw: number;
  /** body bytes on the wire (gzip when the server compressed it) */
  gzip: number;
  /** ms since navigation start */
  start: number;
  end: number;
}

export interface FirstPaint {
  /** ms from navigation start to `data-state=ready` */
  readyAt: number;
  /** every response completed by then (the document included) */
  resources: ResourceRecord[];
}

/** Which budget line a URL belongs to. */
export function classify(url: string, initiatorType = ''): ResourceKind {
  const path = new URL(url, 'http://x/').pathname.toLowerCase();
  if (initiatorType === 'navigation' || path.endsWith('.html') || path.endsWith('/')) return 'html';
  if (/\.(m?js)$/.test(path)) return 'js';
  if (path.endsWith('.css')) return 'css';
  if (/\.(woff2?|ttf|otf)$/.test(path)) return 'fonts';
  if (/\.topo\.json$|\.geojson$|\/geo\//.test(path)) return 'geometry';
  if (path.endsWith('.json')) return 'data';
  return 'other';
}

/**
 * Before navigating: record, at the moment the page sets `body[data-state]` to `ready` (or
 * `error`), the time and the resource-timing entries received so far. Resource timing is
 * Chromium's own account of the network (encoded and decoded body sizes).
 */
export async function installFirstPaintProbe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __firstPaint?: unknown };
    const snapshot = (state: string) => {
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
      w.__firstPaint = {
        state,
        readyAt: performance.now(),
        entries: entries.map((e) => ({
          url: e.name,
          initiatorType: e.initiatorType,
          raw: e.decodedBodySize,
          gzip: e.encodedBodySize,
          start: e.startTime,
          end: e.responseEnd,
        })),
      };
    };
    const observer = new MutationObserver(() => {
      const state = document.body?.dataset.state;
      if (state === 'ready' || state === 'error') {
        observer.disconnect();
        snapshot(state);
      }
    });
    observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
  });
}

/** Wait for the probe installed by `installFirstPaintProbe` and return what it saw. */
export async function readFirstPaint(page: Page, timeout = 60_000): Promise<FirstPaint> {
  const handle = await page.waitForFunction(() => (window as unknown as { __firstPaint?: unknown }).__firstPaint, undefined, {
    timeout,
  });
  const seen = (await handle.jsonValue()) as {
    state: string;
    readyAt: number;
    entries: { url: string; initiatorType: string; raw: number; gzip: number; start: number; end: number }[];
  };
  if (seen.state !== 'ready') throw new Error(`the page reached data-state=${seen.state}`);
  return {
    readyAt: seen.readyAt,
    resources: seen.entries.map((e) => ({
      url: e.url,
      kind: e.initiatorType === 'navigation' ? 'html' : classify(e.url, e.initiatorType),
      raw: e.raw,
      gzip: e.gzip,
      start: e.start,
      end: e.end,
    })),
  };
}

/** Bytes per kind of resource. */
export function totalsByKind(resources: ResourceRecord[]): Record<ResourceKind, { count: number; raw: number; gzip: number }> {
  const out = Object.fromEntries(RESOURCE_KINDS.map((k) => [k, { count: 0, raw: 0, gzip: 0 }])) as Record<
    ResourceKind,
    { count: number; raw: number; gzip: number }
  >;
  for (const r of resources) {
    out[r.kind].count++;
    out[r.kind].raw += r.raw;
    out[r.kind].gzip += r.gzip;
  }
  return out;
}
