import type { Socket } from 'socket.io-client';
import type { HubConnection } from '@antre/client';
import type { BenchHall } from './bench-hall.js';
import { pickDesk, removeDir, sleep, tempDir } from './bench-hall.js';
import type { BroadcastTiming } from './broadcast-probe.js';
import { BroadcastProbe } from './broadcast-probe.js';
import type { Child } from './child-process.js';
import { spawnChild } from './child-process.js';
import { startHubChild } from './hub-child.js';
import { closeSockets, command, openBareSockets, openKiosks, openSockets } from './sockets.js';
import { StatusPhones } from './status-phones.js';
import type { Summary } from './stats.js';
import { summarize } from './stats.js';

export interface CallLatencyOptions {
  listeners: number;
  calls: number;
  warmup: number;
  /** Quiet time between calls: calls at a counter are seconds apart, not back to back. */
  gapMs: number;
  /** Tickets waiting for other counters, so that the queue the hub scans is a busy morning's. */
  backgroundTickets: number;
  /** Status pages (`/t/:id/live`) open during the third round of calls; 0 skips it. */
  phones: number;
}

export interface BroadcastLatency {
  /** Per call: until the LAST listener received the broadcast (ms). */
  lastMs: Summary;
  /** Per call: until the first listener received it (ms). */
  firstMs: Summary;
  listeners: number;
  payloadBytes: number;
}

export interface CallLatency {
  hub: BroadcastLatency;
  baseline: BroadcastLatency;
  /** The same calls with `phones` status pages following waiting tickets (absent when `phones` is 0). */
  phones?: PhonesLatency;
}

export interface PhonesLatency extends BroadcastLatency {
  phones: number;
  /** The bare broadcast's call latency during that round (the machine as the phones' round had it). */
  baselineMs: Summary;
  /** Messages the phones received during those calls (their tickets' places moving). */
  phoneMessages: number;
  /** The hub's RSS with the phones connected, after the calls (MB), and before they connected. */
  rssMb: number;
  rssWithoutMb: number;
}

const DEFAULTS: CallLatencyOptions = {
  listeners: 300,
  calls: 200,
  warmup: 20,
  gapMs: 10,
  backgroundTickets: 1500,
  phones: 2000,
};

/** Issues `count` tickets over `serviceIds`; returns their ids. */
async function issueMany(
  kiosks: readonly HubConnection[],
  serviceIds: readonly string[],
  count: number,
): Promise<string[]> {
  let next = 0;
  const ids: string[] = [];
  const worker = async (conn: HubConnection) => {
    while (next < count) {
      const serviceId = serviceIds[next % serviceIds.length] ?? '';
      next += 1;
      const reply = await conn.command({ type: 'issueTicket', serviceId });
      if (!reply.ok) throw new Error(`issue refused during setup: ${reply.error.code}`);
      for (const e of reply.events) if (e.event.type === 'TicketIssued') ids.push(e.event.ticket.id);
    }
  };
  await Promise.all(kiosks.flatMap((k) => [worker(k), worker(k), worker(k), worker(k)]));
  return ids;
}

function summary(timings: readonly BroadcastTiming[], listeners: number, payload: unknown): BroadcastLatency {
  return {
    lastMs: summarize(timings.map((t) => t.lastMs)),
    firstMs: summarize(timings.map((t) => t.firstMs)),
    listeners,
    payloadBytes: Buffer.byteLength(JSON.stringify(payload ?? null)),
  };
}

/**
 * callNext at one counter, from a signed-in staff connection, until the `events` broadcast has reached all
 * `listeners` public connections of the hub (in its own process, durability FULL); and the same against a
 * bare Socket.IO server (its own process too) broadcasting the payload the hub broadcast. Calls alternate
 * between the two, so that both see the same shared machine.
 */
export async function callLatency(
  hall: BenchHall,
  options: Partial<CallLatencyOptions> = {},
): Promise<CallLatency> {
  const o = { ...DEFAULTS, ...options };
  const desk = pickDesk(hall);
  const dataDir = tempDir('call');
  let hub: Child | undefined;
  let bare: Child | undefined;
  let kiosks: HubConnection[] = [];
  let hubSockets: Socket[] = [];
  let bareSockets: Socket[] = [];
  const probes: BroadcastProbe[] = [];
  let phones: StatusPhones | undefined;
  try {
    hub = await startHubChild(hall, dataDir, 'FULL');
    kiosks = await openKiosks(hub.url, 2, hall.kioskIds);
    const others = hall.openServiceIds.filter((id) => !desk.serviceIds.includes(id));
    const waiting = await issueMany(kiosks, others, o.backgroundTickets);
    const phoneRounds = o.phones > 0 ? 2 : 1;
    waiting.push(...(await issueMany(kiosks, desk.serviceIds, 2 * o.warmup + phoneRounds * o.calls + 10)));
    for (const k of kiosks) k.close();
    kiosks = [];

    hubSockets = await openSockets(hub.url, o.listeners + 1);
    const counter = hubSockets[o.listeners] as Socket;
    const credentials = { username: desk.username, pin: desk.pin };
    const signIn = (await counter.timeout(10_000).emitWithAck('staff:signIn', credentials)) as {
      ok: boolean;
    };
    if (!signIn.ok) throw new Error(`staff ${desk.username} could not sign in`);
    const opened = await command(counter, {
      type: 'setCounterStatus',
      counterId: desk.counterId,
      status: 'open',
    });
    if (!opened.ok) throw new Error(`counter ${desk.counterId} did not open: ${opened.error.code}`);
    const hubProbe = new BroadcastProbe(hubSockets.slice(0, o.listeners));
    probes.push(hubProbe);
    const callNext = async () => {
      const reply = await command(counter, {
        type: 'callNext',
        counterId: desk.counterId,
        // The visitor before was served: each call ends the last visit, as calls always did here.
        previous: 'served',
      });
      if (!reply.ok) throw new Error(`callNext refused: ${reply.error.code}`);
    };
    for (let i = 0; i < o.warmup; i += 1) await hubProbe.measure(callNext);
    const payload = hubProbe.payload;

    bare = await spawnChild('./bare-broadcast-process.js', { payload });
    bareSockets = await openBareSockets(bare.url, o.listeners + 1);
    const trigger = bareSockets[o.listeners] as Socket;
    const bareProbe = new BroadcastProbe(bareSockets.slice(0, o.listeners));
    probes.push(bareProbe);
    const bareCall = async () => {
      await command(trigger, { type: 'callNext', counterId: desk.counterId });
    };
    for (let i = 0; i < o.warmup; i += 1) await bareProbe.measure(bareCall);

    const alternate = async (hubTimings: BroadcastTiming[], bareTimings: BroadcastTiming[]) => {
      for (let i = 0; i < o.calls; i += 1) {
        // Alternating which goes first, so neither always follows the other's garbage and wake-ups.
        const order = i % 2 === 0 ? [true, false] : [false, true];
        for (const isHub of order) {
          if (isHub) hubTimings.push(await hubProbe.measure(callNext));
          else bareTimings.push(await bareProbe.measure(bareCall));
          await sleep(o.gapMs);
        }
      }
    };
    const hubTimings: BroadcastTiming[] = [];
    const bareTimings: BroadcastTiming[] = [];
    await alternate(hubTimings, bareTimings);
    const result: CallLatency = {
      hub: summary(hubTimings, o.listeners, hubProbe.payload),
      baseline: summary(bareTimings, o.listeners, bareProbe.payload),
    };
    if (o.phones > 0) {
      // The same calls again, now with a busy hall's phones following their tickets (each waiting ticket
      // followed, some by more than one phone), still alternating with the bare broadcast.
      const rssWithout = (await hub.memory()).rss;
      phones = await StatusPhones.open(hub.url, waiting, o.phones);
      await sleep(500);
      const before = phones.messages;
      const phoneTimings: BroadcastTiming[] = [];
      const bareDuring: BroadcastTiming[] = [];
      await alternate(phoneTimings, bareDuring);
      const rss = (await hub.memory()).rss;
      if (phones.open < o.phones)
        throw new Error(`only ${phones.open} of ${o.phones} status pages stayed open`);
      result.phones = {
        ...summary(phoneTimings, o.listeners, hubProbe.payload),
        phones: o.phones,
        baselineMs: summarize(bareDuring.map((t) => t.lastMs)),
        phoneMessages: phones.messages - before,
        rssMb: rss / 2 ** 20,
        rssWithoutMb: rssWithout / 2 ** 20,
      };
    }
    return result;
  } finally {
    phones?.close();
    for (const p of probes) p.dispose();
    closeSockets(hubSockets);
    closeSockets(bareSockets);
    for (const k of kiosks) k.close();
    await Promise.all([hub?.close(), bare?.close()]);
    removeDir(dataDir);
  }
}
