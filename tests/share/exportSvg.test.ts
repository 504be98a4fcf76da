import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { render } from 'svelte/server';
import ChoroplethSvg from '../../src/lib/map/ChoroplethSvg.svelte';
import Timeline from '../../src/lib/timeline/Timeline.svelte';
import { governoratesOf, neighbourBorders, neighboursOf, type SyriaTopology } from '../../src/lib/map/geo';
import { scaleFor } from '../../src/lib/map/color';
import { legendItems } from '../../src/lib/map/legend';
import { indexDataset, selectMap, selectTime } from '../../src/lib/data/select';
import type { Query } from '../../src/lib/data/selection';
import { i18n } from '../../src/lib/i18n/i18n.svelte';
import { fixture } from '../data/fixture';
import {
  FORMATS,
  composeExportSvg,
  escapeXml,
  layoutExport,
  nestSvg,
  textWidth,
  wrapText,
  type ExportFormat,
  type ExportTexts,
  type Rect,
} from '../../src/lib/share/exportSvg';
import type { Show } from '../../src/lib/state/embed';

const topo = JSON.parse(readFileSync('static/geo/syria.topo.json', 'utf8')) as SyriaTopology;
const atlas = indexDataset(fixture());
const query: Query = { metric: 'barrel-bombs', year: null, period: '2012-07/2017-11', perp: 'all', victims: 'all', gov: null };
const map = selectMap(atlas, query);
const time = selectTime(atlas, query);
const scale = scaleFor(map);

const texts = (o: Partial<ExportTexts> = {}): ExportTexts => ({
  title: 'Barrel bombs dropped · Jul 2012 – Nov 2017',
  summary: 'Governorate table: Jul 2012 – Nov 2017 · Party: All parties · All of Syria, Jul 2012 – Nov 2017: 2,000',
  legendTitle: 'barrel bombs',
  legend: legendItems(map, scale, i18n.t),
  note: i18n.t('note.minimum'),
  source: 'Sources: 2 reports by the Syrian Network for Human Rights (SNHR), published 25 Dec 2017 – 15 Apr 2021',
  url: 'https://atlas.example/?metric=barrel-bombs&year=all&period=2012-07/2017-11&perp=all',
  credit: 'Syria violations atlas',
  ...o,
});

/** Server-rendered markup without Svelte's hydration comments. */
const clean = (html: string) => html.replace(/<!--[\s\S]*?-->/g, '');
function drawMap(r: Rect) {
  return clean(
    render(ChoroplethSvg, {
      props: {
        governorates: governoratesOf(topo),
        neighbours: neighboursOf(topo),
        neighbourBorders: neighbourBorders(topo),
        selection: map,
        scale,
        width: r.width,
        height: r.height,
        interactive: false,
      },
    }).body,
  );
}
function drawTimeline(r: Rect) {
  const html = clean(render(Timeline, { props: { selection: time, width: r.width, height: r.height, showTooltip: false } }).body);
  return html.slice(html.indexOf('<svg'), html.lastIndexOf('</svg>') + 6);
}

/** Tags open and close in order (a well-formedness check good enough for generated SVG). */
function balanced(xml: string): boolean {
  const stack: string[] = [];
  for (const m of xml.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([a-zA-Z][\w:-]*)([^>]*?)(\/?)>/g)) {
    const [, close, name, , self] = m;
    if (self) continue;
    if (close) {
      if (stack.pop() !== name) return false;
    } else stack.push(name);
  }
  return stack.length === 0;
}

const inside = (r: Rect, outer: { width: number; height: number }) => r.x >= 0 && r.y >= 0 && r.x + r.width <= outer.width && r.y + r.height <= outer.height;
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('wrapText', () => {
  test.each([
    ['short', 200, 16, 2, ['short']],
    ['', 200, 16, 2, []],
    ['one two three four five six seven eight nine ten', 120, 16, 2, 2],
    ['one two three four five six seven eight nine ten', 2000, 16, 2, 1],
  ] as const)('%s in %i px', (text, width, size, max, expected) => {
    const lines = wrapText(text, width, size, max);
    if (typeof expected === 'number') expect(lines).toHaveLength(expected);
    else expect(lines).toEqual(expected);
    for (const l of lines) expect(textWidth(l, size)).toBeLessThanOrEqual(Math.max(width, textWidth(l.split(' ')[0], size)));
  });
  test('cut text ends with an ellipsis', () => {
    const lines = wrapText('word '.repeat(100), 200, 16, 2);
    expect(lines[1].endsWith('…')).toBe(true);
  });
});

describe('layoutExport', () => {
  const cases: [ExportFormat, Show][] = [];
  for (const f of ['wide', 'square'] as const) for (const s of ['both', 'map', 'timeline'] as const) cases.push([f, s]);
  test.each(cases)('%s, %s: every block inside the image, none overlapping', (format, show) => {
    const long = texts({ title: 'A very long title '.repeat(8), source: 'Sources: a very long list '.repeat(12) });
    for (const t of [texts(), long]) {
      const l = layoutExport(format, show, t);
      expect({ width: l.width, height: l.height }).toEqual(FORMATS[format]);
      expect(l.title.lines.length).toBeGreaterThan(0);
      expect(l.title.lines.length).toBeLessThanOrEqual(2);
      const footerTop = l.note.bar.y;
      const headerBottom = Math.max(...l.summary.baselines, ...l.title.baselines);
      const blocks = [l.map, l.timeline, l.legend?.box].filter((r): r is Rect => !!r);
      expect(blocks.length).toBe(show === 'both' ? 3 : show === 'map' ? 2 : 1);
      for (const r of blocks) {
        expect(inside(r, l), JSON.stringify(r)).toBe(true);
        expect(r.y).toBeGreaterThan(headerBottom);
        expect(r.y + r.height).toBeLessThanOrEqual(footerTop);
        expect(r.width).toBeGreaterThan(200);
        expect(r.height).toBeGreaterThan(r === l.legend?.box ? 19 : 150);
      }
      for (let i = 0; i < blocks.length; i++) for (let j = i + 1; j < blocks.length; j++) expect(overlap(blocks[i], blocks[j])).toBe(false);
      expect(Math.max(...l.url.baselines)).toBeLessThanOrEqual(l.height - 10);
      expect(l.source.lines.join(' ').length).toBeGreaterThan(10);
    }
  });
});

describe('nestSvg', () => {
  test('keeps the viewBox and fonts, places it, drops size, class, style and ARIA', () => {
    const out = nestSvg(
      '<svg xmlns="http://www.w3.org/2000/svg" class="c" style="max-width:100%" width="600" height="400" viewBox="0 0 600 400" role="group" aria-label="x" font-size="11"><rect/></svg>',
      { x: 10, y: 20, width: 300, height: 200 },
      'map',
    );
    expect(out).toBe(
      '<svg data-part="map" x="10" y="20" width="300" height="200" viewBox="0 0 600 400" font-size="11" preserveAspectRatio="xMidYMid meet" overflow="hidden"><rect/></svg>',
    );
  });
  test('a viewBox from width and height when there is none', () => {
    expect(nestSvg('<svg width="50" height="40"></svg>', { x: 0, y: 0, width: 50, height: 40 }, 't')).toContain('viewBox="0 0 50 40"');
  });
  test('escapeXml', () => {
    expect(escapeXml(`a & b < c > "d" 'e'`)).toBe('a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos;');
  });
});

describe('composeExportSvg', () => {
  for (const format of ['wide', 'square'] as const) {
    test(`${format}: a standalone SVG with title, summary, map, legend, timeline, note, source line and URL`, () => {
      const t = texts({ title: 'Barrel bombs & “quotes” <dropped>' });
      const layout = layoutExport(format, 'both', t);
      const svg = composeExportSvg(layout, { map: drawMap(layout.map!), timeline: drawTimeline(layout.timeline!) }, t.title);
      expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg).toContain(`width="${FORMATS[format].width}" height="${FORMATS[format].height}"`);
      expect(balanced(svg)).toBe(true);
      expect(svg).toContain('Barrel bombs &amp; “quotes” &lt;dropped&gt;');
      expect(svg).toMatch(/<g data-part="source"><text [^>]*>Sources: 2 reports by the Syrian Network for Human Rights \(SNHR\)/);
      expect(svg).toContain('<g data-part="note">');
      expect(svg).toContain('https://atlas.example/?metric=barrel-bombs&amp;year=all');
      expect((svg.match(/data-code="SY-[A-Z]{2}"/g) ?? []).length).toBe(14);
      expect(svg).toContain('data-part="timeline"');
      expect(svg).toMatch(/data-part="legend"/);
      // the image depends on no page: no external references, no web font
      expect(svg).not.toMatch(/href="(https?:|\/\/)/);
      expect(svg).not.toMatch(/@font-face|<style/);
      expect(svg).toMatch(/font-family="system-ui/);
    });
  }
});

describe('right to left', () => {
  test.each(['wide', 'square'] as const)('%s: every block mirrored, text starting at the right margin', (format) => {
    const ltr = layoutExport(format, 'both', texts());
    const rtl = layoutExport(format, 'both', texts(), 'rtl');
    const W = ltr.width;
    expect(rtl.dir).toBe('rtl');
    for (const k of ['map', 'timeline'] as const) expect(rtl[k]).toEqual({ ...ltr[k]!, x: W - ltr[k]!.x - ltr[k]!.width });
    for (const k of ['title', 'summary', 'source', 'url', 'note'] as const) {
      expect(rtl[k].x).toBe(W - ltr[k].x);
      expect(rtl[k].lines).toEqual(ltr[k].lines);
    }
    for (const [i, p] of rtl.legend!.items.entries()) {
      const q = ltr.legend!.items[i];
      expect(p.x).toBe(W - q.x - 18);
      expect(p.labelX).toBeLessThan(p.x);
      expect(q.labelX).toBeGreaterThan(q.x);
    }
    const svg = composeExportSvg(rtl, { map: drawMap(rtl.map!), timeline: drawTimeline(rtl.timeline!) }, 'عنوان');
    expect(balanced(svg)).toBe(true);
    expect(svg).toMatch(/<text x="\d+(\.\d+)?" y="\d+" font-size="\d+" font-weight="700" fill="#1d1d1f" direction="rtl">/);
  });
});
