import { afterEach, expect, it } from 'vitest';
import type { TestHub } from '@antre/hub/testing';
import {
  MONDAY_9AM_WIB,
  connect,
  demoHall,
  kioskCredentials,
  startTestHub,
  waitFor,
} from '@antre/hub/testing';
import type { HubConnection } from '@antre/client';
import { whenConnection } from './connection-wait.js';
import { within } from './deadline.js';
import { ReplayPool } from './replay-pool.js';
import { SimClock } from './sim-clock.js';
import { SimulatedCounter } from './simulated-counter.js';
import { VisitorDesk } from './visitor-desk.js';

const MINUTE = 60_000;
let hub: TestHub | undefined;
let kiosk: HubConnection | undefined;
let counter: SimulatedCounter | undefined;

afterEach(async () => {
  counter?.close();
  kiosk?.close();
  await hub?.dispose();
});

/**
 * The hub refuses a counter's connection (its session is gone) while the counter has a visitor at the desk.
 * socket.io does not reconnect after a refusal, so a counter that only looked for it when it next needed the
 * hub waited forever on its queued no-show, and the simulated day never ended: it must sign in again at once.
 */
it('signs in again when the hub refuses its connection mid-visit, and its queued no-show gets through', async () => {
  const demo = await demoHall();
  hub = await startTestHub({ config: demo.config });
  kiosk = connect(hub.url, kioskCredentials());
  await waitFor(kiosk, () => kiosk?.status === 'online' && kiosk.state !== undefined);
  const issued = await kiosk.command({ type: 'issueTicket', serviceId: 'perekaman-ktp-el' });
  if (!issued.ok) throw new Error(issued.error.code);

  // 60×: a hall minute is a real second. Nobody holds the ticket, so the visitor is recalled, then a no-show.
  const clock = SimClock.startingAt(MONDAY_9AM_WIB, 60);
  const openAt = MONDAY_9AM_WIB + 2 * MINUTE;
  counter = new SimulatedCounter(
    {
      counterId: 'loket-2',
      agencyId: 'disdukcapil',
      serviceIds: ['perekaman-ktp-el', 'cetak-ulang-ktp-el'],
      staff: 'dukcapil1',
      pin: demo.pins.get('dukcapil1') ?? '',
      openAt,
      closeAt: openAt + 10 * MINUTE,
      breaks: [],
      closeWhenIdleAfter: undefined,
    },
    hub.url,
    clock,
    new VisitorDesk(),
    { recallAfterMs: 2 * MINUTE, maxRecalls: 1, hardStop: openAt + 10 * MINUTE },
    new ReplayPool(),
  );
  const desk = counter;
  const day = desk.run();
  const called = await whenConnection(desk.conn, () => desk.stats.calls === 1, 15_000);
  expect(called).toBe(true);

  // The session is gone (as after 12 hours) and the hub restarts: the counter's reconnect is refused.
  hub.store.db.exec('DELETE FROM staff_sessions');
  hub = await hub.restart();
  const restarted = hub;

  await within(day, 30_000, () => `the counter's day did not end: ${desk.describe()}`);
  expect(desk.stats.signIns).toBe(2);
  expect(desk.stats.noShows).toBe(1);
  const state = restarted.service.state;
  expect(Object.values(state.tickets).map((t) => t.status)).toEqual(['no_show']);
  expect(state.counters['loket-2']?.status).toBe('closed');
}, 60_000);
