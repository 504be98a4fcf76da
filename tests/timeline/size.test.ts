/** The one timeline sizing rule (src/lib/timeline/size.ts), on the SYNTHETIC selections of ./fixtures.ts. */
import { describe, expect, it } from 'vitest';
import { TIMELINE_SIZE, timelineHeight } from '../../src/lib/timeline/size';
import { timelineLegend } from '../../src/lib/timeline/layout';
import { mixed, months2016, selection, valueBar } from './fixtures';

const years = selection([valueBar('2015', 120), valueBar('2016', 80)]);
const withMonths = selection([valueBar('2015', 120), valueBar('2016', 80)], months2016());

describe('on a page (explorer and embed)', () => {
  it.each([
    [200, 240],
    [390, 240],
    [667, 240],
    [800, 288],
    [1000, 360],
    [1600, 360],
  ])('%i px wide: %i px tall (36 %% of the width, 240–360)', (width, height) => {
    expect(timelineHeight(width, years)).toBe(height);
    expect(timelineHeight(width, null)).toBe(height);
  });
  it('the months row of a picked year adds 170 px', () => {
    expect(timelineHeight(800, withMonths)).toBe(288 + TIMELINE_SIZE.months);
    expect(TIMELINE_SIZE.months).toBe(170);
  });
});

describe('on paper (the printed deck)', () => {
  it('a 270 px plot plus one 16 px row per three legend items, whatever the width and the months', () => {
    const items = timelineLegend(mixed()).length;
    expect(items).toBeGreaterThan(3);
    expect(timelineHeight(TIMELINE_SIZE.paperWidth, mixed(), 'paper')).toBe(270 + 16 * Math.ceil(items / 3));
    expect(timelineHeight(100, mixed(), 'paper')).toBe(timelineHeight(TIMELINE_SIZE.paperWidth, mixed(), 'paper'));
    expect(timelineHeight(TIMELINE_SIZE.paperWidth, withMonths, 'paper')).toBe(270 + 16 * Math.ceil(timelineLegend(withMonths).length / 3));
    expect(timelineHeight(TIMELINE_SIZE.paperWidth, null, 'paper')).toBe(270);
  });
});
