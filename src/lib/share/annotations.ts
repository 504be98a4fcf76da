/**
 * The callouts and the selected governorate's label of an exported map, as SVG markup laid over
 * the map at the same size: the same geometry as the explorer's and the embed's overlay
 * (map/callouts.ts), drawn with attributes only (an image does not have the page's CSS). Each
 * callout is a box with the governorate's colour and name and a thin leader line to where the
 * governorate lies, since an image cannot be tapped or zoomed.
 *
 * Deliberately ignores web fonts and measuring text: widths are estimated generously (textWidth).
 */
import type { MapCell } from '../data/selection';
import { CALLOUT, labelCorner, type CalloutPlace } from '../map/callouts';
import { escapeXml, textWidth, wrapText, type Dir } from './exportSvg';

export interface AnnotationInput {
  /** the map's drawn size */
  width: number;
  height: number;
  /** from `calloutPlaces(governorates, width, height)` */
  places: CalloutPlace[];
  /** the cell drawn for a governorate (from `cellsByCode`) */
  cellOf: (code: string) => MapCell | undefined;
  /** a cell's fill (from `fillFor(cell, scale)`); gaps get the export's hatch */
  fillOf: (cell: MapCell) => string;
  nameOf: (code: string) => string;
  /** the selected governorate's label with its figure (`cellLabel`), or '' for none */
  label: string;
  /** the selected governorate, drawn in bold among the callouts */
  selected: string | null;
  dir: Dir;
}

const INK = '#1a1a1a';
const dirAttr = (dir: Dir) => (dir === 'rtl' ? ' direction="rtl"' : '');
const r1 = (n: number) => Math.round(n * 10) / 10;

/** An `<svg>` of width × height with the callouts and the label; '' when there is neither. */
export function annotationsSvg(a: AnnotationInput): string {
  if (!a.places.length && !a.label) return '';
  const out: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" width="${a.width}" height="${a.height}" viewBox="0 0 ${a.width} ${a.height}">`];
  const pad = 6;
  for (const p of a.places) {
    const cell = a.cellOf(p.code);
    const name = a.nameOf(p.code);
    const bold = p.code === a.selected;
    const w = Math.ceil(pad + CALLOUT.swatch + pad + textWidth(name, CALLOUT.font, bold ? 700 : 400) + pad);
    const midY = p.y + p.height / 2;
    // the leader from the box's right edge to the governorate, under the box
    out.push(
      `<g data-callout="${escapeXml(p.code)}">` +
        `<path d="M${p.x + w} ${midY}L${r1(p.anchor[0])} ${r1(p.anchor[1])}" stroke="#55555d" stroke-width="0.75" fill="none"/>` +
        `<circle cx="${r1(p.anchor[0])}" cy="${r1(p.anchor[1])}" r="2.5" fill="${INK}" stroke="#ffffff" stroke-width="1"/>` +
        `<rect x="${p.x + 0.5}" y="${p.y + 0.5}" width="${w - 1}" height="${p.height - 1}" rx="4" fill="#ffffff" fill-opacity="0.94" stroke="${bold ? INK : '#8a8a8a'}" stroke-width="${bold ? 2 : 1}"/>`,
    );
    const sx = a.dir === 'rtl' ? p.x + w - pad - CALLOUT.swatch : p.x + pad;
    const fill = !cell || cell.status === 'gap' ? 'url(#export-gap)' : a.fillOf(cell);
    out.push(
      `<rect x="${sx + 0.5}" y="${midY - CALLOUT.swatch / 2 + 0.5}" width="${CALLOUT.swatch - 1}" height="${CALLOUT.swatch - 1}" fill="${fill}" stroke="#8a8a8a" stroke-width="1"/>`,
    );
    const tx = a.dir === 'rtl' ? sx - pad : sx + CALLOUT.swatch + pad;
    out.push(
      `<text x="${tx}" y="${r1(midY + CALLOUT.font * 0.36)}" font-size="${CALLOUT.font}"${bold ? ' font-weight="700"' : ''} fill="${INK}"${dirAttr(a.dir)}>${escapeXml(name)}</text></g>`,
    );
  }
  if (a.label) {
    // at most 60% of the map's width (as the overlay's CSS), on up to three lines (never cut before the unit)
    const { right, bottom } = labelCorner(a.width, a.height);
    const size = CALLOUT.labelFont;
    const lines = wrapText(a.label, Math.floor(a.width * 0.6) - 16, size, 3, 600);
    const w = Math.ceil(Math.max(...lines.map((l) => textWidth(l, size, 600))) + 16);
    const lead = Math.round(size * 1.3);
    const h = Math.round(size * 0.6) + lines.length * lead;
    const x = right - w;
    const y = bottom - h;
    out.push(
      `<g data-part="selected-label"><rect x="${x + 0.5}" y="${y + 0.5}" width="${w - 1}" height="${h - 1}" rx="4" fill="#ffffff" fill-opacity="0.94" stroke="${INK}" stroke-width="1"/>` +
        lines
          .map(
            (l, i) =>
              `<text x="${a.dir === 'rtl' ? right - 8 : x + 8}" y="${r1(y + size * 0.3 + lead * (i + 1) - size * 0.25)}" font-size="${size}" font-weight="600" fill="${INK}"${dirAttr(a.dir)}>${escapeXml(l)}</text>`,
          )
          .join('') +
        '</g>',
    );
  }
  out.push('</svg>');
  return out.join('');
}
