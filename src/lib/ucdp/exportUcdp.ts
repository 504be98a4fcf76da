/**
 * The UCDP view as an exported image (PNG/SVG, wide or square): title, UCDP's sums in words, the
 * governorate map in UCDP's own palette with its legend, a note on what UCDP counts and on the
 * events placed in no governorate (counted, never drawn), UCDP's source line, and a credit line
 * naming UCDP and the release before the view's address. Pure: the translator is passed in; the
 * page draws the PNG from this SVG (svgToPng in share/ExportRender.svelte).
 *
 * Reuses the SNHR export's layout and composition (share/exportSvg.ts): only the texts, the legend
 * items and the map markup are UCDP's. Deliberately ignores the events layer (an image of
 * thousands of overlapping dots says less than the sums) and SNHR's figures.
 */
import { classBreaks, classOf, BACKGROUND, NEIGHBOUR, SELECTED } from '../map/color';
import { governoratesOf, neighboursOf, pathGenerator, type SyriaTopology } from '../map/geo';
import { mapFrame } from '../map/frame';
import type { LegendItem } from '../map/legend';
import { composeExportSvg, escapeXml, layoutExport, type ExportFormat, type ExportTexts } from '../share/exportSvg';
import { periodText, sumText, ucdpTitle } from './describe';
import { NO_EVENT, UCDP_PALETTES } from './palette';
import { measureOf, type UcdpMapSelection } from './select';
import { UCDP_RELEASE } from './types';
import { ucdpPeriod, type UcdpParams } from './url';

export type Words = {
  t: (key: string, params?: Record<string, string | number>) => string;
  num: (n: number) => string;
  date: (iso: string) => string;
  locale: string;
  dir: 'ltr' | 'rtl';
  comma: string;
};

/** Class colours for the governorates with events; one flat swatch for those with none. */
export function ucdpScale(sel: UcdpMapSelection, measure: UcdpParams['measure']) {
  const breaks = classBreaks([...sel.cells.values()].map((s) => measureOf(s, measure)));
  const colors = UCDP_PALETTES[breaks.count] ?? [];
  const fill = (code: string): string => {
    const s = sel.cells.get(code);
    if (!s) return NO_EVENT.fill;
    return colors[classOf(breaks, measureOf(s, measure))] ?? colors[0] ?? NO_EVENT.fill;
  };
  return { breaks, colors, fill };
}

/** The legend in the export's terms: one class per colour, then "no event recorded". */
export function ucdpLegendItems(sel: UcdpMapSelection, measure: UcdpParams['measure'], w: Pick<Words, 't'>): LegendItem[] {
  const { breaks, colors } = ucdpScale(sel, measure);
  const items: LegendItem[] = [];
  for (let i = 0; i < breaks.count; i++) {
    const from = i === 0 ? breaks.min : breaks.thresholds[i - 1];
    const to = i === breaks.count - 1 ? breaks.max : breaks.thresholds[i];
    const last = i === breaks.count - 1 ? to : to - 1;
    const label = from === last ? w.t('map.legend.single', { value: from }) : w.t('map.legend.range', { from, to: last });
    items.push({ kind: 'class', color: colors[i], from, to, label });
  }
  items.push({ kind: 'not-listed', color: NO_EVENT.fill, label: w.t('ucdp.legend.none') });
  return items;
}

export interface UcdpMapSvgOptions {
  width: number;
  height: number;
  selected?: string | null;
  /** the map's `<title>` */
  title: string;
}

export interface UcdpMapMarks {
  width: number;
  height: number;
  neighbours: string[];
  governorates: { code: string; d: string; fill: string }[];
  /** the selected governorate's outline, or null */
  selected: string | null;
  /** each governorate with events: its value at its anchor */
  labels: { code: string; x: number; y: number; text: string }[];
}

/** The map's marks in pixels: shared by the exported image and the slide (UcdpSlide draws them). */
export function ucdpMapMarks(
  topology: SyriaTopology,
  sel: UcdpMapSelection,
  measure: UcdpParams['measure'],
  w: Pick<Words, 'num'>,
  o: UcdpMapSvgOptions,
): UcdpMapMarks {
  const { width, height } = o;
  const governorates = governoratesOf(topology);
  // the SNHR map's projection and paths (map/frame.ts); neighbours as before, every one listed
  const frame = mapFrame({ governorates, neighbours: [], borders: null }, width, height);
  const path = pathGenerator(frame.projection);
  const { fill } = ucdpScale(sel, measure);
  const picked = o.selected ? frame.shapes.find((s) => s.code === o.selected) : undefined;
  return {
    width,
    height,
    neighbours: neighboursOf(topology).map((n) => path(n)),
    governorates: frame.shapes.map((s) => ({ code: s.code, d: s.d, fill: fill(s.code) })),
    selected: picked ? picked.d : null,
    labels: frame.shapes.flatMap((g) => {
      const s = sel.cells.get(g.code);
      if (!s) return [];
      const [x, y] = g.anchor;
      return [{ code: g.code, x, y, text: w.num(measureOf(s, measure)) }];
    }),
  };
}

/** Paint of the marks, as attributes (no page CSS), for the image and the slide alike. */
export const MARK_PAINT = {
  background: BACKGROUND,
  neighbour: NEIGHBOUR,
  border: { stroke: '#ffffff', width: 0.8 },
  selected: SELECTED,
  label: { size: 12, fill: '#111111', halo: '#ffffff', haloWidth: 3 },
} as const;

/** The governorate map as standalone SVG markup, every colour an attribute (no page CSS). */
export function ucdpMapSvg(topology: SyriaTopology, sel: UcdpMapSelection, measure: UcdpParams['measure'], w: Words, o: UcdpMapSvgOptions): string {
  const m = ucdpMapMarks(topology, sel, measure, w, o);
  const P = MARK_PAINT;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${m.width}" height="${m.height}" viewBox="0 0 ${m.width} ${m.height}" font-family="sans-serif">`,
    `<title>${escapeXml(o.title)}</title>`,
    `<rect width="${m.width}" height="${m.height}" fill="${P.background}"/>`,
    `<g>${m.neighbours.map((d) => `<path d="${d}" fill="${P.neighbour.fill}" stroke="${P.neighbour.stroke}" stroke-width="${P.neighbour.width}"/>`).join('')}</g>`,
    `<g>${m.governorates.map((g) => `<path data-code="${g.code}" d="${g.d}" fill="${g.fill}" stroke="${P.border.stroke}" stroke-width="${P.border.width}"/>`).join('')}</g>`,
  ];
  if (m.selected) out.push(`<path d="${m.selected}" fill="none" stroke="${P.selected.stroke}" stroke-width="${P.selected.width}"/>`);
  for (const l of m.labels)
    out.push(
      `<text data-code="${l.code}" x="${l.x}" y="${l.y}" font-size="${P.label.size}" text-anchor="middle" dominant-baseline="middle" fill="${P.label.fill}" stroke="${P.label.halo}" stroke-width="${P.label.haloWidth}" paint-order="stroke">${escapeXml(l.text)}</text>`,
    );
  out.push('</svg>');
  return out.join('');
}

/** The words around the map: title, sums, legend heading, note, source and credit (UCDP and the release). */
export function ucdpExportTexts(u: UcdpParams, sel: UcdpMapSelection, w: Words, link: string): ExportTexts {
  const period = periodText(ucdpPeriod(u), w);
  return {
    title: ucdpTitle(u, w),
    summary: `${w.t('ucdp.summary.total', { period })}: ${sumText(sel.total, u.measure, w)}`,
    legendTitle: `${w.t(`ucdp.measure.${u.measure}`)} · ${period}`,
    legend: ucdpLegendItems(sel, u.measure, w),
    note: w.t('ucdp.export.note', { deaths: sel.unplaced.best, events: sel.unplaced.events }),
    source: w.t('ucdp.export.source', {
      publisher: UCDP_RELEASE.publisher,
      name: UCDP_RELEASE.name,
      version: UCDP_RELEASE.version,
      licence: UCDP_RELEASE.licence,
      citation: UCDP_RELEASE.citation,
    }),
    url: link,
    credit: w.t('ucdp.export.credit', { name: UCDP_RELEASE.name, version: UCDP_RELEASE.version, licence: UCDP_RELEASE.licence }),
  };
}

export interface UcdpExportRequest {
  topology: SyriaTopology;
  params: UcdpParams;
  selection: UcdpMapSelection;
  /** the selected governorate, outlined */
  gov: string | null;
  /** the view's address, printed after the credit */
  link: string;
  format: ExportFormat;
}

/** The UCDP view as a standalone SVG document. */
export function ucdpExportSvg(r: UcdpExportRequest, w: Words): string {
  const texts = ucdpExportTexts(r.params, r.selection, w, r.link);
  const layout = layoutExport(r.format, 'map', texts, w.dir);
  const map = layout.map
    ? ucdpMapSvg(r.topology, r.selection, r.params.measure, w, { width: layout.map.width, height: layout.map.height, selected: r.gov, title: texts.title })
    : null;
  return composeExportSvg(layout, { map }, texts.title);
}

/** `ucdp-deaths-2017-03_wide.png` */
export function ucdpFileStem(u: UcdpParams): string {
  return `ucdp-${u.measure}-${ucdpPeriod(u) ?? '2016-2019'}${u.type !== null ? `-type${u.type}` : ''}`;
}
