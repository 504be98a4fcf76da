/** English messages for the source switch (first paint: the rest of UCDP's wording loads with its view, in ucdp.ts). */
const messages: Record<string, string> = {
  'source.switch.label': 'Record',
  'source.switch.snhr': 'Documented by SNHR',
  'source.switch.ucdp': 'Recorded by UCDP (all deaths, best estimate)',
};
export default messages;
