import { describe, expect, test } from 'vitest';
import { fixture } from '../data/fixture';
import { indexDataset, selectMap, selectTime } from '../../src/lib/data/select';
import type { Query } from '../../src/lib/data/selection';
import type { Source } from '../../src/lib/data/types';
import { addMessages, i18n } from '../../src/lib/i18n/i18n.svelte';
import shareMessages from '../../src/lib/i18n/en/share';
import { citeParts, citeText, filterSummary, sourceLine, viewFigures, viewSources } from '../../src/lib/share/cite';
import { areaName } from '../../src/lib/data/describe';

// as the share menu's components do: these messages are not on the explorer's first paint
addMessages(shareMessages);

const s = (id: string, date: string, role: Source['role'] = 'primary', title = `Report ${id}`): Source => ({
  id,
  publisher: role === 'primary' ? 'Syrian Network for Human Rights' : 'Outlet',
  title,
  date,
  url: `https://example.org/${id}`,
  language: 'en',
  role,
});

describe('sourceLine', () => {
  test.each([
    [[], 'Source: Syrian Network for Human Rights (SNHR)'],
    // publisher and title are isolated runs (FSI … PDI)
    [[s('a', '2017-01-18', 'primary', 'The 2016 toll')], 'Source: \u2068Syrian Network for Human Rights\u2069, “\u2068The 2016 toll\u2069”, 18 Jan 2017'],
    // an embed's slice names sources without titles
    [[{ ...s('a', '2017-01-18'), title: '' }], 'Source: \u2068Syrian Network for Human Rights\u2069, 18 Jan 2017'],
    [[s('a', '2017-01-18'), s('b', '2021-04')], 'Sources: 2 reports by the Syrian Network for Human Rights (SNHR), published 18 Jan 2017 – Apr 2021'],
    [[s('a', '2017-01-18'), s('b', '2017-01-18')], 'Sources: 2 reports by the Syrian Network for Human Rights (SNHR), published 18 Jan 2017'],
    [
      [s('a', '2017-01-18'), s('b', '2021-04-15'), s('c', '2018-01-03', 'secondary')],
      'Sources: 2 reports by the Syrian Network for Human Rights (SNHR), published 18 Jan 2017 – 15 Apr 2021; 1 articles by other outlets quoting SNHR',
    ],
    [
      [s('c', '2018-01-03', 'secondary'), s('d', '2019-02-01', 'secondary')],
      'Sources: 2 articles by other outlets quoting the Syrian Network for Human Rights (SNHR), published 3 Jan 2018 – 1 Feb 2019',
    ],
  ])('%#', (sources, line) => {
    expect(sourceLine(sources, i18n)).toBe(line);
  });
});

const q = (o: Partial<Query>): Query => ({ metric: 'civilian-deaths', year: null, period: null, perp: 'all', victims: 'all', gov: null, ...o });

describe('a view in words', () => {
  const atlas = indexDataset(fixture());

  test('viewSources: the sources of the figures shown, newest first, each once', () => {
    const map = selectMap(atlas, q({}));
    const time = selectTime(atlas, q({}));
    const ids = viewSources(atlas, map, time).map((x) => x.id);
    expect(ids).toEqual([...new Set(ids)]);
    expect(ids).toEqual(expect.arrayContaining(['a2017', 'a2018', 'a2019', 'a2021']));
    const dates = ids.map((id) => atlas.sources.get(id)!.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    // never the residual: it has no figure
    expect(viewFigures(map, time).every((f) => f.shown.perp !== 'unattributed')).toBe(true);
  });

  test.each([
    // no cumulative figure in the fixture: "all years" names no single year's figure
    [q({}), 'Year: All years · Party: All parties · No governorate breakdown published for this period'],
    // a year without its own table: the table published within it, named by its own period
    [q({ year: 2020 }), 'Year: 2020 · Party: All parties · All of Syria, Mar 2020: 7 · Map: governorate figures for Mar 2020'],
    [
      q({ metric: 'barrel-bombs', period: '2012-07/2017-11' }),
      'Governorate table: Jul 2012 – Nov 2017 · Party: All by regime · All of Syria, Jul 2012 – Nov 2017: 2,000',
    ],
    [
      q({ year: 2020, victims: 'children', gov: 'SY-HL' }),
      'Year: 2020 · Party: All parties · Victims: Children · Selected: \u2068SY-HL\u2069 · All of Syria, 2020: 12 · No governorate breakdown published for this period',
    ],
  ])('filterSummary %#', (query, text) => {
    expect(filterSummary(atlas, selectMap(atlas, query), i18n)).toBe(text);
  });

  test('filterSummary and citeParts name a selected governorate with its value, unit and source', () => {
    const map = selectMap(atlas, q({ metric: 'barrel-bombs', period: '2012-07/2017-11' }));
    const cell = map.cells.find((c) => c.status === 'value' && c.codes.length === 1)!;
    expect(cell, 'the fixture has a governorate with a figure').toBeTruthy();
    const selected = selectMap(atlas, q({ metric: 'barrel-bombs', period: '2012-07/2017-11', gov: cell.codes[0] }));
    const o = cell.figure!.shown;
    const src = atlas.sources.get(o.source)!;
    const summary = filterSummary(atlas, selected, i18n);
    expect(summary).toContain(
      `Selected: \u2068${areaName(atlas, o.area, i18n)}\u2069, Jul 2012 – Nov 2017: ${i18n.num(o.value)} barrel bombs (Source: \u2068${src.publisher}\u2069, ${i18n.date(src.date)})`,
    );
    // the citation: the figure on screen and its one source first, then the table, then the rest
    const parts = citeParts(atlas, selected, selectTime(atlas, selected.query), i18n);
    expect(parts.figure?.text).toContain(`${i18n.num(o.value)} barrel bombs · All by regime`);
    expect(parts.figure?.source?.id).toBe(o.source);
    const ids = [parts.figure!.source!.id, ...parts.table!.map((x) => x.id), ...parts.sources.map((x) => x.id)];
    expect(ids).toEqual([...new Set(ids)]);
    expect(new Set(ids)).toEqual(new Set(viewSources(atlas, selected, selectTime(atlas, selected.query)).map((x) => x.id)));
    const text = citeText({ title: 't', url: 'u', version: 'v', accessed: '2026-01-01', ...parts }, i18n).split('\n');
    expect(text[2]).toBe(`The figure on screen: ${parts.figure!.text}`);
    expect(text[3]).toContain(src.url);
  });

  test('citeText: the view, the link, the data version, the date, then every source', () => {
    const text = citeText(
      {
        title: 'Civilian deaths · 2016',
        url: 'https://atlas.example/?metric=civilian-deaths&year=2016&perp=all',
        version: 'abc123def456',
        accessed: '2026-11-21',
        sources: [s('a', '2017-01-18', 'primary', 'The 2016 toll')],
      },
      i18n,
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      '\u2068Civilian deaths · 2016\u2069. Figures documented by the Syrian Network for Human Rights (SNHR), compiled by the Syria violations atlas. https://atlas.example/?metric=civilian-deaths&year=2016&perp=all (data version abc123def456; accessed 21 Nov 2026).',
    );
    expect(lines.slice(2)).toEqual([
      'Sources of the figures:',
      '- \u2068Syrian Network for Human Rights\u2069, “\u2068The 2016 toll\u2069”, 18 Jan 2017. https://example.org/a',
    ]);
  });
});
