import { cpSync } from 'node:fs';
import type { BenchHall } from './bench-hall.js';
import { removeDir, tempDir } from './bench-hall.js';
import { startHubChild } from './hub-child.js';
import { median } from './stats.js';

export interface RestartTime {
  /** Median over runs: startHub until it resolved and /api/health answered, in a fresh process (cold JIT). */
  startMs: number;
  /** Median over runs: spawning node until that point (node boot and module loading included). */
  processMs: number;
  runs: Array<{ startMs: number; processMs: number }>;
}

/** Starts a hub, FULL, in a fresh process on a copy of `filledDir` `runs` times. */
export async function restartTime(hall: BenchHall, filledDir: string, runs = 3): Promise<RestartTime> {
  const dataDir = tempDir('restart');
  try {
    cpSync(filledDir, dataDir, { recursive: true });
    const results: RestartTime['runs'] = [];
    for (let i = 0; i < runs; i += 1) {
      const hub = await startHubChild(hall, dataDir, 'FULL');
      results.push({ startMs: hub.startMs, processMs: hub.spawnMs });
      await hub.close();
    }
    return {
      startMs: median(results.map((r) => r.startMs)),
      processMs: median(results.map((r) => r.processMs)),
      runs: results,
    };
  } finally {
    removeDir(dataDir);
  }
}
