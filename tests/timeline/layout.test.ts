/** Layout on synthetic TimeSelections (tests/timeline/fixtures.ts): invented numbers, not SNHR's. */
import { describe, expect, it } from 'vitest';
import { addMessages, i18n } from '../../src/lib/i18n/i18n.svelte';
import timelineMessages from '../../src/lib/i18n/en/timeline';
import { COMBINED_COLORS, GAP, PARTS_ONLY, PERP_COLORS, SINGLE_SERIES_COLOR, UNATTRIBUTED, perpColor } from '../../src/lib/timeline/colors';
import { EVENTS } from '../../src/lib/timeline/events';
import {
  SHORT_BAR,
  axisBreakValue,
  barAriaLabel,
  layoutTimeline,
  legendLabel,
  perpLabel,
  timelineLegend,
  tooltipLines,
  type PlacedBar,
} from '../../src/lib/timeline/layout';
import { gapBar, mixed, months2016, obs, partsBar, selection, valueBar } from './fixtures';

// as Timeline.svelte does: the timeline's messages are not on the explorer's first paint
addMessages(timelineMessages);

const fmt = i18n;
const lay = (sel = mixed(), o: Partial<Parameters<typeof layoutTimeline>[1]> = {}) => layoutTimeline(sel, { width: 800, height: 400, fmt, ...o });
const byKey = (bars: PlacedBar[], key: string) => bars.find((b) => b.key === key)!;

describe('stacked bars', () => {
  const l = lay();
  const scale = (v: number) => l.years.baseline - (v / l.years.ticks.at(-1)!.value) * l.years.plot.height;

  it.each(['2012', '2013', '2015', '2016'])('%s: segments fill the bar exactly, from the baseline up', (key) => {
    const b = byKey(l.years.bars, key);
    const sum = b.segments.reduce((a, s) => a + s.height, 0);
    expect(sum).toBeCloseTo(b.height, 1);
    expect(b.segments[0].y + b.segments[0].height).toBeCloseTo(l.years.baseline, 1);
    for (let i = 1; i < b.segments.length; i++) expect(b.segments[i].y + b.segments[i].height).toBeCloseTo(b.segments[i - 1].y, 1);
    expect(b.y).toBeCloseTo(scale(b.bar.value!), 0);
  });

  it('the residual is placed last (on top) and hatched, never a party colour', () => {
    const b = byKey(l.years.bars, '2012');
    expect(b.segments.map((s) => s.perp)).toEqual(['regime', 'isis', 'unattributed']);
    const r = b.segments.at(-1)!;
    expect(r.derived).toBe(true);
    expect(r.pattern).toBe(UNATTRIBUTED);
    expect(Object.values(PERP_COLORS)).not.toContain(r.fill);
    expect(b.segments.slice(0, 2).every((s) => !s.derived && s.pattern === null)).toBe(true);
  });

  it('puts the residual last even when given out of order', () => {
    const bar = valueBar('2012', 100, { regime: 50 });
    bar.segments.reverse();
    const b = lay(selection([bar])).years.bars[0];
    expect(b.segments.map((s) => s.perp)).toEqual(['regime', 'unattributed']);
  });

  it.each([
    ['all', SINGLE_SERIES_COLOR],
    ['russia', perpColor('russia')],
  ])('an unstacked bar under filter %s is one solid segment', (perp, colour) => {
    const b = lay(selection([valueBar('2013', 500)], [], { perp })).years.bars[0];
    expect(b.segments).toHaveLength(1);
    expect(b.segments[0].fill).toBe(colour);
    expect(b.segments[0].figure).not.toBeNull();
  });
});

describe('statuses', () => {
  const l = lay();
  it('a gap has a marker strip and no bar', () => {
    const b = byKey(l.years.bars, '2014');
    expect(b.status).toBe('gap');
    expect(b.height).toBe(0);
    expect(b.segments).toEqual([]);
    expect(b.gap).toMatchObject({ y: l.years.plot.y, height: l.years.plot.height, pattern: GAP });
    expect(b.hasOtherUnits).toBe(true);
  });
  it.each(['2012', '2013', '2015'])('%s has no gap marker', (key) => {
    expect(byKey(l.years.bars, key).gap).toBeNull();
  });
  it('a parts-only bar has the rest of its column hatched: its total is not known', () => {
    const b = byKey(l.years.bars, '2016');
    expect(b.gap).toMatchObject({ y: l.years.plot.y, height: b.y - l.years.plot.y, pattern: GAP });
    expect(b.height).toBeGreaterThan(0);
  });
  it('a parts-only bar is outlined dashed around the whole stack', () => {
    const b = byKey(l.years.bars, '2016');
    expect(b.outline).toMatchObject({ x: b.x, y: b.y, width: b.width, height: b.height, dasharray: PARTS_ONLY.dasharray });
    expect(byKey(l.years.bars, '2012').outline).toBeNull();
  });
  it('a conflict gets a marker over the bar', () => {
    const b = byKey(l.years.bars, '2015');
    expect(b.conflict).not.toBeNull();
    expect(b.conflict!.y).toBeLessThan(b.y);
    expect(byKey(l.years.bars, '2013').conflict).toBeNull();
  });
  it('the selected year is flagged', () => {
    const s = lay(mixed(), { selectedYear: 2013 });
    expect(s.years.bars.filter((b) => b.selected).map((b) => b.key)).toEqual(['2013']);
  });
});

describe('direction', () => {
  it('RTL mirrors every x', () => {
    const ltr = lay(mixed(), { dir: 'ltr' });
    const rtl = lay(mixed(), { dir: 'rtl' });
    for (const b of ltr.years.bars) {
      const m = byKey(rtl.years.bars, b.key);
      expect(m.x + m.width).toBeCloseTo(800 - b.x, 1);
    }
    const xs = rtl.years.bars.map((b) => b.x);
    expect(xs).toEqual([...xs].sort((a, b) => b - a)); // time runs right to left
    expect(rtl.years.tickAnchor).toBe('start');
    expect(rtl.years.tickX).toBeGreaterThan(rtl.years.plot.x + rtl.years.plot.width);
  });
  it('RTL mirrors event markers', () => {
    const years = ['2015', '2016', '2017'].map((k) => valueBar(k, 100));
    const ltr = lay(selection(years), { dir: 'ltr', events: EVENTS });
    const rtl = lay(selection(years), { dir: 'rtl', events: EVENTS });
    expect(ltr.years.events.map((e) => e.id)).toEqual(['russian-intervention', 'fall-east-aleppo']);
    for (const e of ltr.years.events) expect(rtl.years.events.find((r) => r.id === e.id)!.x).toBeCloseTo(800 - e.x, 1);
  });
});

describe('months row', () => {
  it.each([
    ['without months', [], false],
    ['with months', months2016(), true],
  ])('%s', (_, months, expected) => {
    const l = lay(selection(mixed().years, months, { year: 2016 }), { selectedYear: 2016 });
    expect(l.months !== null).toBe(expected);
    if (l.months) {
      expect(l.months.bars).toHaveLength(12);
      expect(l.months.plot.y).toBeGreaterThan(l.years.baseline);
      expect(l.months.plot.height).toBeLessThan(l.years.plot.height);
      expect(l.months.title!.text).toBe('Months of 2016 (own scale)');
      expect(l.months.bars.filter((b) => b.status === 'gap').every((b) => b.height === 0 && b.gap)).toBe(true);
      expect(l.months.bars[0].label).toBe('Jan');
    }
  });
});

describe('axis and labels', () => {
  it('ticks are nice and labelled compactly', () => {
    const l = lay(selection([valueBar('2012', 12958), valueBar('2013', 3000)]));
    expect(l.years.ticks.map((t) => t.label)).toEqual(['0', '2k', '4k', '6k', '8k', '10k', '12k', '14k']);
    const short = lay(selection([valueBar('2012', 12958)]), { height: 200 });
    expect(short.years.ticks.map((t) => t.label)).toEqual(['0', '5k', '10k', '15k']);
    expect(l.unitLabel.text).toBe('civilians');
  });
  it.each([
    [900, 1],
    [340, 2],
  ])('at %dpx, year labels show every %d', (width, stride) => {
    const years = Array.from({ length: 14 }, (_, i) => valueBar(String(2011 + i), 100 + i));
    const l = lay(selection(years), { width });
    const shown = l.years.bars.filter((b) => b.showLabel);
    expect(shown.length).toBe(Math.ceil(14 / stride));
    expect(shown.at(-1)!.key).toBe('2024');
    expect(l.compact).toBe(width < 480);
  });
  it('the selected year keeps its label on a phone', () => {
    const years = Array.from({ length: 14 }, (_, i) => valueBar(String(2011 + i), 100 + i));
    const l = lay(selection(years), { width: 340, selectedYear: 2013 });
    expect(byKey(l.years.bars, '2013').showLabel).toBe(true);
  });
  it('numbers event markers at phone width and keys every number under the chart', () => {
    const years = Array.from({ length: 14 }, (_, i) => valueBar(String(2011 + i), 100 + i));
    const wide = lay(selection(years), { width: 900, events: EVENTS });
    const phone = lay(selection(years), { width: 340, events: EVENTS });
    expect(wide.years.events).toHaveLength(EVENTS.length);
    expect(wide.years.events.every((e) => e.showLabel && e.n === null)).toBe(true);
    expect(wide.eventKey).toEqual([]);
    expect(phone.years.events).toHaveLength(EVENTS.length);
    // every marker is explained: its number is drawn, and the key names it
    expect(phone.years.events.map((e) => [e.label, e.showLabel])).toEqual(EVENTS.map((_, i) => [String(i + 1), true]));
    expect(phone.eventKey.map((k) => k.text)).toEqual(EVENTS.map((e, i) => `${i + 1} ${e.label}`));
    // the key sits between the plot's labels and the legend, inside the box
    const legendTop = Math.min(...phone.legend.map((l) => l.y));
    for (const k of phone.eventKey) {
      expect(k.y).toBeLessThanOrEqual(legendTop);
      expect(k.y).toBeGreaterThan(phone.years.labelY);
    }
  });
  it('keys by number a desktop marker whose label finds no lane', () => {
    const years = Array.from({ length: 14 }, (_, i) => valueBar(String(2011 + i), 100 + i));
    // three events within weeks of each other: two lanes, so the third is numbered and keyed
    const crowded = [
      { id: 'a', date: '2015-03-01', label: 'First event, a long label' },
      { id: 'b', date: '2015-03-10', label: 'Second event, a long label' },
      { id: 'c', date: '2015-03-20', label: 'Third event, a long label' },
    ];
    const l = lay(selection(years), { width: 900, events: crowded });
    expect(l.years.events.map((e) => [e.id, e.label, e.showLabel])).toEqual([
      ['a', 'First event, a long label', true],
      ['b', 'Second event, a long label', true],
      ['c', '1', true],
    ]);
    expect(l.eventKey.map((k) => k.text)).toEqual(['1 Third event, a long label']);
  });
  it('everything fits the box', () => {
    for (const width of [340, 600, 900]) {
      const l = lay(selection(mixed().years, months2016()), { width, height: 420, events: EVENTS });
      for (const row of [l.years, l.months!]) {
        expect(row.plot.x).toBeGreaterThanOrEqual(0);
        expect(row.plot.x + row.plot.width).toBeLessThanOrEqual(width);
        expect(row.plot.height).toBeGreaterThan(20);
      }
      for (const item of l.legend) {
        expect(item.x).toBeGreaterThanOrEqual(0);
        expect(item.x + item.width).toBeLessThanOrEqual(width);
        expect(item.y).toBeGreaterThan(l.months!.labelY);
      }
    }
  });
});

describe('timelineLegend', () => {
  it.each([
    ['mixed', mixed(), ['perp:regime', 'perp:russia', 'perp:isis', 'single', 'unattributed', 'parts-only', 'gap', 'conflict']],
    ['unstacked only', selection([valueBar('2013', 5)]), ['single']],
    ['one party filtered', selection([valueBar('2013', 5)], [], { perp: 'russia' }), ['single:russia']],
    ['gaps only', selection([gapBar('2013')]), ['gap']],
    ['parts only', selection([partsBar('2013', { sdf: 3, hts: 4 })]), ['perp:hts', 'perp:sdf', 'parts-only']],
  ])('%s', (_, sel, expected) => {
    const kinds = timelineLegend(sel).map((i) => (i.kind === 'perp' || (i.kind === 'single' && i.perp) ? `${i.kind}:${i.perp}` : i.kind));
    expect(kinds.sort()).toEqual([...expected].sort());
  });
  it('orders parties by the fixed palette order, treatments after', () => {
    const kinds = timelineLegend(mixed()).map((i) => i.perp ?? i.kind);
    expect(kinds.slice(0, 4)).toEqual(['single', 'regime', 'russia', 'isis']);
    expect(kinds.indexOf('unattributed')).toBeGreaterThan(kinds.indexOf('isis'));
  });
});

describe('words', () => {
  const sel = mixed();
  const ctx = { fmt, unit: 'civilians' as const, perpFilter: 'all', sourceDate: (id: string) => (id === 'synthetic-2016-01-01' ? '2016-01-01' : undefined) };
  const bar = (k: string) => sel.years.find((b) => b.period.key === k)!;
  it.each([
    ['2013', '2013: 20,000 civilians; no split by party published'],
    ['2014', '2014: no figure published; also published: about 30,000 persons (civilians and fighters) (not comparable)'],
    ['2012', '2012: 12,000 civilians; split by party: Syrian regime 9,000, ISIS 1,500, Not attributed in the source 1,500'],
    [
      '2016',
      '2016: figures for some parties only; no total was published, so the year’s total is not known; split by party: Syrian regime 4,000, Russia 2,500',
    ],
    ['2015', '2015: 9,000 civilians; no split by party published; the sources give conflicting values: 9,000 and 9,400'],
  ])('aria-label of %s', (k, text) => {
    expect(barAriaLabel(bar(k), ctx)).toBe(text);
  });
  it('barrel bombs, as the brief words it', () => {
    const b = valueBar('2015', 17318, {}, {});
    b.total!.shown = obs({ period: '2015', value: 17318, unit: 'barrels', metric: 'barrel-bombs' });
    expect(barAriaLabel(b, { ...ctx, unit: 'barrels' })).toBe('2015: 17,318 barrel bombs; no split by party published');
  });
  it.each(['approx', 'at-least'] as const)('qualifier %s reads as the catalog words it', (qualifier) => {
    const b = valueBar('2013', 1200);
    b.total!.shown = obs({ period: '2013', value: 1200, qualifier });
    const words = fmt.t(`qualifier.${qualifier}`, { value: '1,200' });
    expect(words).not.toBe('1,200');
    expect(tooltipLines(b, null, ctx)[1].text).toBe(`${words} civilians`);
    expect(barAriaLabel(b, ctx)).toMatch(new RegExp(`^2013: ${words} civilians`));
  });
  it('tooltip tells conflicts, earlier vintages with their date, and nothing compact', () => {
    const lines = tooltipLines(bar('2015'), null, ctx);
    expect(lines.map((l) => l.kind)).toEqual(['title', 'value', 'note', 'conflict', 'earlier']);
    expect(lines[3].text).toBe('the sources give conflicting values: 9,000 and 9,400');
    expect(lines[4].text).toBe('earlier figure: 8,800 (1 Jan 2016)');
  });
  it('tooltip of a gap says so and lists other units', () => {
    expect(tooltipLines(bar('2014'), null, ctx).map((l) => l.text)).toEqual([
      '2014',
      'No figure published',
      'also published: about 30,000 persons (civilians and fighters) (not comparable)',
    ]);
  });
  it('tooltip of a residual segment explains it is derived', () => {
    const b = bar('2012');
    const lines = tooltipLines(b, b.segments.at(-1)!, ctx);
    expect(lines.find((l) => l.current)!.text).toBe('Not attributed in the source: 1,500');
    expect(lines.at(-1)!.text).toMatch(/derived, not published/);
  });
  it('months are titled with the month', () => {
    expect(tooltipLines(months2016()[6], null, ctx)[0].text).toBe('Jul 2016');
  });
});

describe('parties published as one figure', () => {
  it.each([
    ['regime', 'Syrian regime'],
    ['regime+russia', 'Regime and Russia (combined)'],
    ['isis+hts', 'ISIS + HTS (combined in the source)'],
    ['hts+tip', 'HTS + Turkistan Islamic Party (combined in the source)'],
    ['unknown-party', 'unknown-party'],
  ])('%s is named "%s"', (perp, name) => {
    expect(perpLabel(perp, fmt)).toBe(name);
    const legend = timelineLegend(selection([valueBar('2017', 100, { [perp]: 60 })]));
    expect(legend.map((i) => legendLabel(i, fmt))).toContain(name);
  });
  it.each(['isis+hts', 'hts+tip', 'sna+sdf'])('%s has its own colour, never one of its parties’', (perp) => {
    const c = perpColor(perp);
    expect(Object.values(PERP_COLORS)).not.toContain(c);
    expect(c).toBe(perpColor(perp)); // stable
    expect(COMBINED_COLORS).toContain(c);
  });
  it('the two combinations in the data get different colours', () => {
    expect(perpColor('isis+hts')).not.toBe(perpColor('hts+tip'));
  });
});

describe('a broken value axis (a few outlying years would flatten the rest)', () => {
  it.each([
    // invented heights, shaped like a count that peaked early and fell ten-fold
    [[35_000, 24_500, 12_000, 8_700, 4_100, 3_000, 1_500, 900, 800, 700, 600, 1_100], 12_000],
    [[35_000, 24_500, 16_700, 14_500, 10_000, 7_000, 3_000, 1_500, 1_000, 900, 900, 1_100], 16_700],
    // no clear step between the tallest bars and the rest: one scale
    [[19_500, 17_000, 15_000, 12_800, 6_000, 4_300, 3_500, 2_200, 400], null],
    // too few bars to call any an outlier
    [[50_000, 100, 100, 100], null],
    // a single tall bar, but not twice the next: one scale
    [[10_000, 7_000, 6_000, 5_000, 4_000, 3_000, 2_000, 1_000], null],
    [[10_000, 2_000, 1_800, 1_500, 1_400, 1_200, 1_000, 900], 2_000],
  ])('%j → %s', (values, expected) => {
    expect(axisBreakValue(values)).toBe(expected);
  });

  const years = [
    valueBar('2012', 600),
    valueBar('2013', 35_000),
    valueBar('2014', 24_500),
    valueBar('2015', 12_000),
    valueBar('2016', 8_700),
    valueBar('2017', 4_100),
    valueBar('2018', 3_000),
    valueBar('2019', 1_500),
    valueBar('2020', 900),
    gapBar('2021'),
    valueBar('2022', 700),
    valueBar('2023', 600),
    valueBar('2024', 150),
  ];
  const l = lay(selection(years, [], { perp: 'regime' }));
  const row = l.years;

  it('breaks the axis above the tallest kept bar; ticks stop there', () => {
    expect(row.axisBreak).not.toBeNull();
    expect(row.axisBreak!.value).toBeGreaterThanOrEqual(12_000);
    expect(row.axisBreak!.value).toBeLessThan(24_500);
    expect(Math.max(...row.ticks.map((t) => t.value))).toBe(row.axisBreak!.value);
    expect(row.axisBreak!.y).toBeGreaterThan(row.plot.y);
    expect(row.axisBreak!.y).toBeLessThan(byKey(row.bars, '2015').y);
  });

  it('cuts the outlying bars, marks the cut across each, and writes each one’s value over it', () => {
    for (const [key, text] of [
      ['2013', '35,000'],
      ['2014', '24,500'],
    ]) {
      const b = byKey(row.bars, key);
      expect(b.broken).toEqual({ y: row.axisBreak!.y, label: text, labelY: b.y - 3 });
      // the cut bar still reaches above the mark, inside the plot, the taller one higher
      expect(b.y).toBeLessThan(row.axisBreak!.y);
      expect(b.broken!.labelY - 9).toBeGreaterThanOrEqual(row.plot.y);
    }
    expect(byKey(row.bars, '2013').y).toBeLessThan(byKey(row.bars, '2014').y);
    for (const b of row.bars) if (!['2013', '2014'].includes(b.key)) expect(b.broken).toBeNull();
  });

  it('keeps recent years readable, on one scale with each other', () => {
    const unbroken = lay(selection(years, [], { perp: 'regime' }), { height: 400 }).years;
    const h = (k: string) => byKey(unbroken.bars, k).height;
    // 1,500 against a kept scale of about 12,000 instead of 35,000
    expect(h('2019') / (unbroken.baseline - unbroken.axisBreak!.y)).toBeGreaterThan(0.1);
    expect(h('2019') / h('2015')).toBeCloseTo(1_500 / 12_000, 1);
    expect(byKey(unbroken.bars, '2021').gap).not.toBeNull();
  });

  it('a sliver of a bar says its value over it', () => {
    const slivers = row.bars.filter((b) => b.status !== 'gap' && b.height < SHORT_BAR);
    expect(slivers.length).toBeGreaterThan(0);
    for (const b of slivers) expect(b.shortValue).toEqual({ label: fmt.num(b.bar.value!), y: b.y - 3 });
    for (const b of row.bars.filter((b) => b.height >= SHORT_BAR || b.status === 'gap')) expect(b.shortValue).toBeNull();
  });

  it('says so in the legend, last', () => {
    expect(l.legend.at(-1)!.kind).toBe('broken');
    expect(l.legend.at(-1)!.label).toMatch(/cut/i);
  });

  it('a plot too short for the break keeps one scale, and its legend says nothing of one', () => {
    const short = lay(selection(years, [], { perp: 'regime' }), { height: 150 });
    expect(short.years.axisBreak).toBeNull();
    expect(short.years.bars.every((b) => b.broken === null)).toBe(true);
    expect(short.legend.some((i) => i.kind === 'broken')).toBe(false);
  });

  it('a narrow chart abbreviates the written values like its axis', () => {
    const phone = lay(selection(years, [], { perp: 'regime' }), { width: 300, height: 300 });
    expect(byKey(phone.years.bars, '2013').broken?.label).toBe('35k');
  });
});
