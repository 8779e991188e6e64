/**
 * The secret that makes a survey response's `visitKey` (a keyed hash of the ticket id): the hub can tell a
 * visit was rated, while the log, the broadcasts and anyone who knows a ticket id cannot tell which response
 * is that visit's. Made once per store; a restored backup keeps it with the log it belongs to.
 */
export const sql = `
INSERT INTO meta (key, value) VALUES ('survey_key', lower(hex(randomblob(32))));
`;
