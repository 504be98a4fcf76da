// Arabic of en/keeping.ts.
const messages: Record<string, string> = {
  'deck.full': 'في هذا العرض {max} شريحة، وهو الحد الأقصى: افتحه واحذف شريحة أولاً. لم يُضَف شيء.',
  'deck.unreadable': 'تعذّرت قراءة عرض محفوظ في هذا المتصفح. لم يُحذف بل حُفظ جانباً: نزّله لتحتفظ به أو لتصلحه.',
  'deck.unreadableDownload': 'تنزيل العرض غير المقروء {n}',
  'deck.unreadableForget': 'انسَ العروض غير المقروءة',
  'deck.unreadableStart': 'ابدأ عرضاً تقديمياً جديداً بهذا العرض',
  'present.error.linkKeyFigures': 'تعذّر فتح العرض الوارد في هذا الرابط، لذا يُعرض عرض الأرقام الرئيسية. {reason}',
  'present.unknownVersion': 'بعض الشرائح مثبّتة على نسخة البيانات {versions}، وهي نسخة لم ينشرها الأطلس؛ تعرض هذه الشرائح أحدث الأرقام.',
  'present.error.linkShown': 'تعذّر فتح العرض الوارد في هذا الرابط، لذا يبقى العرض الظاهر على الشاشة. {reason}',
  'deck.linked': 'فُتح هذا العرض من رابط. العرض المحفوظ في هذا المتصفح ({n} شريحة) لم يتغيّر:',
  'deck.linkedChanges': 'لا تُحفظ التعديلات على العرض الظاهر إلا إذا اخترت حفظه بدلاً من عرضك.',
  'deck.linkedKeep': 'احفظ هذا العرض بدلاً من عرضي',
  'deck.linkedOpenMine': 'افتح عرضي',
};
export default messages;
