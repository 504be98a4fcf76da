/** Arabic messages for the governorate table beside the map; added to the catalog by GovernorateTable.svelte when it loads (`addMessages`), which keeps them out of the embed's first paint. */
const messages: Record<string, string> = {
  'tables.caption': 'المحافظات، {period}',
  'tables.col.name': 'المحافظة',
  'tables.col.value': 'الحصيلة ({unit})',
  'tables.col.status': 'الحالة',
  'tables.status.value': 'منشورة',
  'tables.status.secondary': 'نقلتها وسيلة إعلامية',
  'tables.status.notListed': 'غير مذكورة في هذا الجدول',
  'tables.status.gap': 'لا جدول للمحافظات',
  'tables.status.combined': 'مجموعة مع {areas}',
};
export default messages;
