import { describe, expect, it } from 'vitest';
import { formatCompact, formatTicks, labelStride, periodScale, tickCount, valueScale } from '../../src/lib/timeline/scales';

describe('formatCompact', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [950, '950'],
    [1000, '1k'],
    [1234, '1.2k'],
    [9960, '10k'],
    [12958, '13k'],
    [17318, '17k'],
    [123456, '123k'],
    [999950, '1M'],
    [1530000, '1.5M'],
    [-2500, '-2.5k'],
  ])('%d → %s', (n, expected) => {
    expect(formatCompact(n)).toBe(expected);
  });
});

describe('formatTicks', () => {
  it.each([
    [
      [0, 5, 10],
      ['0', '5', '10'],
    ],
    [
      [0, 500, 1000],
      ['0', '0.5k', '1k'],
    ],
    [
      [0, 2500, 5000, 7500],
      ['0', '2.5k', '5k', '7.5k'],
    ],
    [
      [0, 5000, 10000, 15000, 20000],
      ['0', '5k', '10k', '15k', '20k'],
    ],
    [
      [0, 250, 500],
      ['0', '250', '500'],
    ],
    [
      [0, 1e6, 2e6],
      ['0', '1M', '2M'],
    ],
    [
      [0, 0.5, 1],
      ['0', '0.5', '1'],
    ],
  ])('%j → %j', (ticks, expected) => {
    expect(formatTicks(ticks)).toEqual(expected);
  });
});

describe('valueScale', () => {
  it.each([
    // [max, count, nice max, ticks]
    [12958, 5, 14000, [0, 2000, 4000, 6000, 8000, 10000, 12000, 14000]],
    [17318, 4, 20000, [0, 5000, 10000, 15000, 20000]],
    [95, 5, 100, [0, 20, 40, 60, 80, 100]],
    [0, 5, 1, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [Number.NaN, 3, 1, [0, 0.5, 1]],
  ])('max %d, %d ticks → top %d', (max, count, top, ticks) => {
    const v = valueScale(max, 200, 0, count);
    expect(v.max).toBe(top);
    expect(v.ticks).toEqual(ticks);
    expect(v.scale(0)).toBe(200);
    expect(v.scale(top)).toBe(0);
  });

  it('ticks are 1, 2 or 5 × 10ⁿ apart', () => {
    for (const max of [7, 43, 380, 1234, 12958, 76021, 207000]) {
      const { ticks } = valueScale(max, 100, 0, 5);
      const step = ticks[1] - ticks[0];
      const mantissa = step / 10 ** Math.floor(Math.log10(step));
      expect([1, 2, 5]).toContain(Math.round(mantissa));
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
    }
  });
});

describe('periodScale', () => {
  const keys = ['2012', '2013', '2014'];
  it.each([
    ['ltr', '2012', '2014'],
    ['rtl', '2014', '2012'],
  ] as const)('%s: leftmost %s, rightmost %s', (dir, left, right) => {
    const s = periodScale(keys, 0, 300, dir);
    const sorted = [...keys].sort((a, b) => s(a)! - s(b)!);
    expect(sorted[0]).toBe(left);
    expect(sorted[2]).toBe(right);
  });
  it('mirrors exactly', () => {
    const l = periodScale(keys, 10, 310, 'ltr');
    const r = periodScale(keys, 10, 310, 'rtl');
    for (const k of keys) expect(r(k)! + r.bandwidth()).toBeCloseTo(320 - l(k)!, 6);
  });
});

describe('tickCount and labelStride', () => {
  it.each([
    [40, 2],
    [100, 2],
    [150, 4],
    [400, 6],
  ])('plot %dpx → %d ticks', (h, n) => expect(tickCount(h)).toBe(n));
  it.each([
    [14, 40, 30, 1],
    [14, 20, 30, 2],
    [14, 9, 30, 4],
    [1, 5, 30, 1],
  ])('%d labels, step %d, width %d → every %d', (n, step, w, k) => expect(labelStride(n, step, w)).toBe(k));
});
