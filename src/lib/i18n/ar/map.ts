/** Arabic messages for the map. */
const messages: Record<string, string> = {
  'map.title': 'خريطة المحافظات السورية',
  'map.region': 'الخريطة',
  'map.desc.values':
    'محافظات لها حصيلة منشورة: {value}؛ محافظات بلا حصيلة في الجدول: {notListed}؛ محافظات بلا توزيع حسب المحافظة: {gap}. كل محافظة زرّ: اضغط Enter لعرض حصائلها.',
  'map.desc.gap': 'لم يُنشر توزيع حسب المحافظات لهذا الاختيار. كل محافظة زرّ: اضغط Enter لعرض حصائلها.',
  'map.attribution': 'الحدود: Natural Earth (ملكية عامة)',
  'map.cell.value': '{name}: {value} {unit}',
  'map.cell.notListed': '{name}: لا حصيلة في هذا الجدول',
  'map.cell.gap': '{name}: لم يُنشر توزيع حسب المحافظات',
  'map.cell.combined': '{name} (مدمجة مع {others} في المصدر)',
  'map.legend.title': 'مفتاح الخريطة',
  'map.legend.single': '{value}',
  'map.legend.range': '{from}–{to}',
  'map.legend.under': 'أقل من {to}',
  'map.legend.toUnder': 'من {from} إلى أقل من {to}',
  'map.legend.notListed': 'لا حصيلة في هذا الجدول',
  'map.legend.gap': 'لم يُنشر توزيع حسب المحافظات',
  'map.legend.combined': 'مدمجة في المصدر',
  'map.zoomPan': 'التكبير والتحريك: اسحب الخريطة، أو مرّر عجلة الفأرة، أو استخدم الزرّين + و−',
  'map.zoomPan.loading': 'جارٍ تحميل الخريطة القابلة للتكبير…',
  'map.zoomIn': 'تكبير (يحمّل الخريطة القابلة للتكبير)',
  'map.zoom.unavailable': 'التكبير غير متاح في هذا المتصفح (لا يدعم WebGL)؛ الخريطة أعلاه تعمل كما هي: اختر محافظة لترى أرقامها.',
};
export default messages;
