/**
 * The deck that ships with the site: the atlas's key figures. Views, titles and speaker notes
 * only: every number and every source on the slides comes from the data when the slide is drawn,
 * and a unit test checks that each view still finds a published figure in static/data/atlas.json.
 * Notes name no numbers on purpose, so they cannot drift from the data.
 */
import type { Deck } from '../deck';

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
      note: 'Syria is not party to the Convention on Cluster Munitions. SNHR attributes these attacks to the regime and to Russia. No governorate table was published for the whole period; the split by party and the running totals are beside the map.',
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
