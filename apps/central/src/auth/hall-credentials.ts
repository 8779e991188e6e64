import type pg from 'pg';
import { newToken, tokenHash } from './secrets.js';

/**
 * Each hall's credential at the centre: a bearer token of which only the hash is kept. Rotating gives a new
 * token and the old one stops working at once (the hall's hub is given the new one: ANTRE_CENTRAL_TOKEN).
 */
export async function registerHall(
  pool: pg.Pool,
  hallId: string,
  name: string,
  now: number,
): Promise<string> {
  const token = newToken();
  await pool.query(
    'INSERT INTO halls (hall_id, name, token_hash, token_rotated_at) VALUES ($1, $2, $3, $4)',
    [hallId, name, tokenHash(token), now],
  );
  return token;
}

/** A new token for the hall; undefined when there is no such hall. */
export async function rotateHallToken(
  pool: pg.Pool,
  hallId: string,
  now: number,
): Promise<string | undefined> {
  const token = newToken();
  const r = await pool.query('UPDATE halls SET token_hash = $2, token_rotated_at = $3 WHERE hall_id = $1', [
    hallId,
    tokenHash(token),
    now,
  ]);
  return r.rowCount === 1 ? token : undefined;
}

/** The hall a bearer token belongs to, if any. */
export async function hallOfToken(pool: pg.Pool, token: string): Promise<string | undefined> {
  const r = await pool.query<{ hall_id: string }>('SELECT hall_id FROM halls WHERE token_hash = $1', [
    tokenHash(token),
  ]);
  return r.rows[0]?.hall_id;
}

export async function hallIds(pool: pg.Pool): Promise<string[]> {
  const r = await pool.query<{ hall_id: string }>('SELECT hall_id FROM halls ORDER BY hall_id');
  return r.rows.map((x) => x.hall_id);
}
