/**
 * The secrets of staff accounts the admin console made or changed: a PIN's and a password's scrypt hash, never
 * the PIN or password. The accounts themselves (name, role, agency, active) are config, in the log's
 * `StaffChanged` events; an account of the `HALL_CONFIG` file without a row here signs in with the file's hash.
 */
export const sql = `
CREATE TABLE staff_secrets (
  username TEXT PRIMARY KEY,
  pin_hash TEXT,
  password_hash TEXT,
  updated_at INTEGER NOT NULL
) STRICT;
`;
