/**
 * The presentation window and the presenter window talk over a BroadcastChannel. The presentation
 * owns the state and announces it (`state`: the deck's code and the slide); the presenter window
 * asks for it when it opens (`hello`) and sends navigation (`goto`). Either side checks messages
 * with `readMessage`, which drops anything malformed.
 *
 * Deliberately ignores: several presentations of one browser at once. They share the channel; the
 * presenter window follows the last one that spoke.
 */

export const CHANNEL = 'atlas-present';

export type SyncMessage =
  { type: 'hello' } | { type: 'state'; deck: string; slide: number; startedAt: number } | { type: 'goto'; slide: number } | { type: 'closed' };

export function readMessage(data: unknown): SyncMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  switch (m.type) {
    case 'hello':
    case 'closed':
      return { type: m.type };
    case 'goto':
      return Number.isInteger(m.slide) && (m.slide as number) >= 0 ? { type: 'goto', slide: m.slide as number } : null;
    case 'state':
      return typeof m.deck === 'string' && Number.isInteger(m.slide) && (m.slide as number) >= 0 && typeof m.startedAt === 'number'
        ? { type: 'state', deck: m.deck, slide: m.slide as number, startedAt: m.startedAt }
        : null;
    default:
      return null;
  }
}

/** A channel, or a stand-in that does nothing where BroadcastChannel is missing. */
export function openChannel(onmessage: (m: SyncMessage) => void): { post: (m: SyncMessage) => void; close: () => void } {
  if (typeof BroadcastChannel === 'undefined') return { post: () => {}, close: () => {} };
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (e: MessageEvent) => {
    const m = readMessage(e.data);
    if (m) onmessage(m);
  };
  return { post: (m) => channel.postMessage(m), close: () => channel.close() };
}

/** "12:05" or "1:02:05" for an elapsed time in milliseconds. */
export function elapsedText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
