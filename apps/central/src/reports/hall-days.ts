import type pg from 'pg';
import type { HallConfig } from '@antre/shared';
import type { FigureContext, Period } from '@antre/reporting';
import { dayString, legStats, sumLegs, sumVisits, visitStats } from '@antre/reporting';
import type { HallLog } from '../ingest/log-ingest.js';
import { PgReportStore } from '../projection/pg-report-store.js';
import { ikmByDay } from './hall-ikm.js';
import type { HallFigures } from './hall-overview.js';
import { hallFigures } from './hall-overview.js';

/** One hall's day in the cross-hall report. */
export interface HallDayLine extends HallFigures {
  hallId: string;
  day: string;
}

/**
 * One hall's days of a period, each with the overview's figures: the statistics grouped by day (packages/
 * reporting, from the hall's day totals; a day not yet closed from its rows) and the survey day rows. A year
 * of a hall is read as ~365 rows of each; the days with neither visits nor answers are left out.
 */
export async function hallDays(
  pool: pg.Pool,
  log: HallLog,
  period: Period,
  now: number,
): Promise<HallDayLine[]> {
  const config = JSON.parse(log.config) as HallConfig;
  const ctx: FigureContext = {
    store: new PgReportStore(pool, log.hallId, { hallTotals: true }),
    config,
    query: { period, filters: {} },
    now,
  };
  const legs = sumLegs(await legStats(ctx, 'day'), 'day', config);
  const visits = sumVisits(await visitStats(ctx, 'day'), 'day', config);
  const ikm = await ikmByDay(pool, log.hallId, period.from, period.to);
  const days = new Set<string>([
    ...[...legs.keys(), ...visits.keys()].map((d) => dayString(Number(d))),
    ...ikm.keys(),
  ]);
  return [...days].sort().map((day) => {
    const key = String(Number(day.replaceAll('-', '')));
    return {
      hallId: log.hallId,
      day,
      ...hallFigures(legs.get(key), visits.get(key), ikm.get(day) ?? { ikm: undefined, respondents: 0 }),
    };
  });
}
