/**
 * Fetching UCDP's built files from the site's own origin, each once per page: the tables when the
 * UCDP source is chosen, the events file when the events layer is opened, a year's headlines when
 * an event is opened. Nothing here runs for a reader who stays with SNHR's record.
 */
import { fetchJson } from '../data/load';
import type { UcdpEventsFile, UcdpHeadlines, UcdpTables } from './types';

const cache = new Map<string, Promise<unknown>>();
function once<T>(url: string, what: string): Promise<T> {
  let p = cache.get(url) as Promise<T> | undefined;
  if (!p) {
    p = fetchJson<T>(url, what);
    cache.set(url, p);
    p.catch(() => cache.delete(url)); // a later try fetches again
  }
  return p;
}

export const loadUcdpTables = (base: string) => once<UcdpTables>(`${base}data/ucdp/tables.json`, 'UCDP’s tables');
export const loadUcdpEvents = (base: string) => once<UcdpEventsFile>(`${base}data/ucdp/events.json`, 'UCDP’s events');
export const loadUcdpHeadlines = (base: string, year: string) => once<UcdpHeadlines>(`${base}data/ucdp/headlines-${year}.json`, 'UCDP’s source headlines');
