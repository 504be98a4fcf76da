/**
 * Every part of the English catalog, by name: for the catalog test (tests/i18n/catalog.test.ts),
 * which compares them with the Arabic parts. Pages import `./index.ts` (the first paint's parts)
 * and add the others where they are shown (`addMessages`).
 */
import common from './common';
import map from './map';
import timeline from './timeline';
import explorer from './explorer';
import methods from './methods';
import present from './present';
import share from './share';
import keeping from './keeping';
import tables from './tables';
import source from './source';
import ucdp from './ucdp';
import govtable from './govtable';
import detail from './detail';

export const parts = { common, map, timeline, explorer, methods, present, share, keeping, tables, source, ucdp, govtable, detail };
