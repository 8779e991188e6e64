/** The append-only event log, the answers to commands (for idempotency), devices and staff sessions. */
export const sql = `
CREATE TABLE events (
  seq INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  day TEXT NOT NULL,
  type TEXT NOT NULL,
  command_id TEXT,
  payload TEXT NOT NULL
) STRICT;
CREATE INDEX events_type ON events(type);

CREATE TABLE command_replies (
  command_id TEXT PRIMARY KEY,
  at INTEGER NOT NULL,
  reply TEXT NOT NULL
) STRICT;

CREATE TABLE devices (
  device_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  enrolled_at INTEGER NOT NULL,
  PRIMARY KEY (kind, device_id)
) STRICT;

CREATE TABLE staff_sessions (
  token_hash TEXT PRIMARY KEY,
  username TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
`;
