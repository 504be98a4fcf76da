/**
 * Periods as published: a year, a month, or a start–end range. Parsing is strict (a malformed
 * period is an error, never a guess); containment and ordering work on ISO day strings.
 * Deliberately ignores weeks, quarters and time zones: SNHR publishes none of them as such.
 */
import type { Period } from './types';

const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');

function validYear(y: number): boolean {
  return y >= 2011 && y <= 2100;
}

/** Parses one end of a range; `end` picks the last day of a month. */
function parseBound(text: string, end: boolean): string | null {
  let m = MONTH.exec(text);
  if (m) {
    const y = +m[1], mo = +m[2];
    if (!validYear(y) || mo < 1 || mo > 12) return null;
    return `${m[1]}-${m[2]}-${end ? pad(daysInMonth(y, mo)) : '01'}`;
  }
  m = DAY.exec(text);
  if (m) {
    const y = +m[1], mo = +m[2], d = +m[3];
    if (!validYear(y) || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
    return text;
  }
  m = YEAR.exec(text);
  if (m) {
    const y = +m[1];
    if (!validYear(y)) return null;
    return end ? `${m[1]}-12-31` : `${m[1]}-01-01`;
  }
  return null;
}

/** Parses `2015`, `2015-07`, `2012-07/2017-11`, `2014-02-22/2016-02-20`; null when malformed. */
export function parsePeriod(key: string): Period | null {
  const text = key.trim();
  if (YEAR.test(text) || MONTH.test(text)) {
    const start = parseBound(text, false);
    const end = parseBound(text, true);
    if (!start || !end) return null;
    return { key: text, kind: YEAR.test(text) ? 'year' : 'month', start, end };
  }
  const parts = text.split('/');
  if (parts.length !== 2) return null;
  const start = parseBound(parts[0], false);
  const end = parseBound(parts[1], true);
  if (!start || !end || start > end) return null;
  return { key: text, kind: 'range', start, end };
}

/** Like parsePeriod, for keys already validated by the data build. */
export function period(key: string): Period {
  const p = parsePeriod(key);
  if (!p) throw new Error(`Malformed period "${key}"`);
  return p;
}

/** True when `inner` lies wholly within `outer`. */
export function within(inner: Period, outer: Period): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** The calendar year a period lies in, or null when it spans more than one. */
export function yearOf(p: Period): number | null {
  const a = +p.start.slice(0, 4);
  return a === +p.end.slice(0, 4) ? a : null;
}

/** True for a period that is exactly one calendar year, whatever way it was written. */
export function isWholeYear(p: Period): boolean {
  return p.start.endsWith('-01-01') && p.end.endsWith('-12-31') && p.start.slice(0, 4) === p.end.slice(0, 4);
}

/** Length in days (inclusive). */
export function lengthInDays(p: Period): number {
  return Math.round((Date.parse(p.end) - Date.parse(p.start)) / 86_400_000) + 1;
}
