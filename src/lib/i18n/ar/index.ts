/**
 * The Arabic catalog (Modern Standard Arabic), one file per part of the app mirroring `../en/`:
 * same keys, same `{placeholders}`. It is loaded on demand (`loadArabic()` in `../i18n.svelte.ts`)
 * so that English readers never download it. `tests/i18n/catalog.test.ts` checks that every
 * English key has an Arabic translation, and the reverse.
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
export const ar: Record<string, string> = Object.assign(
  {},
  common,
  map,
  timeline,
  explorer,
  methods,
  present,
  share,
  keeping,
  tables,
  source,
  ucdp,
  govtable,
  detail,
);
