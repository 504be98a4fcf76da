/** English messages for the governorate table beside the map; added to the catalog by GovernorateTable.svelte when it loads (`addMessages`), which keeps them out of the embed's first paint. */
const messages: Record<string, string> = {
  'tables.caption': 'Governorates, {period}',
  'tables.col.name': 'Governorate',
  'tables.col.value': 'Figure ({unit})',
  'tables.col.status': 'Status',
  'tables.status.value': 'Published',
  'tables.status.secondary': 'Quoted by an outlet',
  'tables.status.notListed': 'Not listed in this table',
  'tables.status.gap': 'No governorate table',
  'tables.status.combined': 'Combined with {areas}',
};
export default messages;
