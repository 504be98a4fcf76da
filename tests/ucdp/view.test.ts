// The UCDP view's pure parts: its URL parameters (with SNHR's kept), the selections over synthetic
// tables (invented numbers, not UCDP data), the events filter and marks, citation and CSV.
import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, parseView, serializeView, type ViewParams } from '../../src/lib/state/url';
import { DEFAULT_UCDP, parseUcdp, ucdpOf, ucdpQuery } from '../../src/lib/ucdp/url';
import { normalizeUcdp, selectUcdpMap, selectUcdpMonths, sidesFor } from '../../src/lib/ucdp/select';
import { filterEvents, markOf } from '../../src/lib/ucdp/events';
import { ucdpCiteText, ucdpCsv } from '../../src/lib/ucdp/cite';
import { buildEventsFile, buildTables, readUcdpCsv, REQUIRED_COLUMNS } from '../../src/lib/ucdp/build';
import { UCDP_RELEASE, type UcdpTables } from '../../src/lib/ucdp/types';

describe('source=ucdp in the URL', () => {
  const views: ViewParams[] = [
    { ...DEFAULT_VIEW, source: 'ucdp', ucdp: '' },
    {
      ...DEFAULT_VIEW,
      metric: 'civilian-deaths',
      year: 2014,
      gov: 'SY-HL',
      source: 'ucdp',
      ucdp: ucdpQuery({ measure: 'civilians', year: 2017, month: 3, side: 'Government of Syria', type: 1, events: true, event: 123456 }),
    },
  ];
  it.each(views.map((v, i) => [i, v] as const))('round-trips view %i, SNHR filters kept beside', (_i, v) => {
    expect(parseView(serializeView(v))).toEqual(v);
  });
  it('writes only source=ucdp for the default UCDP view, nothing for SNHR', () => {
    expect(serializeView(views[0])).toBe('?metric=barrel-bombs&year=all&perp=all&source=ucdp');
    expect(serializeView(DEFAULT_VIEW)).not.toContain('source');
  });
  it('reads the UCDP filters back from the view', () => {
    const v = parseView('?source=ucdp&uyear=2017&umonth=3&uside=IS&events=1&event=5&other=1');
    expect(ucdpOf(v.ucdp)).toEqual({ ...DEFAULT_UCDP, year: 2017, month: 3, side: 'IS', events: true, event: 5 });
    expect(ucdpOf(parseView('?uyear=2017').ucdp)).toEqual(DEFAULT_UCDP);
    expect(parseView('?uyear=2017').ucdp).toBeNull();
    // a bad value is kept raw by the first-paint parser, dropped by the UCDP one
    expect(ucdpQuery(ucdpOf(parseView('?source=ucdp&uyear=1999&utype=2').ucdp))).toBe('utype=2');
  });
  it.each(['?source=UCDP', '?source=acled', '?source=', '?source=ucdp2'])('a bad source %s falls back to SNHR silently', (s) => {
    expect(parseView(s)).toEqual(DEFAULT_VIEW);
  });
  it.each([
    ['umeasure=wounded', {}],
    ['uyear=2015', {}],
    ['uyear=2019&umonth=12', { year: 2019 }],
    ['umonth=3', {}],
    ['uyear=2018&umonth=13', { year: 2018 }],
    ['utype=4', {}],
    ['events=yes', {}],
    ['event=-3', {}],
    ['uyear=2019&umonth=11&events=1', { year: 2019, month: 11, events: true }],
  ] as const)('UCDP garbage %s falls back to defaults', (q, expected) => {
    expect(parseUcdp(new URLSearchParams(q))).toEqual({ ...DEFAULT_UCDP, ...expected });
  });
});

// Synthetic events: invented places and numbers.
const HEAD = REQUIRED_COLUMNS.join(',');
function row(o: Record<string, string>, id: number): string {
  const base: Record<string, string> = {
    id: String(id),
    date_start: '2017-03-04',
    date_end: '2017-03-04',
    date_prec: '1',
    type_of_violence: '1',
    conflict_name: 'C',
    dyad_name: 'D',
    side_a: 'Side One',
    side_b: 'Side Two',
    adm_1: 'Aleppo Governorate',
    adm_2: 'X district',
    where_coordinates: 'X town',
    where_prec: '1',
    latitude: '36.2',
    longitude: '37.1',
    deaths_a: '1',
    deaths_b: '1',
    deaths_civilians: '2',
    deaths_unknown: '0',
    low: '3',
    best: '4',
    high: '6',
    number_of_sources: '1',
    source_office: 'Office',
    source_date: '2017-03-05',
    source_headline: 'Headline',
  };
  return REQUIRED_COLUMNS.map((c) => o[c] ?? base[c]).join(',');
}
const text = [
  HEAD,
  row({}, 1),
  row({ side_a: 'Side Three', type_of_violence: '3', adm_1: 'Idlib Governorate', where_prec: '3' }, 2),
  row({ adm_1: '', where_prec: '6', best: '10', deaths_unknown: '6', low: '9', high: '12' }, 3),
  row({ date_start: '2017-03-30', date_end: '2017-04-02', where_prec: '4' }, 4),
  row({ date_start: '2018-07-01', date_end: '2018-07-01' }, 5),
].join('\n');
const { events } = readUcdpCsv(text);
const tables: UcdpTables = buildTables(events);

describe('UCDP selections (synthetic tables)', () => {
  it('sums governorates, keeps the unplaced apart, and notes events spanning months', () => {
    const s = selectUcdpMap(tables, { ...DEFAULT_UCDP, year: 2017, month: 3 });
    expect(Object.fromEntries([...s.cells].map(([k, v]) => [k, v.best]))).toEqual({ 'SY-HL': 4, 'SY-ID': 4 });
    expect(s.unplaced).toMatchObject({ events: 1, best: 10 });
    expect(s.total.best).toBe(18);
    expect(s.multiMonth).toMatchObject({ events: 1, best: 4 });
    const all = selectUcdpMap(tables, { ...DEFAULT_UCDP });
    expect(all.total.best).toBe(26);
    expect(all.cells.get('SY-HL')?.events).toBe(3);
  });
  it('filters by side A and type', () => {
    expect(selectUcdpMap(tables, { ...DEFAULT_UCDP, side: 'Side Three' }).total.best).toBe(4);
    expect(selectUcdpMap(tables, { ...DEFAULT_UCDP, type: 1 }).total.events).toBe(4);
    expect(sidesFor(tables, 3)).toEqual(['Side Three']);
    expect(normalizeUcdp(tables, { ...DEFAULT_UCDP, side: 'Nobody' }).side).toBeNull();
  });
  it('gives the 47 months of the release, multi-month events in none', () => {
    const m = selectUcdpMonths(tables, DEFAULT_UCDP);
    expect(m).toHaveLength(47);
    expect(m.at(-1)?.month).toBe('2019-11');
    expect(m.find((x) => x.month === '2017-03')).toMatchObject({ placed: { best: 8 }, unplaced: { best: 10 } });
    expect(m.find((x) => x.month === '2017-04')?.placed.events).toBe(0);
  });
});

describe('events layer (synthetic events)', () => {
  const { events: file } = buildEventsFile(events);
  it('shows the events of a month, side and governorate; none placed at no governorate', () => {
    const ids = (k: number[]) => k.map((i) => file.id[i]);
    expect(ids(filterEvents(file, { year: 2017, month: 3, side: null, type: null }))).toEqual([1, 2]);
    expect(ids(filterEvents(file, { year: 2017, month: null, side: null, type: null }))).toEqual([1, 2, 4]);
    expect(ids(filterEvents(file, { year: null, month: null, side: 'Side Three', type: null }))).toEqual([2]);
    expect(ids(filterEvents(file, { year: null, month: null, side: null, type: null }, 'SY-HL'))).toEqual([1, 4, 5]);
    expect(ids(filterEvents(file, { year: null, month: null, side: 'Nobody', type: null }))).toEqual([]);
  });
  it('draws a dot only for an event placed at or near a place', () => {
    expect([1, 2, 3, 4, 5].map((p) => markOf(p).kind)).toEqual(['dot', 'dot', 'ring', 'none', 'ring']);
  });
});

describe('UCDP citation and CSV', () => {
  it('names UCDP, the release and the article, never SNHR', () => {
    const t = ucdpCiteText({ ...DEFAULT_UCDP, year: 2017, side: 'Side One' }, 'https://example.org/?source=ucdp', '2026-01-01');
    expect(t).toContain(UCDP_RELEASE.name);
    expect(t).toContain('Sundberg');
    expect(t).toContain('2017 (side A: Side One)');
    expect(t).not.toMatch(/SNHR|Syrian Network/);
  });
  it('writes one row per governorate and one for the unplaced', () => {
    const csv = ucdpCsv(selectUcdpMap(tables, { ...DEFAULT_UCDP, year: 2017 }), { ...DEFAULT_UCDP, year: 2017 }, (c) => c);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('area_code,area,period,type_of_violence,side_a,events,deaths_best,deaths_low,deaths_high,civilian_deaths,source');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 7).join(','))).toEqual([
      'SY-HL,SY-HL,2017,all,all,2,8',
      'SY-ID,SY-ID,2017,all,all,1,4',
      ',not placed in a governorate,2017,all,all,1,10',
    ]);
  });
});
