import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import type { Hub } from '@antre/hub';
import { startHub } from '@antre/hub';
import type { HubChildReply, HubChildRequest } from './hub-messages.js';
import { SimClock } from './sim-clock.js';

/**
 * Child entry: the real hub in its own OS process, so that the simulator can kill it with SIGKILL and
 * read its RSS. Its clock is the simulator's accelerated clock, rebuilt from the same numbers in every
 * new process, so hall time runs on across a restart. Logs go to stdout at LOG_LEVEL (the simulator
 * counts error lines). No handler for uncaught errors: a hub that throws must die, and be seen to.
 */
let hub: Hub | undefined;

const send = (reply: HubChildReply) => process.send?.(reply);

async function start(m: Extract<HubChildRequest, { type: 'start' }>): Promise<void> {
  const clock = new SimClock(m.clock);
  hub = await startHub({
    config: m.config,
    dataDir: m.dataDir,
    host: '127.0.0.1',
    port: m.port,
    durability: m.durability,
    // Kiosks and displays on 127.0.0.1 are trusted without enrolment, as with `npm start`.
    demoMode: true,
    rateLimits: m.rateLimits,
    now: clock.now,
    ...(m.central ? { central: m.central } : {}),
  });
  send({ type: 'ready', url: hub.url, seq: hub.service.state.seq, day: hub.service.state.day });
}

/** The full log, paged, every day included: the checks replay it from the first event. */
function dump(m: Extract<HubChildRequest, { type: 'dump' }>): void {
  if (!hub) throw new Error('the hub is not running');
  const fd = openSync(m.eventsFile, 'w');
  let seq = 0;
  let count = 0;
  try {
    for (;;) {
      const page = hub.store.eventsSince(seq, 5000);
      if (page.length === 0) break;
      writeSync(fd, page.map((e) => JSON.stringify(e)).join('\n') + '\n');
      count += page.length;
      seq = page.at(-1)?.seq ?? seq;
    }
  } finally {
    closeSync(fd);
  }
  writeFileSync(m.stateFile, JSON.stringify(hub.service.state.snapshot()));
  send({ type: 'dumped', events: count, seq: hub.service.state.seq });
}

process.on('message', (m: HubChildRequest) => {
  if (m.type === 'start') {
    start(m).catch((err: unknown) =>
      send({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
  } else if (m.type === 'dump') {
    try {
      dump(m);
    } catch (err) {
      send({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  } else if (m.type === 'memory') {
    // Started with --expose-gc by the simulator: the live heap, not whatever garbage awaits collection.
    (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
    send({ type: 'memory', rss, heapUsed, heapTotal, external });
  } else if (m.type === 'close') {
    void (hub?.close() ?? Promise.resolve()).finally(() => {
      send({ type: 'closed' });
      process.exit(0);
    });
  }
});

// The simulator went away: do not linger as an orphan holding the port.
process.on('disconnect', () => process.exit(0));

send({ type: 'listening' });
