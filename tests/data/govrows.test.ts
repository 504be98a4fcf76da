/** The governorate table's rows (src/lib/data/govrows.ts) on the SYNTHETIC fixture (made-up figures). */
import { describe, expect, it } from 'vitest';
import { indexDataset, selectMap } from '../../src/lib/data/select';
import { governorateRowsOf, sortRows } from '../../src/lib/data/govrows';
import type { Query } from '../../src/lib/data/selection';
import { GOVERNORATE_CODES } from '../../src/lib/data/types';
import { fixture } from './fixture';

const q = (o: Partial<Query>): Query => ({ metric: 'barrel-bombs', year: null, period: null, perp: 'all', victims: 'all', gov: null, ...o });

function atlasWithNames() {
  const d = fixture();
  d.areas = [
    { code: 'SY-DI', name_en: 'Damascus', name_ar: 'دمشق', names_published: [] },
    { code: 'SY-RD', name_en: 'Rif Dimashq', name_ar: 'ريف دمشق', names_published: [] },
    { code: 'SY-HL', name_en: 'Aleppo', name_ar: 'حلب', names_published: [] },
    { code: 'SY-DR', name_en: 'Daraa', name_ar: 'درعا', names_published: [] },
  ];
  return indexDataset(d);
}

describe('governorateRowsOf', () => {
  const atlas = atlasWithNames();
  const map = selectMap(atlas, q({ period: '2012-07/2017-11' }));
  const rows = governorateRowsOf(atlas, map);
  it('has the 14 governorates in the stable order, whatever the table lists', () => {
    expect(rows.map((r) => r.code)).toEqual([...GOVERNORATE_CODES]);
  });
  it('its rows are the map cells: value, combined (the combined figure, never a share), not listed', () => {
    const by = new Map(rows.map((r) => [r.code, r]));
    expect([by.get('SY-HL')!.status, by.get('SY-HL')!.figure!.shown.value, by.get('SY-HL')!.name_ar]).toEqual(['value', 700, 'حلب']);
    expect([by.get('SY-DI')!.combinedWith, by.get('SY-DI')!.figure!.shown.value, by.get('SY-DI')!.area]).toEqual([['SY-RD'], 800, 'SY-DI+SY-RD']);
    expect([by.get('SY-RD')!.combinedWith, by.get('SY-RD')!.figure!.shown.value]).toEqual([['SY-DI'], 800]);
    expect([by.get('SY-TA')!.status, by.get('SY-TA')!.figure, by.get('SY-TA')!.source, by.get('SY-TA')!.name_en]).toEqual(['not-listed', null, null, 'SY-TA']);
    expect(by.get('SY-HL')!.source?.id).toBe('b2017');
    for (const cell of map.cells) for (const c of cell.codes) expect(by.get(c)!.status).toBe(cell.status);
  });
  it('with no table every row is a gap', () => {
    const gap = governorateRowsOf(atlas, selectMap(atlas, q({ year: 2014 })));
    expect(gap.every((r) => r.status === 'gap' && r.figure === null)).toBe(true);
  });
});

describe('sortRows', () => {
  const atlas = atlasWithNames();
  const rows = governorateRowsOf(atlas, selectMap(atlas, q({ period: '2012-07/2017-11' })));
  it('by figure, largest first; rows with no figure last in the stable order', () => {
    const sorted = sortRows(rows, 'value', true, 'en');
    // Rif Dimashq and Damascus share the combined figure: the stable order breaks the tie
    expect(sorted.slice(0, 4).map((r) => r.code)).toEqual(['SY-RD', 'SY-DI', 'SY-HL', 'SY-DR']);
    expect(sorted.slice(4).map((r) => r.code)).toEqual(GOVERNORATE_CODES.filter((c) => !['SY-RD', 'SY-DI', 'SY-HL', 'SY-DR'].includes(c)));
    expect(sortRows(rows, 'value', false, 'en').slice(0, 4).map((r) => r.code)).toEqual(['SY-DR', 'SY-HL', 'SY-RD', 'SY-DI']);
  });
  it('by name in the reader\'s language', () => {
    expect(sortRows(rows, 'name', false, 'en').slice(0, 3).map((r) => r.name_en)).toEqual(['Aleppo', 'Damascus', 'Daraa']);
    expect(sortRows(rows, 'name', false, 'ar').map((r) => r.name_ar).filter((n) => !n.startsWith('SY')).slice(0, 4)).toEqual(['حلب', 'درعا', 'دمشق', 'ريف دمشق']);
    expect(sortRows(rows, 'map', false, 'en').map((r) => r.code)).toEqual([...GOVERNORATE_CODES]);
  });
});
