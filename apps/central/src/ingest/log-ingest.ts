import type pg from 'pg';
import type { ShippedEvent, ShippingHello } from '@antre/shared';
import { inTransaction } from '../db/pool.js';

export type IngestResult =
  | { ok: true; ackSeq: number; stored: ShippedEvent[] }
  | { ok: false; error: 'LOG_GAP'; ackSeq: number }
  | { ok: false; error: 'UNKNOWN_LOG' };

/**
 * A hub names its log (or names it again after a restart): the log is opened at seq 0 the first time, the
 * config it counts with is updated each time, and the hall's current log becomes this one. Returns the cursor.
 */
export async function openLog(
  pool: pg.Pool,
  hallId: string,
  logId: string,
  hello: ShippingHello,
  now: number,
): Promise<number> {
  return inTransaction(pool, async (db) => {
    const row = await db.query<{ last_seq: number }>(
      `INSERT INTO hall_logs (hall_id, log_id, config, config_seed, config_seed_at, opened_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (hall_id, log_id) DO UPDATE SET config = EXCLUDED.config,
         config_seed = COALESCE(hall_logs.config_seed, EXCLUDED.config_seed),
         config_seed_at = COALESCE(hall_logs.config_seed_at, EXCLUDED.config_seed_at)
       RETURNING last_seq`,
      [hallId, logId, hello.config, hello.configSeed?.config ?? null, hello.configSeed?.at ?? null, now],
    );
    await db.query('UPDATE halls SET current_log_id = $2 WHERE hall_id = $1', [hallId, logId]);
    return row.rows[0]?.last_seq ?? 0;
  });
}

/**
 * Stores a batch of one hall's log exactly once, in one statement (migration 0004's `ingest_batch`: one round
 * trip, one transaction). The log's row is locked for it, so batches of one log are stored one after the
 * other; events the centre holds already (a retry, a replay, a batch whose answer was lost) are skipped, and a
 * batch starting past the cursor is refused (LOG_GAP) rather than leave a hole. `stored` are the events new to
 * the centre, in order. The answer comes once the rows are committed; nothing else (the reporting projection)
 * is done on this path.
 */
export async function ingestBatch(
  pool: pg.Pool,
  hallId: string,
  logId: string,
  afterSeq: number,
  events: readonly ShippedEvent[],
): Promise<IngestResult> {
  const r = await pool.query<{ prev_seq: number | null; ack_seq: number | null; gap: boolean | null }>(
    'SELECT prev_seq, ack_seq, gap FROM ingest_batch($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
    [
      hallId,
      logId,
      afterSeq,
      events.map((e) => e.seq),
      events.map((e) => e.at),
      events.map((e) => e.day),
      events.map((e) => e.type),
      events.map((e) => e.commandId),
      events.map((e) => e.actor),
      events.map((e) => e.payload),
    ],
  );
  const row = r.rows[0];
  if (row?.prev_seq === null || row?.prev_seq === undefined) return { ok: false, error: 'UNKNOWN_LOG' };
  const cursor = row.prev_seq;
  if (row.gap) return { ok: false, error: 'LOG_GAP', ackSeq: cursor };
  const ackSeq = row.ack_seq ?? cursor;
  return { ok: true, ackSeq, stored: events.filter((e) => e.seq > cursor && e.seq <= ackSeq) };
}

/** Up to `limit` events of a log after `afterSeq`, in order: what a restore, a resync and the projection read. */
export async function eventsAfter(
  pool: pg.Pool | pg.PoolClient,
  hallId: string,
  logId: string,
  afterSeq: number,
  limit: number,
): Promise<ShippedEvent[]> {
  const rows = await pool.query<{
    seq: number;
    at: number;
    day: string;
    type: string;
    command_id: string | null;
    actor: string | null;
    payload: string;
  }>(
    `SELECT seq, at, day, type, command_id, actor, payload FROM events
     WHERE hall_id = $1 AND log_id = $2 AND seq > $3 ORDER BY seq LIMIT $4`,
    [hallId, logId, afterSeq, limit],
  );
  return rows.rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    day: r.day,
    type: r.type,
    commandId: r.command_id,
    actor: r.actor,
    payload: r.payload,
  }));
}

export interface HallLog {
  hallId: string;
  logId: string;
  lastSeq: number;
  lastAt: number | null;
  config: string;
  configSeed: { at: number; config: string } | null;
}

/** Each hall's current log and its cursor. */
export async function currentLogs(pool: pg.Pool, hallIds?: readonly string[]): Promise<HallLog[]> {
  const rows = await pool.query<{
    hall_id: string;
    log_id: string;
    last_seq: number;
    last_at: number | null;
    config: string;
    config_seed: string | null;
    config_seed_at: number | null;
  }>(
    `SELECT l.hall_id, l.log_id, l.last_seq, l.last_at, l.config, l.config_seed, l.config_seed_at
     FROM halls h JOIN hall_logs l ON l.hall_id = h.hall_id AND l.log_id = h.current_log_id
     WHERE $1::text[] IS NULL OR h.hall_id = ANY($1) ORDER BY h.hall_id`,
    [hallIds ?? null],
  );
  return rows.rows.map((r) => ({
    hallId: r.hall_id,
    logId: r.log_id,
    lastSeq: r.last_seq,
    lastAt: r.last_at,
    config: r.config,
    configSeed: r.config_seed === null ? null : { at: r.config_seed_at ?? 0, config: r.config_seed },
  }));
}
