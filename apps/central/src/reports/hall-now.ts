import type pg from 'pg';
import { dayNumber, minutes } from '@antre/reporting';

/** What is happening in a hall now, from its projected rows of today: no personal data. */
export interface HallNow {
  /** Legs of today waiting in a queue. */
  waiting: number;
  /** How long the one waiting longest has waited so far (minutes), null when nobody waits. */
  longestWaitMin: number | null;
}

/** Each hall's `HallNow`, keyed by hall id: one query over today's projected legs of every hall named. */
export async function hallsNow(
  pool: pg.Pool,
  halls: ReadonlyArray<{ hallId: string; day: string }>,
  now: number,
): Promise<Map<string, HallNow>> {
  const r = await pool.query<{ hall_id: string; waiting: string; oldest: number | null }>(
    `SELECT t.hall_id, count(*) AS waiting, min(t.queued_at) AS oldest
     FROM report_transactions t JOIN unnest($1::text[], $2::int[]) AS h (hall_id, day)
       ON t.hall_id = h.hall_id AND t.day = h.day
     WHERE t.state = 'waiting' GROUP BY t.hall_id`,
    [halls.map((h) => h.hallId), halls.map((h) => dayNumber(h.day))],
  );
  const out = new Map<string, HallNow>();
  for (const h of halls) out.set(h.hallId, { waiting: 0, longestWaitMin: null });
  for (const row of r.rows) {
    out.set(row.hall_id, {
      waiting: Number(row.waiting),
      longestWaitMin:
        row.oldest === null ? null : minutes(Math.max(0, Math.round((now - row.oldest) / 1000))),
    });
  }
  return out;
}
