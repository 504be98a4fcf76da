/** Arabic messages for the governorate tables: the Year menu's groups, the period switcher, the table beside the map. */
const messages: Record<string, string> = {
  'tables.year.mapped': 'مع خريطة للمحافظات',
  'tables.year.national': 'حصائل وطنية فقط',
  'tables.period.label': 'جدول المحافظات',
  'tables.period.option': '{period} · {n} من 14 محافظة',
  'tables.period.fullYear': '{period} (العام كاملاً) · {n} من 14 محافظة',
  'tables.period.none': 'لا جدول: حصائل وطنية فقط',
  'tables.period.within': 'جدول منشور عن {period} وحدها، وليس حصيلة عام {year}.',
  'tables.open': 'جدول المحافظات',
  'embed.show.table': 'جدول المحافظات',
};
export default messages;
