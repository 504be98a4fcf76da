/**
 * SYNTHETIC fixtures for the timeline tests: small hand-made TimeSelections whose numbers are
 * invented to exercise the layout (stacks, residuals, gaps, parts-only bars, conflicts, vintages,
 * other units). They are not SNHR figures and must never be read as such.
 */
import type { Bar, Figure, Query, Segment, TimeSelection } from '../../src/lib/data/selection';
import type { Observation } from '../../src/lib/data/types';
import { period } from '../../src/lib/data/period';

let n = 0;

/** A synthetic observation. */
export function obs(p: Partial<Observation> & { period: string; value: number }): Observation {
  n++;
  return {
    id: `syn-${n}`,
    metric: 'civilian-deaths',
    area: 'SY',
    perp: 'all',
    victims: 'all',
    unit: 'civilians',
    source: 'synthetic-2020-01-01',
    status: 'published',
    ...p,
  };
}

/** A figure around one synthetic observation. */
export function fig(o: Observation, extra: Partial<Omit<Figure, 'shown'>> = {}): Figure {
  return { shown: o, corroborating: [], earlier: [], conflicting: [], ...extra };
}

/** A bar with a published total (and optionally published parts; the residual is added when they fall short). */
export function valueBar(key: string, total: number, parts: Record<string, number> = {}, extra: Partial<Bar> = {}): Bar {
  const segments: Segment[] = Object.entries(parts)
    .sort((a, b) => b[1] - a[1])
    .map(([perp, value]) => ({ perp, value, figure: fig(obs({ period: key, value, perp })) }));
  const sum = segments.reduce((a, s) => a + s.value, 0);
  if (segments.length && sum < total) segments.push({ perp: 'unattributed', value: total - sum, figure: null });
  return {
    period: period(key),
    value: total,
    total: fig(obs({ period: key, value: total })),
    segments,
    status: 'value',
    otherUnits: [],
    ...extra,
  };
}

/** A bar that is only the sum of published parts. */
export function partsBar(key: string, parts: Record<string, number>): Bar {
  const b = valueBar(key, 0, parts);
  const sum = b.segments.reduce((a, s) => a + s.value, 0);
  return { ...b, value: sum, total: null, status: 'parts-only' };
}

/** A bar with nothing published. */
export function gapBar(key: string, extra: Partial<Bar> = {}): Bar {
  return { period: period(key), value: null, total: null, segments: [], status: 'gap', otherUnits: [], ...extra };
}

export function query(p: Partial<Query> = {}): Query {
  return { metric: 'civilian-deaths', year: null, period: null, perp: 'all', victims: 'all', gov: null, ...p };
}

export function selection(years: Bar[], months: Bar[] = [], q: Partial<Query> = {}): TimeSelection {
  return { query: query(q), years, months, cumulative: [] };
}

/** Five synthetic years: a stacked year with a residual, an unstacked year, a gap, a parts-only year, a conflict. */
export function mixed(): TimeSelection {
  const conflictBar = valueBar('2015', 9000);
  conflictBar.total!.conflicting = [obs({ period: '2015', value: 9400, status: 'conflict' })];
  conflictBar.total!.earlier = [obs({ period: '2015', value: 8800, source: 'synthetic-2016-01-01' })];
  return selection([
    valueBar('2012', 12000, { regime: 9000, isis: 1500 }),
    valueBar('2013', 20000),
    gapBar('2014', { otherUnits: [obs({ period: '2014', value: 30000, unit: 'persons', qualifier: 'approx' })] }),
    conflictBar,
    partsBar('2016', { regime: 4000, russia: 2500 }),
  ]);
}

/** Twelve synthetic months of 2016: some published, some not. */
export function months2016(): Bar[] {
  return Array.from({ length: 12 }, (_, i) => {
    const key = `2016-${String(i + 1).padStart(2, '0')}`;
    return i % 4 === 3 ? gapBar(key) : valueBar(key, 300 + i * 50);
  });
}
