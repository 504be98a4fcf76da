/**
 * The one view state every shell shares (explorer, embed, presentation): the filters as `$state`,
 * the dataset loaded once as `$state.raw`, and the selections as `$derived` reads of the pure view
 * model (model.ts), which holds the rules. It knows nothing about the URL or the DOM: shells sync
 * it with `parseView`/`serializeView` and hand the selections to the renderers.
 */
import type { Dataset } from '../data/types';
import type { Query } from '../data/selection';
import { indexDataset, type Atlas } from '../data/select';
import { changeView, normalizeParams, queryOf, viewModel } from './model';
import { DEFAULT_VIEW, type ViewParams } from './url';

export class ViewState {
  params: ViewParams = $state({ ...DEFAULT_VIEW });
  dataset: Dataset | null = $state.raw(null);

  readonly atlas: Atlas | null = $derived(this.dataset ? indexDataset(this.dataset) : null);
  /** the filters as set: update() and setDataset() normalise them, a view set directly stays as set */
  private readonly model = $derived(this.atlas ? viewModel(this.atlas, this.params, { normalize: false }) : null);
  readonly query: Query = $derived(this.model?.query ?? queryOf(this.params));
  readonly years: number[] = $derived(this.model?.years ?? []);
  readonly perps: string[] = $derived(this.model?.perps ?? []);
  readonly map = $derived(this.model?.map ?? null);
  readonly time = $derived(this.model?.time ?? null);
  readonly area = $derived(this.model?.area ?? null);

  constructor(initial?: Partial<ViewParams>) {
    if (initial) this.params = { ...DEFAULT_VIEW, ...initial };
  }

  /** Loads the data and drops filter values it has nothing for. */
  setDataset(dataset: Dataset): void {
    this.dataset = dataset;
    if (this.atlas) this.params = normalizeParams(this.atlas, this.params);
  }

  /** Changes some filters; a change of metric drops a year or party the new metric lacks. */
  update(change: Partial<ViewParams>): void {
    this.params = changeView(this.atlas, this.params, change);
  }
}
