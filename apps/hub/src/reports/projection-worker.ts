import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { Projector } from '@antre/reporting';
import { EventStore } from '../store/event-store.js';
import type { FromProjection, ProjectionWorkerData, ToProjection } from './projection-messages.js';
import { projectionSource } from './projection-source.js';
import { SqliteReportStore } from './sqlite-report-store.js';

/**
 * The reports' projection thread (started by `HubReports`): the only writer of the reporting tables. It reads
 * the log on its own connection — the hub only tells it that the log grew — so that neither parsing events
 * nor writing rows takes the hub's event loop. It resumes from the tables' watermark when it starts, and
 * tells the hub each seq it has written up to. Any error ends the thread; the hub starts it again.
 */

/** The projection thread's nice value: below the hub's thread, still well within a busy hall's pace. */
const BACKGROUND_NICE = 10;

const data = workerData as ProjectionWorkerData;
const port = parentPort;
if (!port) throw new Error('projection-worker runs as a worker thread');

const post = (message: FromProjection) => port.postMessage(message);

// Background work: the hub's own thread gets the CPU first when both want it. On Linux a thread's nice value is
// its own (elsewhere it would be the whole process's, so it is left alone there).
// Never raised (a hub run under `nice` already lower keeps its own), which would need privileges.
if (process.platform === 'linux') setPriority(Math.max(getPriority(), BACKGROUND_NICE));

// Only reads: the hub has brought the log's schema up to date before it starts this thread.
const log = new EventStore(data.logFile, 'NORMAL');
const store = new SqliteReportStore(data.reportsFile);
post({ type: 'opened' });

const { seed, source } = projectionSource(log, data.config);
const projector = new Projector(store, seed, source, {
  chunk: 5000,
  // A long catch-up (a year of log on a fresh file) lets the hub's messages in between its steps.
  pause: () => new Promise((resolve) => setImmediate(resolve)),
});
let timer: NodeJS.Timeout | undefined;

/** Ends the thread with `err`: the hub sees it as the worker's error and starts a new one. */
function fail(err: unknown): void {
  setImmediate(() => {
    throw err;
  });
}

const written = () => post({ type: 'written', seq: projector.seq });

/** Reads the log to its end and writes it (queued after the start and any catch-up under way). */
function catchUp(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = undefined;
  return projector.catchUp().then(written);
}

projector.start().then(written, fail);

port.on('message', (m: ToProjection) => {
  switch (m.type) {
    case 'logged':
      // A busy moment's commands are written together, a moment after the first.
      timer ??= setTimeout(() => void catchUp().catch(fail), data.flushMs);
      return;
    case 'flush':
      void catchUp().catch(fail);
      return;
    case 'close':
      catchUp()
        .then(() => {
          store.close();
          log.close();
          // Nothing left to wait for: the thread ends.
          port.close();
        })
        .catch(fail);
      return;
  }
});
