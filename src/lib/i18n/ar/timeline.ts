/** Arabic messages for the timeline; the parties' short names come from data/perpetrators.csv (parties.gen.ts). */
import parties from './parties.gen';

const messages: Record<string, string> = {
  'timeline.chart.title': 'الحصيلة الموثَّقة في سوريا لكل عام كما نشرتها الشبكة السورية لحقوق الإنسان (الوحدة: {unit})',
  'timeline.desc':
    'الأعمدة: الحصائل الوطنية التي نشرتها الشبكة السورية لحقوق الإنسان لكل عام من {first} إلى {last}، والوحدة: {unit}؛ وهي مقسَّمة حسب الطرف حيث نشرت الشبكة توزيعاً على الأطراف.',
  'timeline.desc.empty': 'لم تُنشر حصيلة وطنية لهذا الاختيار.',
  'timeline.desc.gaps': 'سنوات لم تُنشر لها حصيلة: {n}.',
  'timeline.desc.partsOnly': 'سنوات لم تُنشر لها إلا حصائل بعض الأطراف دون حصيلة إجمالية (بقية العمود مظلّلة): {n}.',
  'timeline.desc.months': 'يعرض صفٌّ ثانٍ أشهر عام {year}.',
  'timeline.row.years': 'السنوات',
  'timeline.row.months': 'الأشهر',
  'timeline.months.title': 'أشهر عام {year} (بمقياس خاص)',
  'timeline.events': 'أحداث رئيسة',
  'timeline.legend': 'مفتاح الرسم',
  'timeline.aria.value': '{period}: {value} {unit}',
  'timeline.aria.gap': '{period}: لم تُنشر حصيلة',
  'timeline.aria.split': 'التوزيع حسب الطرف: {parts}',
  'timeline.aria.noSplit': 'لم يُنشر توزيع حسب الطرف',
  'timeline.and': ' و',
  'timeline.gap': 'لم تُنشر حصيلة',
  'timeline.partsOnly': 'بعض الأطراف فقط، دون حصيلة إجمالية منشورة',
  'timeline.partsOnly.long': 'حصائل بعض الأطراف فقط؛ لم تُنشر حصيلة إجمالية، فالحصيلة الكاملة لهذا العام غير معروفة',
  'timeline.unattributed.note':
    'الجزء الذي لم يُنسب في المصدر هو الحصيلة الإجمالية المنشورة مطروحاً منها ما نُسب إلى الأطراف المذكورة في مصادر الأطلس: قيمة مشتقّة، لا منشورة. وقد يشمل أطرافاً يذكرها مصدرٌ لم ينقلها الأطلس بعد.',
  'timeline.conflict': 'تذكر المصادر قيماً متعارضة: {values}',
  'timeline.earlier': 'حصيلة سابقة: {value} ({date})',
  'timeline.alsoPublished': 'نُشر أيضاً: {value} {unit} (غير قابل للمقارنة)',
  'timeline.legend.total': 'الحصيلة الإجمالية (لم يُنشر توزيع حسب الطرف)',
  'timeline.legend.unattributed': 'لم تُنسب في المصدر',
  'timeline.legend.partsOnly': 'بعض الأطراف فقط، دون حصيلة إجمالية منشورة',
  'timeline.legend.gap': 'لم تُنشر حصيلة',
  'timeline.gap.label': 'لا حصيلة منشورة',
  'timeline.legend.broken': 'عمود مقطوع (أطول من المقياس): قيمته مكتوبة فوقه',
  'timeline.legend.conflict': 'حصائل متعارضة',
  'timeline.perp.all': 'جميع الأطراف',
  'timeline.perp.combined': '{names} (مجتمعة في المصدر)',
  'timeline.title': 'حسب العام',
  'timeline.months': 'حسب الشهر في عام {year}',
  'timeline.hint': 'اختر عاماً لتصفية الخريطة؛ واختره مرة أخرى لعرض جميع السنوات.',
  'timeline.empty': 'لم تنشر الشبكة في مصادر الأطلس حصيلة وطنية سنوية أو شهرية لهذا المؤشر وهذا الطرف. الحصائل التي نشرتها لفترات أطول مدرجة أدناه.',
  'timeline.cumulative': 'الحصائل التراكمية المنشورة',
};
// pure, so that a page that never draws the timeline leaves its words out of its scripts
export default /* @__PURE__ */ Object.assign({}, parties, messages);
