/**
 * Resolves once the page says its first view is drawn (`body[data-state]` is `ready` or `error`),
 * so that what is not part of that view (the offline badge, the service worker) never adds to its
 * cost. Resolves at once when the page is already there, or has no such state.
 */
export function afterFirstView(doc: Document | undefined = globalThis.document): Promise<void> {
  const done = () => !doc?.body || !doc.body.dataset.state || doc.body.dataset.state === 'ready' || doc.body.dataset.state === 'error';
  if (done()) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(doc!.body, { attributes: true, attributeFilter: ['data-state'] });
  });
}
