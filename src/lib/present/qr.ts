/**
 * A QR code as one SVG path, made on the reader's machine (uqr, no request anywhere): a printed
 * handout carries one per slide, to the slide's view in the explorer.
 *
 * Deliberately ignores styling: the caller draws the path in black on a white square with the
 * quiet zone QR readers need (`QUIET` modules each side).
 */
import { encode } from 'uqr';

/** The light margin readers need around the code, in modules. */
export const QUIET = 4;

export interface QrPath {
  /** modules on a side, without the quiet zone */
  size: number;
  /** dark modules as runs of unit squares, in module units */
  d: string;
}

export function qrPath(text: string): QrPath {
  // M: a printed page can be scuffed or folded; the atlas's links stay short enough for it
  const { data, size } = encode(text, { ecc: 'M', border: 0 });
  let d = '';
  data.forEach((row, y) => {
    for (let x = 0; x < size;) {
      if (!row[x]) {
        x++;
        continue;
      }
      let w = 1;
      while (x + w < size && row[x + w]) w++;
      d += `M${x} ${y}h${w}v1h-${w}z`;
      x += w;
    }
  });
  return { size, d };
}
