import type { Durability } from '@antre/hub';
import type { BenchHall } from './bench-hall.js';
import { BENCH_RATE_LIMITS, BENCH_NOW } from './bench-hall.js';
import type { Child } from './child-process.js';
import { spawnChild } from './child-process.js';

/** A hub in its own process on `dataDir` (demo hall, demo mode, bench rate limits, clock fixed at BENCH_NOW). */
export function startHubChild(
  hall: BenchHall,
  dataDir: string,
  durability: Durability = 'FULL',
  liveReports = true,
): Promise<Child> {
  return spawnChild('./hub-process.js', {
    config: hall.config,
    dataDir,
    durability,
    rateLimits: BENCH_RATE_LIMITS,
    now: BENCH_NOW,
    liveReports,
  });
}
