import type { QueueConfig } from '@antre/shared';

/** What the projection thread is started with. */
export interface ProjectionWorkerData {
  /** The event log's file: the thread reads it on its own connection. */
  logFile: string;
  /** The reporting tables' file: the thread is its only writer. */
  reportsFile: string;
  /** The config the hub started on, for a log without a seed (see `projectionSource`). */
  config: QueueConfig;
  /** How long the thread waits after being told the log grew, so that a busy moment is written together. */
  flushMs: number;
}

/** Hub → projection thread. */
export type ToProjection =
  /** The log grew: read it on and write it within `flushMs`. */
  | { type: 'logged' }
  /** Read the log to its end and write it now: a report waits for it. */
  | { type: 'flush' }
  /** Read the log to its end, write it, close the files and end. */
  | { type: 'close' };

/** Projection thread → hub. */
export type FromProjection =
  /** The reporting tables' file is open, in the current layout: it can be read. */
  | { type: 'opened' }
  /** Every event up to `seq` is in the reporting tables. */
  | { type: 'written'; seq: number };
