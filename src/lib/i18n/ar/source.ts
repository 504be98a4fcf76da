/** Arabic messages for the source switch. */
const messages: Record<string, string> = {
  'source.switch.label': 'السجل',
  'source.switch.snhr': 'وثّقته الشبكة السورية لحقوق الإنسان',
  'source.switch.ucdp': 'سجّله برنامج أوبسالا (UCDP) (كل الوفيات، التقدير الأرجح)',
};
export default messages;
