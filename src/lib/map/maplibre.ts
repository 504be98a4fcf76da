/**
 * The MapLibre side of the map, as functions of a map object: the style (no external URL: no
 * tiles, no glyphs, no sprite), the data join (`setFeatureState` on features keyed by
 * `promoteId: 'code'`, colours from color.ts), pointer events → the same `onhover`/`onselect`
 * contract as the SVG, and anchors for keyboard focus (`map.project`). ChoroplethMapLibre.svelte
 * only wires these up, so they are tested against a fake map that records calls.
 *
 * Deliberately ignores: symbol layers (they would need a glyphs URL; labels stay in HTML/SVG),
 * 3D, and regenerating governorate GeoJSON on data change (only the small overlay source
 * — country outline and combined-cell outlines — is replaced).
 */
import type { Feature, FeatureCollection, MultiLineString } from 'geojson';
import type { MapCell, MapSelection } from '../data/selection';
import { BACKGROUND, BORDER, COMBINED, DARK, FOCUS, NEIGHBOUR, NOT_LISTED, OUTLINE, SELECTED, fillFor, type MapScale } from './color';
import { hatchPixels } from './hatch';
import { geoCentroid } from 'd3-geo';
import { cellsByCode, unionOutline, type GovernorateFeature, type MapHover, type NeighbourFeature } from './geo';

export const SOURCES = { governorates: 'governorates', neighbours: 'neighbours', neighbourBorders: 'neighbour-borders', overlay: 'overlay' } as const;
export const LAYERS = {
  background: 'background',
  neighbours: 'neighbours-fill',
  neighbourBorders: 'neighbours-borders',
  fill: 'governorates-fill',
  hatch: 'governorates-hatch',
  borders: 'governorates-borders',
  outline: 'country-outline',
  combined: 'combined-outline',
  selected: 'governorates-selected',
  focus: 'governorates-focus',
} as const;
export const HATCH_IMAGE = 'atlas-gap-hatch';

/** The subset of maplibre-gl's `Map` used here (the contract test checks the real one has it). */
export interface MapLike {
  addSource(id: string, source: object): unknown;
  addLayer(layer: object, before?: string): unknown;
  addImage(id: string, image: { width: number; height: number; data: Uint8Array | Uint8ClampedArray }, options?: object): unknown;
  hasImage(id: string): boolean;
  getSource(id: string): unknown;
  setFeatureState(feature: { source: string; id: string | number }, state: object): unknown;
  on(type: string, layerOrListener: unknown, listener?: unknown): unknown;
  off(type: string, layerOrListener: unknown, listener?: unknown): unknown;
  project(lngLat: [number, number]): { x: number; y: number };
  setMissingStyleImageResolver(resolver: ((id: string) => void) | null): unknown;
  setPaintProperty(layer: string, property: string, value: unknown): unknown;
  getCanvas(): { style: { cursor: string } };
}

const asFeature = (geometry: MultiLineString, properties: Record<string, string>): Feature<MultiLineString> => ({ type: 'Feature', properties, geometry });

/** Country outline and combined-cell outlines. */
export function overlayData(governorates: GovernorateFeature[], selection: MapSelection): FeatureCollection<MultiLineString> {
  const features: Feature<MultiLineString>[] = [asFeature(unionOutline(governorates), { kind: 'outline' })];
  for (const cell of selection.cells) {
    if (cell.codes.length < 2) continue;
    const members = governorates.filter((g) => cell.codes.includes(g.id));
    features.push(asFeature(unionOutline(members), { kind: 'combined', area: cell.area }));
  }
  return { type: 'FeatureCollection', features };
}

const state = (name: string) => ['boolean', ['feature-state', name], false];

/** Paint values that follow the page's theme: [layer, property, light, dark]. */
export const THEMED: readonly (readonly [string, string, string, string])[] = [
  [LAYERS.background, 'background-color', BACKGROUND, DARK.background],
  [LAYERS.neighbours, 'fill-color', NEIGHBOUR.fill, DARK.neighbour.fill],
  [LAYERS.neighbourBorders, 'line-color', NEIGHBOUR.stroke, DARK.neighbour.stroke],
  [LAYERS.outline, 'line-color', OUTLINE.stroke, DARK.outline],
  [LAYERS.combined, 'line-color', COMBINED.stroke, DARK.combined],
];

/** Switches the themed paint properties (the page's `data-theme` changed). */
export function applyTheme(map: MapLike, dark: boolean): void {
  for (const [layer, prop, light, night] of THEMED) map.setPaintProperty(layer, prop, dark ? night : light);
}

/** A complete style: four GeoJSON sources and plain layers; no URL anywhere. */
export function buildStyle(
  governorates: GovernorateFeature[],
  neighbours: NeighbourFeature[],
  neighbourBorders: MultiLineString | null,
  overlay: FeatureCollection<MultiLineString>,
  dark = false,
): object {
  const themed = (layer: string) => {
    const t = THEMED.find((x) => x[0] === layer)!;
    return dark ? t[3] : t[2];
  };
  return {
    version: 8,
    name: 'syria-atlas',
    sources: {
      [SOURCES.neighbours]: { type: 'geojson', data: { type: 'FeatureCollection', features: neighbours } },
      [SOURCES.neighbourBorders]: { type: 'geojson', data: neighbourBorders ?? { type: 'FeatureCollection', features: [] } },
      [SOURCES.governorates]: { type: 'geojson', data: { type: 'FeatureCollection', features: governorates }, promoteId: 'code' },
      [SOURCES.overlay]: { type: 'geojson', data: overlay },
    },
    layers: [
      { id: LAYERS.background, type: 'background', paint: { 'background-color': themed(LAYERS.background) } },
      { id: LAYERS.neighbours, type: 'fill', source: SOURCES.neighbours, paint: { 'fill-color': themed(LAYERS.neighbours) } },
      {
        id: LAYERS.neighbourBorders,
        type: 'line',
        source: SOURCES.neighbourBorders,
        paint: { 'line-color': themed(LAYERS.neighbourBorders), 'line-width': NEIGHBOUR.width },
      },
      {
        id: LAYERS.fill,
        type: 'fill',
        source: SOURCES.governorates,
        paint: { 'fill-color': ['coalesce', ['feature-state', 'fill'], NOT_LISTED.fill] },
      },
      {
        id: LAYERS.hatch,
        type: 'fill',
        source: SOURCES.governorates,
        paint: { 'fill-pattern': HATCH_IMAGE, 'fill-opacity': ['case', state('gap'), 1, 0] },
      },
      {
        id: LAYERS.borders,
        type: 'line',
        source: SOURCES.governorates,
        // members of a combined cell lose their white border: the cell reads as one unit
        paint: { 'line-color': BORDER.stroke, 'line-width': BORDER.width, 'line-opacity': ['case', state('combined'), 0, 1] },
      },
      {
        id: LAYERS.outline,
        type: 'line',
        source: SOURCES.overlay,
        filter: ['==', ['get', 'kind'], 'outline'],
        paint: { 'line-color': themed(LAYERS.outline), 'line-width': OUTLINE.width },
      },
      {
        id: LAYERS.combined,
        type: 'line',
        source: SOURCES.overlay,
        filter: ['==', ['get', 'kind'], 'combined'],
        paint: {
          'line-color': themed(LAYERS.combined),
          'line-width': COMBINED.width,
          'line-dasharray': COMBINED.dash.split(' ').map((n) => +n / COMBINED.width),
        },
      },
      {
        id: LAYERS.selected,
        type: 'line',
        source: SOURCES.governorates,
        paint: { 'line-color': SELECTED.stroke, 'line-width': SELECTED.width, 'line-opacity': ['case', state('selected'), 1, 0] },
      },
      {
        id: LAYERS.focus,
        type: 'line',
        source: SOURCES.governorates,
        paint: {
          'line-color': FOCUS.stroke,
          'line-width': FOCUS.width,
          'line-opacity': ['case', state('focused'), 1, state('hovered'), 0.6, 0],
        },
      },
    ],
  };
}

/** Adds the gap hatch image (drawn in JS, no sprite URL). Call before the first render that needs it. */
export function addHatch(map: MapLike, pixelRatio = 1): void {
  if (map.hasImage(HATCH_IMAGE)) return;
  const size = Math.round(8 * pixelRatio);
  map.addImage(HATCH_IMAGE, hatchPixels(size), { pixelRatio });
}

export interface FeatureStateInput {
  governorates: GovernorateFeature[];
  selection: MapSelection;
  scale: MapScale;
  selected: string | null;
  focused: string | null;
  hovered: string | null;
}

/** The per-governorate feature state: fill colour, gap flag, selected/focused/hovered. */
export interface GovernorateState {
  fill: string;
  gap: boolean;
  /** member of a cell that combines several governorates */
  combined: boolean;
  selected: boolean;
  focused: boolean;
  hovered: boolean;
}

export function featureStates(input: FeatureStateInput): Map<string, GovernorateState> {
  const codes = input.governorates.map((g) => g.id);
  const cells = cellsByCode(input.selection, codes);
  const out = new Map<string, GovernorateState>();
  for (const code of codes) {
    const cell = cells.get(code)!;
    out.set(code, {
      fill: fillFor(cell, input.scale),
      gap: cell.status === 'gap',
      combined: cell.codes.length > 1,
      selected: code === input.selected,
      focused: code === input.focused,
      hovered: code === input.hovered,
    });
  }
  return out;
}

/** The data join: one `setFeatureState` per governorate, and the overlay source refreshed. */
export function applyStates(map: MapLike, input: FeatureStateInput): void {
  for (const [code, s] of featureStates(input)) map.setFeatureState({ source: SOURCES.governorates, id: code }, s);
  const overlay = map.getSource(SOURCES.overlay) as { setData?: (d: unknown) => unknown } | undefined;
  overlay?.setData?.(overlayData(input.governorates, input.selection));
}

/** Where the tooltip points for a governorate (keyboard focus on the mirrored SVG path). */
export function anchorOnMap(map: MapLike, governorate: GovernorateFeature): { x: number; y: number } {
  const p = map.project(lngLatAnchorOf(governorate));
  return { x: Math.round(p.x), y: Math.round(p.y) };
}

export interface EventHandlers {
  cellOf: (code: string) => MapCell | undefined;
  onhover?: (info: MapHover | null) => void;
  onselect?: (code: string) => void;
  /** the pointer moved onto another governorate (or off, null): for the hover outline */
  onpointer?: (code: string | null) => void;
}

interface LayerEvent {
  point: { x: number; y: number };
  features?: { id?: string | number; properties?: Record<string, unknown> | null }[];
}

const codeOf = (e: LayerEvent): string | null => {
  const f = e.features?.[0];
  if (!f) return null;
  const code = f.properties?.code ?? f.id;
  return code == null ? null : String(code);
};

/** Pointer events on the governorate fill; returns a function that removes them. */
export function bindEvents(map: MapLike, h: EventHandlers): () => void {
  let current: string | null = null;
  const move = (e: LayerEvent) => {
    const code = codeOf(e);
    const cell = code ? h.cellOf(code) : undefined;
    if (!code || !cell) return;
    if (code !== current) ((current = code), h.onpointer?.(code));
    map.getCanvas().style.cursor = 'pointer';
    h.onhover?.({ code, cell, x: Math.round(e.point.x), y: Math.round(e.point.y) });
  };
  const leave = () => {
    current = null;
    map.getCanvas().style.cursor = '';
    h.onpointer?.(null);
    h.onhover?.(null);
  };
  const click = (e: LayerEvent) => {
    const code = codeOf(e);
    if (code) h.onselect?.(code);
  };
  map.on('mousemove', LAYERS.fill, move);
  map.on('mouseleave', LAYERS.fill, leave);
  map.on('click', LAYERS.fill, click);
  return () => {
    map.off('mousemove', LAYERS.fill, move);
    map.off('mouseleave', LAYERS.fill, leave);
    map.off('click', LAYERS.fill, click);
  };
}

/** WebGL is there (MapLibre needs it); false in old browsers, locked-down profiles and Node. */
export function supportsWebGL(doc: Document | undefined = typeof document === 'undefined' ? undefined : document): boolean {
  if (!doc) return false;
  try {
    const canvas = doc.createElement('canvas');
    return !!(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

/**
 * The atlas's MapLibre camera and controls, shared by every MapLibre map (SNHR's choropleth and
 * UCDP's events): Syria fitted, no rotation or pitch, panning kept near Syria, zoom 4–10, and the
 * attribution given.
 */
export function cameraOptions(governorates: GovernorateFeature[], attribution: string) {
  return {
    bounds: boundsOf(governorates),
    fitBoundsOptions: { padding: 16 },
    attributionControl: { compact: true, customAttribution: attribution },
    maplibreLogo: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    renderWorldCopies: false,
    maxBounds: [
      [30, 28.5],
      [48, 40.5],
    ] as [[number, number], [number, number]],
    minZoom: 4,
    maxZoom: 10,
  };
}

/** Bounds of the governorates, [[west, south], [east, north]], for `fitBounds`. */
export function boundsOf(governorates: GovernorateFeature[]): [[number, number], [number, number]] {
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (const g of governorates) {
    const polys = g.geometry.type === 'Polygon' ? [g.geometry.coordinates] : g.geometry.coordinates;
    for (const poly of polys)
      for (const [x, y] of poly[0]) {
        if (x < w) w = x;
        if (x > e) e = x;
        if (y < s) s = y;
        if (y > n) n = y;
      }
  }
  return [
    [w, s],
    [e, n],
  ];
}

/** The same anchor in longitude/latitude, for MapLibre (`map.project`). */
export function lngLatAnchorOf(f: GovernorateFeature): [number, number] {
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  let best = polys[0];
  let bestLen = -1;
  for (const p of polys) if (p[0].length > bestLen) ((bestLen = p[0].length), (best = p));
  return geoCentroid({ type: 'Polygon', coordinates: best }) as [number, number];
}

/** The subset of maplibre-gl's `Map` that "+" uses (the contract test checks the real one has it). */
export interface CameraLike {
  getZoom(): number;
  getMaxZoom(): number;
  cameraForBounds(bounds: [[number, number], [number, number]], options?: { padding?: number }): { zoom?: number } | undefined;
  easeTo(options: { center: [number, number]; zoom: number }): unknown;
  zoomIn(): unknown;
}

/**
 * Where "+" takes the map when a governorate is selected: centred on the middle of its bounds,
 * zoomed so that it fills about 60% of the box's shorter side (`cameraForBounds` with a padding
 * of a fifth on each side), and always at least one step further in, never beyond the map's
 * largest zoom. Null when nothing, or an unknown code, is selected: then "+" is a plain zoom in
 * about the centre.
 */
export function zoomTarget(
  camera: Pick<CameraLike, 'getZoom' | 'getMaxZoom' | 'cameraForBounds'>,
  governorates: GovernorateFeature[],
  selected: string | null,
  box: { width: number; height: number },
): { center: [number, number]; zoom: number } | null {
  const g = selected ? governorates.find((x) => x.id === selected) : undefined;
  if (!g) return null;
  const [[w, s], [e, n]] = boundsOf([g]);
  const current = camera.getZoom();
  const padding = Math.floor(Math.min(box.width, box.height) / 5);
  const fit =
    camera.cameraForBounds(
      [
        [w, s],
        [e, n],
      ],
      { padding },
    )?.zoom ?? current + 1;
  const zoom = Math.min(camera.getMaxZoom(), Math.max(current + 1, fit));
  return { center: [(w + e) / 2, (s + n) / 2], zoom: Math.round(zoom * 100) / 100 };
}

/** "+": towards the selected governorate (see `zoomTarget`), or a plain zoom in without one. */
export function zoomInTowards(camera: CameraLike, governorates: GovernorateFeature[], selected: string | null, box: { width: number; height: number }): void {
  const to = zoomTarget(camera, governorates, selected, box);
  if (to) camera.easeTo(to);
  else camera.zoomIn();
}
