/**
 * ViewState (state/view.svelte.ts, runes compiled by the Svelte plugin of vite.config.ts):
 * `setDataset()` and `update()` normalise the filters, and the selections follow them. On the
 * SYNTHETIC fixture of the selection rules (tests/data/fixture.ts: made-up figures). The rules
 * themselves are table-tested in model.test.ts; this checks that the state applies them.
 *
 * Vitest runs in Node, so the plugin compiles the runes for the server, where a `$derived` is
 * computed again at every read: these tests check values, not caching. That the same filters give
 * the same selection objects (so a change of language redraws no map) is proved on the model.
 */
import { describe, expect, it } from 'vitest';
import { ViewState } from '../../src/lib/state/view.svelte';
import { DEFAULT_VIEW } from '../../src/lib/state/url';
import type { Dataset } from '../../src/lib/data/types';
import { fixture } from '../data/fixture';

const loaded = (initial?: ConstructorParameters<typeof ViewState>[0], dataset: Dataset = fixture()) => {
  const view = new ViewState(initial);
  view.setDataset(dataset);
  return view;
};

describe('ViewState before its data', () => {
  it('holds the filters as given and no selection', () => {
    const view = new ViewState({ metric: 'civilian-deaths', year: 2019 });
    expect(view.params).toEqual({ ...DEFAULT_VIEW, metric: 'civilian-deaths', year: 2019 });
    expect(view.query).toMatchObject({ metric: 'civilian-deaths', year: 2019, period: null });
    expect([view.atlas, view.map, view.time, view.area]).toEqual([null, null, null, null]);
    expect([view.years, view.perps]).toEqual([[], []]);
  });
  it('starts on the default view', () => {
    expect(new ViewState().params).toEqual(DEFAULT_VIEW);
  });
  it('takes a change as it is (a year still drops the period)', () => {
    const view = new ViewState({ period: '2015-07' });
    view.update({ year: 2099, perp: 'nobody' });
    expect(view.params).toMatchObject({ year: 2099, period: null, perp: 'nobody' });
  });
});

describe('setDataset', () => {
  it('drops what the data lacks and selects the rest', () => {
    const view = loaded({ metric: 'civilian-deaths', year: 2019, perp: 'nobody', lang: 'ar' });
    expect(view.params).toEqual({ ...DEFAULT_VIEW, metric: 'civilian-deaths', lang: 'ar' });
    expect(view.years).toEqual([2015, 2016, 2017, 2018, 2020]);
    expect(view.perps).toEqual(['regime', 'russia', 'isis', 'sdf', 'other']);
    expect(view.map?.query).toEqual(view.query);
    expect(view.time?.query).toEqual(view.query);
    expect(view.area).toBeNull();
  });
  it('a period files the view under its year', () => {
    expect(loaded({ metric: 'barrel-bombs', year: 2014, period: '2015-07' }).params).toMatchObject({ year: 2015, period: '2015-07' });
  });
  it('another dataset (a pinned version) re-checks the filters against it', () => {
    const view = loaded({ metric: 'civilian-deaths', year: 2016, perp: 'russia' });
    const before = view.map;
    const older = fixture();
    older.observations = older.observations.filter((o) => !(o.metric === 'civilian-deaths' && o.period === '2016'));
    view.setDataset(older);
    expect(view.params).toMatchObject({ metric: 'civilian-deaths', year: null, perp: 'all' });
    expect(view.years).toEqual([2015, 2017, 2018, 2020]);
    expect(view.map).not.toBe(before);
    expect(view.map?.query.year).toBeNull();
  });
});

describe('update', () => {
  it('a change of measure drops a year and a party it lacks', () => {
    const view = loaded({ metric: 'civilian-deaths', year: 2016, perp: 'russia' });
    view.update({ metric: 'barrel-bombs' });
    expect(view.params).toMatchObject({ metric: 'barrel-bombs', year: null, perp: 'all' });
    expect(view.years).toEqual([2014, 2015]);
    expect(view.map?.period?.key).toBe('2012-07/2017-11');
  });
  it('a year drops the period; a period sets its year', () => {
    const view = loaded({ metric: 'barrel-bombs' });
    view.update({ period: '2015-07' });
    expect(view.params).toMatchObject({ year: 2015, period: '2015-07' });
    expect(view.map?.period?.key).toBe('2015-07');
    view.update({ year: 2015 });
    expect(view.params).toMatchObject({ year: 2015, period: null });
    expect(view.map?.period?.key).toBe('2015');
  });
  it('a governorate opens its figures; none closes them', () => {
    const view = loaded({ metric: 'barrel-bombs' });
    view.update({ gov: 'SY-HL' });
    expect(view.area?.code).toBe('SY-HL');
    expect(view.area?.figures.length).toBe(4);
    view.update({ gov: null });
    expect(view.area).toBeNull();
  });
  it('another language changes no filter', () => {
    const view = loaded({ metric: 'barrel-bombs', year: 2015, period: '2015-07' });
    view.update({ lang: 'ar' });
    expect(view.params).toEqual({ ...DEFAULT_VIEW, metric: 'barrel-bombs', year: 2015, period: '2015-07', lang: 'ar' });
    expect(view.map?.period?.key).toBe('2015-07');
  });
  it('a gap stays a gap', () => {
    const view = loaded({ metric: 'civilian-deaths' });
    view.update({ year: 2016, perp: 'sdf' });
    expect(view.params).toMatchObject({ year: 2016, perp: 'sdf' });
    expect(view.map?.national).toBeNull();
    expect(view.map?.cells.every((c) => c.status === 'gap' && c.figure === null)).toBe(true);
  });
});

describe('filters set directly (Back in the explorer)', () => {
  it('are shown as set, not normalised', () => {
    const view = loaded({ metric: 'civilian-deaths' });
    view.params = { ...DEFAULT_VIEW, metric: 'civilian-deaths', year: 2019 };
    expect(view.params.year).toBe(2019);
    expect(view.query.year).toBe(2019);
    expect(view.map?.query.year).toBe(2019);
    expect(view.time?.months).toEqual([]);
  });
});
