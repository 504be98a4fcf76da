/** The timeline component rendered on the server, on synthetic selections (fixtures.ts). */
import { describe, expect, it } from 'vitest';
import type { ComponentProps } from 'svelte';
import { render } from 'svelte/server';
import Timeline from '../../src/lib/timeline/Timeline.svelte';
import { EVENTS } from '../../src/lib/timeline/events';
import { gapBar, mixed, months2016, selection, valueBar } from './fixtures';

const html = (props: Partial<ComponentProps<typeof Timeline>> = {}) =>
  render(Timeline, { props: { selection: mixed(), width: 800, height: 360, events: [], ...props } }).body;

/** Strips comments and hydration markers, rounds numbers to 1 decimal: a stable snapshot. */
function normalise(markup: string): string {
  return markup
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/ ?svelte-[a-z0-9]{6}/g, '')
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(+n * 10) / 10))
    .replace(/>\s*</g, '>\n<')
    .trim();
}

const bars = (markup: string) => [...markup.matchAll(/<g class="bar[ "][^>]*>/g)].map((m) => m[0]);
const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];

describe('Timeline (server render)', () => {
  it('has one button per year, labelled with the year, value and unit', () => {
    const b = bars(html());
    expect(b).toHaveLength(5);
    expect(b.every((t) => attr(t, 'role') === 'button')).toBe(true);
    expect(attr(b[1], 'aria-label')).toBe('2013: 20,000 civilians; no split by party published');
    expect(attr(b[2], 'aria-label')).toMatch(/^2014: no figure published/);
  });

  it.each([
    [null, ['false', 'false', 'false', 'false', 'false']],
    [2015, ['false', 'false', 'false', 'true', 'false']],
  ])('aria-pressed with selected year %s', (selectedYear, pressed) => {
    expect(bars(html({ selectedYear })).map((t) => attr(t, 'aria-pressed'))).toEqual(pressed);
  });

  it('one tab stop: the selected year, else the latest', () => {
    expect(bars(html()).map((t) => attr(t, 'tabindex'))).toEqual(['-1', '-1', '-1', '-1', '0']);
    expect(bars(html({ selectedYear: 2013 })).map((t) => attr(t, 'tabindex'))).toEqual(['-1', '0', '-1', '-1', '-1']);
  });

  it('draws no gap as a bar: the gap year has a hatched strip and no segment', () => {
    const markup = html();
    const gap = /<g class="bar[ "][^>]*data-key="2014"[\s\S]*?<\/g>/.exec(markup)![0];
    expect(gap).toContain('class="gap"');
    expect(gap).not.toContain('class="segment"');
    expect(gap).toMatch(/fill="url\(#[^)]+-gap\)"/);
    // and it says so in the bar's place: no total, not zero
    expect(gap).toMatch(/class="gap-label[^"]*"[^>]*>no total published<\/text>/);
  });

  it('marks the residual, parts-only and conflicts', () => {
    const markup = html();
    expect(markup).toMatch(/data-perp="unattributed"[^>]*fill="url\(#[^)]+-unattributed\)"/);
    expect(markup).toContain('class="parts-only"');
    expect(markup).toContain('stroke-dasharray="3 2"');
    expect(markup).toContain('class="conflict"');
  });

  it('has a title, a description and the unit', () => {
    const markup = html();
    expect(markup).toMatch(/<title id="[^"]+">Documented civilians per year in Syria, as published by SNHR<\/title>/);
    expect(markup).toMatch(/<desc id="[^"]+">[^<]*Years with no figure published: 1\./);
    expect(markup).toContain('>civilians</text>');
  });

  it('month bars only when months exist', () => {
    expect(html()).not.toContain('Months of');
    const m = html({ selection: selection(mixed().years, months2016(), { year: 2016 }), selectedYear: 2016 });
    expect(m).toContain('Months of 2016');
    expect(bars(m).filter((t) => attr(t, 'role') === 'img')).toHaveLength(12);
  });

  it('no tooltip until something is hovered', () => {
    expect(html()).not.toContain('role="tooltip"');
  });

  it('matches the SVG snapshot (rounded numbers)', async () => {
    const markup = html({
      selection: selection(mixed().years, months2016(), { year: 2016 }),
      selectedYear: 2016,
      events: EVENTS.filter((e) => e.date.startsWith('2015') || e.date.startsWith('2016')),
    });
    await expect(normalise(markup)).toMatchFileSnapshot('./__snapshots__/timeline.svg.html');
  });

  it('matches the SVG snapshot at phone width, right to left', async () => {
    // the Arabic catalog loaded, as on the page: the same whatever ran before in this process
    const { setLocale } = await import('../../src/lib/i18n/i18n.svelte');
    await setLocale('ar', undefined);
    try {
      const markup = html({ width: 340, height: 300 });
      expect(markup).toMatch(/dir="rtl"/);
      await expect(normalise(markup)).toMatchFileSnapshot('./__snapshots__/timeline-phone-rtl.svg.html');
    } finally {
      await setLocale('en', undefined);
    }
  });

  it('draws a broken axis: the mark on the axis, a white cut across each outlying bar, and its value', () => {
    // invented values, shaped like a count that peaked early
    const values = [600, 35_000, 24_500, 12_000, 8_700, 4_100, 3_000, 1_500, 900];
    const sel = selection([...values.map((v, i) => valueBar(String(2012 + i), v)), gapBar('2021')], [], { perp: 'regime' });
    const out = html({ selection: sel });
    expect(out.match(/<g class="axis-break"/g)).toHaveLength(1);
    expect(out.match(/<path class="break"/g)).toHaveLength(2);
    expect([...out.matchAll(/<text class="break-value[^"]*"[^>]*>([^<]+)</g)].map((m) => m[1])).toEqual(['35,000', '24,500']);
    expect(out).toContain('Bar cut (too tall for the scale)');
    // one scale, no mark, for a chart with no outliers
    expect(html()).not.toMatch(/axis-break|class="break/);
  });
});
