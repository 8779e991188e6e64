/**
 * Staff of the central dashboards: a province (or city) viewer sees every hall, a hall supervisor only theirs
 * (the scope rule is in packages/shared/src/access-policy.ts). Sessions keep only a token's hash.
 */
export const sql = `
CREATE TABLE central_staff (
  username TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('province_viewer', 'hall_supervisor')),
  hall_id TEXT REFERENCES halls (hall_id),
  CHECK ((role = 'hall_supervisor') = (hall_id IS NOT NULL))
);
CREATE TABLE central_sessions (
  token_hash TEXT PRIMARY KEY,
  username TEXT NOT NULL REFERENCES central_staff (username) ON DELETE CASCADE,
  expires_at BIGINT NOT NULL
);
`;
