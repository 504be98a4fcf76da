/**
 * The content security policy in the browser: every page of the build carries it as the first
 * element of its head (scripts/csp-plugin.ts), and each page, loaded to ready (the explorer with
 * its MapLibre map up, whose workers start from blob: URLs), raises no CSP violation — neither
 * a `securitypolicyviolation` event nor a console message. A check that the policy is enforced at
 * all: an inline script added to the page does not run.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CSP } from '../../scripts/csp-plugin';
import { DIST, launchBrowser, problems, skipWithoutChromium, startStaticServer, waitForReady, watchPage, type StaticServer, type TestBrowser } from './harness';

let server: StaticServer;
let browser: TestBrowser;
const skip = skipWithoutChromium();

const PAGES = ['/', '/methods/', '/present/', '/embed/?metric=barrel-bombs&show=both', '/embed/?metric=massacres&zoom=1&controls=1'];

describe('content security policy', { skip }, () => {
  before(async () => {
    server = await startStaticServer(DIST);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('every page ships the policy and raises no violation', { timeout: 120_000 }, async () => {
    const page = await browser.newPage();
    const log = watchPage(page, server.origin);
    const cspConsole: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspConsole.push(m.text());
    });
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    try {
      for (const path of PAGES) {
        await page.goto(server.url + path, { waitUntil: 'load', timeout: 30_000 });
        if (path !== '/methods/') await waitForReady(page, log);
        else await page.waitForSelector('main h1', { timeout: 30_000 });
        const meta = await page.evaluate(() => {
          const first = document.head.firstElementChild;
          return { first: first?.outerHTML ?? '', content: document.querySelector('meta[http-equiv=Content-Security-Policy]')?.getAttribute('content') };
        });
        assert.equal(meta.content, CSP, `${path}: the policy`);
        assert.match(meta.first, /Content-Security-Policy/, `${path}: the policy comes before anything it governs`);
        if (path === '/') {
          // MapLibre (blob: workers, WebGL) under the policy: the map's + loads it
          await page.click('[data-testid=map] [data-action=zoom-in]');
          await page.waitForSelector('[data-testid=map] [data-mode=maplibre]', { timeout: 60_000 });
        }
        const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
        assert.deepEqual(violations, [], `${path}: violations`);
      }
      assert.deepEqual(cspConsole, []);
      assert.deepEqual(problems(log), []);

      // enforced, not just present: an injected inline script is refused
      const ran = await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__inlineRan = true';
        document.body.append(s);
        return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
      });
      assert.equal(ran, false);
    } finally {
      await page.close();
    }
  });
});
