/**
 * The one view state every shell shares (explorer, embed, presentation): the filters as `$state`,
 * the dataset loaded once as `$state.raw`, and the selections as `$derived` calls into the pure
 * selection rules. It knows nothing about the URL or the DOM: shells sync it with
 * `parseView`/`serializeView` and hand the selections to the renderers.
 */
import type { Dataset } from '../data/types';
import type { Query } from '../data/selection';
import { indexDataset, perpsOf, selectArea, selectMap, selectTime, yearsOf, type Atlas } from '../data/select';
import { DEFAULT_VIEW, normalizeView, type ViewParams } from './url';

export class ViewState {
  params: ViewParams = $state({ ...DEFAULT_VIEW });
  dataset: Dataset | null = $state.raw(null);

  readonly atlas: Atlas | null = $derived(this.dataset ? indexDataset(this.dataset) : null);
  readonly query: Query = $derived({
    metric: this.params.metric,
    year: this.params.year,
    period: this.params.period,
    perp: this.params.perp,
    victims: this.params.victims,
    gov: this.params.gov,
  });
  readonly years: number[] = $derived(this.atlas ? yearsOf(this.atlas, this.params.metric) : []);
  readonly perps: string[] = $derived(this.atlas ? perpsOf(this.atlas, this.params.metric) : []);
  readonly map = $derived(this.atlas ? selectMap(this.atlas, this.query) : null);
  readonly time = $derived(this.atlas ? selectTime(this.atlas, this.query) : null);
  readonly area = $derived(this.atlas && this.params.gov ? selectArea(this.atlas, this.params.gov) : null);

  constructor(initial?: Partial<ViewParams>) {
    if (initial) this.params = { ...DEFAULT_VIEW, ...initial };
  }

  /** Loads the data and drops filter values it has nothing for. */
  setDataset(dataset: Dataset): void {
    this.dataset = dataset;
    this.params = this.normalized(this.params);
  }

  /** Changes some filters; a change of metric drops a year or party the new metric lacks. */
  update(change: Partial<ViewParams>): void {
    const next = { ...this.params, ...change };
    if ('year' in change && !('period' in change)) next.period = null;
    this.params = this.normalized(next);
  }

  private normalized(view: ViewParams): ViewParams {
    const atlas = this.atlas;
    if (!atlas) return view;
    return normalizeView(view, {
      years: yearsOf(atlas, view.metric),
      perps: perpsOf(atlas, view.metric),
      periods: tablePeriods(atlas, view.metric),
    });
  }
}

/** Period keys for which a governorate table of the metric was published. */
export function tablePeriods(atlas: Atlas, metric: Query['metric']): string[] {
  const keys = new Set<string>();
  for (const o of atlas.byMetric.get(metric) ?? []) if (o.area !== 'SY' && o.unit !== 'percent') keys.add(o.period);
  return [...keys];
}
