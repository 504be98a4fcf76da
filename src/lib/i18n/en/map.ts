/** English messages for the map. */
const messages: Record<string, string> = {
};
export default messages;
