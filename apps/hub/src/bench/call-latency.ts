import type { Socket } from 'socket.io-client';
import type { HubConnection } from '@antre/client';
import type { CommandReply } from '@antre/shared';
import type { BenchHall } from './bench-hall.js';
import { removeDir, tempDir } from './bench-hall.js';
import type { BroadcastLatency, ProbeOptions } from './broadcast-probe.js';
import { probeBroadcast } from './broadcast-probe.js';
import type { Child } from './child-process.js';
import { spawnChild } from './child-process.js';
import { startHubChild } from './hub-child.js';
import { closeSockets, openBareSockets, openKiosks, openSockets } from './sockets.js';

export interface CallLatencyOptions extends ProbeOptions {
  listeners: number;
  /** Tickets waiting for other counters, so that the queue the hub scans is a busy morning's. */
  backgroundTickets: number;
}

const DEFAULTS: CallLatencyOptions = {
  listeners: 300,
  backgroundTickets: 1500,
  calls: 200,
  warmup: 20,
  gapMs: 15,
  timeoutMs: 10_000,
};

interface Desk {
  counterId: string;
  serviceIds: string[];
  username: string;
  pin: string;
}

/** A counter whose services have no quota, and a staff member of its agency with a demo PIN. */
function pickDesk(hall: BenchHall): Desk {
  for (const c of hall.config.counters) {
    if (!c.serviceIds.every((id) => hall.openServiceIds.includes(id))) continue;
    const staff = hall.config.staff.find((s) => s.role === 'staff' && s.agencyId === c.agencyId && hall.pins.has(s.username));
    if (staff) return { counterId: c.id, serviceIds: c.serviceIds, username: staff.username, pin: hall.pins.get(staff.username) ?? '' };
  }
  throw new Error('the demo hall has no counter the bench can call at');
}

async function issueMany(kiosks: readonly HubConnection[], serviceIds: readonly string[], count: number): Promise<void> {
  let next = 0;
  const worker = async (conn: HubConnection) => {
    while (next < count) {
      const serviceId = serviceIds[next % serviceIds.length] ?? '';
      next += 1;
      const reply = await conn.command({ type: 'issueTicket', serviceId });
      if (!reply.ok) throw new Error(`issue refused during setup: ${reply.error.code}`);
    }
  };
  await Promise.all(kiosks.flatMap((k) => [worker(k), worker(k), worker(k), worker(k)]));
}

async function command(socket: Socket, command: object): Promise<CommandReply> {
  return (await socket.timeout(10_000).emitWithAck('command', { commandId: crypto.randomUUID(), command })) as CommandReply;
}

/**
 * callNext at one counter, from a signed-in staff connection, until the `events` broadcast has reached all
 * `listeners` public connections. The hub runs in its own process with durability FULL.
 */
export async function callLatency(hall: BenchHall, options: Partial<CallLatencyOptions> = {}): Promise<BroadcastLatency> {
  const o = { ...DEFAULTS, ...options };
  const desk = pickDesk(hall);
  const dataDir = tempDir('call');
  let hub: Child | undefined;
  let kiosks: HubConnection[] = [];
  let sockets: Socket[] = [];
  try {
    hub = await startHubChild(hall, dataDir, 'FULL');
    kiosks = await openKiosks(hub.url, 2, hall.kioskIds);
    const others = hall.openServiceIds.filter((id) => !desk.serviceIds.includes(id));
    await issueMany(kiosks, others, o.backgroundTickets);
    await issueMany(kiosks, desk.serviceIds, o.warmup + o.calls + 10);
    for (const k of kiosks) k.close();
    kiosks = [];

    sockets = await openSockets(hub.url, o.listeners + 1);
    const counter = sockets.pop() as Socket;
    const signIn = (await counter.timeout(10_000).emitWithAck('staff:signIn', { username: desk.username, pin: desk.pin })) as {
      ok: boolean;
    };
    if (!signIn.ok) throw new Error(`staff ${desk.username} could not sign in`);
    const opened = await command(counter, { type: 'setCounterStatus', counterId: desk.counterId, status: 'open' });
    if (!opened.ok) throw new Error(`counter ${desk.counterId} did not open: ${opened.error.code}`);
    sockets.push(counter);
    const listeners = sockets.slice(0, o.listeners);

    return await probeBroadcast(
      listeners,
      async () => {
        const reply = await command(counter, { type: 'callNext', counterId: desk.counterId });
        if (!reply.ok) throw new Error(`callNext refused: ${reply.error.code}`);
      },
      o,
    );
  } finally {
    closeSockets(sockets);
    for (const k of kiosks) k.close();
    await hub?.close();
    removeDir(dataDir);
  }
}

/** The same measurement against a bare Socket.IO server in its own process broadcasting `payload`. */
export async function callBaseline(payload: unknown, options: Partial<CallLatencyOptions> = {}): Promise<BroadcastLatency> {
  const o = { ...DEFAULTS, ...options };
  let server: Child | undefined;
  let sockets: Socket[] = [];
  try {
    server = await spawnChild('./bare-broadcast-process.js', { payload });
    sockets = await openBareSockets(server.url, o.listeners + 1);
    const trigger = sockets.at(-1) as Socket;
    const listeners = sockets.slice(0, o.listeners);
    const callNext = { type: 'callNext', counterId: 'loket-4' };
    return await probeBroadcast(
      listeners,
      async () => {
        await command(trigger, callNext);
      },
      o,
    );
  } finally {
    closeSockets(sockets);
    await server?.close();
  }
}
