/**
 * No layout shift (issue 10): the explorer, the embed, briefing mode and the methods page keep
 * their layout while they load — space is kept for the map, the summary, the timeline, the
 * deck button and the offline badge; the text font never swaps; briefing mode lays its deck out
 * in its own language. The score is Chromium's own (PerformanceObserver `layout-shift` entries
 * without recent input, summed over a cold load), which is a matter of sizes, not of timing.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, launchBrowser, skipWithoutChromium, startStaticServer, waitForReady, type StaticServer, type TestBrowser } from './harness';

const skip = skipWithoutChromium();
const LIMIT = 0.02;
const PAGES = ['/', '/embed/', '/present/', '/methods/'];
const WIDTHS = [390, 1280];

describe('layout shift on a cold load', () => {
  let server: StaticServer;
  let browser: TestBrowser;
  before(async () => {
    if (skip) return;
    server = await startStaticServer(DIST);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const width of WIDTHS) {
    for (const path of PAGES) {
      it(`${path} at ${width} px: CLS < ${LIMIT}`, { skip, timeout: 60_000 }, async (t) => {
        const page = await browser.newPage({ viewport: { width, height: 850 }, isMobile: width < 500, offline: true });
        try {
          await page.addInitScript(() => {
            const w = window as unknown as { __shifts: { value: number; nodes: string[] }[] };
            w.__shifts = [];
            new PerformanceObserver((list) => {
              for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources?: { node?: Node | null }[] }[]) {
                if (e.hadRecentInput) continue;
                const nodes = (e.sources ?? []).map((s) => {
                  const el = s.node as Element | null;
                  return el ? `${el.nodeName.toLowerCase()}${el.classList?.length ? '.' + [...el.classList].join('.') : ''}` : '?';
                });
                w.__shifts.push({ value: e.value, nodes });
              }
            }).observe({ type: 'layout-shift', buffered: true });
          });
          await page.goto(server.url + path);
          await waitForReady(page);
          await page.waitForLoadState('networkidle');
          await page.waitForTimeout(500);
          const shifts = await page.evaluate(() => (window as unknown as { __shifts: { value: number; nodes: string[] }[] }).__shifts);
          const score = shifts.reduce((s, x) => s + x.value, 0);
          t.diagnostic(`CLS ${score.toFixed(4)} in ${shifts.length} shift(s)`);
          assert.ok(
            score < LIMIT,
            `CLS ${score.toFixed(4)} on ${path} at ${width} px:\n${shifts.map((s) => `  ${s.value.toFixed(4)} ${s.nodes.join(', ')}`).join('\n')}`,
          );
        } finally {
          await page.context().close();
        }
      });
    }
  }
});
