import type { BenchHall } from './bench-hall.js';
import type { IssueThroughput } from './issue-throughput.js';
import { issueThroughput } from './issue-throughput.js';

export interface LiveProjectionCost {
  /** Durable issues per second with the reports projection following live, as the hub runs. */
  withPerSecond: number;
  /** The same without feeding the projection: what the hub would issue if reports cost nothing. */
  withoutPerSecond: number;
  /** 1 − with / without: the share of the issue rate the live projection takes. */
  slowdown: number;
  /**
   * The hub's main thread's CPU per issue (µs) with the projection fed and without: what it costs the event
   * loop, less swayed by a busy machine than the rate (which the machine's other work takes from too).
   */
  withMainCpuUs: number;
  withoutMainCpuUs: number;
  /** The same for all the hub's threads (the projection's own included). */
  withCpuUs: number;
  withoutCpuUs: number;
}

/**
 * What following the log live costs the issue rate: the issue benchmark (FULL) with the projection fed and
 * without, in alternating runs (`pairs` of each), so that both meet the same disk and the same machine.
 */
export async function liveProjectionCost(hall: BenchHall, pairs = 3): Promise<LiveProjectionCost> {
  const on: IssueThroughput[] = [];
  const off: IssueThroughput[] = [];
  for (let i = 0; i < pairs; i += 1) {
    const order = i % 2 === 0 ? [true, false] : [false, true];
    for (const live of order) {
      const run = await issueThroughput(hall, 'FULL', { liveReports: live });
      (live ? on : off).push(run);
    }
  }
  const mean = (runs: IssueThroughput[], f: (r: IssueThroughput) => number) =>
    runs.reduce((a, r) => a + f(r), 0) / Math.max(1, runs.length);
  const withPerSecond = mean(on, (r) => r.perSecond);
  const withoutPerSecond = mean(off, (r) => r.perSecond);
  return {
    withPerSecond,
    withoutPerSecond,
    slowdown: 1 - withPerSecond / withoutPerSecond,
    withMainCpuUs: mean(on, (r) => r.mainCpuUsPerIssue),
    withoutMainCpuUs: mean(off, (r) => r.mainCpuUsPerIssue),
    withCpuUs: mean(on, (r) => r.cpuUsPerIssue),
    withoutCpuUs: mean(off, (r) => r.cpuUsPerIssue),
  };
}
