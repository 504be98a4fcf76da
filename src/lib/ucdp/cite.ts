/**
 * Citation text and CSV for a UCDP view: every export names UCDP and the release, and says what
 * the numbers count (all deaths, UCDP's best estimate with its low–high range). Pure.
 *
 * Deliberately ignores: SNHR's sources; a UCDP export carries UCDP's citation only.
 */
import { UCDP_RELEASE } from './types';
import { ucdpPeriod, type UcdpParams } from './url';
import type { UcdpMapSelection } from './select';

/** The citation a reader copies: UCDP, the release, the article, the view's address. */
export function ucdpCiteText(u: UcdpParams, url: string, accessed: string): string {
  const period = ucdpPeriod(u) ?? '2016-01/2019-11';
  const filters = [u.type !== null ? `type of violence ${u.type}` : null, u.side ? `side A: ${u.side}` : null].filter(Boolean).join('; ');
  return (
    `${UCDP_RELEASE.publisher}, ${UCDP_RELEASE.name} (version ${UCDP_RELEASE.version}, ${UCDP_RELEASE.licence}): ` +
    `${u.measure === 'deaths' ? 'deaths in organised violence (all deaths, best estimate)' : 'civilian deaths'} by governorate, ${period}` +
    `${filters ? ` (${filters})` : ''}. ${UCDP_RELEASE.citation}. Shown in the atlas: ${url} (accessed ${accessed}).`
  );
}

const q = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** One row per governorate with events, then the events placed at no governorate. */
export function ucdpCsv(sel: UcdpMapSelection, u: UcdpParams, names: (code: string) => string): string {
  const period = ucdpPeriod(u) ?? '2016-01/2019-11';
  const head = ['area_code', 'area', 'period', 'type_of_violence', 'side_a', 'events', 'deaths_best', 'deaths_low', 'deaths_high', 'civilian_deaths', 'source'];
  const src = `${UCDP_RELEASE.name} (version ${UCDP_RELEASE.version}), ${UCDP_RELEASE.licence}`;
  const rows = [...sel.cells.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([code, s]) => [
      code,
      names(code),
      period,
      u.type === null ? 'all' : String(u.type),
      u.side ?? 'all',
      s.events,
      s.best,
      s.low,
      s.high,
      s.civilians,
      src,
    ]);
  if (sel.unplaced.events > 0)
    rows.push([
      '',
      'not placed in a governorate',
      period,
      u.type === null ? 'all' : String(u.type),
      u.side ?? 'all',
      sel.unplaced.events,
      sel.unplaced.best,
      sel.unplaced.low,
      sel.unplaced.high,
      sel.unplaced.civilians,
      src,
    ]);
  return [head, ...rows].map((r) => r.map((v) => q(String(v))).join(',')).join('\r\n') + '\r\n';
}
