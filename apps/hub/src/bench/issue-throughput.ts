import type { HubConnection } from '@antre/client';
import type { Durability } from '../store/event-store.js';
import type { BenchHall } from './bench-hall.js';
import { removeDir, sleep, tempDir } from './bench-hall.js';
import type { Child } from './child-process.js';
import { startHubChild } from './hub-child.js';
import { openKiosks } from './sockets.js';
import type { Summary } from './stats.js';
import { summarize } from './stats.js';

export interface IssueThroughputOptions {
  clients: number;
  /** Commands each client keeps in flight. */
  inFlight: number;
  warmupMs: number;
  measureMs: number;
}

export interface IssueThroughput {
  durability: Durability;
  /** Successful issues per second in the measured window. */
  perSecond: number;
  issued: number;
  refused: number;
  /** Ack latency under this saturating load. */
  ackMs: Summary;
}

const DEFAULTS: IssueThroughputOptions = { clients: 8, inFlight: 4, warmupMs: 1000, measureMs: 5000 };
/** A hard bound on commands per run, whatever the timing does. */
const MAX_COMMANDS = 500_000;

/**
 * Closed loop: `clients` kiosk connections, each keeping `inFlight` issueTicket commands outstanding, spread
 * round-robin over the services without quota. Only issues acknowledged with `ok` inside the window count.
 */
export async function issueThroughput(
  hall: BenchHall,
  durability: Durability,
  options: Partial<IssueThroughputOptions> = {},
): Promise<IssueThroughput> {
  const o = { ...DEFAULTS, ...options };
  const dataDir = tempDir('issue');
  let hub: Child | undefined;
  let kiosks: HubConnection[] = [];
  try {
    hub = await startHubChild(hall, dataDir, durability);
    kiosks = await openKiosks(hub.url, o.clients, hall.kioskIds);
    let sent = 0;
    let issued = 0;
    let refused = 0;
    let measuring = false;
    let stopped = false;
    const latencies: number[] = [];
    const loop = async (conn: HubConnection) => {
      while (!stopped && sent < MAX_COMMANDS) {
        const serviceId = hall.openServiceIds[sent % hall.openServiceIds.length] ?? '';
        sent += 1;
        const t0 = performance.now();
        const reply = await conn.command({ type: 'issueTicket', serviceId });
        if (!measuring || stopped) continue;
        latencies.push(performance.now() - t0);
        if (reply.ok) issued += 1;
        else refused += 1;
      }
    };
    const loops = kiosks.flatMap((conn) => Array.from({ length: o.inFlight }, () => loop(conn)));
    await sleep(o.warmupMs);
    measuring = true;
    const t0 = performance.now();
    await sleep(o.measureMs);
    stopped = true;
    const seconds = (performance.now() - t0) / 1000;
    await Promise.all(loops);
    return { durability, perSecond: issued / seconds, issued, refused, ackMs: summarize(latencies) };
  } finally {
    for (const k of kiosks) k.close();
    await hub?.close();
    removeDir(dataDir);
  }
}
