import type { DayRollup, LegDimension, LegStat, SlotStat, VisitDimension, VisitStat } from './day-rollup.js';
import type { CounterSessionRow, LegRow, LoggedEvent, RowChanges, VisitRow } from './report-rows.js';
import type { PriorityGroup } from '@antre/shared';
import type { VisitOrigin } from './report-rows.js';

/** Days are numbers (20261130) and inclusive. */
export interface DayRange {
  from: number;
  to: number;
}

export interface StatQuery extends DayRange {
  /** Only these services; all when absent. */
  serviceIds?: readonly string[] | undefined;
  /**
   * The reader adds the rows up over the days (it groups by anything but the day): a store may then return
   * one row per dimension value and service, summed over the range's days, with `day` the first it has.
   * A store may ignore it; the figures are the same either way.
   */
  sumDays?: boolean | undefined;
  /**
   * The reader adds the rows up over the services (it groups by neither service nor agency): a store may
   * return them summed over the services asked for, with `serviceId` ''. A store may ignore it.
   */
  sumServices?: boolean | undefined;
}

export interface LegStatQuery extends StatQuery {
  dim: LegDimension;
  /** Only this value of the dimension; all values when absent. */
  value?: string | undefined;
}

export interface VisitStatQuery extends StatQuery {
  dim: VisitDimension;
  value?: string | undefined;
}

/** Rows of a period, filtered on their own columns. */
export interface RowQuery extends StatQuery {
  counterId?: string | undefined;
  staff?: string | undefined;
  priority?: PriorityGroup | undefined;
  origin?: VisitOrigin | undefined;
}

/**
 * What reports read: the rollups of closed days and the rows themselves. Each store (the hub's SQLite, the
 * central PostgreSQL) implements it once with its own SQL; every figure is computed from what it returns by
 * this package, so both stores give the same figures.
 */
export interface ReportStore {
  /** Days of the range that have rows but no rollup yet (a day still open): read from their rows. */
  unrolledDays(range: DayRange): Promise<number[]>;
  /** Rollup rows of rolled-up days. */
  legStats(query: LegStatQuery): Promise<LegStat[]>;
  visitStats(query: VisitStatQuery): Promise<VisitStat[]>;
  slotStats(query: StatQuery): Promise<SlotStat[]>;
  /** Visit transactions of the query's days (`days` when given, else the whole range), in day and ticket order. */
  legs(query: RowQuery & { days?: readonly number[] }): Promise<LegRow[]>;
  visits(query: RowQuery & { days?: readonly number[] }): Promise<VisitRow[]>;
  sessions(
    query: DayRange & { counterId?: string | undefined; staff?: string | undefined },
  ): Promise<CounterSessionRow[]>;
  /** Calls `each` for every transaction (or visit) of the range in order, without holding them all: exports. */
  eachLeg(query: RowQuery, each: (row: LegRow) => void): Promise<number>;
  eachVisit(query: RowQuery, each: (row: VisitRow) => void): Promise<number>;
}

/** Where the projection keeps its rows, and from where it resumes. */
export interface ProjectionStore {
  /** The last seq written, and the log it came from (null: nothing written yet). */
  position(): Promise<{ seq: number; logId: string | null }>;
  /** Empties the store for a projection of `logId` from its start. */
  reset(logId: string): Promise<void>;
  /**
   * The rows that can still change: the latest day's visits not ended (or no-shows, who may come back),
   * their transactions, and the counter sessions not ended.
   */
  openRows(): Promise<{ visits: VisitRow[]; legs: LegRow[]; sessions: CounterSessionRow[] }>;
  /** Writes changed rows, the rollups of days now closed, and the seq they reflect, all at once or not at all. */
  write(changes: RowChanges, rollups: ReadonlyMap<number, DayRollup>, seq: number): Promise<void>;
  /** The rows of one day: to roll it up once it has closed. */
  dayRows(day: number): Promise<{ visits: VisitRow[]; legs: LegRow[] }>;
  /** Days before `before` that have rows and no rollup (a crash between a day's close and its rollup). */
  closedUnrolledDays(before: number): Promise<number[]>;
  /** The latest day that has rows (0: none). */
  latestDay(): Promise<number>;
}

/** The log the projection reads. */
export interface EventSource {
  readonly logId: string;
  /** Up to `limit` events after `seq`, in order, with their actor tags. */
  eventsAfter(seq: number, limit: number): readonly LoggedEvent[] | Promise<readonly LoggedEvent[]>;
  /**
   * The config changes (`ConfigChanged` events) up to `seq`, in order: a projection resumed at `seq` learns
   * the config it stood on. Absent: the log has none.
   */
  configChangesUntil?(seq: number): readonly LoggedEvent[];
}
