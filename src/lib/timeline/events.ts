/**
 * Key events drawn on the timeline as date markers with short labels, to help a reader place the
 * figures in time. Deliberately no numbers here: every number the atlas shows comes from a cited
 * row in data/, and an event label is context, not a figure.
 */

export interface TimelineEvent {
  /** stable id */
  id: string;
  /** `YYYY-MM-DD`, or `YYYY-MM` when the event spans the month */
  date: string;
  /** last day of an event that lasted weeks, `YYYY-MM-DD` */
  end?: string;
  /** short English label, a few words */
  label: string;
  /** the same label in Arabic */
  label_ar?: string;
}

export const EVENTS: readonly TimelineEvent[] = [
  { id: 'ghouta-chemical', date: '2013-08-21', label: 'Ghouta chemical attack', label_ar: 'الهجوم الكيميائي على الغوطة' },
  { id: 'russian-intervention', date: '2015-09-30', label: 'Russian intervention', label_ar: 'التدخل العسكري الروسي' },
  { id: 'fall-east-aleppo', date: '2016-12', label: 'Fall of eastern Aleppo', label_ar: 'سقوط أحياء حلب الشرقية' },
  { id: 'eastern-ghouta', date: '2018-02-18', end: '2018-04-14', label: 'Eastern Ghouta offensive', label_ar: 'الهجوم على الغوطة الشرقية' },
  { id: 'idlib-ceasefire', date: '2020-03-05', label: 'Idlib ceasefire', label_ar: 'وقف إطلاق النار في إدلب' },
  { id: 'fall-of-assad', date: '2024-12-08', label: 'Fall of the Assad government', label_ar: 'سقوط نظام الأسد' },
];

/** The events with their labels in the reader's language (English where no Arabic label is given). */
export function localizeEvents(events: readonly TimelineEvent[], locale: 'en' | 'ar'): readonly TimelineEvent[] {
  return locale === 'ar' ? events.map((e) => (e.label_ar ? { ...e, label: e.label_ar } : e)) : events;
}
