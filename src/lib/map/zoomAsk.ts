/**
 * The gestures by which a reader asks to zoom the SVG map, before MapLibre is loaded: a pinch
 * (two fingers down on the map) and ctrl/⌘ + wheel (what browsers send for a trackpad pinch
 * too). The + button is a component (ZoomIn.svelte). MapLibre's code (about 290 KB gzip) is
 * loaded only when one of these happens, never on page load.
 *
 * Deliberately ignores: a plain wheel (it scrolls the page) and a one-finger drag (it scrolls
 * the page on a phone); only explicit zoom gestures load the zoomable map.
 */

/** The subset of an element used here (a fake one in unit tests). */
export interface GestureTarget {
  addEventListener(type: string, listener: (e: Event) => void, options?: AddEventListenerOptions): void;
  removeEventListener(type: string, listener: (e: Event) => void, options?: EventListenerOptions): void;
}

/** True for an event that asks to zoom: ctrl/⌘ + wheel, or a touch with two or more fingers. */
export function isZoomGesture(e: Event): boolean {
  if (e.type === 'wheel') {
    const w = e as WheelEvent;
    return !!(w.ctrlKey || w.metaKey);
  }
  if (e.type === 'touchstart') return ((e as TouchEvent).touches?.length ?? 0) >= 2;
  return false;
}

/**
 * Calls `onask` once, at the first zoom gesture on `target` (the browser's own page zoom for
 * that ctrl+wheel is prevented: the reader meant the map). Returns a function that detaches.
 */
export function onZoomGesture(target: GestureTarget, onask: () => void): () => void {
  let done = false;
  const listener = (e: Event) => {
    if (done || !isZoomGesture(e)) return;
    if (e.type === 'wheel' && e.cancelable) e.preventDefault();
    done = true;
    detach();
    onask();
  };
  const detach = () => {
    target.removeEventListener('wheel', listener);
    target.removeEventListener('touchstart', listener);
  };
  // not passive: a ctrl+wheel over the map must not zoom the whole page
  target.addEventListener('wheel', listener, { passive: false });
  target.addEventListener('touchstart', listener, { passive: true });
  return detach;
}
