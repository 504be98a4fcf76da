// UCDP's monthly civilian line on SNHR's timeline (ucdp/overlay.ts): the series from synthetic
// tables (invented numbers, not UCDP data), and its placement over a laid-out months row.
import { describe, expect, it } from 'vitest';
import { layoutTimeline } from '../../src/lib/timeline/layout';
import { monthlyCivilians, placeLine, ucdpCoversYear, yearMax } from '../../src/lib/ucdp/overlay';
import { UCDP_RELEASE, type TableRow, type UcdpTables } from '../../src/lib/ucdp/types';
import { selection, valueBar } from '../timeline/fixtures';

const fmt = { t: (k: string, p?: Record<string, string | number>) => (p ? `${k} ${JSON.stringify(p)}` : k), num: String, date: String };

function tables(rows: TableRow[]): UcdpTables {
  return {
    release: UCDP_RELEASE,
    sides: ['A', 'B'],
    columns: ['gov', 'period', 'type', 'side', 'events', 'best', 'low', 'high', 'civilians'],
    rows,
    rangeOutOfOrder: 0,
  };
}

describe('UCDP’s monthly civilian series', () => {
  const t = tables([
    ['SY-HL', '2017-01', 1, 0, 2, 30, 20, 40, 10],
    ['SY-ID', '2017-01', 3, 1, 1, 8, 8, 9, 7],
    ['', '2017-01', 1, 0, 1, 5, 5, 5, 4], // placed at no governorate: still in Syria's month
    ['SY-HL', '2017-02', 2, 1, 1, 9, 9, 9, 0],
    ['SY-HL', '2017', 1, 0, 3, 47, 37, 54, 21], // a year row: never a month
    ['SY-HL', '2017-multi', 1, 0, 1, 100, 90, 110, 50], // spans months: in no month
  ]);
  it('sums every type, side and place for a month, and keeps years and multi-month events out', () => {
    const m = monthlyCivilians(t);
    expect([...m.entries()]).toEqual([
      ['2017-01', 21],
      ['2017-02', 0],
    ]);
    expect(yearMax(m, 2017)).toBe(21);
    expect(yearMax(m, 2018)).toBe(0);
  });
  it('is offered for the release’s years only', () => {
    expect([2015, 2016, 2019, 2020, null].map(ucdpCoversYear)).toEqual([false, true, true, false, false]);
  });
});

describe('the line over SNHR’s months row', () => {
  const months = ['2019-10', '2019-11', '2019-12'].map((k, i) => valueBar(k, [100, 200, 150][i]));
  const sel = selection([valueBar('2019', 450)], months);
  const base = { width: 800, height: 420, fmt };

  it('raises the months row’s scale to the line’s highest month, and only that row', () => {
    const plain = layoutTimeline(sel, base);
    const raised = layoutTimeline(sel, { ...base, monthsAtLeast: 900 });
    const top = (l: typeof plain) => Math.max(...l.months!.ticks.map((x) => x.value));
    expect(top(plain)).toBeLessThan(900);
    expect(top(raised)).toBeGreaterThanOrEqual(900);
    expect(raised.years.ticks).toEqual(plain.years.ticks);
  });

  it('puts each month at its band’s centre on the row’s own scale, and stops where UCDP has no month', () => {
    const layout = layoutTimeline(sel, { ...base, monthsAtLeast: 400 });
    const row = layout.months!;
    const values = new Map([
      ['2019-10', 400],
      ['2019-11', 0],
    ]); // no 2019-12: the release ends in November
    const line = placeLine(row, values);
    expect(line.points.map((p) => p.month)).toEqual(['2019-10', '2019-11']);
    const oct = row.bars.find((b) => b.key === '2019-10')!;
    expect(line.points[0].x).toBeCloseTo(oct.x + oct.width / 2, 1);
    expect(line.points[1].y).toBeCloseTo(row.baseline, 1);
    // 400 is at the height a bar of 400 would reach
    const tick = row.ticks.find((x) => x.value === 400)!;
    expect(line.points[0].y).toBeCloseTo(tick.y, 1);
    expect(line.points[0].y).toBeGreaterThanOrEqual(row.plot.y - 0.01);
    expect(line.d.match(/M/g)).toHaveLength(1);
  });

  it('breaks the line at a month with no value, in right-to-left charts too', () => {
    const layout = layoutTimeline(sel, { ...base, dir: 'rtl', monthsAtLeast: 300 });
    const line = placeLine(
      layout.months!,
      new Map([
        ['2019-10', 5],
        ['2019-12', 7],
      ]),
    );
    expect(line.runs).toHaveLength(2);
    expect(line.d.match(/M/g)).toHaveLength(2);
    // time runs right to left
    expect(line.points[0].x).toBeGreaterThan(line.points[1].x);
  });
});
