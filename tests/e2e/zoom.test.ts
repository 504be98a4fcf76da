/**
 * MapLibre on demand (issue 10): the explorer never requests MapLibre's code on load; the + on
 * the SVG map (or ctrl+wheel over it) loads it; where WebGL is missing, the page says zoom is
 * unavailable and the SVG map keeps working (a click still opens a governorate's figures).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { governoratesOf, type SyriaTopology } from '../../src/lib/map/geo';
import { boundsOf } from '../../src/lib/map/maplibre';
import { DIST, launchBrowser, problems, skipWithoutChromium, startStaticServer, waitForReady, watchPage, type StaticServer, type TestBrowser } from './harness';

const skip = skipWithoutChromium();
let server: StaticServer;
let browser: TestBrowser;

/**
 * MapLibre files the page itself requests. The service worker's precache (after the first view,
 * in its own thread, for offline use) fetches every file of the site and is not the page loading it.
 */
function glRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (/maplibre/i.test(new URL(r.url()).pathname)) seen.push(new URL(r.url()).pathname);
  });
  return seen;
}

/** The page once idle: no request in flight for a while after the first choropleth. */
async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
}

describe('MapLibre on demand', () => {
  before(async () => {
    if (skip) return;
    server = await startStaticServer(DIST);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is not requested on load; the + button loads it and it draws', { skip, timeout: 90_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const log = watchPage(page, server.origin);
    const gl = glRequests(page);
    await page.goto(`${server.url}/`);
    await waitForReady(page, log);
    await settled(page);
    assert.deepEqual(gl, [], 'MapLibre was requested on load');
    assert.equal(await page.getAttribute('[data-testid=map] figure', 'data-mode'), 'svg');
    await page.click('[data-testid=map] [data-action=zoom-in]');
    await page.waitForSelector('[data-testid=map] [data-mode=maplibre], [data-testid=zoom-unavailable]', { timeout: 60_000 });
    assert.ok(gl.length > 0, 'pressing + did not load MapLibre');
    assert.equal(await page.getAttribute('[data-testid=map] figure', 'data-mode'), 'maplibre', 'MapLibre did not draw (WebGL runs on SwiftShader here)');
    assert.equal(await page.locator('[data-testid=map] .maplibregl-canvas').count(), 1);
    assert.deepEqual(problems(log), []);
    await page.context().close();
  });

  it('ctrl + wheel over the map loads it too', { skip, timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const gl = glRequests(page);
    await page.goto(`${server.url}/`);
    await waitForReady(page);
    await settled(page);
    assert.deepEqual(gl, []);
    const box = (await page.locator('[data-testid=map] svg.choropleth').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    await page.waitForFunction(() => document.querySelector('[data-testid=map] figure')?.getAttribute('data-mode') !== 'svg', undefined, { timeout: 10_000 });
    await page.waitForLoadState('networkidle');
    assert.ok(gl.length > 0, 'ctrl+wheel did not load MapLibre');
    await page.context().close();
  });

  it('without WebGL: says zoom is unavailable, and the SVG map still works', { skip, timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    // a browser with no WebGL: every webgl context request fails
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        if (/webgl/i.test(type)) return null;
        return (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof original;
    });
    const log = watchPage(page, server.origin);
    await page.goto(`${server.url}/`);
    await waitForReady(page, log);
    await page.click('[data-testid=map] [data-action=zoom-in]');
    const note = page.locator('[data-testid=zoom-unavailable]');
    await note.waitFor({ timeout: 30_000 });
    assert.match(await note.innerText(), /unavailable/i);
    assert.equal(await page.getAttribute('[data-testid=map] figure', 'data-mode'), 'svg');
    await page.locator('[data-testid=map] svg path[data-code="SY-HL"]').click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('gov') === 'SY-HL', undefined, { timeout: 10_000 });
    assert.deepEqual(problems(log), []);
    await page.context().close();
  });

  it("with a governorate selected, + zooms towards it (Daraa, in the south-west), and so does MapLibre's own +", { skip, timeout: 90_000 }, async () => {
    const topo = JSON.parse(readFileSync(join(DIST, 'geo', 'syria.topo.json'), 'utf8')) as SyriaTopology;
    const [[w, s], [e, n]] = boundsOf(governoratesOf(topo).filter((g) => g.id === 'SY-DR'));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const log = watchPage(page, server.origin);
    await page.goto(`${server.url}/?gov=SY-DR`);
    await waitForReady(page, log);
    const view = async (not = '') => {
      const handle = await page.waitForFunction(
        (old) => {
          const v = document.querySelector<HTMLElement>('[data-testid=map] .maplibre')?.dataset.view;
          return v && v !== old ? v : null;
        },
        not,
        { timeout: 30_000 },
      );
      const [lng, lat, zoom] = String(await handle.jsonValue())
        .split(',')
        .map(Number);
      return { lng, lat, zoom, raw: `${lng.toFixed(3)},${lat.toFixed(3)},${zoom.toFixed(2)}` };
    };
    await page.click('[data-testid=map] [data-action=zoom-in]');
    await page.waitForSelector('[data-testid=map] [data-mode=maplibre]', { timeout: 60_000 });
    // the first resting place is the initial fit of Syria; wait for the one after the zoom
    let v = await view();
    if (!(v.lng > w && v.lng < e)) v = await view(v.raw);
    assert.ok(v.lng > w && v.lng < e && v.lat > s && v.lat < n, `the map rests at ${v.raw}, not over Daraa`);
    // (Damascus would be fitted at the largest zoom already, with MapLibre's + disabled)
    await page.click('[data-testid=map] .maplibregl-ctrl-zoom-in');
    const next = await view(v.raw);
    assert.ok(next.zoom >= v.zoom + 0.99 || next.zoom === 10, `MapLibre's + went from zoom ${v.zoom} to ${next.zoom}`);
    assert.ok(next.lng > w && next.lng < e && next.lat > s && next.lat < n, `MapLibre's + left Daraa: ${next.raw}`);
    assert.deepEqual(problems(log), []);
    await page.context().close();
  });
});
