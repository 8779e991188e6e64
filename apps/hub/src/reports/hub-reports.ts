import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { HallConfig } from '@antre/shared';
import type { EventStore, StoredEvent } from '../store/event-store.js';
import type { Logger } from '../logger.js';
import type { FromProjection } from './projection-messages.js';
import { startProjectionThread } from './projection-thread.js';
import { SqliteReportStore } from './sqlite-report-store.js';

export const REPORTS_FILE = 'reports.sqlite';

/** How long the projection thread waits after the log grows, so that a busy moment is written in one go. */
const LIVE_FLUSH_MS = 250;

/** A thread that ended this many times in a row without writing anything fails the reports waiting for it. */
const FAILING_AFTER = 3;

/** The wait before starting the thread again after it ended: doubled at each failure in a row, up to a minute. */
const RESTART_MS = 100;
const RESTART_MAX_MS = 60_000;

interface Waiter {
  seq: number;
  resolve: () => void;
  reject: (err: Error) => void;
}

/**
 * The hall's reports: the reporting tables beside the log (`reports.sqlite`), kept up to date by the
 * projection in a thread of its own (`projection-worker`), so that neither catching up at start nor following
 * the log live takes the hub's event loop. The hub only tells the thread that the log grew; the thread reads
 * the log itself and writes the tables, and says up to which seq it has written (its watermark). Reports read
 * the tables on the hub's own connection, once the watermark has reached the log's last seq at the time of
 * asking (`ready`): a report always counts every event committed before it was asked for. A thread that dies
 * is started again and resumes from the watermark in the file: rows and watermark are written together.
 */
export class HubReports {
  private readonly file: string;
  private worker: Worker | undefined;
  private reader: SqliteReportStore | undefined;
  /** The seq the thread has written up to; -1 until the current thread has said. */
  private watermark = -1;
  /** The last seq handed over by `push`. */
  private logged: number;
  /** The thread has been told the log grew, and has not said since how far it has written. */
  private told = false;
  private waiters: Waiter[] = [];
  /** Ends of the thread in a row without a write between them. */
  private failures = 0;
  private restartTimer: NodeJS.Timeout | undefined;
  private closing: Promise<void> | undefined;
  private exited: (() => void) | undefined;

  constructor(
    dataDir: string,
    /**
     * The config the hub started on, for a log without a seed; the projection starts from the store's seed
     * and follows the log's config changes, so a service added in the admin console counts at once.
     */
    private readonly config: HallConfig,
    private readonly log: EventStore,
    private readonly logger: Logger,
  ) {
    this.file = join(dataDir, REPORTS_FILE);
    this.logged = log.lastSeq();
  }

  /** The reporting tables, to read (after `ready`). */
  get store(): SqliteReportStore {
    if (!this.reader) throw new Error('reports: the reporting tables are not open yet (await ready())');
    return this.reader;
  }

  /** The projection thread while it runs (a test stops it, to see it started again). */
  get thread(): Worker | undefined {
    return this.worker;
  }

  /** Starts the projection thread, which resumes and catches up with the log; resolves once it has. */
  start(): Promise<void> {
    if (!this.worker && !this.restartTimer && !this.closing) this.spawn();
    return this.ready();
  }

  /** Events just committed: the thread is told, and writes them a moment later with whatever follows. */
  push(events: StoredEvent[]): void {
    const last = events.at(-1)?.seq ?? 0;
    if (last > this.logged) this.logged = last;
    this.tell();
  }

  /** Resolves once every event in the log when it was called is in the tables. */
  ready(): Promise<void> {
    if (this.closing) return Promise.reject(new Error('reports: the hub is stopping'));
    if (this.failures >= FAILING_AFTER) {
      return Promise.reject(new Error('reports: the projection keeps failing (see the log)'));
    }
    const seq = this.log.lastSeq();
    if (this.reader && this.watermark >= seq) return Promise.resolve();
    if (!this.worker && !this.restartTimer) this.spawn();
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ seq, resolve, reject });
      this.worker?.postMessage({ type: 'flush' });
    });
  }

  /** Writes what the log holds and stops the thread; then closes the tables. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.restartTimer) clearTimeout(this.restartTimer);
      this.restartTimer = undefined;
      // A thread that died and waits to be started again is started now: it writes the log's end all the same.
      const worker = this.worker ?? this.spawn();
      await new Promise<void>((resolve) => {
        this.exited = resolve;
        worker.postMessage({ type: 'close' });
      });
      if (this.watermark < this.log.lastSeq()) {
        this.logger.warn('reports: last writes lost; the next start reads them from the log again');
      }
      this.rejectWaiters(new Error('reports: the hub is stopping'));
      this.reader?.close();
    })();
    return this.closing;
  }

  private spawn(): Worker {
    this.watermark = -1;
    this.told = false;
    const worker = startProjectionThread({
      logFile: this.log.db.name,
      reportsFile: this.file,
      config: this.config,
      flushMs: LIVE_FLUSH_MS,
    });
    this.worker = worker;
    worker.on('message', (m: FromProjection) => this.onMessage(m));
    worker.on('error', (err) => this.logger.error({ err }, 'reports: the projection thread failed'));
    worker.on('exit', (code) => this.onExit(worker, code));
    return worker;
  }

  private onMessage(m: FromProjection): void {
    if (m.type === 'opened') {
      // The first thread has made the file (or brought it to the current layout): it can be read now.
      this.reader ??= new SqliteReportStore(this.file, 'read');
      return;
    }
    this.watermark = m.seq;
    this.failures = 0;
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) {
      if (w.seq <= m.seq) w.resolve();
      else this.waiters.push(w);
    }
    this.told = false;
    // Pushed after the thread read the log: it has not seen those yet.
    if (this.logged > m.seq) this.tell();
  }

  private tell(): void {
    if (this.told || !this.worker) return;
    this.told = true;
    this.worker.postMessage({ type: 'logged' });
  }

  private onExit(worker: Worker, code: number): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    if (this.closing) {
      if (code !== 0) this.logger.warn({ code }, 'reports: the projection thread ended while stopping');
      this.exited?.();
      return;
    }
    this.failures += 1;
    const wait = Math.min(RESTART_MS * 2 ** (this.failures - 1), RESTART_MAX_MS);
    this.logger.error(
      { code, failures: this.failures, restartInMs: wait },
      'reports: the projection thread ended; starting it again, from what it wrote',
    );
    if (this.failures >= FAILING_AFTER) {
      this.rejectWaiters(new Error('reports: the projection keeps failing (see the log)'));
    }
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      this.spawn();
    }, wait);
    this.restartTimer.unref();
  }

  private rejectWaiters(err: Error): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w.reject(err);
  }
}
