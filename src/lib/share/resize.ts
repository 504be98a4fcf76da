/**
 * Height messages from the embed to the page that hosts it, in two formats:
 * - pym.js's string `pymxPYMx<childId>xPYMxheightxPYMx<px>`, which a pym.js parent
 *   (`new pym.Parent(…)`) understands; `childId` is the query parameter pym adds to the iframe URL.
 *   A pym parent also sends `…xPYMxwidthxPYMx<px>` when its width changes: we answer with our height.
 * - a plain object `{ type: 'atlas:height', height }` for the small script the snippet carries
 *   (static/embed.js), which resizes the iframe whose window sent it.
 * Both are posted to `*`: a height is not a secret, and the host's origin is not known in advance.
 *
 * Pure message builders and parsers, plus `reportHeight`, the one function that touches the DOM
 * (a ResizeObserver). Deliberately ignores pym's other messages (scrolling, navigation).
 */

export const MESSAGE_TYPE = 'atlas:height';
const PYM = 'xPYMx';

export interface HeightMessage {
  type: typeof MESSAGE_TYPE;
  height: number;
}

/** The pym.js child-to-parent height message. */
export function pymHeightMessage(childId: string, height: number): string {
  return `pymxPYMx${childId}${PYM}height${PYM}${Math.ceil(height)}`;
}

export function plainHeightMessage(height: number): HeightMessage {
  return { type: MESSAGE_TYPE, height: Math.ceil(height) };
}

/** A height from a message a host received, or null when it is not one of ours. */
export function heightOf(data: unknown): number | null {
  if (typeof data === 'object' && data !== null && (data as HeightMessage).type === MESSAGE_TYPE) {
    const h = (data as HeightMessage).height;
    return typeof h === 'number' && Number.isFinite(h) && h > 0 && h < 100_000 ? Math.ceil(h) : null;
  }
  return null;
}

/** Parses a pym.js message: `{ id, type, value }`, or null. */
export function parsePym(data: unknown): { id: string; type: string; value: string } | null {
  if (typeof data !== 'string') return null;
  const m = /^pymxPYMx(.*?)xPYMx(\S+?)xPYMx(.*)$/.exec(data);
  return m ? { id: m[1], type: m[2], value: m[3] } : null;
}

/** The pym child id from the iframe's query string (`childId`), or null when not under pym. */
export function childIdOf(search: string): string | null {
  try {
    const id = new URLSearchParams(search).get('childId');
    return id && /^[\w.:-]{1,100}$/.test(id) ? id : null;
  } catch {
    return null;
  }
}

/** What to post for a height: the plain message always, the pym one when under a pym parent. */
export function heightMessages(height: number, childId: string | null): (string | HeightMessage)[] {
  const out: (string | HeightMessage)[] = [plainHeightMessage(height)];
  if (childId) out.push(pymHeightMessage(childId, height));
  return out;
}

/**
 * Posts the height of `element` to the parent window now and on every change (deduplicated), and
 * answers a pym parent's width messages. Returns a function that stops it. No-op outside a frame.
 */
export function reportHeight(element: HTMLElement, win: Window = window): () => void {
  const parent = win.parent;
  if (!parent || parent === win) return () => {};
  const childId = childIdOf(win.location.search);
  let last = -1;
  const measure = () => Math.ceil(element.getBoundingClientRect().height + element.offsetTop);
  const post = (force = false) => {
    const h = measure();
    if (h <= 0 || (!force && h === last)) return;
    last = h;
    for (const m of heightMessages(h, childId)) parent.postMessage(m, '*');
  };
  const observer = new ResizeObserver(() => post());
  observer.observe(element);
  const onMessage = (e: MessageEvent) => {
    if (e.source !== parent) return;
    const pym = parsePym(e.data);
    if (pym && pym.type === 'width' && (!childId || pym.id === childId)) post(true);
  };
  const onLoad = () => post(true);
  win.addEventListener('message', onMessage);
  win.addEventListener('load', onLoad);
  post(true);
  return () => {
    observer.disconnect();
    win.removeEventListener('message', onMessage);
    win.removeEventListener('load', onLoad);
  };
}
