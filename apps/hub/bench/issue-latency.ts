import type { CommandReply } from '@antre/shared';
import type { HubConnection } from '@antre/client';
import type { BenchHall } from './bench-hall.js';
import { removeDir, sleep, tempDir } from './bench-hall.js';
import type { Child } from './child-process.js';
import { startHubChild } from './hub-child.js';
import { openKiosks } from './sockets.js';
import type { Summary } from './stats.js';
import { summarize } from './stats.js';

export interface IssueLatency {
  ratePerSecond: number;
  ackMs: Summary;
  refused: number;
  /** Issues without an answer 30 s after the last was sent (none expected). */
  unanswered: number;
  /** The largest delay between an issue's scheduled time and its sending: the load generator's own lag. */
  maxSendLagMs: number;
}

/**
 * Open loop: issues scheduled every 1000/rate ms whatever the answers do, round-robin over `clients` kiosk
 * connections and the services without quota; latency is from the scheduled time to the ack, so a stall
 * counts against every issue it delays (no coordinated omission). The first second is warm-up.
 */
export async function issueLatency(
  hall: BenchHall,
  { ratePerSecond = 100, seconds = 10, warmupSeconds = 1, clients = 8 } = {},
): Promise<IssueLatency> {
  const dataDir = tempDir('latency');
  let hub: Child | undefined;
  let kiosks: HubConnection[] = [];
  try {
    hub = await startHubChild(hall, dataDir, 'FULL');
    kiosks = await openKiosks(hub.url, clients, hall.kioskIds);
    const interval = 1000 / ratePerSecond;
    const warmup = Math.round(warmupSeconds * ratePerSecond);
    const total = warmup + Math.round(seconds * ratePerSecond);
    const latencies: number[] = [];
    const pending: Array<Promise<void>> = [];
    let refused = 0;
    let maxSendLagMs = 0;
    let next = 0;
    const t0 = performance.now();
    while (next < total) {
      const now = performance.now();
      while (next < total && t0 + next * interval <= now) {
        const i = next;
        const scheduled = t0 + i * interval;
        maxSendLagMs = Math.max(maxSendLagMs, now - scheduled);
        const conn = kiosks[i % kiosks.length] as HubConnection;
        const serviceId = hall.openServiceIds[i % hall.openServiceIds.length] ?? '';
        pending.push(
          conn.command({ type: 'issueTicket', serviceId }).then((reply: CommandReply) => {
            if (i < warmup) return;
            if (reply.ok) latencies.push(performance.now() - scheduled);
            else refused += 1;
          }),
        );
        next += 1;
      }
      await sleep(Math.max(0, t0 + next * interval - performance.now()));
    }
    await Promise.race([Promise.all(pending), sleep(30_000)]);
    const unanswered = total - warmup - latencies.length - refused;
    return { ratePerSecond, ackMs: summarize(latencies), refused, unanswered, maxSendLagMs };
  } finally {
    for (const k of kiosks) k.close();
    await hub?.close();
    removeDir(dataDir);
  }
}
