import { describe, expect, test } from 'vitest';
import { COMBINED, GAP, NOT_LISTED, PALETTES, scaleFor } from '../../src/lib/map/color';
import { cellLabel, legendItems, unitOf } from '../../src/lib/map/legend';
import { i18n } from '../../src/lib/i18n/i18n.svelte';
import { SYNTHETIC_NO_BREAKDOWN, SYNTHETIC_TABLE, figure, gap, notListed, selection, value } from './fixtures';

const t = i18n.t;

describe('legendItems', () => {
  test('synthetic table: five classes, then not-listed and combined, no gap', () => {
    const items = legendItems(SYNTHETIC_TABLE, scaleFor(SYNTHETIC_TABLE), t);
    expect(items.map((i) => [i.kind, i.label])).toEqual([
      ['class', '0–99'],
      ['class', '100–1,499'],
      ['class', '1,500–3,999'],
      ['class', '4,000–6,999'],
      ['class', '7,000–13,436'],
      ['not-listed', 'No figure in this table'],
      ['combined', 'Combined in the source'],
    ]);
    expect(items.slice(0, 5).map((i) => (i.kind === 'class' ? i.color : ''))).toEqual(PALETTES[5]);
    expect(items[5]).toMatchObject({ color: NOT_LISTED.fill });
    expect(items[6]).toMatchObject({ stroke: COMBINED.stroke, dash: COMBINED.dash });
  });

  test.each([
    { name: 'no breakdown: only the gap swatch', sel: SYNTHETIC_NO_BREAKDOWN, kinds: ['gap'], labels: ['No governorate breakdown published'] },
    {
      name: 'one value',
      sel: selection([value('SY-HL', 1200), notListed('SY-ID')]),
      kinds: ['class', 'not-listed'],
      labels: ['1,200', 'No figure in this table'],
    },
    { name: 'equal values', sel: selection([value('SY-HL', 5), value('SY-ID', 5)]), kinds: ['class'], labels: ['5'] },
    { name: 'two values', sel: selection([value('SY-HL', 10), value('SY-ID', 1000)]), kinds: ['class', 'class'], labels: ['10–999', '1,000'] },
    {
      name: 'fractions say "under"',
      sel: selection([value('SY-HL', 0.5), value('SY-ID', 2.5), value('SY-HM', 9.5)]),
      kinds: ['class', 'class', 'class'],
      labels: ['under 1', '1 to under 3', '3–9.5'],
    },
    { name: 'value and gap', sel: selection([value('SY-HL', 7), gap('SY-ID')]), kinds: ['class', 'gap'], labels: ['7', 'No governorate breakdown published'] },
  ])('$name', ({ sel, kinds, labels }) => {
    const items = legendItems(sel, scaleFor(sel), t);
    expect(items.map((i) => i.kind)).toEqual(kinds);
    expect(items.map((i) => i.label)).toEqual(labels);
    for (const i of items) if (i.kind === 'gap') expect(i).toMatchObject({ color: GAP.background, line: GAP.line });
  });

  test('unitOf', () => {
    expect(unitOf(SYNTHETIC_TABLE)).toBe('barrels');
    expect(unitOf(SYNTHETIC_NO_BREAKDOWN)).toBeNull();
  });
});

describe('cellLabel', () => {
  const names: Record<string, string> = { 'SY-HL': 'Aleppo', 'SY-TA': 'Tartus', 'SY-DI': 'Damascus', 'SY-RD': 'Rif Dimashq' };
  const nameOf = (c: string) => names[c] ?? c;
  test.each([
    { name: 'value', code: 'SY-HL', cell: value('SY-HL', 13436), label: 'Aleppo: 13,436 barrel bombs' },
    { name: 'not listed', code: 'SY-TA', cell: notListed('SY-TA'), label: 'Tartus: no figure in this table' },
    { name: 'gap', code: 'SY-TA', cell: gap('SY-TA'), label: 'Tartus: no governorate breakdown published' },
    {
      name: 'combined',
      code: 'SY-DI',
      cell: value('SY-DI+SY-RD', 1200, 'civilians'),
      label: 'Damascus (combined with Rif Dimashq in the source): 1,200 civilians',
    },
    {
      name: 'qualifier',
      code: 'SY-HL',
      cell: { codes: ['SY-HL'], area: 'SY-HL', status: 'value' as const, figure: figure('SY-HL', 500, 'civilians', 'at-least') },
      // the qualifier's wording belongs to the common catalog
      label: `Aleppo: ${t('qualifier.at-least', { value: 500 })} civilians`,
    },
  ])('$name', ({ code, cell, label }) => expect(cellLabel(code, cell, nameOf, t)).toBe(label));
});
