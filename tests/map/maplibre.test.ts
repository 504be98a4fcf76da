import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { governoratesOf, neighbourBorders, neighboursOf, type MapHover, type SyriaTopology } from '../../src/lib/map/geo';
import { BACKGROUND, DARK, GAP, NOT_LISTED, PALETTES, fillFor, hatchPixels, scaleFor } from '../../src/lib/map/color';
import {
  HATCH_IMAGE,
  LAYERS,
  SOURCES,
  THEMED,
  addHatch,
  applyTheme,
  anchorOnMap,
  applyStates,
  bindEvents,
  boundsOf,
  buildStyle,
  overlayData,
  zoomInTowards,
  zoomTarget,
  type CameraLike,
  type MapLike,
} from '../../src/lib/map/maplibre';
import { SYNTHETIC_NO_BREAKDOWN, SYNTHETIC_TABLE } from './fixtures';

const topo = JSON.parse(readFileSync('static/geo/syria.topo.json', 'utf8')) as SyriaTopology;
const governorates = governoratesOf(topo);
const neighbours = neighboursOf(topo);

/** A stand-in for maplibre-gl's Map that records every call. */
class FakeMap implements MapLike {
  calls: [string, ...unknown[]][] = [];
  images = new Set<string>();
  handlers = new Map<string, (e: unknown) => void>();
  overlay = { setData: (d: unknown) => this.calls.push(['setData', d]) };
  canvas = { style: { cursor: '' } };
  addSource(...a: unknown[]) {
    this.calls.push(['addSource', ...a]);
  }
  addLayer(...a: unknown[]) {
    this.calls.push(['addLayer', ...a]);
  }
  addImage(id: string, ...a: unknown[]) {
    this.images.add(id);
    this.calls.push(['addImage', id, ...a]);
  }
  hasImage(id: string) {
    return this.images.has(id);
  }
  getSource(id: string) {
    return id === SOURCES.overlay ? this.overlay : undefined;
  }
  setFeatureState(f: { source: string; id: string | number }, s: object) {
    this.calls.push(['setFeatureState', f, s]);
  }
  on(type: string, layer: unknown, fn?: unknown) {
    this.handlers.set(`${type}:${String(layer)}`, fn as (e: unknown) => void);
    this.calls.push(['on', type, layer]);
  }
  off(type: string, layer: unknown) {
    this.handlers.delete(`${type}:${String(layer)}`);
    this.calls.push(['off', type, layer]);
  }
  project([lng, lat]: [number, number]) {
    return { x: (lng - 35) * 100, y: (38 - lat) * 100 };
  }
  getCanvas() {
    return this.canvas;
  }
  setPaintProperty(...a: unknown[]) {
    this.calls.push(['setPaintProperty', ...a]);
  }
  setMissingStyleImageResolver(r: unknown) {
    this.calls.push(['setMissingStyleImageResolver', r]);
  }
  of(name: string) {
    return this.calls.filter((c) => c[0] === name);
  }
}

const base = { governorates, selection: SYNTHETIC_TABLE, scale: scaleFor(SYNTHETIC_TABLE), selected: null, focused: null, hovered: null };

describe('style', () => {
  const style = buildStyle(governorates, neighbours, neighbourBorders(topo), overlayData(governorates, SYNTHETIC_TABLE)) as {
    sources: Record<string, { promoteId?: string }>;
    layers: { id: string; type: string }[];
  };
  const text = JSON.stringify(style);

  test('asks no other host for anything: no URL, no glyphs, no sprite, no symbol layer', () => {
    expect(text).not.toMatch(/https?:|\/\/|mapbox:|"url"|"tiles"/);
    expect(style).not.toHaveProperty('glyphs');
    expect(style).not.toHaveProperty('sprite');
    expect(style.layers.some((l) => l.type === 'symbol')).toBe(false);
  });

  test('governorates are keyed by code (promoteId) and every layer is there', () => {
    expect(style.sources[SOURCES.governorates].promoteId).toBe('code');
    expect(style.layers.map((l) => l.id)).toEqual(Object.values(LAYERS));
  });
});

describe('data join against a fake map', () => {
  test('one setFeatureState per governorate with the colours of color.ts', () => {
    const map = new FakeMap();
    applyStates(map, { ...base, selected: 'SY-HL', focused: 'SY-ID' });
    const calls = map.of('setFeatureState') as [string, { source: string; id: string }, Record<string, unknown>][];
    expect(calls).toHaveLength(14);
    const state = new Map(calls.map(([, f, s]) => [f.id, s]));
    for (const [, f] of calls) expect(f.source).toBe(SOURCES.governorates);
    for (const cell of SYNTHETIC_TABLE.cells) for (const code of cell.codes) expect(state.get(code)!.fill).toBe(fillFor(cell, base.scale));
    expect(state.get('SY-HL')).toEqual({ fill: PALETTES[5][4], gap: false, combined: false, selected: true, focused: false, hovered: false });
    expect(state.get('SY-RD')).toMatchObject({ combined: true });
    expect(state.get('SY-ID')).toMatchObject({ focused: true, selected: false });
    expect(state.get('SY-TA')).toMatchObject({ fill: NOT_LISTED.fill, gap: false });
    expect(state.get('SY-DI')!.fill).toBe(state.get('SY-RD')!.fill);
  });

  test('gaps set the hatch flag', () => {
    const map = new FakeMap();
    applyStates(map, { ...base, selection: SYNTHETIC_NO_BREAKDOWN, scale: scaleFor(SYNTHETIC_NO_BREAKDOWN) });
    for (const [, , s] of map.of('setFeatureState') as [string, unknown, Record<string, unknown>][])
      expect(s).toMatchObject({ fill: GAP.background, gap: true });
  });

  test('the overlay source gets the outline and the combined cell', () => {
    const map = new FakeMap();
    applyStates(map, base);
    const [[, data]] = map.of('setData') as [string, { features: { properties: Record<string, string> }[] }][];
    expect(data.features.map((f) => f.properties.kind)).toEqual(['outline', 'combined']);
    expect(data.features[1].properties).toMatchObject({ area: 'SY-DI+SY-RD' });
  });

  test('the hatch image is added once, drawn in JS', () => {
    const map = new FakeMap();
    addHatch(map, 2);
    addHatch(map, 2);
    const adds = map.of('addImage');
    expect(adds).toHaveLength(1);
    expect(adds[0][1]).toBe(HATCH_IMAGE);
    expect(adds[0][2]).toEqual(hatchPixels(16));
  });
});

describe('theme', () => {
  test.each([
    { dark: false, background: BACKGROUND },
    { dark: true, background: DARK.background },
  ])('dark=$dark: the style starts with the theme, applyTheme switches it', ({ dark, background }) => {
    const style = buildStyle(governorates, neighbours, null, overlayData(governorates, SYNTHETIC_TABLE), dark) as {
      layers: { id: string; paint: Record<string, unknown> }[];
    };
    expect(style.layers[0].paint['background-color']).toBe(background);
    const map = new FakeMap();
    applyTheme(map, dark);
    const calls = map.of('setPaintProperty');
    expect(calls).toHaveLength(THEMED.length);
    expect(calls[0]).toEqual(['setPaintProperty', LAYERS.background, 'background-color', background]);
  });
});

describe('events against a fake map', () => {
  test('mousemove → onhover with cell and pointer; click → onselect; mouseleave → null; unbind removes all', () => {
    const map = new FakeMap();
    const hovers: (MapHover | null)[] = [];
    const selects: string[] = [];
    const cells = new Map(SYNTHETIC_TABLE.cells.flatMap((c) => c.codes.map((code) => [code, c] as const)));
    const unbind = bindEvents(map, { cellOf: (c) => cells.get(c), onhover: (h) => hovers.push(h), onselect: (c) => selects.push(c) });
    const ev = (code: string) => ({ point: { x: 10.4, y: 20.6 }, features: [{ id: code, properties: { code } }] });
    map.handlers.get(`mousemove:${LAYERS.fill}`)!(ev('SY-RD'));
    map.handlers.get(`click:${LAYERS.fill}`)!(ev('SY-RD'));
    map.handlers.get(`mouseleave:${LAYERS.fill}`)!({ point: { x: 0, y: 0 } });
    expect(hovers[0]).toMatchObject({ code: 'SY-RD', x: 10, y: 21, cell: { area: 'SY-DI+SY-RD' } });
    expect(hovers[1]).toBeNull();
    expect(selects).toEqual(['SY-RD']);
    unbind();
    expect(map.handlers.size).toBe(0);
  });

  test('keyboard focus anchor comes from map.project', () => {
    const map = new FakeMap();
    const a = anchorOnMap(
      map,
      governorates.find((g) => g.id === 'SY-HL')!,
    );
    expect(a.x).toBeGreaterThan(100);
    expect(a.y).toBeGreaterThan(100);
    expect(Number.isInteger(a.x) && Number.isInteger(a.y)).toBe(true);
  });

  test('bounds cover Syria', () => {
    const [[w, s], [e, n]] = boundsOf(governorates);
    expect([Math.floor(w), Math.floor(s), Math.ceil(e), Math.ceil(n)]).toEqual([35, 32, 43, 38]);
  });
});

/** A camera at `zoom` whose fit of any bounds is `fitOf(bounds)`; records where it was sent. */
function fakeCamera(zoom: number, fitOf: (b: [[number, number], [number, number]]) => number | undefined, max = 10) {
  const calls: [string, ...unknown[]][] = [];
  const camera: CameraLike = {
    getZoom: () => zoom,
    getMaxZoom: () => max,
    cameraForBounds: (b) => {
      const z = fitOf(b);
      return z === undefined ? undefined : { zoom: z };
    },
    easeTo: (o) => calls.push(['easeTo', o]),
    zoomIn: () => calls.push(['zoomIn']),
  };
  return { camera, calls };
}
/** Roughly Web Mercator's fit of a box's width: the zoom at which `span` degrees take `px` pixels. */
const mercatorFit = (px: number) => (b: [[number, number], [number, number]]) => Math.log2((px * 360) / (256 * Math.max(b[1][0] - b[0][0], 1e-6)));

describe('"+" towards the selected governorate', () => {
  const box = { width: 400, height: 300 };
  test("centred on the selected governorate's bounds, not on Syria's", () => {
    const { camera } = fakeCamera(5.5, mercatorFit(180));
    for (const code of ['SY-DI', 'SY-QU', 'SY-HA', 'SY-LA']) {
      const t = zoomTarget(camera, governorates, code, box)!;
      const [[w, s], [e, n]] = boundsOf(governorates.filter((g) => g.id === code));
      expect(t.center[0], code).toBeGreaterThan(w);
      expect(t.center[0], code).toBeLessThan(e);
      expect(t.center[1], code).toBeGreaterThan(s);
      expect(t.center[1], code).toBeLessThan(n);
    }
    // Damascus lies in the south-west, well away from the middle of Syria
    const di = zoomTarget(camera, governorates, 'SY-DI', box)!;
    const [[w, s], [e, n]] = boundsOf(governorates);
    expect(Math.hypot(di.center[0] - (w + e) / 2, di.center[1] - (s + n) / 2)).toBeGreaterThan(2);
  });
  test('a small governorate is zoomed until it fills the box (Damascus deeper than Homs); always at least one step; never beyond the largest zoom', () => {
    const { camera } = fakeCamera(5.5, mercatorFit(180));
    const di = zoomTarget(camera, governorates, 'SY-DI', box)!.zoom;
    const hi = zoomTarget(camera, governorates, 'SY-HI', box)!.zoom;
    expect(di).toBeGreaterThan(hi);
    expect(hi).toBeGreaterThanOrEqual(6.5);
    expect(zoomTarget(fakeCamera(9.5, mercatorFit(180)).camera, governorates, 'SY-DI', box)!.zoom).toBe(10);
    // no fit possible (a box smaller than the padding): one step
    expect(zoomTarget(fakeCamera(5.5, () => undefined).camera, governorates, 'SY-DI', box)!.zoom).toBe(6.5);
    // the padding asked for is a fifth of the box's shorter side
    const seen: unknown[] = [];
    const spy = fakeCamera(5, () => 6).camera;
    zoomTarget({ ...spy, cameraForBounds: (b, o) => (seen.push(o), spy.cameraForBounds(b, o)) }, governorates, 'SY-QU', box);
    expect(seen).toEqual([{ padding: 60 }]);
  });
  test('nothing or an unknown code selected: a plain zoom in about the centre', () => {
    const a = fakeCamera(5.5, mercatorFit(180));
    expect(zoomTarget(a.camera, governorates, null, box)).toBeNull();
    expect(zoomTarget(a.camera, governorates, 'SY-XX', box)).toBeNull();
    zoomInTowards(a.camera, governorates, null, box);
    expect(a.calls).toEqual([['zoomIn']]);
    const b = fakeCamera(5.5, mercatorFit(180));
    zoomInTowards(b.camera, governorates, 'SY-QU', box);
    expect(b.calls).toEqual([['easeTo', zoomTarget(b.camera, governorates, 'SY-QU', box)]]);
  });
});

describe('contract: the real maplibre-gl still has what we use', () => {
  test('exports and Map methods', async () => {
    const ml = await import('maplibre-gl');
    expect(typeof ml.Map).toBe('function');
    expect(typeof ml.NavigationControl).toBe('function');
    expect(typeof ml.setWorkerUrl).toBe('function');
    for (const m of [
      'setFeatureState',
      'addSource',
      'addLayer',
      'addImage',
      'hasImage',
      'getSource',
      'on',
      'off',
      'once',
      'project',
      'getCanvas',
      'addControl',
      'remove',
      'setMissingStyleImageResolver',
      'setPaintProperty',
      'getZoom',
      'getMaxZoom',
      'cameraForBounds',
      'easeTo',
      'zoomIn',
      'getCenter',
    ] as const)
      expect(typeof ml.Map.prototype[m], m).toBe('function');
    expect(typeof ml.GeoJSONSource.prototype.setData).toBe('function');
  });
});
