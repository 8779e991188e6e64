import type { QueueConfig } from '@antre/shared';
import type { DayRollup } from './day-rollup.js';
import { rollupRows } from './day-rollup.js';
import type { LegRow, LoggedEvent, RowChanges, VisitRow } from './report-rows.js';
import type { EventSource, ProjectionStore } from './report-store.js';
import { VisitProjection } from './visit-projection.js';

export interface ProjectorOptions {
  /** Events read from the log per step while catching up. */
  chunk?: number;
  /** Lets others run between catch-up steps (the hub passes setImmediate); nothing by default. */
  pause?: () => Promise<void>;
  /**
   * When live events handed over are projected: `run` is called once for all the events handed over until
   * then. The hub passes setImmediate, so that a command's answer and broadcast go out before the projection
   * writes, and the batches of a busy moment are written together. By default at once (in a microtask).
   */
  schedule?: (run: () => void) => void;
}

/**
 * Keeps a `ProjectionStore` up to date with the log: on start it resumes where the store stopped (or starts
 * over for another log), catches up from the log in steps, and then follows the live events it is handed,
 * writing them in batches. A closed day is rolled up once its last row is written. One path for a rebuild,
 * a restart and live work, so their rows are the same.
 */
export class Projector {
  private projection: VisitProjection;
  private work: Promise<void> = Promise.resolve();
  private pending: LoggedEvent[] = [];
  /** A flush of `pending` is scheduled and not yet queued. */
  private flushScheduled = false;
  /** Set once `start` has resumed: events handed over before are read from the log instead. */
  private running = false;
  private readonly chunk: number;
  private readonly pause: () => Promise<void>;
  private readonly schedule: (run: () => void) => void;
  /** Events applied since start: what the rebuild reports. */
  applied = 0;
  /**
   * The rows of the days not rolled up yet, as last written, so that a day is rolled up from memory when it
   * closes instead of read back from the store. A day is `complete` when every row of it went through this
   * projector (or was read once at start); otherwise (a late offline ticket on a day rolled up long ago, or
   * a day too large to keep) its rollup reads the store, as before.
   */
  private readonly dayRows = new Map<number, DayRows>();
  /** The latest day that has rows, in the store or here: a row of a later day begins a complete day. */
  private latestDay = 0;

  constructor(
    private readonly store: ProjectionStore,
    /** The config before the log's first event (the store's seed); the log's config changes follow it. */
    private readonly config: QueueConfig,
    private readonly source: EventSource,
    options: ProjectorOptions = {},
  ) {
    this.projection = new VisitProjection(config);
    this.chunk = options.chunk ?? 5000;
    this.pause = options.pause ?? (() => Promise.resolve());
    this.schedule = options.schedule ?? ((run) => void Promise.resolve().then(run));
  }

  get seq(): number {
    return this.projection.seq;
  }

  /** Resumes from the store (or starts it over for another log) and catches up with the log. */
  start(): Promise<void> {
    return this.enqueue(async () => {
      const position = await this.store.position();
      if (position.logId !== this.source.logId) {
        await this.store.reset(this.source.logId);
        this.projection = new VisitProjection(this.config);
      } else {
        const open = await this.store.openRows();
        this.projection = new VisitProjection(this.config);
        for (const { event } of this.source.configChangesUntil?.(position.seq) ?? []) {
          if (event.type === 'ConfigChanged') this.projection.followConfig(event.change);
        }
        this.projection.resume(position.seq, open.visits, open.legs, open.sessions);
        const latest = Math.max(0, ...open.visits.map((v) => v.day));
        await this.rollUp(await this.store.closedUnrolledDays(latest));
        this.latestDay = await this.store.latestDay();
        if (this.latestDay > 0) {
          const rows = await this.store.dayRows(this.latestDay);
          const kept = newDayRows(true);
          for (const v of rows.visits) kept.visits.set(v.ticketId, v);
          for (const l of rows.legs) kept.legs.set(legKey(l), l);
          this.dayRows.set(this.latestDay, kept);
        }
      }
      this.running = true;
      await this.catchUpNow();
    });
  }

  /**
   * Live events, just committed. Applied and written soon after (when `schedule` runs), in order; if they do
   * not follow on from what was applied (the projector is still catching up), the log is read instead.
   */
  push(events: readonly LoggedEvent[]): void {
    if (!this.running) return;
    for (const e of events) this.pending.push(e);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    this.schedule(() => this.queueFlush());
  }

  /**
   * Reads the log on from where the projection stands to its end, and writes it: live work for a projector
   * that is told the log grew rather than handed the events (the hub's projection thread). After `start`.
   */
  catchUp(): Promise<void> {
    return this.enqueue(() => this.catchUpNow());
  }

  /** Resolves once everything handed over so far is written: reports read after it. */
  settled(): Promise<void> {
    this.queueFlush();
    return this.enqueue(() => Promise.resolve());
  }

  /** Queues the scheduled flush now (once: a later call, or the scheduled one, finds nothing to do). */
  private queueFlush(): void {
    if (!this.flushScheduled) return;
    this.flushScheduled = false;
    void this.enqueue(async () => {
      const batch = this.pending;
      this.pending = [];
      if (batch.length === 0) return;
      if (batch[0]?.seq !== this.projection.seq + 1) {
        await this.catchUpNow();
        return;
      }
      for (const e of batch) this.projection.apply(e);
      this.applied += batch.length;
      await this.writeChanges();
    });
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.work.then(task);
    // A failed step must not stop later ones; the caller of that step sees its error.
    this.work = run.catch(() => undefined);
    return run;
  }

  private async catchUpNow(): Promise<void> {
    for (;;) {
      const events = await this.source.eventsAfter(this.projection.seq, this.chunk);
      if (events.length === 0) break;
      for (const e of events) this.projection.apply(e);
      this.applied += events.length;
      await this.writeChanges();
      // Events handed over live meanwhile are in the log too: skip those already applied.
      this.pending = this.pending.filter((e) => e.seq > this.projection.seq);
      await this.pause();
    }
  }

  private async writeChanges(): Promise<void> {
    const changes: RowChanges = this.projection.takeChanges();
    await this.store.write(changes, new Map(), this.projection.seq);
    this.keep(changes);
    await this.rollUp(changes.closedDays);
  }

  /** Keeps the rows just written in `dayRows`. */
  private keep(changes: RowChanges): void {
    let day = -1;
    let rows: DayRows | undefined;
    const at = (d: number): DayRows | undefined => {
      if (d === day) return rows;
      day = d;
      rows = this.dayRows.get(d);
      if (!rows) {
        // The first row of a day after the latest: every later row of it comes through here.
        rows = newDayRows(d > this.latestDay);
        this.dayRows.set(d, rows);
        if (d > this.latestDay) this.latestDay = d;
      }
      return rows;
    };
    for (const v of changes.visits) {
      const r = at(v.day);
      if (r?.complete) r.visits.set(v.ticketId, v);
    }
    for (const l of changes.legs) {
      const r = at(l.day);
      if (r?.complete) r.legs.set(legKey(l), l);
    }
    for (const [d, r] of this.dayRows) {
      if (r.complete && r.visits.size + r.legs.size > MAX_KEPT_ROWS) {
        // A huge day is read back from the store when it closes rather than held in memory.
        r.complete = false;
        r.visits.clear();
        r.legs.clear();
      }
      if (!r.complete && d < this.latestDay) this.dayRows.delete(d);
    }
  }

  private async rollUp(days: readonly number[]): Promise<void> {
    if (days.length === 0) return;
    const rollups = new Map<number, DayRollup>();
    for (const day of days) {
      const kept = this.dayRows.get(day);
      if (kept?.complete) {
        rollups.set(day, rollupRows(kept.legs.values(), kept.visits.values()));
      } else {
        const rows = await this.store.dayRows(day);
        rollups.set(day, rollupRows(rows.legs, rows.visits));
      }
      // A closed day's rows no longer change, but for a late offline ticket (read from the store then).
      this.dayRows.delete(day);
    }
    await this.store.write(
      { visits: [], legs: [], sessions: [], closedDays: [] },
      rollups,
      this.projection.seq,
    );
  }
}

interface DayRows {
  complete: boolean;
  visits: Map<string, VisitRow>;
  legs: Map<string, LegRow>;
}

/** Rows of one day kept for its rollup at most (a busy hall's day has ~5,000). */
const MAX_KEPT_ROWS = 60_000;

function newDayRows(complete: boolean): DayRows {
  return { complete, visits: new Map(), legs: new Map() };
}

function legKey(l: LegRow): string {
  return `${l.ticketId}|${l.leg}`;
}
