/** The detail panel's messages: loaded with the panel, not on the explorer's first paint. */
const messages: Record<string, string> = {
  'detail.title': '{name}: every published figure',
  'detail.close': 'Close',
  'detail.none': 'No figure was published for this governorate in the atlas’s sources.',
  'detail.combined': 'combined with {areas} in the source',
  'detail.period': 'Period',
  'detail.party': 'Party',
  'detail.victims': 'Victims',
  'detail.source': 'Source',
  'detail.metric': 'Measure',
  'detail.onlyMetric': 'Only {metric}',
  'detail.otherPeriods': 'Other periods ({n})',
  'detail.allMetrics': 'All measures',
};
export default messages;
