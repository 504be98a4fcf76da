/** English messages for the governorate tables: the Year menu's groups, the period switcher, the table beside the map. */
const messages: Record<string, string> = {
  'tables.year.mapped': 'With a governorate map',
  'tables.year.national': 'National figures only',
  'tables.period.label': 'Governorate table',
  'tables.period.option': '{period} · {n} of 14 governorates',
  'tables.period.fullYear': '{period} (whole year) · {n} of 14 governorates',
  'tables.period.none': 'None: national figures only',
  'tables.period.within': 'A table published for {period} only, not the total for {year}.',
  'tables.open': 'Table of the governorates',
  'embed.show.table': 'Governorate table',
};
export default messages;
