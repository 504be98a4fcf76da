/**
 * The map's first-paint stages (assemble.ts is the whole helper; read its header first): the
 * topology's features (`mapGeometry`), their projection into a box (`mapFrame`), the marks a
 * selection paints on it (`mapMarks`, what ChoroplethSvg draws), the legend (`mapLegend`) and the
 * governorates' names. Kept apart from assemble.ts so that the explorer's first paint carries
 * these and nothing more; the rest of the assembly (the selected governorate's label, the
 * callouts) loads after its first view. Pure: no DOM, no Svelte.
 */
import type { MultiLineString } from 'geojson';
import type { GeoProjection } from 'd3-geo';
import type { MapCell, MapSelection } from '../data/selection';
import { periodLabel, type Words } from '../data/describe';
import {
  anchorOf,
  cellsByCode,
  fitProjection,
  governoratesOf,
  neighbourBorders,
  neighboursOf,
  pathGenerator,
  unionOutline,
  type GovernorateFeature,
  type NeighbourFeature,
  type SyriaTopology,
} from './geo';
import { BORDER, fillFor, type MapScale } from './color';
import { cellLabel, legendHeading, legendItems, type LegendItem } from './legend';

/** Stage 1: the features of the topology. */
export interface MapGeometry {
  governorates: GovernorateFeature[];
  neighbours: NeighbourFeature[];
  /** borders between neighbours; null → no neighbour lines */
  borders: MultiLineString | null;
}

/** The features of a topology (assemble.ts keeps them per topology object). */
export function mapGeometry(topology: SyriaTopology): MapGeometry {
  return { governorates: governoratesOf(topology), neighbours: neighboursOf(topology), borders: neighbourBorders(topology) };
}

/** The padding a map of width × height is fitted with: 3 % of its shorter side. */
export const mapPadding = (width: number, height: number) => Math.round(Math.min(width, height) * 0.03);

/** A governorate as projected: its path and where a tooltip or label points at. */
export interface MapShape {
  code: string;
  d: string;
  anchor: [number, number];
}

/** Stage 2: the geometry projected into a width × height box. */
export interface MapFrame {
  width: number;
  height: number;
  projection: GeoProjection;
  /** one per governorate, in the geometry's order */
  shapes: MapShape[];
  /** neighbouring countries inside the box (those clipped away are left out) */
  neighbours: { name: string; d: string }[];
  /** the borders between neighbours ('' for none) */
  borders: string;
  /** Syria's outer edge */
  outline: string;
  /** the outline of several governorates taken as one (a combined cell), projected once per set */
  outlineOf: (codes: readonly string[]) => string;
}

/**
 * The geometry projected into width × height (Mercator fitted with `mapPadding`, paths rounded to
 * 0.1 px). ChoroplethSvg keeps it in a `$derived`; assemble.ts keeps the last few per geometry.
 */
export function mapFrame({ governorates, neighbours, borders }: MapGeometry, width: number, height: number): MapFrame {
  const projection = fitProjection(governorates, width, height, mapPadding(width, height));
  const path = pathGenerator(projection);
  const outlines = new Map<string, string>();
  return {
    width,
    height,
    projection,
    shapes: governorates.map((g) => ({ code: g.id, d: path(g), anchor: anchorOf(projection, g) })),
    neighbours: neighbours.map((n) => ({ name: n.properties.name, d: path(n) })).filter((n) => n.d !== ''),
    borders: borders ? path(borders) : '',
    outline: path(unionOutline(governorates)),
    outlineOf: (codes) => {
      const key = codes.join('+');
      let d = outlines.get(key);
      if (d === undefined) outlines.set(key, (d = path(unionOutline(governorates.filter((g) => codes.includes(g.id))))));
      return d;
    },
  };
}

/** The legend: its heading (unit and period) and its items, as the HTML legend and the exports show them. */
export interface MapLegend {
  title: string;
  items: LegendItem[];
}

export function mapLegend(selection: MapSelection, scale: MapScale, w: Words): MapLegend {
  return { title: legendHeading(selection, w.t, periodLabel(selection.period, w)), items: legendItems(selection, scale, w.t) };
}

/** A governorate's name in the reader's language (its code if the geometry lacks it). */
export function namesOf(governorates: GovernorateFeature[], w: Pick<Words, 'locale'>): (code: string) => string {
  return (code) => {
    const g = governorates.find((x) => x.id === code);
    return g ? (w.locale === 'ar' ? g.properties.name_ar : g.properties.name_en) : code;
  };
}

/** A governorate as ChoroplethSvg draws it. */
export interface MapMark extends MapShape {
  cell: MapCell;
  /** the fill: the cell's colour, or for a gap the renderer's hatch (`gapFill`) */
  fill: string;
  stroke: string;
  /** what a screen reader hears ("Aleppo: 13,436 barrel bombs") */
  label: string;
}

/** Names joined as the reader's language joins a list ("Damascus and Rif Dimashq"). */
function listIn(locale: string): (names: string[]) => string {
  return (names) => {
    try {
      return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
    } catch {
      return names.join(', ');
    }
  };
}

/**
 * The marks of a selection on a frame: each governorate's path with its fill, stroke (inside a
 * combined cell the border between members takes the fill, so it disappears) and label; one
 * dashed outline per combined cell; and counts of values, not-listed and gaps (the description).
 */
export function mapMarks(
  frame: MapFrame,
  geometry: Pick<MapGeometry, 'governorates'>,
  selection: MapSelection,
  scale: MapScale,
  w: Pick<Words, 't' | 'locale'>,
  /** a gap's fill: the renderer's hatch pattern (`url(#…)`) */
  gapFill: string,
): { marks: MapMark[]; combined: { area: string; d: string }[]; counts: { value: number; notListed: number; gap: number } } {
  const cells = cellsByCode(
    selection,
    frame.shapes.map((s) => s.code),
  );
  const nameOf = namesOf(geometry.governorates, w);
  const list = listIn(w.locale);
  const counts = { value: 0, notListed: 0, gap: 0 };
  const marks = frame.shapes.map((s) => {
    const cell = cells.get(s.code)!;
    const fill = fillFor(cell, scale);
    if (cell.status === 'value') counts.value++;
    else if (cell.status === 'gap') counts.gap++;
    else counts.notListed++;
    return {
      ...s,
      cell,
      fill: cell.status === 'gap' ? gapFill : fill,
      stroke: cell.codes.length > 1 ? fill : BORDER.stroke,
      label: cellLabel(s.code, cell, nameOf, w.t, list),
    };
  });
  const combined = [...new Set(selection.cells.filter((c) => c.codes.length > 1))].map((c) => ({ area: c.area, d: frame.outlineOf(c.codes) }));
  return { marks, combined, counts };
}
