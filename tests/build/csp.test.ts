// The content security policy in its three written forms agrees with scripts/csp-plugin.ts:
// the policy's required directives, static/_headers, the README's nginx and Apache snippets; and
// the build's check for inline code finds what the policy would block. The browser side (every
// page ships the policy, no violation) is tests/e2e/csp.test.ts.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CSP, cspHeader, headersFile, inlineCode, SECURITY_HEADERS } from '../../scripts/csp-plugin';

const root = resolve(import.meta.dirname, '../..');

describe('the policy', () => {
  it('allows scripts and styles from the site only, and what MapLibre needs', () => {
    const d = new Map(CSP.split('; ').map((x) => [x.slice(0, x.indexOf(' ')), x.slice(x.indexOf(' ') + 1)]));
    expect(d.get('default-src')).toBe("'self'");
    expect(d.get('script-src')).toBe("'self'");
    expect(d.get('style-src')).toBe("'self'");
    expect(d.get('worker-src')).toBe("'self' blob:");
    expect(d.get('connect-src')).toBe("'self'");
    expect(d.get('img-src')).toBe("'self' data: blob:");
    expect(d.get('object-src')).toBe("'none'");
    expect(d.get('base-uri')).toBe("'none'");
    expect(d.get('form-action')).toBe("'none'");
    expect(CSP).not.toMatch(/unsafe-(inline|eval)|frame-ancestors/);
  });

  it('as headers: frame-ancestors open for the embed only', () => {
    expect(cspHeader(true)).toBe(`${CSP}; frame-ancestors *`);
    expect(cspHeader(false)).toBe(`${CSP}; frame-ancestors 'none'`);
  });

  it('static/_headers is what the plugin module writes', () => {
    expect(readFileSync(resolve(root, 'static/_headers'), 'utf8')).toBe(headersFile());
  });

  it("the README's nginx and Apache snippets send the same headers", () => {
    const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
    const nginx = readme.slice(readme.indexOf('```nginx'), readme.indexOf('```', readme.indexOf('```nginx') + 3));
    const apache = readme.slice(readme.indexOf('```apache'), readme.indexOf('```', readme.indexOf('```apache') + 3));
    for (const [k, v] of [...SECURITY_HEADERS, ['Content-Security-Policy', cspHeader(false)], ['Content-Security-Policy', cspHeader(true)]]) {
      expect(nginx).toContain(`add_header ${k} "${v}" always;`);
      expect(apache).toContain(`Header always set ${k} "${v}"`);
    }
  });
});

describe('inlineCode', () => {
  it.each([
    ['<script>alert(1)</script>', 'inline <script>'],
    ['<script type="module">x</script>', 'inline <script type="module">'],
    ['<style>a{}</style>', 'inline <style>'],
    ['<p style="color:red">', 'style attribute style="'],
    ['<img src=x onerror="alert(1)">', 'inline event handler onerror="'],
  ])('finds %s', (html, what) => {
    expect(inlineCode(html)).toEqual([what]);
  });

  it('lets files through', () => {
    expect(inlineCode('<script type="module" crossorigin src="./assets/a.js"></script><link rel="stylesheet" href="./a.css">')).toEqual([]);
  });

  it('every page source of the atlas is clean', () => {
    for (const page of ['index.html', 'embed/index.html', 'present/index.html', 'methods/index.html']) {
      const html = readFileSync(resolve(root, 'src/pages', page), 'utf8').replace(/<script type="module" src="[^"]+"><\/script>/g, '');
      expect(inlineCode(html), page).toEqual([]);
    }
  });
});
