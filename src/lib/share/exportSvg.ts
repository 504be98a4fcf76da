/**
 * The exported image of a view as one standalone SVG: title, filter summary, the map and/or the
 * timeline, the map's legend, the "documented minimum" note, the source line and the view's URL.
 * Two formats: `wide` (1200×675, 16:9, for articles and slides) and `square` (1080×1080, social);
 * the PNG is this SVG drawn on a canvas at 2×.
 *
 * Pure and in two steps, because the map and the timeline are drawn by their own renderers:
 * `layoutExport` places every block (it wraps text with estimated widths) and says at what size to
 * draw the map and the timeline; the caller renders them at those sizes (ChoroplethSvg with
 * `interactive={false}`, Timeline) and hands their SVG markup to `composeExportSvg`, which nests
 * them. The renderers' colours are attributes, so nothing depends on the page's CSS.
 *
 * Right-to-left (Arabic): `layoutExport(…, 'rtl')` mirrors every block and starts text at the
 * right margin. Deliberately ignores web fonts: an image must not depend on a font the viewer lacks, so text uses
 * a generic font stack and widths are estimated (generously) rather than measured.
 */
import { balanceLines } from '../data/bidi';
import { GAP } from '../map/color';
import type { LegendItem } from '../map/legend';
import type { Show } from '../state/embed';

export type ExportFormat = 'wide' | 'square';

export const FORMATS: Readonly<Record<ExportFormat, { width: number; height: number }>> = {
  wide: { width: 1200, height: 675 },
  square: { width: 1080, height: 1080 },
};
/** The PNG's pixel ratio. */
export const PNG_SCALE = 2;
export const FONT_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', 'Noto Sans', sans-serif";
const INK = { text: '#1d1d1f', muted: '#55555d', accent: '#8a1c1c', link: '#1f5fbf', bg: '#ffffff', rule: '#d8d8de' } as const;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TextBlock {
  x: number;
  /** baseline of each line */
  baselines: number[];
  lines: string[];
  size: number;
  weight: 400 | 600 | 700;
  fill: string;
}

export interface PlacedLegendItem {
  item: LegendItem;
  /** left edge of the swatch */
  x: number;
  y: number;
  /** where the label starts (its left edge, or its right edge in right-to-left layouts) */
  labelX: number;
}

export type Dir = 'ltr' | 'rtl';

export interface ExportTexts {
  title: string;
  summary: string;
  /** heading of the map legend (the unit) */
  legendTitle: string;
  /** from `legendItems(selection, scale, t)` (map/legend.ts) */
  legend: LegendItem[];
  note: string;
  source: string;
  url: string;
  credit: string;
}

export interface ExportLayout {
  format: ExportFormat;
  show: Show;
  /** `rtl` mirrors the layout and runs text from the right (Arabic) */
  dir: Dir;
  width: number;
  height: number;
  title: TextBlock;
  summary: TextBlock;
  map: Rect | null;
  timeline: Rect | null;
  legend: { title: TextBlock; items: PlacedLegendItem[]; box: Rect } | null;
  note: TextBlock & { bar: Rect };
  source: TextBlock;
  url: TextBlock;
}

/**
 * Estimated width of a text in px, on the generous side (DejaVu Sans, a common fallback, is wide):
 * ≈ 0.6 em a lowercase letter, more for capitals and bold, so that lines never overflow.
 */
export function textWidth(text: string, size: number, weight = 400): number {
  let units = 0;
  for (const ch of text) {
    if (ch >= '\u2066' && ch <= '\u2069') continue; // isolates take no room
    if (/[ il.,;:'!|ıjtf]/.test(ch)) units += 0.34;
    else if (/[MWmw@%]/.test(ch)) units += 0.95;
    else if (/[A-Z0-9]/.test(ch)) units += 0.7;
    else units += 0.6;
  }
  return units * size * (weight >= 600 ? 1.12 : 1);
}

/** Greedy word wrap; the last allowed line ends with "…" when the text does not fit. */
export function wrapText(text: string, maxWidth: number, size: number, maxLines: number, weight = 400): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    const next = line ? `${line} ${words[i]}` : words[i];
    if (textWidth(next, size, weight) <= maxWidth || !line) {
      line = next;
      continue;
    }
    lines.push(line);
    line = words[i];
    if (lines.length === maxLines) {
      line = '';
      const last = lines[maxLines - 1];
      let cut = last;
      while (cut.length > 1 && textWidth(`${cut}…`, size, weight) > maxWidth) cut = cut.slice(0, -1);
      lines[maxLines - 1] = `${cut.replace(/\s+$/, '')}…`;
      break;
    }
  }
  if (line) lines.push(line);
  // a single word longer than the line: cut it; an isolated run cut across lines stays isolated on each
  return balanceLines(
    lines.map((l) => {
      if (textWidth(l, size, weight) <= maxWidth) return l;
      let cut = l;
      while (cut.length > 1 && textWidth(`${cut}…`, size, weight) > maxWidth) cut = cut.slice(0, -1);
      return `${cut}…`;
    }),
  );
}

function block(
  text: string,
  x: number,
  top: number,
  width: number,
  size: number,
  maxLines: number,
  weight: 400 | 600 | 700,
  fill: string,
  lineHeight = Math.round(size * 1.3),
): TextBlock & { bottom: number } {
  const lines = text ? wrapText(text, width, size, maxLines, weight) : [];
  const baselines = lines.map((_, i) => Math.round(top + i * lineHeight + size * 0.95));
  return { x, baselines, lines, size, weight, fill, bottom: top + lines.length * lineHeight };
}

const SWATCH = { width: 18, height: 14, gap: 6, itemGap: 18, row: 20, size: 13 } as const;

/** Legend items in rows within `width`; returns their positions and the height used. */
export function flowLegend(items: readonly LegendItem[], x: number, top: number, width: number): { items: PlacedLegendItem[]; height: number } {
  const placed: PlacedLegendItem[] = [];
  let cx = x;
  let cy = top;
  for (const item of items) {
    const w = SWATCH.width + SWATCH.gap + textWidth(item.label, SWATCH.size);
    if (cx > x && cx + w > x + width) {
      cx = x;
      cy += SWATCH.row;
    }
    placed.push({ item, x: cx, y: cy, labelX: cx + SWATCH.width + SWATCH.gap });
    cx += w + SWATCH.itemGap;
  }
  return { items: placed, height: items.length ? cy - top + SWATCH.row : 0 };
}

export function layoutExport(format: ExportFormat, show: Show, text: ExportTexts, dir: Dir = 'ltr'): ExportLayout {
  const { width, height } = FORMATS[format];
  const m = format === 'wide' ? 36 : 44;
  const inner = width - 2 * m;
  const title = block(text.title, m, m - 4, inner, format === 'wide' ? 28 : 32, 2, 700, INK.text);
  const summary = block(text.summary, m, title.bottom + 4, inner, format === 'wide' ? 16 : 18, 2, 400, INK.muted);

  // the footer, from the bottom up: URL, source line, note
  const fs = format === 'wide' ? 13 : 15;
  const lh = Math.round(fs * 1.35);
  // no URL (a card built without the site's public address): the credit alone
  const urlText = text.url ? `${text.credit} · ${text.url}` : text.credit;
  const urlLines = wrapText(urlText, inner, fs, 2, 400);
  const sourceLines = wrapText(text.source, inner, fs, 2, 400);
  const noteLines = wrapText(text.note, inner - 14, fs, 2, 600);
  const footerHeight = (urlLines.length + sourceLines.length + noteLines.length) * lh + 10;
  const footerTop = height - m + 6 - footerHeight;
  const note = block(text.note, m + 14, footerTop, inner - 14, fs, 2, 600, INK.text, lh);
  const source = block(text.source, m, note.bottom + 4, inner, fs, 2, 400, INK.muted, lh);
  const url = block(urlText, m, source.bottom + 6, inner, fs, 2, 400, INK.link, lh);
  const noteBlock = { ...note, bar: { x: m, y: footerTop + 2, width: 4, height: note.bottom - footerTop - 2 } };

  const bodyTop = summary.bottom + 14;
  const bodyBottom = footerTop - 14;
  const bodyHeight = Math.max(120, bodyBottom - bodyTop);
  const wantsMap = show !== 'timeline';
  const wantsTime = show !== 'map';
  const side = format === 'wide' && wantsMap && wantsTime;
  const mapWidth = side ? Math.round(inner * 0.42) : inner;

  let legend: ExportLayout['legend'] = null;
  let legendHeight = 0;
  if (wantsMap) {
    const flow = flowLegend(text.legend, m, 0, mapWidth);
    legendHeight = 20 + flow.height;
    legend = {
      title: block(text.legendTitle, m, 0, mapWidth, 13, 1, 600, INK.text),
      items: flow.items,
      box: { x: m, y: 0, width: mapWidth, height: legendHeight },
    };
  }
  let map: Rect | null = null;
  let timeline: Rect | null = null;
  if (side) {
    map = { x: m, y: bodyTop, width: mapWidth, height: bodyHeight - legendHeight - 8 };
    const tx = m + mapWidth + 28;
    timeline = { x: tx, y: bodyTop, width: width - m - tx, height: bodyHeight };
  } else if (wantsMap && wantsTime) {
    const mapHeight = Math.round((bodyHeight - legendHeight - 16) * 0.58);
    map = { x: m, y: bodyTop, width: inner, height: mapHeight };
    timeline = { x: m, y: bodyTop + mapHeight + legendHeight + 16, width: inner, height: bodyHeight - mapHeight - legendHeight - 16 };
  } else if (wantsMap) {
    map = { x: m, y: bodyTop, width: inner, height: bodyHeight - legendHeight - 8 };
  } else {
    timeline = { x: m, y: bodyTop, width: inner, height: bodyHeight };
  }
  if (legend && map) {
    const top = map.y + map.height + 8;
    const shift = (b: TextBlock): TextBlock => ({ ...b, baselines: b.baselines.map((y) => y + top) });
    legend = {
      title: shift(legend.title),
      items: legend.items.map((p) => ({ ...p, y: p.y + top + 20 })),
      box: { ...legend.box, y: top },
    };
  }
  const strip = <T extends { bottom: number }>(b: T): Omit<T, 'bottom'> => {
    const { bottom: _bottom, ...rest } = b;
    return rest;
  };
  const layout: ExportLayout = {
    format,
    show,
    dir: 'ltr',
    width,
    height,
    title: strip(title),
    summary: strip(summary),
    map,
    timeline,
    legend,
    note: strip(noteBlock) as TextBlock & { bar: Rect },
    source: strip(source),
    url: strip(url),
  };
  return dir === 'rtl' ? mirror(layout) : layout;
}

/** The same layout read from the right: blocks swap sides, text starts at the right margin. */
export function mirror(l: ExportLayout): ExportLayout {
  const W = l.width;
  const rect = (r: Rect): Rect => ({ ...r, x: W - r.x - r.width });
  const text = <T extends TextBlock>(b: T): T => ({ ...b, x: W - b.x });
  return {
    ...l,
    dir: 'rtl',
    title: text(l.title),
    summary: text(l.summary),
    map: l.map && rect(l.map),
    timeline: l.timeline && rect(l.timeline),
    legend: l.legend && {
      title: text(l.legend.title),
      box: rect(l.legend.box),
      items: l.legend.items.map((p) => {
        const x = W - p.x - SWATCH.width;
        return { ...p, x, labelX: x - SWATCH.gap };
      }),
    },
    note: { ...text(l.note), bar: rect(l.note.bar) },
    source: text(l.source),
    url: text(l.url),
  };
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const KEEP = /^(viewBox|preserveAspectRatio|font-family|font-size|direction|xmlns(:\w+)?)$/;

/**
 * Nests a renderer's `<svg>` markup at `rect`: keeps its viewBox (made from width/height when it
 * has none), fonts and namespaces; drops size, classes, styles and ARIA, which belong to a page.
 */
export function nestSvg(markup: string, rect: Rect, part: string): string {
  const m = /<svg\b([^>]*)>/i.exec(markup);
  if (!m) return '';
  const attrs = [...m[1].matchAll(/([\w:-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)].map((a) => [a[1], a[3] ?? a[4] ?? ''] as const);
  const get = (name: string) => attrs.find(([k]) => k === name)?.[1];
  const kept = attrs.filter(([k]) => KEEP.test(k) && k !== 'viewBox' && k !== 'xmlns');
  const w = parseFloat(get('width') ?? '') || rect.width;
  const h = parseFloat(get('height') ?? '') || rect.height;
  const viewBox = get('viewBox') ?? `0 0 ${w} ${h}`;
  const open =
    `<svg data-part="${part}" x="${rect.x}" y="${rect.y}" width="${rect.width}" height="${rect.height}" viewBox="${viewBox}"` +
    kept.map(([k, v]) => ` ${k}="${v}"`).join('') +
    (get('preserveAspectRatio') ? '' : ' preserveAspectRatio="xMidYMid meet"') +
    ' overflow="hidden">';
  const end = markup.lastIndexOf('</svg>');
  const inside = markup.slice(m.index + m[0].length, end < 0 ? undefined : end);
  return `${open}${inside}</svg>`;
}

/** `direction` makes `text-anchor="start"` (the default) the right end of a right-to-left line. */
const dirAttr = (dir: Dir) => (dir === 'rtl' ? ' direction="rtl"' : '');

function textSvg(b: TextBlock, dir: Dir): string {
  return b.lines
    .map(
      (line, i) =>
        `<text x="${b.x}" y="${b.baselines[i]}" font-size="${b.size}" font-weight="${b.weight}" fill="${b.fill}"${dirAttr(dir)}>${escapeXml(line)}</text>`,
    )
    .join('');
}

function legendSvg(legend: NonNullable<ExportLayout['legend']>, dir: Dir): string {
  const out: string[] = [textSvg(legend.title, dir)];
  for (const { item, x, y, labelX } of legend.items) {
    const sx = x;
    const sy = y + 1;
    if (item.kind === 'class' || item.kind === 'not-listed') {
      out.push(
        `<rect x="${sx + 0.5}" y="${sy + 0.5}" width="${SWATCH.width - 1}" height="${SWATCH.height - 1}" fill="${item.color}" stroke="#8a8a8a" stroke-width="0.5"/>`,
      );
    } else if (item.kind === 'gap') {
      out.push(
        `<rect x="${sx + 0.5}" y="${sy + 0.5}" width="${SWATCH.width - 1}" height="${SWATCH.height - 1}" fill="url(#export-gap)" stroke="#8a8a8a" stroke-width="0.5"/>`,
      );
    } else {
      out.push(
        `<rect x="${sx + 1}" y="${sy + 1}" width="${SWATCH.width - 2}" height="${SWATCH.height - 2}" fill="none" stroke="${item.stroke}" stroke-width="1.5" stroke-dasharray="${item.dash}"/>`,
      );
    }
    out.push(`<text x="${labelX}" y="${sy + 11.5}" font-size="${SWATCH.size}" fill="${INK.text}"${dirAttr(dir)}>${escapeXml(item.label)}</text>`);
  }
  return `<g data-part="legend">${out.join('')}</g>`;
}

export interface ExportParts {
  /** the map renderer's `<svg>` markup, drawn at `layout.map`'s size */
  map?: string | null;
  /** the timeline renderer's `<svg>` markup, drawn at `layout.timeline`'s size */
  timeline?: string | null;
  /** the map's callouts and selected label (annotations.ts), laid over the map at its size */
  mapAnnotations?: string | null;
}

/** The standalone SVG document (UTF-8 text, no external references). */
export function composeExportSvg(layout: ExportLayout, parts: ExportParts, title: string): string {
  const { width, height } = layout;
  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>\n`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT_STACK)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<defs><pattern id="export-gap" patternUnits="userSpaceOnUse" width="${GAP.spacing}" height="${GAP.spacing}" patternTransform="rotate(45)">` +
      `<rect width="${GAP.spacing}" height="${GAP.spacing}" fill="${GAP.background}"/><line x1="0" y1="0" x2="0" y2="${GAP.spacing}" stroke="${GAP.line}" stroke-width="${GAP.lineWidth * 2}"/></pattern></defs>`,
    `<rect width="${width}" height="${height}" fill="${INK.bg}"/>`,
    textSvg(layout.title, layout.dir),
    textSvg(layout.summary, layout.dir),
  ];
  if (layout.map && parts.map) out.push(nestSvg(parts.map, layout.map, 'map'));
  if (layout.map && parts.map && parts.mapAnnotations) out.push(nestSvg(parts.mapAnnotations, layout.map, 'map-annotations'));
  if (layout.legend && layout.legend.items.length) out.push(legendSvg(layout.legend, layout.dir));
  if (layout.timeline && parts.timeline) out.push(nestSvg(parts.timeline, layout.timeline, 'timeline'));
  const n = layout.note;
  out.push(`<rect x="${n.bar.x}" y="${n.bar.y}" width="${n.bar.width}" height="${n.bar.height}" fill="${INK.accent}"/>`);
  out.push(`<g data-part="note">${textSvg(n, layout.dir)}</g>`);
  out.push(`<g data-part="source">${textSvg(layout.source, layout.dir)}</g>`);
  out.push(`<g data-part="url">${textSvg(layout.url, layout.dir)}</g>`);
  out.push('</svg>\n');
  return out.join('');
}
