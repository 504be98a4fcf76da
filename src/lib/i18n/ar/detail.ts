/** رسائل لوحة التفاصيل. */
const messages: Record<string, string> = {
  'detail.title': '{name}: كل الحصائل المنشورة',
  'detail.close': 'إغلاق',
  'detail.none': 'لم تُنشر أي حصيلة لهذه المحافظة في مصادر الأطلس.',
  'detail.combined': 'مدمجة مع {areas} في المصدر',
  'detail.period': 'الفترة',
  'detail.party': 'الطرف',
  'detail.victims': 'الضحايا',
  'detail.source': 'المصدر',
  'detail.metric': 'المؤشر',
  'detail.onlyMetric': '{metric} فقط',
  'detail.otherPeriods': 'فترات أخرى ({n})',
  'detail.allMetrics': 'جميع المؤشرات',
};
export default messages;
