/**
 * The reporting projection of every hall: the tables of the hall's `reports.sqlite`, with the hall id first in
 * every key. Written only by packages/reporting's projector through `PgReportStore`, so both stores hold the
 * same rows. `report_positions` is where each hall's projection stands.
 */
const STAT_COLUMNS = `legs INTEGER NOT NULL, served INTEGER NOT NULL, no_show INTEGER NOT NULL,
  transferred INTEGER NOT NULL, cancelled INTEGER NOT NULL, expired INTEGER NOT NULL,
  wait_n INTEGER NOT NULL, wait_sum BIGINT NOT NULL, wait_max INTEGER NOT NULL, wait_over INTEGER NOT NULL,
  service_n INTEGER NOT NULL, service_sum BIGINT NOT NULL, service_max INTEGER NOT NULL, service_over INTEGER NOT NULL,
  walk_n INTEGER NOT NULL, walk_sum BIGINT NOT NULL, busy_sum BIGINT NOT NULL, recalls INTEGER NOT NULL,
  wait_hist BYTEA NOT NULL, service_hist BYTEA NOT NULL`;

export const sql = `
CREATE TABLE report_positions (
  hall_id TEXT PRIMARY KEY REFERENCES halls (hall_id),
  log_id TEXT NOT NULL,
  last_seq BIGINT NOT NULL
);
CREATE TABLE report_visits (
  hall_id TEXT NOT NULL, day INTEGER NOT NULL, ticket_id TEXT NOT NULL, display_number TEXT NOT NULL,
  service_id TEXT NOT NULL, agency_id TEXT NOT NULL, priority TEXT NOT NULL, origin TEXT NOT NULL,
  issued_at BIGINT NOT NULL, weekday INTEGER NOT NULL, issued_minute INTEGER NOT NULL, first_called_at BIGINT,
  ended_at BIGINT, outcome TEXT, wait_s INTEGER, hall_s INTEGER, legs INTEGER NOT NULL,
  served_legs INTEGER NOT NULL, planned_legs INTEGER, transfers INTEGER NOT NULL, recalls INTEGER NOT NULL,
  done_in_one BOOLEAN,
  PRIMARY KEY (hall_id, day, ticket_id)
);
CREATE TABLE report_transactions (
  hall_id TEXT NOT NULL, day INTEGER NOT NULL, ticket_id TEXT NOT NULL, leg INTEGER NOT NULL,
  service_id TEXT NOT NULL, agency_id TEXT NOT NULL, priority TEXT NOT NULL, origin TEXT NOT NULL,
  counter_id TEXT, staff TEXT, queued_at BIGINT NOT NULL, called_at BIGINT, last_called_at BIGINT,
  started_at BIGINT, ended_at BIGINT, outcome TEXT, state TEXT NOT NULL, wait_s INTEGER, walk_s INTEGER,
  service_s INTEGER, busy_s INTEGER NOT NULL, calls INTEGER NOT NULL, recalls INTEGER NOT NULL,
  target_s INTEGER NOT NULL, queued_minute INTEGER NOT NULL, left_minute INTEGER,
  PRIMARY KEY (hall_id, day, ticket_id, leg)
);
CREATE TABLE report_sessions (
  hall_id TEXT NOT NULL, day INTEGER NOT NULL, counter_id TEXT NOT NULL, seq INTEGER NOT NULL,
  status TEXT NOT NULL, staff TEXT, started_at BIGINT NOT NULL, ended_at BIGINT,
  PRIMARY KEY (hall_id, day, counter_id, seq)
);
CREATE INDEX report_sessions_open ON report_sessions (hall_id) WHERE ended_at IS NULL;
CREATE TABLE report_days (
  hall_id TEXT NOT NULL, day INTEGER NOT NULL, rolled BOOLEAN NOT NULL,
  PRIMARY KEY (hall_id, day)
);
CREATE TABLE report_leg_stats (
  hall_id TEXT NOT NULL, dim TEXT NOT NULL, value TEXT NOT NULL, day INTEGER NOT NULL, service_id TEXT NOT NULL,
  ${STAT_COLUMNS},
  PRIMARY KEY (hall_id, dim, day, value, service_id)
);
CREATE TABLE report_visit_stats (
  hall_id TEXT NOT NULL, dim TEXT NOT NULL, value TEXT NOT NULL, day INTEGER NOT NULL, service_id TEXT NOT NULL,
  visits INTEGER NOT NULL, served INTEGER NOT NULL, no_show INTEGER NOT NULL, cancelled INTEGER NOT NULL,
  expired INTEGER NOT NULL, wait_n INTEGER NOT NULL, wait_sum BIGINT NOT NULL, hall_n INTEGER NOT NULL,
  hall_sum BIGINT NOT NULL, hall_max INTEGER NOT NULL, multi_leg INTEGER NOT NULL, multi_leg_done INTEGER NOT NULL,
  done_in_one INTEGER NOT NULL, planned INTEGER NOT NULL, planned_done INTEGER NOT NULL, transfers INTEGER NOT NULL,
  recalls INTEGER NOT NULL, hall_hist BYTEA NOT NULL,
  PRIMARY KEY (hall_id, dim, day, value, service_id)
);
CREATE TABLE report_slot_stats (
  hall_id TEXT NOT NULL, day INTEGER NOT NULL, service_id TEXT NOT NULL, slot INTEGER NOT NULL,
  arrivals INTEGER NOT NULL, arrival_wait_n INTEGER NOT NULL, arrival_wait_sum BIGINT NOT NULL,
  queue_in INTEGER NOT NULL, queue_out INTEGER NOT NULL,
  PRIMARY KEY (hall_id, day, service_id, slot)
);
`;
