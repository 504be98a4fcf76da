/**
 * The naming table (`data/perpetrator-names.csv`): every name a source printed for a party, with
 * the party id it stands for and, where one name meant different parties at different times, the
 * months in which it means this one ("government forces" is the Assad regime in SNHR's reports of
 * 2013–2016 and the transitional government from December 2024). Pure: CSV tables in, typed rows
 * and problems out; the data tests run it over the real files.
 *
 * Deliberately ignores: spelling variants beyond the exact text (a name differing only by case or
 * quotes is its own row, as printed), and the language of the name.
 */
import type { CsvTable } from './csv';
import type { Period } from './types';
import { parsePeriod } from './period';

export const NAME_COLUMNS = ['perpetrator', 'name_published', 'from', 'to', 'note'] as const;

export interface PerpetratorName {
  perpetrator: string;
  name: string;
  /** first day the name stands for this party (`YYYY-MM-DD`), or '' for no bound */
  from: string;
  /** last day, or '' */
  to: string;
  line: number;
}

export interface NameProblem {
  line: number;
  reason: string;
}

/** Reads the table; every malformed row is a problem with its line. */
export function readPerpetratorNames(table: CsvTable, perpetratorIds: ReadonlySet<string>): { names: PerpetratorName[]; problems: NameProblem[] } {
  const problems: NameProblem[] = table.errors.map((e) => ({ line: e.line, reason: e.reason }));
  const index = new Map(table.header.map((h, k) => [h.trim(), k]));
  for (const c of NAME_COLUMNS) if (!index.has(c)) problems.push({ line: table.headerLine, reason: `missing column "${c}"` });
  const names: PerpetratorName[] = [];
  if (problems.length > 0) return { names, problems };
  const seen = new Map<string, number>();
  for (const r of table.records) {
    const get = (c: string) => r.values[index.get(c)!]?.trim() ?? '';
    const perpetrator = get('perpetrator');
    const name = get('name_published');
    const bound = (text: string, end: boolean): string | null => {
      if (text === '') return '';
      const p = parsePeriod(text);
      return p ? (end ? p.end : p.start) : null;
    };
    const from = bound(get('from'), false);
    const to = bound(get('to'), true);
    const err = (reason: string) => problems.push({ line: r.line, reason });
    const before = problems.length;
    if (!perpetrator.split('+').every((id) => perpetratorIds.has(id))) err(`perpetrator "${perpetrator}" is not an id of perpetrators.csv (or ids joined by +)`);
    if (name === '') err('name_published is empty');
    if (from === null) err(`from "${get('from')}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
    if (to === null) err(`to "${get('to')}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
    if (from && to && from > to) err('from is after to');
    const key = `${perpetrator}\u0000${name}\u0000${get('from')}\u0000${get('to')}`;
    if (seen.has(key)) err(`the same name, party and months as line ${seen.get(key)}`);
    seen.set(key, r.line);
    if (problems.length > before) continue;
    names.push({ perpetrator, name, from: from ?? '', to: to ?? '', line: r.line });
  }
  return { names, problems };
}

export interface NamedRow {
  perpetrator: string;
  name: string;
  period: Period;
  /** where the row is, for the message */
  where: string;
}

/** Rows whose (party, name) pair is not in the table for the row's period: one message each. */
export function unlistedNames(rows: NamedRow[], names: PerpetratorName[]): string[] {
  const byPair = new Map<string, PerpetratorName[]>();
  for (const n of names) {
    const k = `${n.perpetrator}\u0000${n.name}`;
    byPair.set(k, [...(byPair.get(k) ?? []), n]);
  }
  const out: string[] = [];
  for (const r of rows) {
    const entries = byPair.get(`${r.perpetrator}\u0000${r.name}`);
    if (!entries) {
      out.push(`${r.where}: "${r.name}" for ${r.perpetrator} is not in perpetrator-names.csv`);
      continue;
    }
    const fits = entries.some((n) => (n.from === '' || r.period.start >= n.from) && (n.to === '' || r.period.end <= n.to));
    if (!fits) out.push(`${r.where}: "${r.name}" stands for ${r.perpetrator} only in ${entries.map((n) => `${n.from || '…'}–${n.to || '…'}`).join(', ')}, not in ${r.period.key}`);
  }
  return out;
}

/**
 * Names the table gives to more than one party (compared without case), each with the entries
 * for it: such a name needs months on every entry, and the months of different parties must not
 * overlap by more than the month of the change.
 */
export function ambiguousNames(names: PerpetratorName[]): Map<string, PerpetratorName[]> {
  const byName = new Map<string, PerpetratorName[]>();
  for (const n of names) {
    const k = n.name.toLowerCase();
    byName.set(k, [...(byName.get(k) ?? []), n]);
  }
  return new Map([...byName].filter(([, list]) => new Set(list.map((n) => n.perpetrator)).size > 1));
}
