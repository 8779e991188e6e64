import { join } from 'node:path';
import type { HallConfig, QueueConfig } from '@antre/shared';
import type { EventSource } from '@antre/reporting';
import { Projector } from '@antre/reporting';
import type { EventStore, StoredEvent } from '../store/event-store.js';
import type { Logger } from '../logger.js';
import { SqliteReportStore } from './sqlite-report-store.js';

export const REPORTS_FILE = 'reports.sqlite';

/** How long live events wait to be written to the reporting tables together (a busy moment's in one go). */
const LIVE_FLUSH_MS = 250;

/**
 * The hall's reports: the reporting tables beside the log, kept up to date by the projection as events are
 * committed. Starting catches up with the log in steps between which the hub serves (a year of log on a fresh
 * file takes a while); reports wait for it.
 */
export class HubReports {
  readonly store: SqliteReportStore;
  readonly projector: Projector;
  private started: Promise<void> | undefined;

  constructor(
    dataDir: string,
    /**
     * The config the hub started on, for a log without a seed; the projection starts from the store's seed
     * and follows the log's config changes, so a service added in the admin console counts at once.
     */
    config: HallConfig,
    log: EventStore,
    private readonly logger: Logger,
  ) {
    this.store = new SqliteReportStore(join(dataDir, REPORTS_FILE));
    const { seed, source } = projectionSource(log, config);
    this.projector = new Projector(this.store, seed, source, {
      chunk: 5000,
      pause: () => new Promise((resolve) => setImmediate(resolve)),
      // Off the command path: the answer and the broadcast go out first, and a busy moment's batches are
      // written together (a report read meanwhile waits for them: `ready`).
      schedule: (run) => setTimeout(run, LIVE_FLUSH_MS),
    });
  }

  /** Resumes the projection and catches up with the log, in the background. */
  start(): Promise<void> {
    this.started ??= this.projector.start().catch((err: unknown) => {
      this.logger.error({ err }, 'reports: the projection could not start');
      throw err;
    });
    return this.started;
  }

  /** Events just committed: projected soon after, off the path of the command's answer. */
  push(events: StoredEvent[]): void {
    this.projector.push(events);
  }

  /** Resolves once every event handed over is in the tables. */
  async ready(): Promise<void> {
    await this.start();
    await this.projector.settled();
  }

  async close(): Promise<void> {
    try {
      await this.projector.settled();
    } catch (err) {
      this.logger.warn({ err }, 'reports: last writes lost; the next start reads them from the log again');
    }
    this.store.close();
  }
}

/**
 * What a projection of `log` reads: the config before the log's first event (the store's seed; `fallback`
 * for a store that has none) and the events, with the config changes up to a seq for a resumed projection.
 */
export function projectionSource(
  log: EventStore,
  fallback: QueueConfig,
): { seed: QueueConfig; source: EventSource } {
  const saved = log.configSeed();
  return {
    seed: saved === undefined ? fallback : (JSON.parse(saved) as QueueConfig),
    source: {
      logId: log.logId,
      eventsAfter: (seq, limit) => log.storedEventsSince(seq, limit),
      configChangesUntil: (seq) =>
        log.configEvents().filter((e) => e.seq <= seq && e.event.type === 'ConfigChanged'),
    },
  };
}
