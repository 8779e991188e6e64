/**
 * The halls, their credentials and their logs. `events` holds every hall's log as the hall's SQLite holds it,
 * keyed by (hall id, log id, seq); `hall_logs.last_seq` is the cursor the centre acknowledges: every event up
 * to it is stored, none after it.
 */
export const sql = `
CREATE TABLE halls (
  hall_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  token_rotated_at BIGINT NOT NULL,
  current_log_id TEXT
);
CREATE TABLE hall_logs (
  hall_id TEXT NOT NULL REFERENCES halls (hall_id),
  log_id TEXT NOT NULL,
  last_seq BIGINT NOT NULL DEFAULT 0,
  last_at BIGINT,
  config TEXT NOT NULL,
  config_seed TEXT,
  config_seed_at BIGINT,
  opened_at BIGINT NOT NULL,
  PRIMARY KEY (hall_id, log_id)
);
CREATE TABLE events (
  hall_id TEXT NOT NULL,
  log_id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  at BIGINT NOT NULL,
  day TEXT NOT NULL,
  type TEXT NOT NULL,
  command_id TEXT,
  actor TEXT,
  payload TEXT NOT NULL,
  PRIMARY KEY (hall_id, log_id, seq),
  FOREIGN KEY (hall_id, log_id) REFERENCES hall_logs (hall_id, log_id)
);
CREATE INDEX events_survey ON events (hall_id, log_id, type, day);
`;
