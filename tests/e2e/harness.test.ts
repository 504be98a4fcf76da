/**
 * The shared browser fixture of harness.ts: one Chromium for every test file of the run, a fresh
 * context per page, and static servers lent one holder at a time (so that two servers held at once
 * are two origins, and a server given back keeps its origin for the next file, with a clean log).
 *
 * Deliberately ignores what happens after a test times out (its pages are closed by a root hook;
 * a timed-out test here would count as a failure of the suite) and the real closing at the end.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, SHARED_FIXTURE, launchBrowser, skipWithoutChromium, startStaticServer } from './harness';

const skip = skipWithoutChromium() || (SHARED_FIXTURE ? false : 'not under the test runner: nothing is shared');

describe('shared browser fixture', { skip }, () => {
  it('every launchBrowser() is a view of one Chromium, each page a fresh context; closing a view closes its pages only', { timeout: 60_000 }, async () => {
    const server = await startStaticServer(DIST);
    const a = await launchBrowser();
    const b = await launchBrowser();
    try {
      assert.equal(a.browser, b.browser, 'two Chromiums');
      const pa = await a.newPage();
      const pb = await b.newPage();
      assert.notEqual(pa.context(), pb.context(), 'two pages share a context');
      await pa.goto(`${server.url}/embed.js`);
      await pa.evaluate(() => localStorage.setItem('atlas.harness', 'set'));
      await pb.goto(`${server.url}/embed.js`);
      assert.equal(await pb.evaluate(() => localStorage.getItem('atlas.harness')), null, 'storage leaked from one page to another');
      await a.close();
      assert.ok(pa.isClosed(), 'the closed view left its page open');
      assert.ok(b.browser.isConnected(), 'closing a view closed Chromium');
      assert.equal(pb.isClosed(), false, 'closing a view closed another view’s page');
      const c = await launchBrowser();
      assert.equal(c.browser, b.browser, 'a view opened later has another Chromium');
      await c.close();
    } finally {
      await a.close();
      await b.close();
      await server.close();
    }
  });

  it('servers are lent one holder at a time: two at once are two origins, one given back is reused', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-harness-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
    try {
      const one = await startStaticServer(dir);
      const two = await startStaticServer(dir);
      assert.notEqual(one.origin, two.origin, 'two servers held at once share an origin');
      await fetch(`${one.url}/`);
      assert.deepEqual(
        one.log.map((r) => `${r.status} ${r.path}`),
        ['200 /'],
      );
      assert.deepEqual(two.log, [], 'a request to one server was logged by the other');
      await one.close();
      await fetch(`${one.url}/`);
      assert.equal(one.log.length, 1, 'a server given back still logs for its old holder');
      const three = await startStaticServer(dir);
      assert.equal(three.origin, one.origin, 'the server given back was not reused');
      assert.deepEqual(three.log, [], 'the new holder sees requests made before it held the server');
      await three.close();
      await two.close();
      // the site's server is the same one every file gets
      const site = await startStaticServer(DIST);
      const again = await startStaticServer(DIST);
      assert.notEqual(site.origin, again.origin);
      await again.close();
      await site.close();
      const later = await startStaticServer(DIST);
      assert.ok([site.origin, again.origin].includes(later.origin), 'a new server for the site although one was free');
      await later.close();
      // a fresh server is its own origin, and really closed when given back
      const own = await startStaticServer(DIST, { fresh: true });
      assert.notEqual(own.origin, later.origin, 'a fresh server on an origin already used');
      await own.close();
      await assert.rejects(fetch(`${own.url}/embed.js`), 'a fresh server still answers after close()');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
