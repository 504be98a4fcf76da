/**
 * SYNTHETIC fixtures for the map tests: invented values, not SNHR figures. They exercise a value
 * cell per class, a combined cell (Damascus + Rif Dimashq published as one figure), a governorate
 * not listed by its table, and a selection with no governorate breakdown at all.
 */
import type { Figure, MapCell, MapSelection } from '../../src/lib/data/selection';
import type { Observation, Unit } from '../../src/lib/data/types';

export function figure(area: string, value: number, unit: Unit = 'barrels', qualifier?: Observation['qualifier']): Figure {
  const shown: Observation = {
    id: `synthetic-${area}`,
    metric: 'barrel-bombs',
    period: '2012-07/2017-11',
    area,
    perp: 'all',
    victims: 'all',
    unit,
    value,
    source: 'synthetic',
    status: 'published',
    ...(qualifier ? { qualifier } : {}),
  };
  return { shown, corroborating: [], earlier: [], conflicting: [] };
}

export const value = (area: string, v: number, unit?: Unit): MapCell => ({ codes: area.split('+'), area, status: 'value', figure: figure(area, v, unit) });
export const notListed = (code: string): MapCell => ({ codes: [code], area: code, status: 'not-listed', figure: null });
export const gap = (code: string): MapCell => ({ codes: [code], area: code, status: 'gap', figure: null });

export function selection(cells: MapCell[], hasBreakdown = true): MapSelection {
  return {
    query: { metric: 'barrel-bombs', year: null, period: '2012-07/2017-11', perp: 'all', victims: 'all', gov: null },
    period: { key: '2012-07/2017-11', kind: 'range', start: '2012-07-01', end: '2017-11-30' },
    hasBreakdown,
    cells,
    national: null,
    shares: [],
    nearest: [],
    sources: ['synthetic'],
  };
}

/** Synthetic: 11 values over a wide range, one combined cell, Tartus not listed. */
export const SYNTHETIC_TABLE = selection([
  value('SY-HL', 13436),
  value('SY-ID', 6780),
  value('SY-HM', 5121),
  value('SY-DR', 9250),
  value('SY-DI+SY-RD', 10800),
  value('SY-HI', 3920),
  value('SY-LA', 1240),
  value('SY-QU', 760),
  value('SY-DY', 1630),
  value('SY-HA', 32),
  value('SY-RA', 0),
  value('SY-SU', 5),
  notListed('SY-TA'),
]);

/** Synthetic: a period with no governorate table. */
export const SYNTHETIC_NO_BREAKDOWN = selection(
  ['SY-HL', 'SY-ID', 'SY-LA', 'SY-TA', 'SY-HM', 'SY-HI', 'SY-RA', 'SY-DY', 'SY-HA', 'SY-RD', 'SY-DI', 'SY-QU', 'SY-DR', 'SY-SU'].map(gap),
  false,
);
