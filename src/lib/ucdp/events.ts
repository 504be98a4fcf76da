/**
 * The events file (static/data/ucdp/events.json) read back: one event by index, the events a view
 * shows (period, side, type), and how precisely each may be drawn. Pure: no DOM, no fetch.
 *
 * Drawing rule: an event placed at the exact place (where_prec 1) or within about 25 km of it (2)
 * is a dot; one placed only at a district (3) or a wider area (5) is a dashed ring about as wide as
 * the uncertainty, never a dot; one placed only at a governorate (4) is not drawn at all (the
 * governorate map and the list count it). Events placed at no governorate are not in the file.
 *
 * Deliberately ignores: clustering (the SVG map shows density by overlap, at low opacity).
 */
import { dateOfDay } from './build';
import type { UcdpEventsFile } from './types';
import { ucdpPeriod, type UcdpParams } from './url';

export type Precision = 'exact' | 'near' | 'district' | 'governorate' | 'area';
const PRECISION: Record<number, Precision> = { 1: 'exact', 2: 'near', 3: 'district', 4: 'governorate', 5: 'area' };
export const precisionOf = (prec: number): Precision => PRECISION[prec] ?? 'area';

/** How an event is drawn: a dot, a ring of about `km` kilometres radius, or not at all. */
export function markOf(prec: number): { kind: 'dot' } | { kind: 'ring'; km: number } | { kind: 'none' } {
  switch (precisionOf(prec)) {
    case 'exact':
    case 'near':
      return { kind: 'dot' };
    case 'district':
      return { kind: 'ring', km: 15 };
    case 'area':
      return { kind: 'ring', km: 25 };
    default:
      return { kind: 'none' };
  }
}

export interface UcdpEventView {
  index: number;
  id: number;
  start: string;
  end: string;
  gov: string;
  precision: Precision;
  prec: number;
  lat: number;
  lon: number;
  type: number;
  sideA: string;
  sideB: string;
  low: number;
  best: number;
  high: number;
  civilians: number;
  place: string;
  adm2: string;
  office: string;
}

export function eventAt(f: UcdpEventsFile, k: number): UcdpEventView {
  const start = dateOfDay(f.day[k]);
  return {
    index: k,
    id: f.id[k],
    start,
    end: f.span[k] === 0 ? start : dateOfDay(f.day[k] + f.span[k]),
    gov: f.govs[f.gov[k]],
    precision: precisionOf(f.prec[k]),
    prec: f.prec[k],
    lat: f.lat[k],
    lon: f.lon[k],
    type: f.type[k],
    sideA: f.actors[f.sideA[k]],
    sideB: f.actors[f.sideB[k]],
    low: f.low[k],
    best: f.best[k],
    high: f.high[k],
    civilians: f.civilians[k],
    place: f.place[k],
    adm2: f.adm2[k],
    office: f.office[k],
  };
}

/**
 * Indices of the events a view shows: those that start and end in the period (so a month shows
 * what the month's table counts), of the side_a and type chosen, optionally in one governorate.
 */
export function filterEvents(f: UcdpEventsFile, u: Pick<UcdpParams, 'year' | 'month' | 'side' | 'type'>, gov: string | null = null): number[] {
  const p = ucdpPeriod(u);
  const side = u.side === null ? -1 : f.actors.indexOf(u.side);
  if (u.side !== null && side < 0) return [];
  const g = gov === null ? -1 : f.govs.indexOf(gov);
  if (gov !== null && g < 0) return [];
  const out: number[] = [];
  for (let k = 0; k < f.id.length; k++) {
    if (u.type !== null && f.type[k] !== u.type) continue;
    if (side >= 0 && f.sideA[k] !== side) continue;
    if (g >= 0 && f.gov[k] !== g) continue;
    if (p !== null) {
      const s = dateOfDay(f.day[k]);
      const e = f.span[k] === 0 ? s : dateOfDay(f.day[k] + f.span[k]);
      if (!s.startsWith(p) || !e.startsWith(p)) continue;
    }
    out.push(k);
  }
  return out;
}

/** Dot radius in pixels for a death count: area grows with deaths, from 1.5 px (0–1) to 12 px. */
export function dotRadius(best: number): number {
  return Math.min(12, 1.5 + Math.sqrt(Math.max(0, best)) * 0.9);
}
