import type pg from 'pg';
import type { DomainEvent, HallConfig, IkmResult, IkmSums } from '@antre/shared';
import { IkmReportBuilder, IkmTally } from '@antre/shared';

/** The log's events the IKM report folds (packages/shared's `IkmReportBuilder`). */
export const IKM_EVENT_TYPES = [
  'TicketIssued',
  'TicketTransferred',
  'TicketFinished',
  'VisitLegAdded',
  'VisitRouted',
  'SurveyAnswered',
  'SurveyFollowUpRecorded',
] as const;

/**
 * The IKM report of hall days `from`..`to`, folded from the hall's central log exactly as the hub folds its
 * own: the period's tickets, and the answers given for them (logged up to the survey window after its end).
 */
export async function ikmFromLog(
  db: pg.Pool | pg.PoolClient,
  hallId: string,
  logId: string,
  config: HallConfig,
  from: string,
  to: string,
): Promise<IkmReportBuilder> {
  const answerDays = Math.ceil(config.survey.windowHours / 24) + 1;
  const builder = new IkmReportBuilder(config, `${from}..${to}`, { from, to });
  const rows = await db.query<{ seq: number; at: number; payload: string }>(
    `SELECT seq, at, payload FROM events
     WHERE hall_id = $1 AND log_id = $2 AND (
       (type IN ('TicketIssued', 'TicketTransferred', 'TicketFinished', 'VisitLegAdded', 'VisitRouted')
         AND day BETWEEN $3 AND $4)
       OR (type = 'SurveyAnswered' AND day BETWEEN $3 AND to_char($4::date + $5::int, 'YYYY-MM-DD'))
       OR type = 'SurveyFollowUpRecorded')
     ORDER BY seq`,
    [hallId, logId, from, to, answerDays],
  );
  for (const r of rows.rows)
    builder.add({ seq: r.seq, at: r.at, event: JSON.parse(r.payload) as DomainEvent });
  return builder;
}

/** The hall's IKM over hall days `from`..`to` from its day rows (migration 0006), summed with `IkmTally`. */
export async function ikmFromDays(
  pool: pg.Pool,
  hallId: string,
  from: string,
  to: string,
): Promise<IkmResult & { visitors: number }> {
  const rows = await pool.query<IkmSums & { visitors: number }>(
    `SELECT respondents, answered, sums, visitors FROM report_ikm_days
     WHERE hall_id = $1 AND day BETWEEN $2 AND $3`,
    [hallId, from, to],
  );
  const tally = new IkmTally();
  let visitors = 0;
  for (const r of rows.rows) {
    tally.addTotals(r);
    visitors += r.visitors;
  }
  return { ...tally.result(), visitors };
}

/** The hall's IKM of each hall day `from`..`to` that has survey day rows, by day. */
export async function ikmByDay(
  pool: pg.Pool,
  hallId: string,
  from: string,
  to: string,
): Promise<Map<string, IkmResult & { visitors: number }>> {
  const rows = await pool.query<IkmSums & { day: string; visitors: number }>(
    `SELECT day, respondents, answered, sums, visitors FROM report_ikm_days
     WHERE hall_id = $1 AND day BETWEEN $2 AND $3`,
    [hallId, from, to],
  );
  const out = new Map<string, IkmResult & { visitors: number }>();
  for (const r of rows.rows) {
    const tally = new IkmTally();
    tally.addTotals(r);
    out.set(r.day, { ...tally.result(), visitors: r.visitors });
  }
  return out;
}
