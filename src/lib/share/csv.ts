/**
 * The figures of a view as CSV (RFC 4180): one row per published figure the view shows — the map's
 * governorate figures and national figure, the published shares, each year's (and month's)
 * published total and published party figures, and the cumulative figures — each with its source
 * (publisher, title, date, URL) and status, and each area by code and by name (English, Arabic).
 *
 * What it must keep honest: only published figures are rows. The "not attributed" residual of a
 * stacked bar (total minus the listed parties), the sum drawn for a bar that has parts but no
 * total, gaps and not-listed governorates are drawn by the view but were never published: they are
 * not rows. Neither is an observation whose status is `derived`. A figure given with conflicting
 * values says so in `status` and lists the other values in `conflicting_values`.
 *
 * Deliberately ignores spreadsheet quirks beyond quoting (no formula escaping: titles are kept as
 * published). The download adds a byte-order mark so that spreadsheet programs read UTF-8.
 */
import type { Atlas } from '../data/select';
import type { Figure, MapSelection, TimeSelection } from '../data/selection';
import type { Observation } from '../data/types';

export const CSV_COLUMNS = [
  'part',
  'metric',
  'period',
  'area',
  'area_name_en',
  'area_name_ar',
  'perpetrator',
  'victims',
  'unit',
  'value',
  'qualifier',
  'status',
  'conflicting_values',
  'publisher',
  'title',
  'date',
  'url',
  'source_role',
  'observation_id',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvRow = Record<CsvColumn, string>;

/** Where in the view a figure is shown. */
export type Part = 'map' | 'national' | 'share' | 'year' | 'year-party' | 'month' | 'month-party' | 'cumulative';

/** A figure is exported only when it was published: never a `derived` row. */
export function isPublished(o: Observation): boolean {
  return o.status !== 'derived';
}

/** An area code's names (`SY-DI+SY-RD` → "Damascus + Rif Dimashq"); the code itself where the atlas has no name. */
function areaNames(atlas: Atlas, code: string, lang: 'en' | 'ar'): string {
  return code
    .split('+')
    .map((c) => {
      const a = atlas.dataset.areas.find((x) => x.code === c);
      return a ? (lang === 'ar' ? a.name_ar : a.name_en) : c;
    })
    .join(' + ');
}

function row(atlas: Atlas, part: Part, o: Observation, conflicting: Observation[]): CsvRow {
  const s = atlas.sources.get(o.source);
  return {
    part,
    metric: o.metric,
    period: o.period,
    area: o.area,
    area_name_en: areaNames(atlas, o.area, 'en'),
    area_name_ar: areaNames(atlas, o.area, 'ar'),
    perpetrator: o.perp,
    victims: o.victims,
    unit: o.unit,
    value: String(o.value),
    qualifier: o.qualifier ?? '',
    status: o.status,
    conflicting_values: conflicting.map((c) => `${c.value}${c.qualifier ? ` (${c.qualifier})` : ''} [${c.source}]`).join('; '),
    publisher: s?.publisher ?? '',
    title: s?.title ?? '',
    date: s?.date ?? '',
    url: s?.url ?? '',
    source_role: s?.role ?? '',
    observation_id: o.id,
  };
}

/** The rows of a view, in reading order: map, national, shares, years (and parties), months, cumulative. */
export function viewRows(atlas: Atlas, map: MapSelection | null, time: TimeSelection | null): CsvRow[] {
  const rows: CsvRow[] = [];
  const add = (part: Part, f: Figure | null) => {
    if (f && isPublished(f.shown)) rows.push(row(atlas, part, f.shown, f.conflicting));
  };
  if (map) {
    for (const c of map.cells) if (c.status === 'value') add('map', c.figure);
    add('national', map.national);
    for (const o of map.shares) if (isPublished(o)) rows.push(row(atlas, 'share', o, []));
  }
  if (time) {
    for (const [bars, part] of [
      [time.years, 'year'],
      [time.months, 'month'],
    ] as const) {
      for (const b of bars) {
        // a parts-only bar has no published total (its height is a derived sum); a gap has nothing
        if (b.status === 'value') add(part, b.total);
        for (const s of b.segments) if (s.perp !== 'unattributed') add(`${part}-party`, s.figure);
      }
    }
    for (const f of time.cumulative) add('cumulative', f);
  }
  return rows;
}

function field(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** CSV text: a header line, then one line per row, CRLF line ends (RFC 4180). */
export function toCsv(rows: readonly CsvRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) lines.push(CSV_COLUMNS.map((c) => field(r[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** Parses CSV written by `toCsv` (or any RFC 4180 text) into records; for tests and round trips. */
export function parseCsv(text: string): Record<string, string>[] {
  const src = text.replace(/^\ufeff/, '');
  const records: string[][] = [];
  let rec: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      rec.push(cur);
      cur = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      rec.push(cur);
      records.push(rec);
      rec = [];
      cur = '';
    } else cur += ch;
  }
  if (cur !== '' || rec.length) {
    rec.push(cur);
    records.push(rec);
  }
  const [head, ...body] = records;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}
