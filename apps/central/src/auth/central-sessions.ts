import type pg from 'pg';
import type { CentralPrincipal, CentralRole } from '@antre/shared';
import { hashPassword, newToken, tokenHash, verifyPassword } from './secrets.js';

/** A dashboard session lasts a working day. */
const SESSION_MS = 12 * 60 * 60 * 1000;

/** Adds (or replaces) a central staff account: a province viewer, or a hall's supervisor. */
export async function putCentralStaff(
  pool: pg.Pool,
  account: { username: string; password: string; role: CentralRole; hallId?: string | undefined },
): Promise<void> {
  await pool.query(
    `INSERT INTO central_staff (username, password_hash, role, hall_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role,
       hall_id = EXCLUDED.hall_id`,
    [account.username, await hashPassword(account.password), account.role, account.hallId ?? null],
  );
  // A changed password or role ends the sessions made with the old one.
  await pool.query('DELETE FROM central_sessions WHERE username = $1', [account.username]);
}

/** Signs in: a session token, or undefined for a wrong name or password (the same answer for both). */
export async function signIn(
  pool: pg.Pool,
  username: string,
  password: string,
  now: number,
): Promise<string | undefined> {
  const r = await pool.query<{ password_hash: string }>(
    'SELECT password_hash FROM central_staff WHERE username = $1',
    [username],
  );
  const stored = r.rows[0]?.password_hash;
  if (stored === undefined || !(await verifyPassword(password, stored))) return undefined;
  const token = newToken();
  await pool.query('INSERT INTO central_sessions (token_hash, username, expires_at) VALUES ($1, $2, $3)', [
    tokenHash(token),
    username,
    now + SESSION_MS,
  ]);
  return token;
}

/** Who holds a session token, while it lasts. */
export async function principalOf(
  pool: pg.Pool,
  token: string,
  now: number,
): Promise<CentralPrincipal | undefined> {
  const r = await pool.query<{ username: string; role: CentralRole; hall_id: string | null }>(
    `SELECT s.username, s.role, s.hall_id FROM central_sessions x JOIN central_staff s USING (username)
     WHERE x.token_hash = $1 AND x.expires_at > $2`,
    [tokenHash(token), now],
  );
  const row = r.rows[0];
  return row && { username: row.username, role: row.role, hallId: row.hall_id ?? undefined };
}
