import { describe, expect, test } from 'vitest';
import { GAP, NOT_LISTED, PALETTES, classBreaks, classCount, classOf, colorOf, fillFor, hatchPixels, roundBetween, scaleFor } from '../../src/lib/map/color';
import { SYNTHETIC_NO_BREAKDOWN, SYNTHETIC_TABLE, gap, notListed, selection, value } from './fixtures';

describe('classBreaks', () => {
  test.each([
    { name: 'no values', values: [], thresholds: [], count: 0 },
    { name: 'one value', values: [42], thresholds: [], count: 1 },
    { name: 'equal values', values: [7, 7, 7, 7], thresholds: [], count: 1 },
    { name: 'two values', values: [10, 1000], thresholds: [1000], count: 2 },
    { name: 'two close values', values: [5, 6], thresholds: [6], count: 2 },
    { name: 'few values', values: [3, 40, 500], thresholds: [10, 100], count: 3 },
    // ties at zero swallow the lower quantile: zeros form one class, the rest another
    { name: 'zeros', values: [0, 0, 0, 12, 30], thresholds: [10], count: 2 },
    { name: 'all zeros', values: [0, 0, 0], thresholds: [], count: 1 },
    {
      name: 'wide range (synthetic table)',
      values: [13436, 6780, 5121, 9250, 10800, 3920, 1240, 760, 1630, 32, 0, 5],
      thresholds: [100, 1500, 4000, 7000],
      count: 5,
    },
    { name: 'fractions', values: [0.4, 1.25, 2.5, 7.75], thresholds: [1, 2], count: 3 },
  ])('$name', ({ values, thresholds, count }) => {
    const b = classBreaks(values);
    expect(b.thresholds).toEqual(thresholds);
    expect(b.count).toBe(count);
    // every class holds at least one value
    if (values.length) {
      const used = new Set(values.map((v) => classOf(b, v)));
      expect(used.size).toBe(count);
    }
  });

  test.each([
    [0, 0],
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 3],
    [5, 4],
    [8, 4],
    [9, 5],
    [14, 5],
  ])('classCount(%i distinct) = %i', (d, k) => expect(classCount(d)).toBe(k));

  test.each([
    [2900, 13436, 10000],
    [1200, 1350, 1300],
    [0, 12, 10],
    [5, 6, 6],
    [0.4, 1.25, 1],
    [999, 1000, 1000],
    [10, 10, 10],
  ])('roundBetween(%d, %d) = %d', (lo, hi, t) => expect(roundBetween(lo, hi)).toBe(t));

  test('integer flag', () => {
    expect(classBreaks([1, 2, 3]).integer).toBe(true);
    expect(classBreaks([1.5, 2]).integer).toBe(false);
  });
});

describe('palettes', () => {
  const luminance = (hex: string) => {
    const n = parseInt(hex.slice(1), 16);
    return 0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255);
  };
  test.each([1, 2, 3, 4, 5])('%i classes: k colours, light to dark', (k) => {
    const p = PALETTES[k];
    expect(p).toHaveLength(k);
    for (let i = 1; i < p.length; i++) expect(luminance(p[i])).toBeLessThan(luminance(p[i - 1]));
  });
  test('not-listed grey and gap are not palette colours', () => {
    const all = Object.values(PALETTES).flat();
    expect(all).not.toContain(NOT_LISTED.fill);
    expect(all).not.toContain(GAP.background);
  });
});

describe('fillFor', () => {
  const scale = scaleFor(SYNTHETIC_TABLE);
  test.each([
    { name: 'largest value → darkest', cell: value('SY-HL', 13436), fill: '#7f0000' },
    { name: 'zero → lightest class, not grey', cell: value('SY-RA', 0), fill: '#fdd49e' },
    { name: 'combined cell', cell: value('SY-DI+SY-RD', 10800), fill: '#7f0000' },
    { name: 'mid value', cell: value('SY-HI', 3920), fill: '#fc8d59' },
    { name: 'not listed', cell: notListed('SY-TA'), fill: NOT_LISTED.fill },
    { name: 'gap', cell: gap('SY-TA'), fill: GAP.background },
  ])('$name', ({ cell, fill }) => expect(fillFor(cell, scale)).toBe(fill));

  test('a selection without values has no classes', () => {
    const s = scaleFor(SYNTHETIC_NO_BREAKDOWN);
    expect(s.breaks.count).toBe(0);
    expect(s.colors).toEqual([]);
  });

  test('one value uses the single-class colour', () => {
    const s = scaleFor(selection([value('SY-HL', 3)]));
    expect(colorOf(s, 3)).toBe(PALETTES[1][0]);
  });
});

test('hatchPixels draws both colours, opaque, in a tile of the asked size', () => {
  const { width, height, data } = hatchPixels(8);
  expect([width, height, data.length]).toEqual([8, 8, 256]);
  const colours = new Set<string>();
  for (let i = 0; i < data.length; i += 4) {
    colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
    expect(data[i + 3]).toBe(255);
  }
  expect(colours.size).toBe(2);
});
