import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import type { HubConnection } from '@antre/client';
import type { CommandInput, DomainEvent, QueueSnapshot } from '@antre/shared';
import { connect, demoHall, kioskCredentials, signIn, stablePort, waitFor } from '@antre/hub/testing';
import { HubProcess } from './hub-process.js';

const dataDir = mkdtempSync(join(tmpdir(), 'antre-visit-crash-'));
let hub: HubProcess | undefined;
const clients: HubConnection[] = [];

afterAll(async () => {
  for (const c of clients) c.close();
  await hub?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A visit through three agencies, each leg at a counter of its own (no hours or quotas of their own). */
const LEGS = ['kartu-keluarga', 'pembayaran-pajak-retribusi', 'pajak-kendaraan-tahunan'];
const COUNTERS = ['loket-4', 'loket-9', 'loket-6'];
const VISITS = 12;

/**
 * Visits survive kill -9 of the hub mid-way: a supervisor serves every leg at three counters while the hub is
 * killed twice; afterwards every acknowledged visit is there with every leg done once, the log holds one finish
 * per leg and one routing per later leg, and no leg was routed or served twice.
 */
it('keeps every visit and routes no leg twice across kill -9 of the hub', async () => {
  hub = new HubProcess(await stablePort(), { DATA_DIR: dataDir, ANTRE_ISSUE_RATE: '10000' });
  await hub.start();
  const { pins } = await demoHall();
  const kiosk = connect(hub.url, kioskCredentials('kiosk-1'));
  const credentials: { sessionToken?: string } = {};
  const staff = connect(hub.url, credentials);
  clients.push(kiosk, staff);
  await waitFor(kiosk, () => kiosk.status === 'online', 10_000);
  await waitFor(staff, () => staff.status === 'online' && staff.state !== undefined, 10_000);
  credentials.sessionToken = await signIn(staff, 'supervisor', pins.get('supervisor') ?? '');

  // queueWhileOffline: a command in flight at a crash is sent again, with its id, after the restart.
  const send = (conn: HubConnection, command: CommandInput) =>
    conn.command(command, { queueWhileOffline: true });
  for (const counterId of COUNTERS) {
    const reply = await send(staff, { type: 'setCounterStatus', counterId, status: 'open' });
    expect(reply.ok).toBe(true);
  }
  const acked = new Set<string>();
  for (let i = 0; i < VISITS; i++) {
    const reply = await send(kiosk, { type: 'issueTicket', serviceIds: LEGS });
    if (!reply.ok) throw new Error(`issue refused: ${reply.error.code}`);
    for (const e of reply.events) if (e.event.type === 'TicketIssued') acked.add(e.event.ticket.id);
  }

  // Each counter serves what its queue holds: call, start, finish, as the mirror shows the desk.
  let finishes = 0;
  let running = true;
  const refusals: string[] = [];
  const desks = COUNTERS.map(async (counterId) => {
    while (running) {
      const current = staff.state?.counters[counterId]?.currentTicketId;
      const status = current === undefined ? undefined : staff.state?.tickets[current]?.status;
      const command: CommandInput =
        status === 'serving'
          ? { type: 'finish', counterId, ticketId: current }
          : status === 'called'
            ? { type: 'startServing', counterId }
            : { type: 'callNext', counterId };
      const reply = await send(staff, command);
      if (reply.ok && command.type === 'finish') finishes += 1;
      if (!reply.ok) {
        // An empty queue, or a mirror a moment behind the hub: look again shortly.
        if (
          !['QUEUE_EMPTY', 'NO_CURRENT_TICKET', 'TICKET_MISMATCH', 'COUNTER_BUSY'].includes(reply.error.code)
        ) {
          refusals.push(`${command.type}: ${reply.error.code}`);
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  });

  const allDone = () =>
    [...acked].every((id) => staff.state?.tickets[id]?.visit?.legs.every((l) => l.status === 'done'));
  for (const target of [6, 18]) {
    const deadline = Date.now() + 30_000;
    while (finishes < target && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(finishes).toBeGreaterThanOrEqual(target);
    await hub.kill9();
    await hub.start();
    const state = await fetchState(hub.url);
    // Every visit acknowledged before the kill is there, with all its legs.
    for (const id of acked) expect(state.tickets[id]?.visit?.legs.map((l) => l.serviceId)).toEqual(LEGS);
  }
  const deadline = Date.now() + 60_000;
  while (!allDone() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  running = false;
  await Promise.all(desks);
  expect(refusals).toEqual([]);

  const state = await fetchState(hub.url);
  for (const id of acked) {
    expect(state.tickets[id]?.visit?.legs.map((l) => `${l.serviceId}:${l.status}`)).toEqual(
      LEGS.map((s) => `${s}:done`),
    );
  }
  await hub.stop();
  const db = new Database(join(dataDir, 'antre.sqlite'), { readonly: true });
  const rows = db.prepare('SELECT seq, payload FROM events ORDER BY seq').all() as {
    seq: number;
    payload: string;
  }[];
  db.close();
  const log = rows.map((r) => JSON.parse(r.payload) as DomainEvent);
  for (const id of acked) {
    const own = log.filter((e) => 'ticketId' in e && e.ticketId === id);
    // One finish per leg, one routing per later leg, each to a different leg: nothing served or routed twice.
    expect(own.filter((e) => e.type === 'TicketFinished')).toHaveLength(LEGS.length);
    const routed = own.flatMap((e) => (e.type === 'VisitRouted' ? [e.leg] : []));
    const first = log.flatMap((e) =>
      e.type === 'TicketIssued' && e.ticket.id === id ? [e.ticket.visit?.current] : [],
    );
    expect([...first, ...routed].sort()).toEqual([0, 1, 2]);
  }
  // The log has no gaps.
  expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
}, 180_000);

async function fetchState(url: string): Promise<QueueSnapshot> {
  const body = (await (await fetch(`${url}/api/state`)).json()) as { state: QueueSnapshot };
  return body.state;
}
