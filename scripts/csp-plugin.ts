/**
 * The atlas's content security policy, in one place: a Vite plugin puts it in every built page as
 * a `<meta http-equiv="Content-Security-Policy">` (hosts vary; a page carries its own policy), and
 * the same directives are what `static/_headers` and the README's server snippets send as headers
 * (tests/build/csp.test.ts keeps them equal).
 *
 * Scripts and styles come only from the site's own files: no inline script, no `'unsafe-inline'`,
 * no `'unsafe-eval'`. MapLibre starts its workers from `blob:` URLs and draws exports through
 * `blob:` and `data:` images. `frame-ancestors` cannot be set from a meta element (browsers ignore
 * it there), so it is only in the headers: open for `/embed/`, `'none'` elsewhere.
 *
 * The plugin runs for builds only (the dev server injects inline styles for hot reloading), and
 * fails the build when a page holds an inline `<script>` or `<style>`, which the policy would block.
 */
import type { Plugin } from 'vite';

export const CSP_DIRECTIVES: readonly [string, string][] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data: blob:"],
  ['connect-src', "'self'"],
  ['worker-src', "'self' blob:"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
];

/** The policy as a meta element carries it (no frame-ancestors). */
export const CSP = CSP_DIRECTIVES.map(([k, v]) => `${k} ${v}`).join('; ');

/** The policy as a header, for a page that may (`/embed/`) or may not be framed by other sites. */
export function cspHeader(framed: boolean): string {
  return `${CSP}; frame-ancestors ${framed ? '*' : "'none'"}`;
}

/** The other headers every response should carry. */
export const SECURITY_HEADERS: readonly [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['Permissions-Policy', 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()'],
];

/** Inline code a page must not hold under the policy (what the build refuses). */
export function inlineCode(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>/gi)) if (!/\bsrc\s*=/.test(m[1])) found.push(`inline <script${m[1]}>`);
  for (const m of html.matchAll(/<style\b[^>]*>/gi)) found.push(`inline ${m[0]}`);
  for (const m of html.matchAll(/\son[a-z]+\s*=\s*["']/gi)) found.push(`inline event handler ${m[0].trim()}`);
  for (const m of html.matchAll(/\sstyle\s*=\s*["']/gi)) found.push(`style attribute ${m[0].trim()}`);
  return found;
}

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'atlas-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const found = inlineCode(html);
        if (found.length) throw new Error(`${ctx.path}: the content security policy blocks ${found.join(', ')}; move it to a file`);
        return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }];
      },
    },
  };
}

/**
 * `static/_headers` (read by hosts such as Netlify and Cloudflare Pages): the policy per page,
 * so that no page gets two policies, and the other headers for everything.
 */
export function headersFile(): string {
  const block = (path: string, headers: [string, string][]) => `${path}\n${headers.map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n`;
  return [
    '# Generated from scripts/csp-plugin.ts (tests/build/csp.test.ts checks that they agree).',
    block('/*', [...SECURITY_HEADERS]),
    ...['/', '/index.html', '/methods/*', '/present/*'].map((p) => block(p, [['Content-Security-Policy', cspHeader(false)]])),
    block('/embed/*', [['Content-Security-Policy', cspHeader(true)]]),
  ].join('\n');
}
