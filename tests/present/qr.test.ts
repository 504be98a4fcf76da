// The printed slide's QR code (src/lib/present/qr.ts): a well-formed symbol of the right version
// for the address's length, drawn as runs of unit squares with the three finder patterns.
import { describe, expect, it } from 'vitest';
import { qrPath } from '../../src/lib/present/qr';

/** The path's dark modules, back as a grid. */
function grid(d: string, size: number): boolean[][] {
  const g = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const m of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) for (let x = +m[1]; x < +m[1] + +m[3]; x++) g[+m[2]][x] = true;
  return g;
}
const finder = (g: boolean[][], x0: number, y0: number) =>
  Array.from({ length: 7 }, (_, y) =>
    Array.from({ length: 7 }, (_, x) => {
      const ring = Math.max(Math.abs(x - 3), Math.abs(y - 3));
      return g[y0 + y][x0 + x] === (ring !== 2);
    }).every(Boolean),
  ).every(Boolean);

describe('qrPath', () => {
  const url = 'https://atlas.example.org/syria/?metric=civilian-deaths&year=2017&perp=regime&lang=ar';
  const { size, d } = qrPath(url);
  it('has a size of a QR version (17 + 4v modules), large enough for the address at level M', () => {
    expect((size - 17) % 4).toBe(0);
    // version 5-M holds 84 bytes: this 85-byte address needs version 6 or more
    expect((size - 17) / 4).toBeGreaterThanOrEqual(6);
    expect(d).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
  });
  it('draws the three finder patterns in their corners, and none in the fourth', () => {
    const g = grid(d, size);
    expect(finder(g, 0, 0)).toBe(true);
    expect(finder(g, size - 7, 0)).toBe(true);
    expect(finder(g, 0, size - 7)).toBe(true);
    expect(finder(g, size - 7, size - 7)).toBe(false);
  });
  it('differs for another address', () => expect(qrPath(url.replace('2017', '2016')).d).not.toBe(d));
});
