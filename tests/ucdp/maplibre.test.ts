// UCDP's events on the zoomable map (ucdp/maplibreEvents.ts) against a fake map that records calls,
// with a synthetic events file (invented events, not UCDP data), and a contract test that the real
// maplibre-gl still has what is used.
import { describe, expect, test } from 'vitest';
import {
  CLUSTER_MAX_ZOOM,
  UCDP_LAYERS,
  UCDP_SOURCES,
  applyFills,
  bindUcdpEvents,
  eventsGeoJson,
  eventsStyle,
  setEvents,
  type UcdpMapLike,
} from '../../src/lib/ucdp/maplibreEvents';
import { LAYERS, SOURCES } from '../../src/lib/map/maplibre';
import type { UcdpEventsFile } from '../../src/lib/ucdp/types';

// five synthetic events: exact (1), near (2), district (3), governorate only (4), wider area (5)
const file: UcdpEventsFile = {
  release: 'synthetic',
  actors: ['A', 'B'],
  govs: ['SY-HL', 'SY-ID'],
  id: [101, 102, 103, 104, 105],
  day: [0, 1, 2, 3, 4],
  span: [0, 0, 0, 0, 0],
  gov: [0, 0, 1, 1, 0],
  prec: [1, 2, 3, 4, 5],
  lat: [36.2, 36.21, 35.9, 35.93, 36.0],
  lon: [37.15, 37.16, 36.6, 36.63, 37.0],
  type: [1, 1, 3, 2, 1],
  sideA: [0, 0, 1, 1, 0],
  sideB: [1, 1, 0, 0, 1],
  low: [1, 5, 10, 2, 0],
  best: [4, 9, 25, 3, 0],
  high: [6, 9, 40, 3, 1],
  civilians: [0, 2, 25, 0, 0],
  place: ['a', 'b', 'c', 'd', 'e'],
  adm2: ['', '', '', '', ''],
  office: ['', '', '', '', ''],
};

class FakeMap implements UcdpMapLike {
  calls: [string, ...unknown[]][] = [];
  handlers = new Map<string, (e: unknown) => void>();
  canvas = { style: { cursor: '' } };
  expansion = 7.5;
  events = {
    setData: (d: unknown) => this.calls.push(['setData', d]),
    getClusterExpansionZoom: (id: number) => (this.calls.push(['getClusterExpansionZoom', id]), Promise.resolve(this.expansion)),
  };
  addSource(...a: unknown[]) {
    this.calls.push(['addSource', ...a]);
  }
  addLayer(...a: unknown[]) {
    this.calls.push(['addLayer', ...a]);
  }
  addImage(...a: unknown[]) {
    this.calls.push(['addImage', ...a]);
  }
  hasImage() {
    return false;
  }
  getSource(id: string) {
    return id === UCDP_SOURCES.events ? this.events : undefined;
  }
  setFeatureState(f: { source: string; id: string | number }, s: object) {
    this.calls.push(['setFeatureState', f, s]);
  }
  on(type: string, layer: unknown, fn?: unknown) {
    this.handlers.set(`${type}:${String(layer)}`, fn as (e: unknown) => void);
  }
  off(type: string, layer: unknown) {
    this.handlers.delete(`${type}:${String(layer)}`);
  }
  project() {
    return { x: 0, y: 0 };
  }
  getCanvas() {
    return this.canvas;
  }
  setPaintProperty(...a: unknown[]) {
    this.calls.push(['setPaintProperty', ...a]);
  }
  setMissingStyleImageResolver() {}
  setFilter(...a: unknown[]) {
    this.calls.push(['setFilter', ...a]);
  }
  easeTo(o: unknown) {
    this.calls.push(['easeTo', o]);
  }
  of(name: string) {
    return this.calls.filter((c) => c[0] === name);
  }
}

describe('the events as a clustered GeoJSON source', () => {
  const data = eventsGeoJson(file, [0, 1, 2, 3, 4]);

  test('one point per drawable event, with its index, deaths and how precisely it is placed; none placed only at a governorate', () => {
    expect(data.features.map((f) => f.properties)).toEqual([
      { k: 0, id: 101, best: 4, kind: 'dot', km: 0 },
      { k: 1, id: 102, best: 9, kind: 'dot', km: 0 },
      { k: 2, id: 103, best: 25, kind: 'ring', km: 15 },
      { k: 4, id: 105, best: 0, kind: 'ring', km: 25 },
    ]);
    expect(data.features[0].geometry.coordinates).toEqual([37.15, 36.2]);
    expect(eventsGeoJson(file, [3]).features).toEqual([]);
  });

  test('MapLibre clusters them at country zoom, summing each cluster’s deaths; rings widen with the zoom', () => {
    const { source, layers } = eventsStyle(data) as {
      source: Record<string, unknown>;
      layers: { id: string; filter: unknown; paint: Record<string, unknown> }[];
    };
    expect(source).toMatchObject({ type: 'geojson', cluster: true, clusterMaxZoom: CLUSTER_MAX_ZOOM, clusterProperties: { deaths: ['+', ['get', 'best']] } });
    expect(CLUSTER_MAX_ZOOM).toBeGreaterThanOrEqual(7); // Syria whole is about zoom 5.5–6
    expect(layers.map((l) => l.id)).toEqual(Object.values(UCDP_LAYERS));
    const clusters = layers.find((l) => l.id === UCDP_LAYERS.clusters)!;
    expect(JSON.stringify(clusters.paint['circle-radius'])).toContain('"deaths"');
    const rings = layers.find((l) => l.id === UCDP_LAYERS.rings)!;
    expect(JSON.stringify(rings.filter)).toContain('"ring"');
    const r = rings.paint['circle-radius'] as [string, unknown, unknown, number, unknown[], number, unknown[]];
    // 15 km at zoom 10 is about 15,000 / (128,234 / 1024) ≈ 120 px; 64× less at zoom 4
    const per = (z: (typeof r)[4]) => z[2] as number;
    expect(per(r[6]) * 15).toBeGreaterThan(100);
    expect(per(r[6]) * 15).toBeLessThan(140);
    expect(per(r[6]) / per(r[4])).toBeCloseTo(64, 0);
    expect(JSON.stringify({ source, layers })).not.toMatch(/https?:|"symbol"/);
  });

  test('new filters replace the data; the opened event is outlined', () => {
    const map = new FakeMap();
    setEvents(map, data, 2);
    expect(map.of('setData')).toEqual([['setData', data]]);
    expect(JSON.stringify(map.of('setFilter')[0])).toContain('["==",["get","k"],2]');
  });

  test('governorates take UCDP’s fills through feature state', () => {
    const map = new FakeMap();
    applyFills(map, ['SY-HL', 'SY-ID'], (c) => (c === 'SY-HL' ? '#034e7b' : '#f4f4f6'), 'SY-ID');
    expect(map.of('setFeatureState')).toEqual([
      [
        'setFeatureState',
        { source: SOURCES.governorates, id: 'SY-HL' },
        { fill: '#034e7b', gap: false, combined: false, selected: false, focused: false, hovered: false },
      ],
      [
        'setFeatureState',
        { source: SOURCES.governorates, id: 'SY-ID' },
        { fill: '#f4f4f6', gap: false, combined: false, selected: true, focused: false, hovered: false },
      ],
    ]);
  });
});

describe('clicks against a fake map', () => {
  test('a cluster zooms in to where it breaks apart; an event opens; the governorate under a mark is not also chosen', async () => {
    const map = new FakeMap();
    const opened: number[] = [];
    const chosen: string[] = [];
    const unbind = bindUcdpEvents(map, { onevent: (k) => opened.push(k), onselect: (c) => chosen.push(c) }, LAYERS.fill);
    const click = (layer: string, e: unknown) => map.handlers.get(`click:${layer}`)!(e);

    click(UCDP_LAYERS.clusters, {
      features: [{ geometry: { type: 'Point', coordinates: [37, 36] }, properties: { cluster_id: 42, point_count: 3, deaths: 38 } }],
    });
    click(LAYERS.fill, { features: [{ id: 'SY-HL', properties: { code: 'SY-HL' } }] });
    await Promise.resolve();
    await Promise.resolve();
    expect(map.of('getClusterExpansionZoom')).toEqual([['getClusterExpansionZoom', 42]]);
    expect(map.of('easeTo')).toEqual([['easeTo', { center: [37, 36], zoom: 7.5 }]]);
    expect(chosen).toEqual([]);

    await new Promise((r) => setTimeout(r, 5));
    click(UCDP_LAYERS.rings, { features: [{ properties: { k: 2, kind: 'ring' } }] });
    expect(opened).toEqual([2]);

    await new Promise((r) => setTimeout(r, 5));
    click(LAYERS.fill, { features: [{ id: 'SY-ID', properties: { code: 'SY-ID' } }] });
    expect(chosen).toEqual(['SY-ID']);

    map.handlers.get(`mouseenter:${UCDP_LAYERS.dots}`)!({});
    expect(map.canvas.style.cursor).toBe('pointer');
    unbind();
    expect(map.handlers.size).toBe(0);
  });
});

describe('contract: the real maplibre-gl still has what the events layer uses', () => {
  test('cluster expansion, easeTo, setFilter', async () => {
    const ml = await import('maplibre-gl');
    expect(typeof ml.GeoJSONSource.prototype.getClusterExpansionZoom).toBe('function');
    expect(typeof ml.GeoJSONSource.prototype.setData).toBe('function');
    for (const m of ['easeTo', 'setFilter', 'setFeatureState', 'on', 'off', 'getSource', 'getCanvas'] as const)
      expect(typeof ml.Map.prototype[m], m).toBe('function');
  });
});
