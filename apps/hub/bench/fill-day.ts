import type { CommandInput } from '@antre/shared';
import { createLogger, startHub } from '@antre/hub';
import { TestClock } from '@antre/hub/testing';
import type { BenchHall } from './bench-hall.js';
import { BENCH_RATE_LIMITS, SUPERVISOR } from './bench-hall.js';

export interface FilledDay {
  tickets: number;
  events: number;
  waiting: number;
  done: number;
  noShow: number;
  fillMs: number;
}

/** Visitors arrive this far apart (ms of the test clock): 20,000 tickets span under an hour. */
const ARRIVAL_MS = 150;

export interface FillOptions {
  /** Visitors arrive this far apart (ms of the test clock). */
  arrivalMs: number;
  /** Every `skipCallEvery`-th arrival no counter calls: the queue grows by one. */
  skipCallEvery: number;
  /**
   * The fill lets the hub's scheduled work run once, this many tickets before the end: the hub stores its
   * snapshot of the day then, and a restart finds those last tickets' events after it, as after a crash
   * between two snapshots. 0: never, so the log has no snapshot (as a store from before snapshots).
   */
  snapshotBeforeEnd: number;
}

const FILL_DEFAULTS: FillOptions = { arrivalMs: ARRIVAL_MS, skipCallEvery: 10, snapshotBeforeEnd: 0 };

/**
 * Writes a busy hall day into `dataDir`: `tickets` issued over the services without quota while every
 * counter serving them calls, serves, finishes, marks no-shows and recalls. Runs the commands through
 * `hub.service.execute` (validation, engine and log as for any client) with durability OFF for speed;
 * the bench then opens the log with FULL.
 */
export async function fillDay(
  hall: BenchHall,
  dataDir: string,
  tickets = 20_000,
  options: Partial<FillOptions> = {},
): Promise<FilledDay> {
  const o = { ...FILL_DEFAULTS, ...options };
  const t0 = performance.now();
  const clock = new TestClock();
  const hub = await startHub({
    config: hall.config,
    dataDir,
    host: '127.0.0.1',
    port: 0,
    durability: 'OFF',
    demoMode: true,
    logger: createLogger('silent'),
    now: clock.now,
    rateLimits: BENCH_RATE_LIMITS,
  });
  try {
    const run = (command: CommandInput) => hub.service.execute(SUPERVISOR, crypto.randomUUID(), command);
    for (const counterId of hall.counterIds) {
      const reply = run({ type: 'setCounterStatus', counterId, status: 'open' });
      if (!reply.ok) throw new Error(`cannot open ${counterId}: ${reply.error.code}`);
    }
    const services = hall.openServiceIds;
    const counters = hall.counterIds;
    for (let i = 0; i < tickets; i += 1) {
      if (i === tickets - o.snapshotBeforeEnd) {
        await new Promise((resolve) => setImmediate(resolve));
        await hub.service.snapshotSettled();
      }
      clock.advance(o.arrivalMs);
      const issued = run({ type: 'issueTicket', serviceId: services[i % services.length] ?? '' });
      if (!issued.ok) throw new Error(`issue ${i} refused: ${issued.error.code}`);
      // Counters call at about the arrival rate, a little behind it, so a queue stays all day.
      if (i % o.skipCallEvery === o.skipCallEvery - 1) continue;
      const counterId = counters[i % counters.length] ?? '';
      if (i % 13 === 0) {
        run({ type: 'noShow', counterId, confirm: true });
        // The visitor before was served: the same work for the hub as a call next ever was.
      } else if (run({ type: 'callNext', counterId, previous: 'served' }).ok) {
        if (i % 17 === 0) run({ type: 'recall', counterId });
        if (i % 2 === 0) run({ type: 'startServing', counterId });
      }
    }
    const all = Object.values(hub.service.state.tickets);
    return {
      tickets: all.length,
      events: hub.service.state.seq,
      waiting: all.filter((t) => t.status === 'waiting').length,
      done: all.filter((t) => t.status === 'done').length,
      noShow: all.filter((t) => t.status === 'no_show').length,
      fillMs: performance.now() - t0,
    };
  } finally {
    await hub.close();
  }
}
