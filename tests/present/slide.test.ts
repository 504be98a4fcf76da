/** The slide's figures and sources (slide.ts), on the synthetic fixture of the selection rules. */
import { describe, expect, it } from 'vitest';
import { indexDataset } from '../../src/lib/data/select';
import { byPublisher, slideFacts, slideSubtitle, slideView, dateSpan } from '../../src/lib/present/slide';
import { slideParams } from '../../src/lib/present/deck';
import { fixture } from '../data/fixture';
import type { Words } from '../../src/lib/data/describe';

const atlas = indexDataset(fixture());
const words: Words = {
  t: (key, params) => (params ? `${key}(${Object.values(params).join(',')})` : key),
  num: (n) => String(n),
  date: (iso) => iso,
  locale: 'en',
};

describe('slideView', () => {
  it.each([
    ['?metric=barrel-bombs&year=all&perp=all', { metric: 'barrel-bombs', year: null, perp: 'all' }],
    ['?metric=barrel-bombs&year=1999&perp=all', { metric: 'barrel-bombs', year: null, perp: 'all' }],
    ['?metric=civilian-deaths&year=2016&perp=nobody', { metric: 'civilian-deaths', year: 2016, perp: 'all' }],
    ['?metric=civilian-deaths&year=2016&period=2001/2002', { metric: 'civilian-deaths', year: 2016, period: null }],
  ])('normalises %s like the view state', (view, expected) => {
    expect(slideView(atlas, view).params).toMatchObject(expected);
    // the slide's parsed filters give the same view as its string
    expect(slideView(atlas, slideParams({ view }))).toEqual(slideView(atlas, view));
  });
});

describe('slideFacts', () => {
  it('gives the national figure first, then the highest governorates, and the table’s source', () => {
    const v = slideView(atlas, '?metric=barrel-bombs&year=all&perp=all');
    const f = slideFacts(atlas, v.map, v.time);
    expect(f.figures.map((x) => [x.kind, x.label, x.figure.shown.value])).toEqual([
      ['national', 'SY', 2000],
      ['area', 'SY-DI+SY-RD', 800],
      ['area', 'SY-HL', 700],
      ['area', 'SY-DR', 500],
    ]);
    expect(f.sources.map((s) => s.id)).toEqual(['b2017']);
    // the yearly bars come from other reports: counted apart, never twice
    expect(f.timelineSources.map((s) => s.id)).toEqual(['b2021']);
  });
  it('with no governorate table, gives the national figure and no area', () => {
    const v = slideView(atlas, '?metric=civilian-deaths&year=2016&perp=all');
    const f = slideFacts(atlas, v.map, v.time);
    expect(f.figures.map((x) => x.kind)).toEqual(['national', 'party', 'party', 'party']);
    expect(f.figures[0].figure.shown.value).toBe(100);
    expect(f.sources.map((s) => s.id)).toEqual(['a2017']);
  });
  it('never shows a published share (percent) as a figure', () => {
    const v = slideView(atlas, '?metric=civilian-deaths&year=2020&perp=all');
    const f = slideFacts(atlas, v.map, v.time);
    expect(f.figures.some((x) => x.figure.shown.unit === 'percent')).toBe(false);
  });
  it('where nothing was published, has no figure and no source', () => {
    const v = slideView(atlas, '?metric=civilian-deaths&year=2016&perp=sdf');
    const f = slideFacts(atlas, v.map, v.time);
    expect(v.params).toMatchObject({ year: 2016, perp: 'sdf' });
    expect(f.figures).toEqual([]);
    expect(f.sources).toEqual([]);
  });
});

describe('slideSubtitle', () => {
  it.each([
    ['?metric=barrel-bombs&year=all&perp=all', 'Barrel bombs · period.range(2012-07,2017-11)'],
    ['?metric=civilian-deaths&year=2016&perp=regime', 'Civilian deaths · 2016 · regime'],
    ['?metric=civilian-deaths&year=2020&perp=all&victims=children', 'Civilian deaths · 2020 · victims.children'],
  ])('%s → %s', (view, text) => {
    const v = slideView(atlas, view);
    expect(slideSubtitle(atlas, v.query, v.map, words)).toBe(text);
  });
});

describe('dateSpan', () => {
  it('spans the first and last publication', () => {
    expect(dateSpan(atlas.dataset.sources.slice(0, 3))).toEqual({ first: '2016-01-01', last: '2018-01-01' });
    expect(dateSpan([])).toBeNull();
  });
});

describe('byPublisher', () => {
  it('groups sources by publisher, most cited first, newest first within', () => {
    const g = byPublisher(atlas.dataset.sources);
    expect(g.map((x) => [x.publisher, x.sources.length])).toEqual([
      ['Syrian Network for Human Rights', 10],
      ['Outlet', 1],
    ]);
    expect(g[0].sources[0].date >= g[0].sources[1].date).toBe(true);
    expect(byPublisher([])).toEqual([]);
  });
});

describe('parties', () => {
  it('gives the published split by party where no governorate table answers', () => {
    const v = slideView(atlas, '?metric=civilian-deaths&year=2016&perp=all');
    const f = slideFacts(atlas, v.map, v.time);
    // regime 60, russia 30, other 10; Turkish border guards (a sub-party of other) left out
    expect(f.figures.map((x) => [x.kind, x.label, x.figure.shown.value])).toEqual([
      ['national', 'SY', 100],
      ['party', 'regime', 60],
      ['party', 'russia', 30],
      ['party', 'other', 10],
    ]);
  });
  it('gives no split when a party is chosen', () => {
    const v = slideView(atlas, '?metric=civilian-deaths&year=2016&perp=regime');
    expect(slideFacts(atlas, v.map, v.time).figures.map((x) => x.kind)).toEqual(['national']);
  });
});
