import type pg from 'pg';
import type { DomainEvent, HallConfig } from '@antre/shared';
import type { LoggedEvent } from '@antre/reporting';
import { Projector } from '@antre/reporting';
import type { HallLog } from '../ingest/log-ingest.js';
import { currentLogs, eventsAfter } from '../ingest/log-ingest.js';
import { rollIkmDays } from './ikm-days.js';
import { PgReportStore } from './pg-report-store.js';

/**
 * Keeps each hall's reporting tables up to date with its central log, with packages/reporting's projector: the
 * hall's own code path, here over `PgReportStore`; then the hall's survey day rows (`rollIkmDays`). Any node may do it; a PostgreSQL advisory lock per hall lets
 * one node at a time project a hall, and each run resumes from the stored position (the projector's restart
 * path), so no node keeps state another needs.
 *
 * Ingest does not wait for it: a stored batch `follow`s the hall, which is projected shortly after, one run per
 * hall at a time (batches arriving meanwhile are taken by the next run). A read `catchUpAll`s the halls it
 * shows, which projects only the halls whose projection is behind their log, several at once.
 */
export class HallProjections {
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private closed = false;

  /**
   * `locks` lends the connection that holds a hall's advisory lock during a run: a pool of its own, so that
   * runs holding locks never take the connections their queries (on `pool`) need. Its size is how many halls
   * are projected at once on this node.
   */
  constructor(
    private readonly pool: pg.Pool,
    private readonly locks: pg.Pool,
    private readonly options: {
      chunk?: number;
      /** Batches stored within this time are projected in one run (ms). */
      followDelayMs?: number;
      onError?: (err: unknown, hallId: string) => void;
    } = {},
  ) {}

  /** Brings the hall's tables up to its log; waits for another node doing it. Returns the seq projected. */
  async catchUp(log: HallLog): Promise<number> {
    const client = await this.locks.connect();
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [`antre-report:${log.hallId}`]);
      try {
        const config = JSON.parse(log.config) as HallConfig;
        const chunk = this.options.chunk ?? 5000;
        const projector = new Projector(new PgReportStore(this.pool, log.hallId, { config }), config, {
          logId: log.logId,
          eventsAfter: async (seq, limit) =>
            (await eventsAfter(this.pool, log.hallId, log.logId, seq, Math.min(limit, chunk))).map(toLogged),
        });
        await projector.start();
        await rollIkmDays(this.pool, log.hallId, log.logId, config, projector.seq);
        return projector.seq;
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`antre-report:${log.hallId}`]);
      }
    } finally {
      client.release();
    }
  }

  /**
   * Catches up every hall named (all when none) whose projection is behind its current log, a few at once;
   * returns each hall's log. A hall already projected costs nothing but its line in one query.
   */
  async catchUpAll(hallIds?: readonly string[]): Promise<HallLog[]> {
    const logs = await currentLogs(this.pool, hallIds);
    const positions = await this.pool.query<{
      hall_id: string;
      log_id: string;
      last_seq: number;
      ikm_seq: number;
    }>('SELECT hall_id, log_id, last_seq, ikm_seq FROM report_positions WHERE hall_id = ANY($1)', [
      logs.map((l) => l.hallId),
    ]);
    const projected = new Map(positions.rows.map((r) => [r.hall_id, r]));
    const behind = logs.filter((l) => {
      const p = projected.get(l.hallId);
      return p === undefined || p.log_id !== l.logId || Math.min(p.last_seq, p.ikm_seq) < l.lastSeq;
    });
    const parallel = Math.max(1, this.locks.options.max ?? 1);
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let log = behind[next++]; log !== undefined; log = behind[next++]) await this.catchUp(log);
    };
    await Promise.all(Array.from({ length: Math.min(parallel, behind.length) }, worker));
    return logs;
  }

  /** A batch of the hall was stored: project it soon, off the request. */
  follow(hallId: string): void {
    if (this.closed) return;
    if (this.running.has(hallId)) {
      this.again.add(hallId);
      return;
    }
    const run = (async () => {
      do {
        this.again.delete(hallId);
        await sleep(this.options.followDelayMs ?? 1000);
        if (this.closed) return;
        try {
          const [log] = await currentLogs(this.pool, [hallId]);
          if (log) await this.catchUp(log);
        } catch (err) {
          this.options.onError?.(err, hallId);
        }
      } while (this.again.has(hallId) && !this.closed);
    })().finally(() => this.running.delete(hallId));
    this.running.set(hallId, run);
  }

  /** Stops following; resolves when the runs in progress are over. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.running.values());
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function toLogged(e: { seq: number; at: number; actor: string | null; payload: string }): LoggedEvent {
  const logged: LoggedEvent = { seq: e.seq, at: e.at, event: JSON.parse(e.payload) as DomainEvent };
  if (e.actor !== null) logged.actor = e.actor;
  return logged;
}
