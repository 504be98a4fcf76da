import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  anchorOf,
  cellsByCode,
  fitProjection,
  governoratesOf,
  neighbourBorders,
  pathGenerator,
  unionOutline,
  type GovernorateFeature,
  type SyriaTopology,
} from '../../src/lib/map/geo';
import { GOVERNORATE_CODES } from '../../src/lib/data/types';
import { SYNTHETIC_NO_BREAKDOWN, SYNTHETIC_TABLE, selection, value } from './fixtures';

const topo = JSON.parse(readFileSync('static/geo/syria.topo.json', 'utf8')) as SyriaTopology;
const govs = governoratesOf(topo);

/** Synthetic: two unit squares side by side, sharing the edge x = 1. */
const square = (code: string, x: number): GovernorateFeature => ({
  type: 'Feature',
  id: code,
  properties: { code, name_en: code, name_ar: code },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, 0],
        [x, 1],
        [x + 1, 1],
        [x + 1, 0],
        [x, 0],
      ],
    ],
  },
});

describe('geo', () => {
  test('fitProjection keeps every governorate inside the box, for desktop and phone sizes', () => {
    for (const [w, h] of [
      [860, 700],
      [360, 295],
    ]) {
      const p = fitProjection(govs, w, h, 8);
      for (const g of govs) {
        const [x, y] = anchorOf(p, g);
        expect(x).toBeGreaterThan(0);
        expect(x).toBeLessThan(w);
        expect(y).toBeGreaterThan(0);
        expect(y).toBeLessThan(h);
      }
    }
  });

  test('path strings are rounded to 0.1 px', () => {
    const d = pathGenerator(fitProjection(govs, 500, 400))(govs[0]);
    expect(d).toMatch(/^M/);
    expect(d).not.toMatch(/\.\d\d/);
  });

  test('unionOutline drops the shared edge', () => {
    const a = square('A', 0);
    const b = square('B', 1);
    const outer = unionOutline([a, b]).coordinates.flatMap((l) => l.slice(1).map((p, i) => [l[i], p]));
    expect(outer).toHaveLength(6);
    expect(outer.some(([p, q]) => p[0] === 1 && q[0] === 1)).toBe(false);
  });

  test('Damascus + Rif Dimashq: the union outline is Rif Dimashq’s outer ring (Damascus is an enclave)', () => {
    const di = govs.find((g) => g.id === 'SY-DI')!;
    const rd = govs.find((g) => g.id === 'SY-RD')!;
    const union = unionOutline([di, rd]);
    const points = union.coordinates.reduce((n, l) => n + l.length - 1, 0);
    expect(points).toBe((rd.geometry.coordinates[0] as number[][]).length - 1);
  });

  test('neighbour borders exist and exclude coasts', () => {
    expect(neighbourBorders(topo).coordinates.length).toBeGreaterThan(3);
  });

  test.each([
    { name: 'table: missing codes become not-listed', sel: selection([value('SY-HL', 1)]), code: 'SY-TA', status: 'not-listed' },
    { name: 'no table: missing codes become gaps', sel: selection([], false), code: 'SY-TA', status: 'gap' },
    { name: 'combined cell maps both codes', sel: SYNTHETIC_TABLE, code: 'SY-RD', status: 'value' },
    { name: 'gap cells', sel: SYNTHETIC_NO_BREAKDOWN, code: 'SY-HL', status: 'gap' },
  ])('cellsByCode: $name', ({ sel, code, status }) => {
    const cells = cellsByCode(sel, GOVERNORATE_CODES);
    expect(cells.size).toBe(14);
    expect(cells.get(code)!.status).toBe(status);
  });
});
