/** English messages for the source switch (added by SourceSwitch.svelte when it loads, after the first paint). */
const messages: Record<string, string> = {
  'source.switch.label': 'Record',
  'source.switch.snhr': 'Documented by SNHR',
  'source.switch.ucdp': 'Recorded by UCDP (all deaths, best estimate)',
};
export default messages;
