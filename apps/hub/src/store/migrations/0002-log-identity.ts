/** A name for the event log, so that clients can tell a replaced or restored store from the one they followed. */
export const sql = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
INSERT INTO meta (key, value) VALUES ('log_id', lower(hex(randomblob(16))));
`;
