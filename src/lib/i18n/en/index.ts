/**
 * The English catalog, assembled from one file per part of the app so that people working on the
 * map, the timeline and the pages never edit the same file. Keys are namespaced by part
 * (`map.legend.noFigure`); a key defined twice is a bug and fails a unit test. Every part is listed
 * in `./parts.ts` (for that test); this module imports only the parts of the first paint, so that
 * no page's bundle counts the others as code it needs (scripts/chunks-plugin.ts).
 */
import common from './common';
import map from './map';
import explorer from './explorer';
import tables from './tables';

/**
 * What every page needs from its first paint. The methods page's part is added by that page
 * (`addMessages`), which keeps about 2 KB gzip out of the explorer's first-paint JavaScript; so
 * are `keeping`, `present` (briefing mode and the deck widgets), `share` (the share menu's
 * dialogs and exports, the embed) and `timeline` (the chart, loaded after the map): the
 * components that show those messages add them.
 */
export const en: Record<string, string> = Object.assign({}, common, map, explorer, tables);
