/**
 * The deck that ships with the site: the atlas's key figures. Views, titles and speaker notes
 * only: every number and every source on the slides comes from the data when the slide is drawn,
 * and a unit test checks that each view still finds a published figure in static/data/atlas.json.
 * Notes name no numbers on purpose, so they cannot drift from the data.
 */
import type { Deck } from '../deck';

const AR: { title: string; note: string }[] = [
  {
    title: 'الضحايا المدنيون عاماً بعد عام وبحسب الطرف',
    note: 'الأعمدة هي حصيلة الضحايا المدنيين التي وثّقتها الشبكة كل عام، موزّعة على الطرف المسؤول حيث نشرت الشبكة هذا التوزيع. هذه حدود دنيا موثَّقة. تُظهر الخريطة المحافظات التي ذكرتها الشبكة لهذا العام.',
  },
  {
    title: 'الضحايا المدنيون على يد النظام السوري',
    note: 'السلسلة نفسها لطرف واحد. أشِر إلى الأعوام التي لا عمود لها: لم يُنشر عنها شيء، وهذا لا يعني صفراً.',
  },
  {
    title: 'البراميل المتفجرة الملقاة، بحسب المحافظة',
    note: 'كل البراميل المتفجرة ألقاها النظام: وحدها مروحياته وطائراته ألقتها. نُشرت حصيلة دمشق وريف دمشق رقماً واحداً فرُسمتا منطقةً واحدة.',
  },
  {
    title: 'البراميل المتفجرة في عام 2015، بحسب المحافظة',
    note: 'جدول المحافظات لعام واحد. المحافظة غير الملوّنة لا حصيلة لها في ذلك الجدول، وهذا لا يعني صفراً.',
  },
  {
    title: 'المدنيون الذين قتلتهم البراميل المتفجرة، بحسب المحافظة',
    note: 'عامان منذ قرار مجلس الأمن 2139 الذي طالب بوقف القصف بالبراميل المتفجرة في شباط 2014.',
  },
  {
    title: 'المدنيون الذين قتلتهم الألغام، بحسب المحافظة',
    note: 'تواصل الألغام ومخلفات الحرب القتل بعد توقف القتال في المنطقة بوقت طويل. الخريطة هي جدول المحافظات الذي نشرته الشبكة للفترة كلها، والأعمدة هي الأعوام التي نشرتها.',
  },
  {
    title: 'هجمات الذخائر العنقودية',
    note: 'سوريا ليست طرفاً في اتفاقية الذخائر العنقودية. تنسب الشبكة هذه الهجمات إلى النظام وروسيا. تُظهر الخريطة جدول المحافظات الوحيد الذي عُثر عليه، لحملة 2019–2020 على إدلب؛ والحصائل منذ 2012 مدرجة تحت المخطط الزمني.',
  },
  {
    title: 'المجازر في عام 2015، بحسب المحافظة',
    note: 'تعدّ الشبكة الحادثة مجزرة إذا قُتل فيها خمسة أشخاص أو أكثر دفعة واحدة.',
  },
  {
    title: 'الوفيات بسبب التعذيب',
    note: 'الأشخاص الذين وثّقت الشبكة وفاتهم بسبب التعذيب، موزّعين بحسب الطرف حيث نشرت الشبكة هذا التوزيع. لم يُنشر جدول للمحافظات، فتبقى الخريطة فارغة وتُعطى الحصيلة الوطنية.',
  },
];

export const KEY_FIGURES: Deck = {
  title: 'Syria: key figures documented by SNHR',
  slides: [
    {
      view: '?metric=civilian-deaths&year=2017&perp=all',
      title: 'Civilians killed, year by year and by party',
      note: 'Bars are civilian deaths SNHR documented each year, split by the party responsible where SNHR published the split. These are documented minimums. The map shows the governorates SNHR listed for this year.',
    },
    {
      view: '?metric=civilian-deaths&year=2017&perp=regime',
      title: 'Civilians killed by the Syrian regime',
      note: 'The same series for one party. Point out the years with no bar: nothing was published for them, it is not a zero.',
    },
    {
      view: '?metric=barrel-bombs&year=all&perp=all',
      title: 'Barrel bombs dropped, by governorate',
      note: 'Every barrel bomb is the regime’s: only its helicopters and planes dropped them. Damascus and Rif Dimashq were published as one figure and are drawn as one area.',
    },
    {
      view: '?metric=barrel-bombs&year=2015&perp=all',
      title: 'Barrel bombs in 2015, by governorate',
      note: 'One year’s governorate table. A governorate without colour has no figure in that table; that is not a zero.',
    },
    {
      view: '?metric=barrel-deaths&year=all&perp=all',
      title: 'Civilians killed by barrel bombs, by governorate',
      note: 'Two years from the Security Council’s resolution 2139, which demanded an end to barrel bombing, in February 2014.',
    },
    {
      view: '?metric=landmine-deaths&year=all&perp=all',
      title: 'Civilians killed by landmines, by governorate',
      note: 'Landmines and war remnants keep killing long after the fighting in an area stops. The map is SNHR’s governorate table for the whole period; the bars are the years SNHR published.',
    },
    {
      view: '?metric=cluster-attacks&year=all&perp=all',
      title: 'Cluster-munition attacks',
      note: 'Syria is not party to the Convention on Cluster Munitions. SNHR attributes these attacks to the regime and to Russia. The map shows the one governorate table found, for the 2019–2020 campaign on Idlib; the totals since 2012 are listed under the timeline.',
    },
    {
      view: '?metric=massacres&year=2015&perp=all',
      title: 'Massacres in 2015, by governorate',
      note: 'SNHR counts a massacre when five or more people are killed in one incident.',
    },
    {
      view: '?metric=torture-deaths&year=all&perp=all',
      title: 'Deaths under torture',
      note: 'People SNHR documented as having died under torture, split by party where SNHR published the split. No governorate table was published, so the map stays blank and the national figure is given.',
    },
  ],
};

/**
 * The same deck in Arabic, for a briefing given in Arabic (`present/?lang=ar`): the same views with
 * `lang=ar`, so that every slide, figure and source line is drawn right to left.
 */
export const KEY_FIGURES_AR: Deck = {
  title: 'سوريا: أبرز الحصائل التي وثّقتها الشبكة السورية لحقوق الإنسان',
  slides: KEY_FIGURES.slides.map((slide, i) => ({
    view: `${slide.view}&lang=ar`,
    title: AR[i].title,
    note: AR[i].note,
  })),
};

/**
 * The shipped deck in the reader's language: the key figures deck, in either language, becomes the
 * one written in `locale` (its titles and notes are the site's words, not a presenter's). Any other
 * deck is returned as it is: its titles and notes are its author's.
 */
export function inLanguage(deck: Deck, locale: 'en' | 'ar'): Deck {
  const same = (a: Deck, b: Deck) =>
    a.title === b.title && a.slides.length === b.slides.length && a.slides.every((s, i) => s.title === b.slides[i].title && s.note === b.slides[i].note);
  const builtIn = same(deck, KEY_FIGURES) || same(deck, KEY_FIGURES_AR);
  return builtIn ? (locale === 'ar' ? KEY_FIGURES_AR : KEY_FIGURES) : deck;
}
