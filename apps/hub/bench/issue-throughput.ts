import type { HubConnection } from '@antre/client';
import type { Durability } from '@antre/hub';
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
  /** Measured windows, each `roundMs` long, with `between` run (load paused) after each. */
  rounds: number;
  roundMs: number;
  /** Runs with the hub idle between rounds, e.g. a baseline on the same disk at nearly the same time. */
  between?: () => void;
  /** False: the hub does not feed its reports projection (see `liveProjectionCost`). */
  liveReports: boolean;
}

export interface IssueThroughput {
  durability: Durability;
  /** Successful issues per second over the measured windows. */
  perSecond: number;
  issued: number;
  refused: number;
  /** Per window, issues per second: how much the shared machine moved under the run. */
  rounds: number[];
  /** Ack latency under this saturating load. */
  ackMs: Summary;
  /** The hub's CPU per issue over the measured windows (µs): its main thread's, and all its threads'. */
  mainCpuUsPerIssue: number;
  cpuUsPerIssue: number;
}

const DEFAULTS: IssueThroughputOptions = {
  clients: 8,
  inFlight: 4,
  warmupMs: 1000,
  rounds: 5,
  roundMs: 1000,
  liveReports: true,
};
/** A hard bound on commands per run, whatever the timing does. */
const MAX_COMMANDS = 500_000;

/**
 * Closed loop: `clients` kiosk connections, each keeping `inFlight` issueTicket commands outstanding, spread
 * round-robin over the services without quota. Only issues acknowledged with `ok` inside a window count.
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
  let stopped = false;
  let resume: Promise<void> | undefined;
  let inFlight = 0;
  try {
    hub = await startHubChild(hall, dataDir, durability, o.liveReports);
    kiosks = await openKiosks(hub.url, o.clients, hall.kioskIds);
    let sent = 0;
    let issued = 0;
    let refused = 0;
    /** Every issue acknowledged, in a window or not: what the CPU figures are divided by. */
    let acked = 0;
    let measuring = false;
    const latencies: number[] = [];
    const loop = async (conn: HubConnection) => {
      while (!stopped && sent < MAX_COMMANDS) {
        if (resume) await resume;
        const serviceId = hall.openServiceIds[sent % hall.openServiceIds.length] ?? '';
        sent += 1;
        inFlight += 1;
        const t0 = performance.now();
        const reply = await conn.command({ type: 'issueTicket', serviceId });
        inFlight -= 1;
        if (reply.ok) acked += 1;
        if (!measuring) continue;
        latencies.push(performance.now() - t0);
        if (reply.ok) issued += 1;
        else refused += 1;
      }
    };
    const loops = kiosks.flatMap((conn) => Array.from({ length: o.inFlight }, () => loop(conn)));
    await sleep(o.warmupMs);
    const cpu0 = await hub.cpu();
    const acked0 = acked;
    const rounds: number[] = [];
    let measuredMs = 0;
    for (let r = 0; r < o.rounds; r += 1) {
      const before = issued;
      measuring = true;
      const t0 = performance.now();
      await sleep(o.roundMs);
      measuring = false;
      const ms = performance.now() - t0;
      measuredMs += ms;
      rounds.push(((issued - before) / ms) * 1000);
      if (o.between && r < o.rounds - 1) {
        let go: () => void = () => undefined;
        resume = new Promise((resolve) => (go = resolve));
        for (let wait = 0; inFlight > 0 && wait < 1000; wait += 1) await sleep(10);
        o.between();
        resume = undefined;
        go();
      }
    }
    const cpu1 = await hub.cpu();
    const perIssue = (ms: number) => (ms * 1000) / Math.max(1, acked - acked0);
    stopped = true;
    await Promise.all(loops);
    return {
      mainCpuUsPerIssue: perIssue(cpu1.mainMs - cpu0.mainMs),
      cpuUsPerIssue: perIssue(cpu1.totalMs - cpu0.totalMs),
      durability,
      perSecond: (issued / measuredMs) * 1000,
      issued,
      refused,
      rounds,
      ackMs: summarize(latencies),
    };
  } finally {
    stopped = true;
    for (const k of kiosks) k.close();
    await hub?.close();
    removeDir(dataDir);
  }
}
