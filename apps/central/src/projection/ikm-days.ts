import type pg from 'pg';
import type { HallConfig } from '@antre/shared';
import { inTransaction } from '../db/pool.js';
import { IKM_EVENT_TYPES, ikmFromLog } from '../reports/hall-ikm.js';

/**
 * Keeps a hall's survey day rows (migration 0006) up to `upTo` in its log: the hall days that the events after
 * `report_positions.ikm_seq` touch (a ticket's day, an answer's visit day) are folded again from the log with
 * packages/shared's IKM report, one day each, and written with the new position in one transaction. So a run
 * costs the days its events touch (the day in progress, and a day whose late answer just came), never the
 * hall's whole history. Runs under the hall's projection lock, after the report projection (which resets the
 * position when the hall's log changes). Returns the days written.
 */
export async function rollIkmDays(
  pool: pg.Pool,
  hallId: string,
  logId: string,
  config: HallConfig,
  upTo: number,
): Promise<string[]> {
  const position = await pool.query<{ ikm_seq: number }>(
    'SELECT ikm_seq FROM report_positions WHERE hall_id = $1 AND log_id = $2',
    [hallId, logId],
  );
  const from = position.rows[0]?.ikm_seq;
  if (from === undefined || from >= upTo) return [];
  const touched = await pool.query<{ day: string | null }>(
    `SELECT DISTINCT CASE WHEN type = 'SurveyAnswered' THEN payload::jsonb ->> 'day' ELSE day END AS day
     FROM events WHERE hall_id = $1 AND log_id = $2 AND seq > $3 AND seq <= $4 AND type = ANY($5)`,
    [hallId, logId, from, upTo, IKM_EVENT_TYPES.filter((t) => t !== 'SurveyFollowUpRecorded')],
  );
  const days = touched.rows.flatMap((r) => (r.day === null ? [] : [r.day])).sort();
  return inTransaction(pool, async (db) => {
    for (const day of days) {
      const { tally, visitors } = (await ikmFromLog(db, hallId, logId, config, day, day)).overallTotals();
      await db.query(
        `INSERT INTO report_ikm_days (hall_id, day, respondents, answered, sums, visitors)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (hall_id, day) DO UPDATE SET respondents = EXCLUDED.respondents,
           answered = EXCLUDED.answered, sums = EXCLUDED.sums, visitors = EXCLUDED.visitors`,
        [hallId, day, tally.respondents, tally.answered, tally.sums, visitors],
      );
    }
    await db.query('UPDATE report_positions SET ikm_seq = $3 WHERE hall_id = $1 AND log_id = $2', [
      hallId,
      logId,
      upTo,
    ]);
    return days;
  });
}
