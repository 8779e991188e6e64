import type { BenchHall } from './bench-hall.js';
import { issueThroughput } from './issue-throughput.js';

export interface LiveProjectionCost {
  /** Durable issues per second with the reports projection following live, as the hub runs. */
  withPerSecond: number;
  /** The same without feeding the projection: what the hub would issue if reports cost nothing. */
  withoutPerSecond: number;
  /** 1 − with / without: the share of the issue rate the live projection takes. */
  slowdown: number;
}

/**
 * What following the log live costs the issue rate: the issue benchmark (FULL) with the projection fed and
 * without, in alternating runs (`pairs` of each), so that both meet the same disk and the same machine.
 */
export async function liveProjectionCost(hall: BenchHall, pairs = 3): Promise<LiveProjectionCost> {
  const on: number[] = [];
  const off: number[] = [];
  for (let i = 0; i < pairs; i += 1) {
    const order = i % 2 === 0 ? [true, false] : [false, true];
    for (const live of order) {
      const run = await issueThroughput(hall, 'FULL', { liveReports: live });
      (live ? on : off).push(run.perSecond);
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const withPerSecond = mean(on);
  const withoutPerSecond = mean(off);
  return { withPerSecond, withoutPerSecond, slowdown: 1 - withPerSecond / withoutPerSecond };
}
