import type pg from 'pg';
import type { HallConfig, IkmResult } from '@antre/shared';
import type { FigureContext, LegStat, Period, VisitStat } from '@antre/reporting';
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
import { ikmFromDays, ikmFromLog } from './hall-ikm.js';

/** One hall's line of the cross-hall overview: the hall's own figures, computed as its hub computes them. */
export interface HallOverview extends HallFigures {
  hallId: string;
  name: string;
  /** Events the centre holds of the hall's current log, and the time of the last. */
  seq: number;
  lastAt: number | null;
}

/** The figures of a hall over a period or a day. */
export interface HallFigures {
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
 * queue figures read each hall's day totals and the IKM its survey day rows (one row per hall and day each,
 * kept by the projection); a few halls are read at once, each on its own connection of the pool.
 * `options.hallTotals: false` reads the statistics per service and folds the IKM from the raw log instead (the
 * same figures; what the tests compare against).
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
  const ikm = hallTotals
    ? await ikmFromDays(pool, log.hallId, period.from, period.to)
    : (await ikmFromLog(pool, log.hallId, log.logId, config, period.from, period.to)).build().overall.ikm;
  return {
    hallId: log.hallId,
    name: config.hall.name,
    seq: log.lastSeq,
    lastAt: log.lastAt,
    ...hallFigures(leg, visit, ikm),
  };
}

/** A hall's figures of a period (or a day) from its whole-hall statistics and IKM, with packages/reporting's rules. */
export function hallFigures(
  leg: LegStat | undefined,
  visit: VisitStat | undefined,
  ikm: Pick<IkmResult, 'ikm' | 'respondents'>,
): HallFigures {
  return {
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
