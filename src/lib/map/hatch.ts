/**
 * The gap hatch of color.ts as RGBA pixels, for MapLibre's `map.addImage` (the SVG map draws it as
 * a `<pattern>`). A module of its own so that only the zoomable map's code carries it, not the
 * explorer's first paint. Pure: no canvas needed, so it is testable in Node.
 */
import { GAP } from './color';

function hex(c: string): [number, number, number] {
  const n = parseInt(c.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * The gap hatch as RGBA pixels (a size × size tile of 45° lines that tiles seamlessly), for
 * `map.addImage` — no canvas needed, so it is testable in Node.
 */
export function hatchPixels(size = 8): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  const bg = hex(GAP.background);
  const fg = hex(GAP.line);
  const half = (GAP.lineWidth * size) / GAP.spacing / 2;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      // distance to the nearest line x + y ≡ 0 (mod size), measured along x
      const d = (x + y + 0.5) % size;
      const dist = Math.min(d, size - d) / Math.SQRT2;
      const c = dist <= half ? fg : bg;
      const o = (y * size + x) * 4;
      data[o] = c[0];
      data[o + 1] = c[1];
      data[o + 2] = c[2];
      data[o + 3] = 255;
    }
  return { width: size, height: size, data };
}
