/**
 * The explorer's one way into UCDP's view. The explorer imports this tiny module rather than the
 * view itself, so that the list of files to preload for the view (its components, tables code,
 * palette, share and deck helpers) is written here, not in the explorer's first-paint script,
 * which stays the same size however the UCDP view grows.
 */
export const loadUcdpExplorer = () => import('./UcdpExplorer.svelte');
