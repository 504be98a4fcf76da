/**
 * UCDP's map colours: a blue-purple sequential palette (ColorBrewer PuBu steps, light to dark) so
 * that a UCDP map is never mistaken for SNHR's orange-red one, and one flat grey-blue for a
 * governorate where UCDP recorded no event in the view (UCDP's record has no gaps inside its
 * period: no event there is what it recorded). Class breaks follow the SNHR map's rule
 * (src/lib/map/color.ts). Pure.
 */
import type { ClassBreaks } from '../map/color';

export const UCDP_PALETTES: Readonly<Record<number, readonly string[]>> = {
  1: ['#3690c0'],
  2: ['#a6bddb', '#0570b0'],
  3: ['#bdc9e1', '#74a9cf', '#045a8d'],
  4: ['#bdc9e1', '#74a9cf', '#2b8cbe', '#034e7b'],
  5: ['#d0d1e6', '#a6bddb', '#74a9cf', '#2b8cbe', '#034e7b'],
};
export const NO_EVENT = { fill: '#f4f4f6' } as const;

type Translate = { t: (key: string, params?: Record<string, string | number>) => string };

/** One legend item per class: whole numbers end at threshold − 1 ("100–499"). */
export function legendItems(breaks: ClassBreaks, colors: readonly string[], i18n: Translate): { color: string; label: string }[] {
  const out: { color: string; label: string }[] = [];
  for (let i = 0; i < breaks.count; i++) {
    const from = i === 0 ? breaks.min : breaks.thresholds[i - 1];
    const to = i === breaks.count - 1 ? breaks.max : breaks.thresholds[i] - 1;
    out.push({ color: colors[i], label: from === to ? i18n.t('map.legend.single', { value: from }) : i18n.t('map.legend.range', { from, to }) });
  }
  return out;
}
