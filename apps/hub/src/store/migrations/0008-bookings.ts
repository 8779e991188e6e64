/**
 * Appointments' personal data, kept apart from the event log (which holds no name, NIK or phone): one row per
 * booking, erased (`erased_at` set, name/NIK/phone nulled) `retentionDays` after its slot. The booking code is
 * the citizen's proof for check-in and cancel, so it is here and never in the log. `intake_clients` are the
 * other systems a supervisor gave an API key (stored as a SHA-256 hash); `client_ref` makes their requests
 * idempotent.
 */
export const sql = `
CREATE TABLE booking_people (
  booking_id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  service_id TEXT NOT NULL,
  day TEXT NOT NULL,
  slot_start INTEGER NOT NULL,
  name TEXT,
  nik TEXT,
  phone TEXT,
  client_id TEXT,
  client_ref TEXT,
  cancelled INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  erase_after INTEGER NOT NULL,
  erased_at INTEGER
);
CREATE INDEX booking_people_nik ON booking_people (nik, service_id, day);
CREATE INDEX booking_people_erase ON booking_people (erase_after) WHERE erased_at IS NULL;
CREATE UNIQUE INDEX booking_people_client_ref ON booking_people (client_id, client_ref)
  WHERE client_ref IS NOT NULL;

CREATE TABLE intake_clients (
  client_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  revoked_at INTEGER
);
`;
