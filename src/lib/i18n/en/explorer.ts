/** English messages for the explorer. */
const messages: Record<string, string> = {
};
export default messages;
