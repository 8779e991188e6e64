import type pg from 'pg';
import type { DomainEvent, HallConfig, IkmResult } from '@antre/shared';
import { IkmReportBuilder } from '@antre/shared';
import type { FigureContext, Period } from '@antre/reporting';
import {
  legStats,
  meanMinutes,
  percent,
  percentile,
  minutes,
  sumLegs,
  sumVisits,
  visitStats,
} from '@antre/reporting';
import type { HallLog } from '../ingest/log-ingest.js';
import { PgReportStore } from '../projection/pg-report-store.js';

/** One hall's line of the cross-hall overview: the hall's own figures, computed as its hub computes them. */
export interface HallOverview {
  hallId: string;
  name: string;
  /** Events the centre holds of the hall's current log, and the time of the last. */
  seq: number;
  lastAt: number | null;
  visits: number;
  served: number;
  /** Mean and 90th percentile of waits (minutes), over the transactions called. */
  waitMeanMin: number | null;
  waitP90Min: number | null;
  /** Share of waits within the service's target (%). */
  waitTargetMetPct: number | null;
  /** Mean time in the hall per visit (minutes). */
  hallMeanMin: number | null;
  ikm: number | null;
  ikmRespondents: number;
}

/**
 * The overview of several halls over one period, side by side. Every figure comes from packages/reporting
 * (queue figures) and packages/shared (IKM) over each hall's central tables: no figure is computed here. The
 * queue figures read each hall's day totals (one row per hall and day, kept by the projection); a few halls
 * are read at once, each on its own connection of the pool. `options.hallTotals: false` reads the statistics
 * per service instead (the same figures; what the tests compare against).
 */
export async function hallOverview(
  pool: pg.Pool,
  logs: readonly HallLog[],
  period: Period,
  now: number,
  options: { hallTotals?: boolean; parallel?: number } = {},
): Promise<HallOverview[]> {
  const lines: HallOverview[] = new Array<HallOverview>(logs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < logs.length; i = next++) {
      const log = logs[i];
      if (log) lines[i] = await hallLine(pool, log, period, now, options.hallTotals ?? true);
    }
  };
  const parallel = Math.max(1, Math.min(options.parallel ?? 4, logs.length));
  await Promise.all(Array.from({ length: parallel }, worker));
  return lines;
}

async function hallLine(
  pool: pg.Pool,
  log: HallLog,
  period: Period,
  now: number,
  hallTotals: boolean,
): Promise<HallOverview> {
  const config = JSON.parse(log.config) as HallConfig;
  const ctx: FigureContext = {
    store: new PgReportStore(pool, log.hallId, { hallTotals }),
    config,
    query: { period, filters: {} },
    now,
  };
  const leg = sumLegs(await legStats(ctx, 'total'), 'total', config)
    .values()
    .next().value;
  const visit = sumVisits(await visitStats(ctx, 'total'), 'total', config)
    .values()
    .next().value;
  const ikm = await hallIkm(pool, log, config, period);
  return {
    hallId: log.hallId,
    name: config.hall.name,
    seq: log.lastSeq,
    lastAt: log.lastAt,
    visits: visit?.visits ?? 0,
    served: visit?.served ?? 0,
    waitMeanMin: leg ? meanMinutes(leg.waitSum, leg.waitN) : null,
    waitP90Min: leg ? minutes(percentile(leg.waitHist, 90)) : null,
    waitTargetMetPct: leg ? percent(leg.waitN - leg.waitOver, leg.waitN) : null,
    hallMeanMin: visit ? meanMinutes(visit.hallSum, visit.hallN) : null,
    ikm: ikm.ikm ?? null,
    ikmRespondents: ikm.respondents,
  };
}

/** The hall's IKM over the period, folded from its central log exactly as the hub folds its own. */
async function hallIkm(pool: pg.Pool, log: HallLog, config: HallConfig, period: Period): Promise<IkmResult> {
  const answerDays = Math.ceil(config.survey.windowHours / 24) + 1;
  const builder = new IkmReportBuilder(config, `${period.from}..${period.to}`, {
    from: period.from,
    to: period.to,
  });
  const rows = await pool.query<{ seq: number; at: number; payload: string }>(
    `SELECT seq, at, payload FROM events
     WHERE hall_id = $1 AND log_id = $2 AND (
       (type IN ('TicketIssued', 'TicketTransferred', 'TicketFinished', 'VisitLegAdded', 'VisitRouted')
         AND day BETWEEN $3 AND $4)
       OR (type = 'SurveyAnswered' AND day BETWEEN $3 AND to_char($4::date + $5::int, 'YYYY-MM-DD'))
       OR type = 'SurveyFollowUpRecorded')
     ORDER BY seq`,
    [log.hallId, log.logId, period.from, period.to, answerDays],
  );
  for (const r of rows.rows)
    builder.add({ seq: r.seq, at: r.at, event: JSON.parse(r.payload) as DomainEvent });
  return builder.build().overall.ikm;
}
