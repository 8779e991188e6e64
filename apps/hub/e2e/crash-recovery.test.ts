import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import type { HubConnection } from '@antre/client';
import type { CommandReply, QueueSnapshot } from '@antre/shared';
import { connect, kioskCredentials, stablePort, waitFor } from '@antre/hub/testing';
import { HubProcess } from './hub-process.js';

const dataDir = mkdtempSync(join(tmpdir(), 'antre-crash-'));
let hub: HubProcess | undefined;
const clients: HubConnection[] = [];

afterAll(async () => {
  for (const c of clients) c.close();
  await hub?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Services without quotas or hours of their own: open whenever the demo hall is. */
const SERVICES = [
  'pembayaran-pajak-retribusi',
  'kartu-keluarga',
  'pajak-kendaraan-tahunan',
  'aktivasi-npwp-efin',
];

it('keeps every acknowledged ticket exactly once across kill -9 of the hub, with no number repeated', async () => {
  hub = new HubProcess(await stablePort(), { DATA_DIR: dataDir, ANTRE_ISSUE_RATE: '10000' });
  await hub.start();
  const acked = new Map<string, string>();
  const replies: CommandReply[] = [];
  let running = true;

  // Three kiosks issue as fast as the hub answers, each with a few commands in flight.
  const kiosks = ['kiosk-1', 'kiosk-2', 'kiosk-1'].map((id) => {
    const c = connect(hub?.url ?? '', kioskCredentials(id));
    clients.push(c);
    return c;
  });
  await Promise.all(kiosks.map((k) => waitFor(k, () => k.status === 'online', 10_000)));
  const loops = kiosks.flatMap((k, ki) =>
    [0, 1, 2].map(async (lane) => {
      for (let i = 0; running; i++) {
        const serviceId = SERVICES[(ki + lane + i) % SERVICES.length] ?? 'kartu-keluarga';
        // queueWhileOffline: a command in flight at the crash is sent again, with its id, after the restart.
        const reply = await k.command({ type: 'issueTicket', serviceId }, { queueWhileOffline: true });
        replies.push(reply);
        if (reply.ok) {
          for (const e of reply.events) {
            if (e.event.type === 'TicketIssued') acked.set(e.event.ticket.id, e.event.ticket.displayNumber);
          }
        }
      }
    }),
  );

  for (const round of [1, 2, 3]) {
    const target = round * 60;
    const deadline = Date.now() + 15_000;
    while (acked.size < target && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(acked.size).toBeGreaterThanOrEqual(target);
    const ackedAtKill = new Map(acked);
    await hub.kill9();
    await hub.start();
    const state = await fetchState(hub.url);
    // Every ticket acknowledged before the kill survived it.
    for (const [id, number] of ackedAtKill) expect(state.tickets[id]?.displayNumber).toBe(number);
  }
  running = false;
  await Promise.all(loops);
  await Promise.all(kiosks.map((k) => waitFor(k, () => k.pendingCount === 0, 10_000)));

  const state = await fetchState(hub.url);
  const tickets = Object.values(state.tickets);
  // Exactly once: every acknowledged ticket is there, and nothing else was issued.
  expect(new Set(tickets.map((t) => t.id))).toEqual(new Set(acked.keys()));
  const numbers = tickets.map((t) => `${t.serviceId}:${t.number}`);
  expect(new Set(numbers).size).toBe(numbers.length);
  // Every command was answered, and none refused (a refusal would name its code here).
  expect(replies.flatMap((r) => (r.ok ? [] : [r.error.code]))).toEqual([]);
  // The log has no gaps: as many events as the last sequence number, which the state has reached.
  await hub.stop();
  const db = new Database(join(dataDir, 'antre.sqlite'), { readonly: true });
  const log = db.prepare('SELECT COUNT(*) AS count, MIN(seq) AS first, MAX(seq) AS last FROM events').get();
  db.close();
  expect(log).toEqual({ count: state.seq, first: 1, last: state.seq });
}, 120_000);

async function fetchState(url: string): Promise<QueueSnapshot> {
  const body = (await (await fetch(`${url}/api/state`)).json()) as { state: QueueSnapshot };
  return body.state;
}
