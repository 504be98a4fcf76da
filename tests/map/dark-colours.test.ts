/**
 * The dark theme's map colours are written as literals in ChoroplethSvg.svelte's CSS (a style
 * attribute carrying them as custom properties would be refused by the prerendered page's content
 * security policy): they must stay the colours of DARK in color.ts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DARK } from '../../src/lib/map/color';

const css = readFileSync(resolve(import.meta.dirname, '../../src/lib/map/ChoroplethSvg.svelte'), 'utf8');
const rule = (selector: string) => new RegExp(`\\[data-theme='dark'\\]\\) \\.${selector} \\{\\s*(fill|stroke): (#[0-9a-f]{6});`).exec(css)?.[2];

describe('dark map colours', () => {
  it.each([
    ['background', DARK.background],
    ['neighbour', DARK.neighbour.fill],
    ['neighbour-borders', DARK.neighbour.stroke],
    ['outline', DARK.outline],
    ['combined', DARK.combined],
  ])('.%s is %s', (selector, colour) => {
    expect(rule(selector)).toBe(colour);
  });

  it('the map sets no style attribute', () => {
    expect(css).not.toMatch(/\sstyle[:=]/);
  });
});
