/**
 * Where the site's root is, seen from the current page. The build uses relative URLs (so `dist/`
 * can be served from any folder), which makes `import.meta.env.BASE_URL` just `./` everywhere;
 * each page's HTML therefore says how far it is from the root in `<meta name="atlas-root">`.
 */
export function siteRoot(doc: Document | undefined = globalThis.document): string {
  const meta = doc?.querySelector('meta[name="atlas-root"]');
  return meta?.getAttribute('content') || './';
}
