/** English messages for the timeline. */
const messages: Record<string, string> = {
};
export default messages;
