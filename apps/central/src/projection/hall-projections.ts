import type pg from 'pg';
import type { DomainEvent, HallConfig } from '@antre/shared';
import type { LoggedEvent } from '@antre/reporting';
import { Projector } from '@antre/reporting';
import type { HallLog } from '../ingest/log-ingest.js';
import { currentLogs, eventsAfter } from '../ingest/log-ingest.js';
import { PgReportStore } from './pg-report-store.js';

/**
 * Keeps each hall's reporting tables up to date with its central log, with packages/reporting's projector: the
 * hall's own code path, here over `PgReportStore`. Any node may do it; a PostgreSQL advisory lock per hall lets
 * one node at a time project a hall, and each run resumes from the stored position (the projector's restart
 * path), so no node keeps state another needs.
 */
export class HallProjections {
  constructor(
    private readonly pool: pg.Pool,
    private readonly chunk = 5000,
  ) {}

  /** Brings the hall's tables up to its log; waits for another node doing it. Returns the seq projected. */
  async catchUp(log: HallLog): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [`antre-report:${log.hallId}`]);
      try {
        const config = JSON.parse(log.config) as HallConfig;
        const projector = new Projector(new PgReportStore(this.pool, log.hallId), config, {
          logId: log.logId,
          eventsAfter: async (seq, limit) =>
            (await eventsAfter(this.pool, log.hallId, log.logId, seq, Math.min(limit, this.chunk))).map(
              toLogged,
            ),
        });
        await projector.start();
        return projector.seq;
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`antre-report:${log.hallId}`]);
      }
    } finally {
      client.release();
    }
  }

  /** Catches up every hall named (all when none), one after the other; returns each hall's log. */
  async catchUpAll(hallIds?: readonly string[]): Promise<HallLog[]> {
    const logs = await currentLogs(this.pool, hallIds);
    for (const log of logs) await this.catchUp(log);
    return logs;
  }
}

function toLogged(e: { seq: number; at: number; actor: string | null; payload: string }): LoggedEvent {
  const logged: LoggedEvent = { seq: e.seq, at: e.at, event: JSON.parse(e.payload) as DomainEvent };
  if (e.actor !== null) logged.actor = e.actor;
  return logged;
}
