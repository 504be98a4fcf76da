/** English messages for the map. */
const messages: Record<string, string> = {
  'map.title': 'Map of Syria’s governorates',
  'map.region': 'Map',
  'map.desc.values':
    '{value} governorates with a published figure, {notListed} without a figure in the table, {gap} without a governorate breakdown. Each governorate is a button: press Enter to see its figures.',
  'map.desc.gap': 'No governorate breakdown was published for this selection. Each governorate is a button: press Enter to see its figures.',
  'map.attribution': 'Boundaries: Natural Earth (public domain)',
  'map.cell.value': '{name}: {value} {unit}',
  'map.cell.notListed': '{name}: no figure in this table',
  'map.cell.gap': '{name}: no governorate breakdown published',
  'map.cell.combined': '{name} (combined with {others} in the source)',
  'map.legend.title': 'Legend',
  'map.legend.single': '{value}',
  'map.legend.range': '{from}–{to}',
  'map.legend.under': 'under {to}',
  'map.legend.toUnder': '{from} to under {to}',
  'map.legend.notListed': 'No figure in this table',
  'map.legend.gap': 'No governorate breakdown published',
  'map.legend.combined': 'Combined in the source',
  'map.zoomPan': 'Zoom and pan: drag the map, scroll or use the + and − buttons',
  'map.zoomPan.loading': 'Loading the zoomable map…',
  'map.zoomIn': 'Zoom in (loads the zoomable map)',
  'map.zoom.unavailable': 'Zoom is unavailable in this browser (no WebGL); the map above still works: choose a governorate to see its figures.',
};
export default messages;
