import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { HallConfig } from '@antre/shared';
import { Projector } from '@antre/reporting';
import { EventStore } from '../store/event-store.js';
import { REPORTS_FILE } from './hub-reports.js';
import { projectionSource } from './projection-source.js';
import { SqliteReportStore } from './sqlite-report-store.js';

export interface RebuildResult {
  events: number;
  ms: number;
  eventsPerSecond: number;
  visits: number;
  transactions: number;
}

/**
 * Rebuilds the reporting tables of `dataDir` from its event log: the file is removed and projected anew, in
 * steps of `chunk` events. For a stopped hub (a running one rebuilds by itself when the file is missing).
 */
export async function rebuildReports(
  dataDir: string,
  config: HallConfig,
  chunk = 50_000,
): Promise<RebuildResult> {
  const logFile = join(dataDir, 'antre.sqlite');
  if (!existsSync(logFile)) {
    throw new Error(`Tidak ada log di / no event log in ${dataDir} (set DATA_DIR)`);
  }
  const file = join(dataDir, REPORTS_FILE);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) rmSync(f);
  const log = new EventStore(logFile, 'NORMAL');
  const store = new SqliteReportStore(file);
  try {
    const t0 = performance.now();
    const { seed, source } = projectionSource(log, config);
    const projector = new Projector(store, seed, source, { chunk });
    await projector.start();
    const ms = performance.now() - t0;
    const count = (table: string) =>
      (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      events: projector.applied,
      ms,
      eventsPerSecond: (projector.applied / ms) * 1000,
      visits: count('visits'),
      transactions: count('visit_transactions'),
    };
  } finally {
    store.close();
    log.close();
  }
}
