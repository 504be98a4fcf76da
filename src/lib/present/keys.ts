/**
 * The presentation's keyboard, as two pure functions: `keyAction` turns one key press (and the
 * digits typed so far) into an action, `applyNavigation` turns an action into the next slide index.
 *
 * Keys, chosen for the keyboard and for presentation clickers (which send PageDown/PageUp, and on
 * some models the arrows, Enter or B):
 *   → ↓ PageDown Space Enter   next slide          ← ↑ PageUp Shift+Space Backspace   previous
 *   Home / End                  first / last        digits then Enter                  go to slide
 *   F                           fullscreen          Esc                                leave
 *   N                           speaker notes       P                                  presenter window
 *   B or .                      blank the screen (press again to come back)
 * While digits are being typed, Backspace deletes one and Esc forgets them.
 *
 * Deliberately ignores: keys with Ctrl, Alt or Meta (the browser's own shortcuts, printing
 * included, keep working), and where focus is (the component decides whether a key is its own).
 */

export type Action =
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'goto'; slide: number }
  | { type: 'fullscreen' }
  | { type: 'leave' }
  | { type: 'notes' }
  | { type: 'presenter' }
  | { type: 'blank' };

export interface KeyInput {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

export interface KeyResult {
  /** what to do, or null */
  action: Action | null;
  /** digits typed so far (for "go to slide"), shown on screen while non-empty */
  typed: string;
  /** true when the key was the presentation's (the caller prevents the default) */
  handled: boolean;
}

const MAX_DIGITS = 4;

export function keyAction(input: KeyInput, typed = ''): KeyResult {
  const none: KeyResult = { action: null, typed, handled: false };
  if (input.ctrlKey || input.altKey || input.metaKey) return none;
  const act = (action: Action): KeyResult => ({ action, typed: '', handled: true });
  const { key } = input;

  if (/^[0-9]$/.test(key)) {
    return { action: null, typed: (typed + key).slice(-MAX_DIGITS), handled: true };
  }
  if (typed) {
    if (key === 'Enter') return act({ type: 'goto', slide: Number(typed) - 1 });
    if (key === 'Backspace') return { action: null, typed: typed.slice(0, -1), handled: true };
    if (key === 'Escape') return { action: null, typed: '', handled: true };
  }
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case 'Enter':
      return act({ type: 'next' });
    case ' ':
    case 'Spacebar':
      return act({ type: input.shiftKey ? 'prev' : 'next' });
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
    case 'Backspace':
      return act({ type: 'prev' });
    case 'Home':
      return act({ type: 'first' });
    case 'End':
      return act({ type: 'last' });
    case 'Escape':
    case 'Esc':
      return act({ type: 'leave' });
  }
  switch (key.toLowerCase()) {
    case 'f':
      return act({ type: 'fullscreen' });
    case 'n':
      return act({ type: 'notes' });
    case 'p':
      return act({ type: 'presenter' });
    case 'b':
    case '.':
      return act({ type: 'blank' });
  }
  // any other key forgets half-typed digits, so a stray "3" does not linger
  return { action: null, typed: '', handled: false };
}

/**
 * The slide index after a navigation action; any other action leaves it unchanged. "Go to" past
 * the end lands on the last slide, and "go to 0" on the first.
 */
export function applyNavigation(index: number, count: number, action: Action): number {
  if (count <= 0) return 0;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (action.type) {
    case 'next':
      return clamp(index + 1);
    case 'prev':
      return clamp(index - 1);
    case 'first':
      return 0;
    case 'last':
      return count - 1;
    case 'goto':
      return clamp(action.slide);
    default:
      return clamp(index);
  }
}

/** Whether a key event belongs to an element that takes typing (the presentation keys yield). */
export function isTypingTarget(target: { tagName?: string; isContentEditable?: boolean; type?: string } | null): boolean {
  if (!target || !target.tagName) return false;
  const tag = target.tagName.toUpperCase();
  if (target.isContentEditable) return true;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !['button', 'submit', 'reset', 'checkbox', 'radio', 'file'].includes((target.type ?? 'text').toLowerCase());
  return false;
}
