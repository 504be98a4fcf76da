/**
 * Key events drawn on the timeline as date markers with short labels, to help a reader place the
 * figures in time. Deliberately no numbers here: every number the atlas shows comes from a cited
 * row in data/, and an event label is context, not a figure.
 */

export interface TimelineEvent {
  /** stable id (an Arabic label, when it lands, is keyed on it) */
  id: string;
  /** `YYYY-MM-DD`, or `YYYY-MM` when the event spans the month */
  date: string;
  /** last day of an event that lasted weeks, `YYYY-MM-DD` */
  end?: string;
  /** short English label, a few words */
  label: string;
}

export const EVENTS: readonly TimelineEvent[] = [
  { id: 'ghouta-chemical', date: '2013-08-21', label: 'Ghouta chemical attack' },
  { id: 'russian-intervention', date: '2015-09-30', label: 'Russian intervention' },
  { id: 'fall-east-aleppo', date: '2016-12', label: 'Fall of eastern Aleppo' },
  { id: 'eastern-ghouta', date: '2018-02-18', end: '2018-04-14', label: 'Eastern Ghouta offensive' },
  { id: 'idlib-ceasefire', date: '2020-03-05', label: 'Idlib ceasefire' },
  { id: 'fall-of-assad', date: '2024-12-08', label: 'Fall of the Assad government' },
];
