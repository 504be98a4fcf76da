/**
 * The UCDP build's pure core: CSV text → validated events → the tables and the events file the
 * browser reads. `scripts/build-ucdp.ts` wraps it with file reading and an atomic write; tests
 * call it on synthetic text.
 *
 * Rules: every row is checked (a malformed row is an error with its line, and nothing is built);
 * events UCDP places at no governorate are kept apart as "not placed on the map" (gov `''`), never
 * spread over governorates; an event spanning more than one month counts in its year and in no
 * month (period `YYYY-multi`); low–best–high are summed as published, even where UCDP's own range
 * is out of order (counted in `rangeOutOfOrder`, never corrected).
 *
 * Deliberately ignores: UCDP's event_clarity and date_prec (shown as published in the events file
 * only through dates), and any estimate of its own.
 */
import { parseCsv } from '../data/csv';
import {
  TABLE_COLUMNS,
  UCDP_RELEASE,
  type TableRow,
  type UcdpEvent,
  type UcdpEventsFile,
  type UcdpHeadlines,
  type UcdpTables,
  type ViolenceType,
  type WherePrecision,
} from './types';

export interface UcdpError {
  line: number;
  reason: string;
}

/** UCDP's adm_1 names → ISO 3166-2 codes. */
export const ADM1_CODES: Readonly<Record<string, string>> = {
  'Damascus Governorate': 'SY-DI',
  'Rif Dimashq Governorate': 'SY-RD',
  'Aleppo Governorate': 'SY-HL',
  'Idlib Governorate': 'SY-ID',
  'Hamah Governorate': 'SY-HM',
  'Homs Governorate': 'SY-HI',
  'Latakia Governorate': 'SY-LA',
  'Tartus Governorate': 'SY-TA',
  'Daraa Governorate': 'SY-DR',
  'As Suwayda Governorate': 'SY-SU',
  'Quneitra Governorate': 'SY-QU',
  'Deir ez Zor Governorate': 'SY-DY',
  'Ar Raqqah Governorate': 'SY-RA',
  'Al Hasakah Governorate': 'SY-HA',
};

export const REQUIRED_COLUMNS = [
  'id',
  'date_start',
  'date_end',
  'date_prec',
  'type_of_violence',
  'conflict_name',
  'dyad_name',
  'side_a',
  'side_b',
  'adm_1',
  'adm_2',
  'where_coordinates',
  'where_prec',
  'latitude',
  'longitude',
  'deaths_a',
  'deaths_b',
  'deaths_civilians',
  'deaths_unknown',
  'low',
  'best',
  'high',
  'number_of_sources',
  'source_office',
  'source_date',
  'source_headline',
] as const;

const INT = /^(0|[1-9]\d*)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// A box around Syria, with a margin: a coordinate outside it is a broken row, not an event.
const LAT = [32, 37.6] as const;
const LON = [35.4, 42.6] as const;

function validDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Parses and validates the CSV; `events` is empty whenever there is an error. */
export function readUcdpCsv(text: string): { events: UcdpEvent[]; errors: UcdpError[] } {
  const table = parseCsv(text);
  const errors: UcdpError[] = table.errors.map((e) => ({ line: e.line, reason: e.reason }));
  const missing = REQUIRED_COLUMNS.filter((c) => !table.header.includes(c));
  if (table.header.length === 0) return { events: [], errors: errors.length ? errors : [{ line: 1, reason: 'empty file (no header)' }] };
  if (missing.length) return { events: [], errors: [...errors, { line: table.headerLine, reason: `missing column(s): ${missing.join(', ')}` }] };
  const col = Object.fromEntries(table.header.map((h, k) => [h, k])) as Record<string, number>;
  const events: UcdpEvent[] = [];
  const seen = new Map<number, number>();

  for (const r of table.records) {
    const get = (c: (typeof REQUIRED_COLUMNS)[number]) => r.values[col[c]];
    const fail = (reason: string) => errors.push({ line: r.line, reason });
    const int = (c: (typeof REQUIRED_COLUMNS)[number]): number | null => {
      const v = get(c);
      if (!INT.test(v)) {
        fail(`${c} must be a whole number ≥ 0, got "${v}"`);
        return null;
      }
      return +v;
    };
    const before = errors.length;
    const id = int('id');
    if (id !== null) {
      if (seen.has(id)) fail(`id ${id} already used on line ${seen.get(id)}`);
      else seen.set(id, r.line);
    }
    const start = get('date_start');
    const end = get('date_end');
    if (!validDate(start)) fail(`date_start must be a date YYYY-MM-DD, got "${start}"`);
    if (!validDate(end)) fail(`date_end must be a date YYYY-MM-DD, got "${end}"`);
    if (validDate(start) && validDate(end) && end < start) fail(`date_end ${end} is before date_start ${start}`);
    const datePrec = int('date_prec');
    if (datePrec !== null && (datePrec < 1 || datePrec > 5)) fail(`date_prec must be 1–5, got ${datePrec}`);
    const type = int('type_of_violence');
    if (type !== null && (type < 1 || type > 3)) fail(`type_of_violence must be 1, 2 or 3, got ${type}`);
    for (const c of ['side_a', 'side_b', 'dyad_name', 'conflict_name'] as const) if (!get(c).trim()) fail(`${c} is empty`);
    const adm1 = get('adm_1');
    const gov = adm1 === '' ? null : (ADM1_CODES[adm1] ?? undefined);
    if (gov === undefined) fail(`adm_1 "${adm1}" is not a Syrian governorate the atlas knows`);
    const prec = int('where_prec');
    if (prec !== null && (prec < 1 || prec > 6)) fail(`where_prec must be 1–6, got ${prec}`);
    if (prec === 6 && gov) fail('where_prec 6 (country only) with a governorate in adm_1');
    const lat = Number(get('latitude'));
    const lon = Number(get('longitude'));
    if (get('latitude').trim() === '' || !Number.isFinite(lat) || lat < LAT[0] || lat > LAT[1]) fail(`latitude "${get('latitude')}" is not in Syria`);
    if (get('longitude').trim() === '' || !Number.isFinite(lon) || lon < LON[0] || lon > LON[1]) fail(`longitude "${get('longitude')}" is not in Syria`);
    const a = int('deaths_a');
    const b = int('deaths_b');
    const civ = int('deaths_civilians');
    const unk = int('deaths_unknown');
    const low = int('low');
    const best = int('best');
    const high = int('high');
    const nSources = int('number_of_sources');
    if (a !== null && b !== null && civ !== null && unk !== null && best !== null && a + b + civ + unk !== best)
      fail(`best (${best}) is not the sum of deaths_a, deaths_b, deaths_civilians and deaths_unknown (${a + b + civ + unk})`);
    if (errors.length !== before) continue;
    events.push({
      line: r.line,
      id: id!,
      start,
      end,
      datePrec: datePrec!,
      type: type as ViolenceType,
      conflict: get('conflict_name'),
      dyad: get('dyad_name'),
      sideA: get('side_a').trim(),
      sideB: get('side_b').trim(),
      gov: gov ?? null,
      adm2: get('adm_2').trim(),
      place: get('where_coordinates').trim(),
      prec: prec as WherePrecision,
      lat,
      lon,
      deathsA: a!,
      deathsB: b!,
      civilians: civ!,
      unknown: unk!,
      low: low!,
      best: best!,
      high: high!,
      sources: nSources!,
      office: get('source_office').trim(),
      sourceDate: get('source_date').trim(),
      headline: get('source_headline'),
    });
  }
  errors.sort((x, y) => x.line - y.line);
  return { events: errors.length ? [] : events, errors };
}

/** The period keys an event counts in: its year, and its month or `YYYY-multi`. */
export function periodsOf(e: Pick<UcdpEvent, 'start' | 'end'>): string[] {
  const year = e.start.slice(0, 4);
  if (e.end.slice(0, 4) !== year) return ['multi-year'];
  return [year, e.start.slice(0, 7) === e.end.slice(0, 7) ? e.start.slice(0, 7) : `${year}-multi`];
}

/** Governorate × period × type × side_a sums, in a stable order. */
export function buildTables(events: readonly UcdpEvent[]): UcdpTables {
  const sideCount = new Map<string, number>();
  for (const e of events) sideCount.set(e.sideA, (sideCount.get(e.sideA) ?? 0) + 1);
  const sides = [...sideCount.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([s]) => s);
  const sideIndex = new Map(sides.map((s, k) => [s, k]));
  const cells = new Map<string, TableRow>();
  let rangeOutOfOrder = 0;
  for (const e of events) {
    if (!(e.low <= e.best && e.best <= e.high)) rangeOutOfOrder++;
    for (const p of periodsOf(e)) {
      const gov = e.gov ?? '';
      const side = sideIndex.get(e.sideA)!;
      const key = `${gov}|${p}|${e.type}|${side}`;
      let row = cells.get(key);
      if (!row) cells.set(key, (row = [gov, p, e.type, side, 0, 0, 0, 0, 0]));
      row[4] += 1;
      row[5] += e.best;
      row[6] += e.low;
      row[7] += e.high;
      row[8] += e.civilians;
    }
  }
  const rows = [...cells.values()].sort(
    (x, y) => (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0) || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0) || x[2] - y[2] || x[3] - y[3],
  );
  return { release: UCDP_RELEASE, sides, columns: TABLE_COLUMNS, rows, rangeOutOfOrder };
}

const DAY0 = Date.UTC(2016, 0, 1);
const dayOf = (iso: string) => Math.round((Date.parse(`${iso}T00:00:00Z`) - DAY0) / 86_400_000);
/** The inverse of the events file's `day`. */
export const dateOfDay = (day: number): string => new Date(DAY0 + day * 86_400_000).toISOString().slice(0, 10);

export const HEADLINE_MAX = 240;
/** Whitespace (tabs and line breaks inside UCDP's field included) collapsed; long ones cut with "…". */
export function cleanHeadline(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > HEADLINE_MAX ? `${t.slice(0, HEADLINE_MAX - 1).trimEnd()}…` : t;
}

/** The events file: every event placed in a governorate (others are only counted, in the tables). */
export function buildEventsFile(events: readonly UcdpEvent[]): { events: UcdpEventsFile; headlines: Map<string, UcdpHeadlines> } {
  const placed = events.filter((e) => e.gov !== null).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id - b.id));
  const actors: string[] = [];
  const actorIndex = new Map<string, number>();
  const actor = (s: string) => {
    let k = actorIndex.get(s);
    if (k === undefined) actorIndex.set(s, (k = actors.push(s) - 1));
    return k;
  };
  const govs = [...new Set(placed.map((e) => e.gov!))].sort();
  const out: UcdpEventsFile = {
    release: UCDP_RELEASE.name,
    actors,
    govs,
    id: [],
    day: [],
    span: [],
    gov: [],
    prec: [],
    lat: [],
    lon: [],
    type: [],
    sideA: [],
    sideB: [],
    low: [],
    best: [],
    high: [],
    civilians: [],
    place: [],
    adm2: [],
    office: [],
  };
  const headlines = new Map<string, UcdpHeadlines>();
  const r2 = (x: number) => Math.round(x * 100) / 100;
  for (const e of placed) {
    out.id.push(e.id);
    const d = dayOf(e.start);
    out.day.push(d);
    out.span.push(dayOf(e.end) - d);
    out.gov.push(govs.indexOf(e.gov!));
    out.prec.push(e.prec);
    out.lat.push(r2(e.lat));
    out.lon.push(r2(e.lon));
    out.type.push(e.type);
    out.sideA.push(actor(e.sideA));
    out.sideB.push(actor(e.sideB));
    out.low.push(e.low);
    out.best.push(e.best);
    out.high.push(e.high);
    out.civilians.push(e.civilians);
    out.place.push(e.place);
    out.adm2.push(e.adm2);
    out.office.push(e.office);
    const year = e.start.slice(0, 4);
    if (!headlines.has(year)) headlines.set(year, {});
    headlines.get(year)![String(e.id)] = cleanHeadline(e.headline);
  }
  return { events: out, headlines };
}
