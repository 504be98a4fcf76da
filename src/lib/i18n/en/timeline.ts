/** English messages for the timeline; the parties' short names come from data/perpetrators.csv (parties.gen.ts). */
import parties from './parties.gen';

const messages: Record<string, string> = {
  'timeline.chart.title': 'Documented {unit} per year in Syria, as published by SNHR',
  'timeline.desc': 'Bars: national figures published by SNHR for each year from {first} to {last}, in {unit}; stacked by party where SNHR published a split.',
  'timeline.desc.empty': 'No national figure was published for this selection.',
  'timeline.desc.gaps': 'Years with no figure published: {n}.',
  'timeline.desc.partsOnly': 'Years with figures for some parties only and no published total (the rest of the column is hatched): {n}.',
  'timeline.desc.months': 'A second row shows the months of {year}.',
  'timeline.row.years': 'Years',
  'timeline.row.months': 'Months',
  'timeline.months.title': 'Months of {year} (own scale)',
  'timeline.events': 'Key events',
  'timeline.legend': 'Legend',
  'timeline.aria.value': '{period}: {value} {unit}',
  'timeline.aria.gap': '{period}: no figure published',
  'timeline.aria.split': 'split by party: {parts}',
  'timeline.aria.noSplit': 'no split by party published',
  'timeline.and': ' and ',
  'timeline.gap': 'No figure published',
  'timeline.partsOnly': 'some parties only, no total published',
  'timeline.partsOnly.long': 'figures for some parties only; no total was published, so the year’s total is not known',
  'timeline.unattributed.note':
    'The part not attributed in the source is the published total minus the parties listed in the atlas’s sources: derived, not published. It may include parties a source lists that the atlas has not transcribed.',
  'timeline.conflict': 'the sources give conflicting values: {values}',
  'timeline.earlier': 'earlier figure: {value} ({date})',
  'timeline.alsoPublished': 'also published: {value} {unit} (not comparable)',
  'timeline.legend.total': 'Total (no split by party published)',
  'timeline.legend.unattributed': 'Not attributed in the source',
  'timeline.legend.partsOnly': 'Some parties only, no total published',
  'timeline.legend.gap': 'No figure published',
  'timeline.gap.label': 'no total published',
  'timeline.legend.broken': 'Bar cut (too tall for the scale): its value is written over it',
  'timeline.legend.conflict': 'Conflicting figures',
  'timeline.perp.all': 'All parties',
  'timeline.perp.combined': '{names} (combined in the source)',
  'timeline.title': 'By year',
  'timeline.months': 'By month in {year}',
  'timeline.hint': 'Select a year to filter the map; select it again for all years.',
  'timeline.empty':
    'SNHR published no yearly or monthly national figure for this measure and party in the atlas’s sources. The figures it did publish for longer periods are listed below.',
  'timeline.cumulative': 'Cumulative figures published',
};
// pure, so that a page that never draws the timeline leaves its words out of its scripts
export default /* @__PURE__ */ Object.assign({}, parties, messages);
