/**
 * Day snapshots become packed bytes (`day-snapshot-codec.ts`) instead of JSON text: a STRICT table holds
 * them only in a BLOB column, so the table is made again. Snapshots are derived data: dropping the old ones
 * costs the next start one full replay, after which the hub takes a packed one.
 */
export const sql = `
DROP TABLE day_snapshots;
CREATE TABLE day_snapshots (
  seq INTEGER PRIMARY KEY,
  day TEXT NOT NULL,
  at INTEGER NOT NULL,
  format INTEGER NOT NULL,
  state BLOB NOT NULL
) STRICT;
`;
