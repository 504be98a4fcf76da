/**
 * Validation of the data tables: CSV records (strings, with file and line) → typed reference
 * tables and `Observation`s, or a list of errors `{file, line, reason}` precise enough to fix the
 * row without reading code. A malformed row is an error, never a guess: no trimming of numbers,
 * no thousands separators, no name-to-id lookups. Every problem of every row is reported, so one
 * run shows all of them.
 *
 * Browser-safe (no node imports): the observation id hash is FNV-1a 64-bit, implemented here, and
 * can be swapped through a parameter.
 *
 * Deliberately ignores: whether a figure is plausible or consistent with others (that is
 * `checks.ts`, which never blocks the build), whether `perpetrator_published` is one of the names
 * listed in perpetrators.csv (combined parties have no listed name), and whether a URL answers.
 * Leading and trailing spaces around a field are ignored (an editor's stray space after a comma).
 */
import type {
  Area,
  Metric,
  MetricId,
  Observation,
  ObservationRow,
  Perpetrator,
  Qualifier,
  Source,
  Status,
  Unit,
  VictimGroup,
} from '../../src/lib/data/types';
import { GOVERNORATE_CODES, METRIC_IDS, QUALIFIERS, STATUSES, UNITS, VICTIM_GROUPS } from '../../src/lib/data/types';
import type { CsvTable } from '../../src/lib/data/csv';
import { parsePeriod } from '../../src/lib/data/period';
import { COMBINED_COLORS, FALLBACK_COLOR, SINGLE_SERIES_COLOR } from '../../src/lib/timeline/colors';

export interface ValidationError {
  /** the file as the editor knows it, e.g. `data/observations/deaths.csv` */
  file: string;
  /** 1-based line of the record (1 for the header) */
  line: number;
  reason: string;
}

export interface Checked<T> {
  values: T[];
  errors: ValidationError[];
}

/** One CSV file, already split into records. */
export interface TableFile {
  file: string;
  table: CsvTable;
}

// ---------------------------------------------------------------------------------------------
// Columns

export const SOURCE_COLUMNS = ['id', 'publisher', 'title', 'date', 'url', 'language', 'role', 'note'] as const;
export const OBSERVATION_COLUMNS = [
  'metric',
  'period',
  'area',
  'perpetrator',
  'perpetrator_published',
  'victims',
  'unit',
  'value',
  'qualifier',
  'source',
  'section',
  'status',
  'note',
] as const;
export const AREA_COLUMNS = ['code', 'name_en', 'name_ar', 'names_published'] as const;
export const PERPETRATOR_COLUMNS = ['id', 'parent', 'name_en', 'name_ar', 'names_published', 'description_en', 'short_en', 'short_ar', 'color'] as const;
export const METRIC_COLUMNS = ['id', 'unit', 'sole_perpetrator', 'name_en', 'name_ar', 'description_en', 'description_ar'] as const;

/** Columns a header may leave out (their values are optional anyway). */
const OPTIONAL_COLUMNS = new Set(['note', 'sole_perpetrator', 'short_en', 'short_ar']);

/** CSV syntax errors and header problems of one file. Returns true when its records can be read. */
function checkTable(f: TableFile, columns: readonly string[], errors: ValidationError[]): boolean {
  for (const e of f.table.errors) errors.push({ file: f.file, line: e.line, reason: e.reason });
  const { header, headerLine } = f.table;
  if (header.length === 0) {
    // An empty file (or one whose header is malformed) has no rows; only a malformed header is an error.
    return false;
  }
  let ok = true;
  const seen = new Set<string>();
  for (const raw of header) {
    const name = raw.trim();
    if (seen.has(name)) {
      errors.push({ file: f.file, line: headerLine, reason: `column "${name}" appears twice in the header` });
      ok = false;
    }
    seen.add(name);
    if (!columns.includes(name)) {
      errors.push({
        file: f.file,
        line: headerLine,
        reason: `unknown column "${name}" (expected: ${columns.join(', ')})`,
      });
      ok = false;
    }
  }
  for (const c of columns) {
    if (!seen.has(c) && !OPTIONAL_COLUMNS.has(c)) {
      errors.push({ file: f.file, line: headerLine, reason: `missing required column "${c}"` });
      ok = false;
    }
  }
  return ok;
}

/** A file's records as trimmed fields keyed by column; absent optional columns read as ''. */
function rowsOf(f: TableFile, columns: readonly string[]): { line: number; get: (c: string) => string }[] {
  const index = new Map(f.table.header.map((h, k) => [h.trim(), k]));
  return f.table.records.map((r) => ({
    line: r.line,
    get: (c: string) => {
      if (!columns.includes(c)) throw new Error(`column ${c} not in table`);
      const k = index.get(c);
      return k === undefined ? '' : r.values[k].trim();
    },
  }));
}

const SLUG = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

function validDate(text: string): boolean {
  let m = DAY.exec(text);
  if (m) {
    const y = +m[1], mo = +m[2], d = +m[3];
    if (mo < 1 || mo > 12 || y < 1990 || y > 2100) return false;
    return d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
  }
  m = MONTH.exec(text);
  if (m) return +m[2] >= 1 && +m[2] <= 12 && +m[1] >= 1990 && +m[1] <= 2100;
  return false;
}

function validUrl(text: string): boolean {
  if (!/^https?:\/\/[^\s/]+\.[^\s/]+/.test(text) || /\s/.test(text)) return false;
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

const splitNames = (s: string) => (s === '' ? [] : s.split('|').map((x) => x.trim()).filter((x) => x !== ''));

// ---------------------------------------------------------------------------------------------
// Reference tables

/** Metrics; `perpetrators` (ids), when given, checks `sole_perpetrator`. */
export function readMetrics(f: TableFile, perpetrators?: ReadonlySet<string>): Checked<Metric> {
  const errors: ValidationError[] = [];
  const values: Metric[] = [];
  if (!checkTable(f, METRIC_COLUMNS, errors)) return { values, errors };
  const seen = new Map<string, number>();
  for (const r of rowsOf(f, METRIC_COLUMNS)) {
    const err = (reason: string) => errors.push({ file: f.file, line: r.line, reason });
    const id = r.get('id');
    const unit = r.get('unit');
    const before = errors.length;
    if (!(METRIC_IDS as readonly string[]).includes(id)) err(`unknown metric "${id}" (known: ${METRIC_IDS.join(', ')})`);
    else if (seen.has(id)) err(`duplicate metric "${id}" (first on line ${seen.get(id)})`);
    if (!(UNITS as readonly string[]).includes(unit) || unit === 'percent' || unit === 'persons')
      err(`unit "${unit}" is not a metric unit (civilians, barrels, attacks or massacres)`);
    for (const c of ['name_en', 'name_ar', 'description_en']) if (r.get(c) === '') err(`${c} is empty`);
    const sole = r.get('sole_perpetrator');
    if (sole !== '' && perpetrators && !perpetrators.has(sole)) err(`sole_perpetrator "${sole}" is not a perpetrator id`);
    seen.set(id, r.line);
    if (errors.length > before) continue;
    const metric: Metric = {
      id: id as MetricId,
      unit: unit as Unit,
      name_en: r.get('name_en'),
      name_ar: r.get('name_ar'),
      description_en: r.get('description_en'),
      description_ar: r.get('description_ar'),
    };
    if (sole !== '') metric.sole_perpetrator = sole;
    values.push(metric);
  }
  return { values, errors };
}

const AREA_CODES: readonly string[] = ['SY', ...GOVERNORATE_CODES];

export function readAreas(f: TableFile): Checked<Area> {
  const errors: ValidationError[] = [];
  const values: Area[] = [];
  if (!checkTable(f, AREA_COLUMNS, errors)) return { values, errors };
  const seen = new Map<string, number>();
  for (const r of rowsOf(f, AREA_COLUMNS)) {
    const err = (reason: string) => errors.push({ file: f.file, line: r.line, reason });
    const code = r.get('code');
    const before = errors.length;
    if (!AREA_CODES.includes(code)) err(`area "${code}" unknown (SY or an ISO 3166-2 governorate code such as SY-HL)`);
    else if (seen.has(code)) err(`duplicate area "${code}" (first on line ${seen.get(code)})`);
    if (r.get('name_en') === '' || r.get('name_ar') === '') err('name_en and name_ar are required');
    seen.set(code, r.line);
    if (errors.length > before) continue;
    values.push({ code, name_en: r.get('name_en'), name_ar: r.get('name_ar'), names_published: splitNames(r.get('names_published')) });
  }
  return { values, errors };
}

/**
 * A party as charts and legends show it (the register the build writes for the pages,
 * scripts/data/register.ts): its short names (`short_en`/`short_ar`, else the full names) and colour.
 */
export interface PartyEntry {
  id: string;
  short_en: string;
  short_ar: string;
  /** `#RRGGBB`, upper case */
  color: string;
}

/** Colours a party may not take: the charts' treatments, which must never read as a party. */
const RESERVED_COLORS = new Map<string, string>([
  [FALLBACK_COLOR, 'the colour of an unknown party'],
  [SINGLE_SERIES_COLOR, 'the colour of a bar not split by party'],
  ['#FFFFFF', 'the background of the unattributed residual and the separator of stacked segments'],
  ...COMBINED_COLORS.map((c): [string, string] => [c, 'a colour of parties published as one figure']),
]);

export function readPerpetrators(f: TableFile): Checked<Perpetrator> & { register: PartyEntry[] } {
  const errors: ValidationError[] = [];
  const values: Perpetrator[] = [];
  const register: PartyEntry[] = [];
  if (!checkTable(f, PERPETRATOR_COLUMNS, errors)) return { values, errors, register };
  const rows = rowsOf(f, PERPETRATOR_COLUMNS);
  const ids = new Map<string, { line: number; parent: string }>();
  for (const r of rows) if (!ids.has(r.get('id'))) ids.set(r.get('id'), { line: r.line, parent: r.get('parent') });
  const colors = new Map<string, { line: number; id: string }>();
  for (const r of rows) {
    const err = (reason: string) => errors.push({ file: f.file, line: r.line, reason });
    const id = r.get('id');
    const parent = r.get('parent');
    const before = errors.length;
    if (id === 'all' || id === 'unattributed') err(`perpetrator id "${id}" is reserved`);
    else if (!/^[a-z0-9]+(?:[-+][a-z0-9]+)*$/.test(id)) err(`perpetrator id "${id}" is not a lowercase slug`);
    else if (ids.get(id)!.line !== r.line) err(`duplicate perpetrator "${id}" (first on line ${ids.get(id)!.line})`);
    if (parent !== '') {
      const p = ids.get(parent);
      if (!p) err(`parent "${parent}" is not a perpetrator id`);
      else if (p.parent !== '') err(`parent "${parent}" is itself a sub-item (only one level is allowed)`);
      else if (parent === id) err('a perpetrator cannot be its own parent');
    }
    for (const c of ['name_en', 'name_ar']) if (r.get(c) === '') err(`${c} is empty (a party needs a name in English and in Arabic)`);
    const color = r.get('color').toUpperCase();
    if (color === '') err('color is empty (every party needs a colour of its own, #RRGGBB)');
    else if (!/^#[0-9A-F]{6}$/.test(color)) err(`color "${r.get('color')}" is not a colour written #RRGGBB`);
    else if (colors.has(color)) err(`color ${color} is already the colour of "${colors.get(color)!.id}" (line ${colors.get(color)!.line}); each party needs its own`);
    else if (RESERVED_COLORS.has(color)) err(`color ${color} is reserved: it is ${RESERVED_COLORS.get(color)}`);
    if (/^#[0-9A-F]{6}$/.test(color) && !colors.has(color)) colors.set(color, { line: r.line, id });
    if (errors.length > before) continue;
    register.push({ id, short_en: r.get('short_en') || r.get('name_en'), short_ar: r.get('short_ar') || r.get('name_ar'), color });
    const p: Perpetrator = {
      id,
      name_en: r.get('name_en'),
      name_ar: r.get('name_ar'),
      names_published: splitNames(r.get('names_published')),
      description_en: r.get('description_en'),
    };
    if (parent !== '') p.parent = parent;
    values.push(p);
  }
  return { values, errors, register };
}

/** Sources from any number of files; ids must be unique across all of them. */
export function readSources(files: TableFile[]): Checked<Source> {
  const errors: ValidationError[] = [];
  const values: Source[] = [];
  const seen = new Map<string, string>();
  for (const f of files) {
    if (!checkTable(f, SOURCE_COLUMNS, errors)) continue;
    for (const r of rowsOf(f, SOURCE_COLUMNS)) {
      const err = (reason: string) => errors.push({ file: f.file, line: r.line, reason });
      const before = errors.length;
      const id = r.get('id');
      const date = r.get('date');
      const url = r.get('url');
      const language = r.get('language');
      const role = r.get('role');
      if (id === '') err('source id is empty');
      else if (!SLUG.test(id)) err(`source id "${id}" is not a lowercase slug (letters, digits, hyphens)`);
      else if (seen.has(id)) err(`duplicate source id "${id}" (first at ${seen.get(id)})`);
      if (r.get('publisher') === '') err('publisher is empty');
      if (r.get('title') === '') err('title is empty');
      if (!validDate(date)) err(`source date "${date}" is not YYYY-MM-DD or YYYY-MM`);
      if (!validUrl(url)) err(`source url "${url}" is not an http(s) address`);
      if (!/^[a-z]{2}$/.test(language)) err(`language "${language}" is not an ISO 639-1 code (two lowercase letters)`);
      if (role !== 'primary' && role !== 'secondary') err(`source role "${role}" is not primary or secondary`);
      if (id !== '' && !seen.has(id)) seen.set(id, `${f.file}:${r.line}`);
      if (errors.length > before) continue;
      const s: Source = {
        id,
        publisher: r.get('publisher'),
        title: r.get('title'),
        date,
        url,
        language,
        role: role as Source['role'],
      };
      if (r.get('note') !== '') s.note = r.get('note');
      values.push(s);
    }
  }
  return { values, errors };
}

// ---------------------------------------------------------------------------------------------
// Observations

/** FNV-1a 64-bit of the UTF-8 bytes of `text`, as 16 hex digits. */
export function fnv1a64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (const b of bytes) {
    h ^= BigInt(b);
    h = (h * prime) & mask;
  }
  return h.toString(16).padStart(16, '0');
}

/** The default observation id: the first 10 hex digits of FNV-1a 64. */
export const observationHash = (key: string): string => fnv1a64(key).slice(0, 10);

/**
 * What observation rows are checked against. A table given as null could not be read (its own
 * errors are reported); rows are then not checked against it, so one broken line in
 * perpetrators.csv does not bury the report under a thousand consequences.
 */
export interface References {
  metrics: Metric[] | null;
  perpetrators: Perpetrator[] | null;
  sources: Source[] | null;
}

/** Allowed units for a metric: its own, `persons` for civilian-counting metrics, and `percent`. */
export function allowedUnits(metric: Metric): Unit[] {
  const units: Unit[] = [metric.unit];
  if (metric.unit === 'civilians') units.push('persons');
  units.push('percent');
  return units;
}

/** Reason why `area` is not valid, or null. */
export function areaProblem(area: string): string | null {
  if (area === '') return 'area is empty';
  if (area === 'SY' || (GOVERNORATE_CODES as readonly string[]).includes(area)) return null;
  const parts = area.split('+');
  if (parts.length === 1) return `area "${area}" unknown (SY, a governorate code such as SY-HL, or codes joined by +)`;
  const seen = new Set<string>();
  for (const p of parts) {
    if (p === 'SY') return `area "${area}" combines SY with governorates`;
    if (!(GOVERNORATE_CODES as readonly string[]).includes(p)) return `area "${p}" unknown in "${area}"`;
    if (seen.has(p)) return `area "${area}" repeats ${p}`;
    seen.add(p);
  }
  return null;
}

/** Reason why `perp` is not valid, or null. */
export function perpProblem(perp: string, known: ReadonlySet<string>): string | null {
  if (perp === '') return 'perpetrator is empty';
  if (perp === 'all' || known.has(perp)) return null;
  const parts = perp.split('+');
  if (parts.length === 1) return `perpetrator "${perp}" unknown (all, an id from perpetrators.csv, or ids joined by +)`;
  const seen = new Set<string>();
  for (const p of parts) {
    if (p === 'all') return `perpetrator "${perp}" combines all with parties`;
    if (!known.has(p)) return `perpetrator "${p}" unknown in "${perp}"`;
    if (seen.has(p)) return `perpetrator "${perp}" repeats ${p}`;
    seen.add(p);
  }
  return null;
}

const INTEGER = /^\d+$/;
const DECIMAL = /^\d+(?:\.\d+)?$/;

/** Lookups built once from the reference tables; null where a table could not be read. */
export interface ReferenceIndex {
  metrics: Map<string, Metric> | null;
  perpetrators: Set<string> | null;
  sources: Map<string, Source> | null;
}

export function indexReferences(refs: References): ReferenceIndex {
  return {
    metrics: refs.metrics ? new Map(refs.metrics.map((m) => [m.id as string, m])) : null,
    perpetrators: refs.perpetrators ? new Set(refs.perpetrators.map((p) => p.id)) : null,
    sources: refs.sources ? new Map(refs.sources.map((s) => [s.id, s])) : null,
  };
}

/** A file's records as `ObservationRow`s (fields trimmed; an absent optional column reads as ''). */
export function observationRows(f: TableFile): ObservationRow[] {
  return rowsOf(f, OBSERVATION_COLUMNS).map((r) => ({
    file: f.file,
    line: r.line,
    fields: Object.fromEntries(OBSERVATION_COLUMNS.map((c) => [c, r.get(c)])),
  }));
}

/**
 * One observation row → an `Observation` without its id (and the key its id is hashed from), or
 * every reason it is malformed.
 */
export function checkObservationRow(
  row: ObservationRow,
  refs: ReferenceIndex,
): { observation: Omit<Observation, 'id'> | null; key: string; errors: ValidationError[] } {
  const errors: ValidationError[] = [];
  const err = (reason: string) => errors.push({ file: row.file, line: row.line, reason });
  const get = (c: (typeof OBSERVATION_COLUMNS)[number]) => (row.fields[c] ?? '').trim();
  const metricId = get('metric');
  const period = get('period');
  const area = get('area');
  const perp = get('perpetrator');
  const perpPublished = get('perpetrator_published');
  const victims = get('victims');
  const unit = get('unit');
  const valueText = get('value');
  const qualifier = get('qualifier');
  const sourceId = get('source');
  const section = get('section');
  const status = get('status');
  const note = get('note');

  const metric = refs.metrics?.get(metricId);
  const knownMetrics: readonly string[] = refs.metrics ? [...refs.metrics.keys()] : METRIC_IDS;
  if (metricId === '') err('metric is empty');
  else if (!knownMetrics.includes(metricId)) err(`unknown metric "${metricId}" (known: ${knownMetrics.join(', ')})`);

  if (!parsePeriod(period))
    err(`period "${period}" is not YYYY, YYYY-MM or START/END (START and END as YYYY-MM or YYYY-MM-DD, START before END)`);

  const ap = areaProblem(area);
  if (ap) err(ap);

  const pp = refs.perpetrators ? perpProblem(perp, refs.perpetrators) : perp === '' ? 'perpetrator is empty' : null;
  if (pp) err(pp);
  if (perp === 'all' && perpPublished !== '') err('perpetrator_published must be empty when perpetrator is all');
  if (perp !== 'all' && perp !== '' && perpPublished === '')
    err(`perpetrator_published is required for perpetrator "${perp}" (the name as the source printed it)`);

  if (!(VICTIM_GROUPS as readonly string[]).includes(victims)) err(`victims "${victims}" is not all, children, women or females`);

  if (!(UNITS as readonly string[]).includes(unit)) err(`unit "${unit}" unknown (${UNITS.join(', ')})`);
  else if (metric && !allowedUnits(metric).includes(unit as Unit))
    err(`unit "${unit}" not allowed for metric "${metric.id}" (allowed: ${allowedUnits(metric).join(', ')})`);

  let value = NaN;
  if (unit === 'percent') {
    if (!DECIMAL.test(valueText) || +valueText > 100)
      err(`value "${valueText}" is not a percentage (digits with optional decimals, at most 100)`);
    else value = +valueText;
  } else if (!INTEGER.test(valueText) || !Number.isSafeInteger(+valueText)) {
    err(`value "${valueText}" is not a non-negative integer (digits only, no separators; decimals only for percent)`);
  } else value = +valueText;

  if (!(QUALIFIERS as readonly string[]).includes(qualifier)) err(`qualifier "${qualifier}" is not empty, approx or at-least`);

  const source = refs.sources?.get(sourceId);
  if (sourceId === '') err('source is empty');
  else if (refs.sources && !source) err(`unknown source id "${sourceId}" (not in sources/*.csv)`);

  if (!(STATUSES as readonly string[]).includes(status))
    err(`status "${status}" is not ${STATUSES.slice(0, -1).join(', ')} or ${STATUSES[STATUSES.length - 1]}`);
  else if (status === 'published' && source && source.role !== 'primary')
    err(`status published needs a primary source; "${sourceId}" is secondary (use published-secondary)`);
  else if (status === 'published-secondary' && source && source.role !== 'secondary')
    err(`status published-secondary needs a secondary source; "${sourceId}" is primary (use published)`);
  else if (status === 'derived' && note === '') err('status derived needs a note saying how the figure was computed');

  const key = [metricId, period, area, perp, victims, unit, sourceId, valueText].join('|');
  if (errors.length > 0) return { observation: null, key, errors };

  const o: Omit<Observation, 'id'> = {
    metric: metricId as MetricId,
    period,
    area,
    perp,
    victims: victims as VictimGroup,
    unit: unit as Unit,
    value,
    source: sourceId,
    status: status as Status,
  };
  if (perpPublished !== '') o.perpPublished = perpPublished;
  if (qualifier !== '') o.qualifier = qualifier as Exclude<Qualifier, ''>;
  if (section !== '') o.section = section;
  if (note !== '') o.note = note;
  return { observation: o, key, errors };
}

/**
 * Observation rows from any number of files → `Observation`s. `hash` maps the figure's key
 * (metric|period|area|perp|victims|unit|source|value) to its id; rows with the same key (exact
 * duplicates, which checks.ts reports) get `-2`, `-3`… in file order.
 */
export function readObservations(
  files: TableFile[],
  refs: References,
  hash: (key: string) => string = observationHash,
): Checked<Observation> & { locations: Locations } {
  const errors: ValidationError[] = [];
  const values: Observation[] = [];
  const locations: Locations = new Map();
  const index = indexReferences(refs);
  const ids = new Map<string, number>();

  for (const f of files) {
    if (!checkTable(f, OBSERVATION_COLUMNS, errors)) continue;
    for (const row of observationRows(f)) {
      const checked = checkObservationRow(row, index);
      errors.push(...checked.errors);
      if (!checked.observation) continue;
      let id = hash(checked.key);
      const count = (ids.get(id) ?? 0) + 1;
      ids.set(id, count);
      if (count > 1) id = `${id}-${count}`;
      // id first, so the JSON reads naturally
      values.push({ id, ...checked.observation });
      locations.set(id, `${row.file}:${row.line}`);
    }
  }
  return { values, errors, locations };
}

/** Where each observation came from (id → `file:line`), for build logs. */
export type Locations = Map<string, string>;
