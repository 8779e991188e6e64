import { join } from 'node:path';
import type { HallConfig } from '@antre/shared';
import { Projector } from '@antre/reporting';
import type { EventStore, StoredEvent } from '../store/event-store.js';
import type { Logger } from '../logger.js';
import { SqliteReportStore } from './sqlite-report-store.js';

export const REPORTS_FILE = 'reports.sqlite';

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
     * The config the hub started on: the projection learns the services' agencies and targets from it, so a
     * service changed or added in the admin console counts with the start's figures until the next start.
     */
    readonly config: HallConfig,
    log: EventStore,
    private readonly logger: Logger,
  ) {
    this.store = new SqliteReportStore(join(dataDir, REPORTS_FILE));
    this.projector = new Projector(
      this.store,
      config,
      { logId: log.logId, eventsAfter: (seq, limit) => log.storedEventsSince(seq, limit) },
      { chunk: 5000, pause: () => new Promise((resolve) => setImmediate(resolve)) },
    );
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
