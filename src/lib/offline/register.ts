/**
 * Registers the service worker (dist/sw.js, written by scripts/sw-plugin.ts) and reports whether
 * the atlas is ready to use offline. Every page calls `registerOffline()` (the offline badge does it
 * when it mounts); the first call registers, later calls only report.
 *
 * States: `checking` (not known yet: nothing is shown), `installing` (the files are being stored), `ready` (every file of this version is stored),
 * `update` (ready, and a newer version is stored and waiting), `unsupported` (no service worker:
 * an old browser, a non-secure origin, a file:// page), `off` (the dev server), `error`.
 *
 * A waiting update is asked to take over when a page that is not a presentation loads, and asked
 * again every few seconds while it waits; the worker itself refuses while a presentation page is
 * open, so a new version never lands mid-talk, and takes over soon after the talk ends, while the
 * reader's page is idle. (Left to the next navigation instead, the change of worker raced the
 * navigation in Chromium, and a reload after a talk could stall and never load.)
 *
 * Deliberately ignores: periodic update checks (the browser checks sw.js on every navigation).
 */

export type OfflineState = 'checking' | 'installing' | 'ready' | 'update' | 'unsupported' | 'off' | 'error';
export interface OfflineStatus {
  state: OfflineState;
  /** the stored version's hash, when known */
  version?: string;
  /** why it failed (`error`) */
  reason?: string;
}

let current: OfflineStatus = { state: 'checking' };
const listeners = new Set<(s: OfflineStatus) => void>();
let started = false;

function set(next: OfflineStatus): void {
  current = next;
  for (const fn of listeners) fn(next);
}

/** Follows the status; calls `fn` at once with the current one. Returns the unsubscribe. */
export function onOfflineStatus(fn: (s: OfflineStatus) => void): () => void {
  listeners.add(fn);
  fn(current);
  return () => listeners.delete(fn);
}

/** The worker's address and scope: the site root, one level above the built scripts (assets/). */
export function workerLocation(moduleUrl: string): { url: string; scope: string } {
  const scope = new URL('../', moduleUrl).href;
  return { url: new URL('sw.js', scope).href, scope };
}

function ask(worker: ServiceWorker): Promise<{ version: string; complete: boolean } | null> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(null), 5000);
    channel.port1.onmessage = (e) => {
      clearTimeout(timer);
      resolve(e.data as { version: string; complete: boolean });
    };
    worker.postMessage({ type: 'status' }, [channel.port2]);
  });
}

export interface RegisterOptions {
  /** true on the presentation page: never ask a waiting update to take over */
  presenting?: boolean;
}

/** How often a page asks a waiting update again to take over (it is refused while a talk goes on). */
export const ASK_AGAIN_MS = 5000;

export function registerOffline(options: RegisterOptions = {}): void {
  if (started) return;
  started = true;
  if (import.meta.env.DEV) return set({ state: 'off' });
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator) || !globalThis.isSecureContext) return set({ state: 'unsupported' });
  // a variable, not `new URL('…', import.meta.url)`, which Vite would try to bundle
  const here = import.meta.url;
  const { url, scope } = workerLocation(here);
  const sw = navigator.serviceWorker;

  let again: ReturnType<typeof setTimeout> | undefined;
  /** Asks a waiting update to take over, and again later while it waits (refused during a talk). */
  function askToActivate(reg: ServiceWorkerRegistration) {
    clearTimeout(again);
    if (!reg.waiting || !sw.controller || options.presenting) return;
    reg.waiting.postMessage({ type: 'activate-when-idle' });
    again = setTimeout(() => askToActivate(reg), ASK_AGAIN_MS);
  }

  async function refresh(reg: ServiceWorkerRegistration) {
    askToActivate(reg);
    const active = reg.active;
    if (!active) return set({ state: 'installing' });
    const status = await ask(active);
    if (!status) return;
    if (!status.complete) return set({ state: 'installing', version: status.version });
    set({ state: reg.waiting ? 'update' : 'ready', version: status.version });
  }

  // A first visit registers after the page has loaded: storing the site must not compete with the
  // first view. A page the worker already controls registers at once (only sw.js is checked).
  const whenLoaded =
    sw.controller || document.readyState === 'complete'
      ? Promise.resolve()
      : new Promise<void>((ok) => addEventListener('load', () => setTimeout(ok, 500), { once: true }));
  whenLoaded
    .then(() => sw.register(url, { scope, updateViaCache: 'none' }))
    .then((reg) => {
      const watch = (w: ServiceWorker | null) =>
        w?.addEventListener('statechange', () => {
          if (w.state === 'redundant' && !reg.active) set({ state: 'error', reason: 'the offline copy could not be stored' });
          else void refresh(reg);
        });
      watch(reg.installing);
      reg.addEventListener('updatefound', () => watch(reg.installing));
      sw.addEventListener('controllerchange', () => void refresh(reg));
      void refresh(reg);
    })
    .catch((e: unknown) => set({ state: 'error', reason: e instanceof Error ? e.message : String(e) }));
}
