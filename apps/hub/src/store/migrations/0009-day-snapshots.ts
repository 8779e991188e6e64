/**
 * Snapshots of the live hall day (`QueueDay.snapshot()` as JSON), taken every so many events: a restart reads
 * the latest and replays only the events after it, instead of the whole day. Derived data, never the truth:
 * the log is, and a snapshot that does not fit it (another format, another day, unreadable) is ignored.
 */
export const sql = `
CREATE TABLE day_snapshots (
  seq INTEGER PRIMARY KEY,
  day TEXT NOT NULL,
  at INTEGER NOT NULL,
  format INTEGER NOT NULL,
  state TEXT NOT NULL
) STRICT;
`;
