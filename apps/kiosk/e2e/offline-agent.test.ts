import { afterAll, beforeAll, expect, it } from 'vitest';
import type { HubConnection } from '@antre/client';
import type { IssuedTicket } from '../src/core/kiosk-backend.js';
import type { TestHub } from '@antre/hub/testing';
import { connect, demoHall, signIn, startTestHub, waitFor } from '@antre/hub/testing';
import { decodeEscPos, receiptText } from '@antre/printer/testing';
import type { KioskAgent } from '../src/agent/kiosk-agent.js';
import type { TestKiosk } from './agent-harness.js';
import { startTestKiosk, until } from './agent-harness.js';
import { stopHub } from './hall-activity.js';

const KTP = 'perekaman-ktp-el';
const KK = 'kartu-keluarga';

let hub: TestHub;
let pins: Map<string, string>;
let kiosk1: TestKiosk;
let kiosk2: TestKiosk;
const staff: HubConnection[] = [];

beforeAll(async () => {
  const demo = await demoHall();
  pins = demo.pins;
  hub = await startTestHub({ config: demo.config });
  kiosk1 = await startTestKiosk(hub, 'kiosk-1');
  kiosk2 = await startTestKiosk(hub, 'kiosk-2');
});

afterAll(async () => {
  for (const c of staff) c.close();
  await kiosk1?.dispose();
  await kiosk2?.dispose();
  await hub?.dispose();
});

const leased = (agent: KioskAgent, serviceId: string) =>
  agent.store.offlineNumbersLeft(hub.service.state.day).get(serviceId) ?? 0;

async function take(
  agent: KioskAgent,
  serviceId: string,
  priority: 'none' | 'elderly' = 'none',
): Promise<IssuedTicket> {
  const reply = await agent.issueTicket({ serviceId, priority, lang: 'id' });
  if (!reply.ok) throw new Error(`refused: ${reply.error.code} ${reply.error.message}`);
  // A minute between tickets, so that issue-time order is plain to see.
  hub.clock.advance(60_000);
  return reply.ticket;
}

it('keeps issuing through a hub outage, then every offline ticket reaches the hub once, in issue-time order', async () => {
  // Online: the hub issues, and each kiosk leases a block of numbers per service for later.
  await until(
    () => leased(kiosk1.agent, KTP) >= 20 && leased(kiosk2.agent, KTP) >= 20,
    'both kiosks hold leases',
  );
  const online1 = await take(kiosk1.agent, KTP);
  const online2 = await take(kiosk2.agent, KTP);
  expect([online1.displayNumber, online2.displayNumber]).toEqual(['A-001', 'A-002']);
  expect(online1.offline).toBe(false);

  // The hub goes away.
  await stopHub(hub);
  await until(() => kiosk1.agent.snapshot().connection === 'offline', 'kiosk-1 sees the hub gone');
  await until(() => kiosk2.agent.snapshot().connection === 'offline', 'kiosk-2 sees the hub gone');

  const offline = [
    await take(kiosk1.agent, KTP),
    await take(kiosk2.agent, KTP),
    await take(kiosk1.agent, KK, 'elderly'),
    await take(kiosk2.agent, KTP),
  ];
  // A kiosk restarted during the outage keeps its leases and its unsent tickets.
  await kiosk1.restart();
  offline.push(await take(kiosk1.agent, KTP));
  kiosk2.printer.condition = 'paper-out';
  const unprinted = await take(kiosk2.agent, KK);
  offline.push(unprinted);

  expect(offline.every((t) => t.offline)).toBe(true);
  const numbers = offline.map((t) => t.displayNumber);
  expect(new Set(numbers).size).toBe(numbers.length);
  for (const t of offline) expect(Number(t.displayNumber.split('-')[1])).toBeGreaterThanOrEqual(501);
  const snapshot = kiosk1.agent.snapshot();
  expect(snapshot).toMatchObject({ kioskId: 'kiosk-1', issuesOffline: true, unsynced: 3 });
  // Restarted without the hub: it never connected, yet knows the hall from its store.
  expect(snapshot.connection).not.toBe('online');
  expect(snapshot.config?.hall.name).toBe('MPP Kota Padang Panjang');
  expect((await kiosk2.agent.printOutcome(unprinted.id)).ok).toBe(false);
  expect(await kiosk2.agent.printOutcome(offline[1]?.id ?? '')).toEqual({ ok: true });

  // Each printed ticket reached its kiosk's printer: number, service and QR link.
  const printed1 = (await kiosk1.printer.waitForJobs(4)).map((j) => decodeEscPos(j));
  for (const t of [online1, offline[0], offline[2], offline[4]]) {
    const doc = printed1.find((d) => receiptText(d).includes(t?.displayNumber ?? '?'));
    expect(doc?.blocks).toContainEqual(expect.objectContaining({ kind: 'qr', payload: t?.statusUrl }));
  }
  expect(receiptText(printed1[3] ?? decodeEscPos(new Uint8Array()))).toContain('Perekaman KTP-el');

  // The hub comes back; both kiosks send what they issued.
  hub = await hub.restart();
  await until(() => kiosk1.agent.store.unsynced().length === 0, 'kiosk-1 synced', 10_000);
  await until(() => kiosk2.agent.store.unsynced().length === 0, 'kiosk-2 synced', 10_000);

  const tickets = Object.values(hub.service.state.tickets);
  expect(tickets).toHaveLength(2 + offline.length);
  for (const t of offline) {
    expect(tickets.filter((x) => x.id === t.id)).toHaveLength(1);
    const ticket = hub.service.state.tickets[t.id];
    expect(ticket).toMatchObject({ displayNumber: t.displayNumber, issuedAt: t.issuedAt, status: 'waiting' });
    expect(ticket?.origin).toMatchObject({ kind: 'kiosk', offline: true });
  }
  const keys = tickets.map((t) => `${t.serviceId}:${t.number}`);
  expect(new Set(keys).size).toBe(keys.length);

  // A retry, as after a lost answer, changes nothing.
  const seq = hub.service.state.seq;
  kiosk1.agent.store.setSync(offline[0]?.id ?? '', 'pending');
  await kiosk1.agent.maintain();
  expect(kiosk1.agent.store.unsynced()).toHaveLength(0);
  const again = await kiosk1.agent.conn.command({
    type: 'syncOfflineTicket',
    ticketId: offline[0]?.id ?? '',
    serviceId: KTP,
    number: Number(offline[0]?.displayNumber.split('-')[1]),
    priority: 'none',
    issuedAt: offline[0]?.issuedAt ?? 0,
  });
  expect(again).toMatchObject({ ok: true, events: [] });
  expect(Object.keys(hub.service.state.tickets)).toHaveLength(tickets.length);
  expect(hub.service.state.seq).toBeGreaterThanOrEqual(seq);

  // Staff were told which ticket did not print.
  await until(
    () =>
      hub.store
        .eventsSince(0, 10_000)
        .some((e) => e.event.type === 'PrintFailed' && e.event.ticketId === unprinted.id),
    'the print failure reached the hub',
  );

  // And they can be called: KTP-el tickets in issue-time order, whichever kiosk issued them.
  const conn = connect(hub.url);
  staff.push(conn);
  await waitFor(conn, () => conn.status === 'online' && conn.state !== undefined);
  await signIn(conn, 'dukcapil1', pins.get('dukcapil1') ?? '');
  expect((await conn.command({ type: 'setCounterStatus', counterId: 'loket-2', status: 'open' })).ok).toBe(
    true,
  );
  const called: string[] = [];
  for (;;) {
    // Each visitor is served as the next is called: the test is about the order of the calls.
    const reply = await conn.command({ type: 'callNext', counterId: 'loket-2', previous: 'served' });
    if (!reply.ok) {
      expect(reply.error.code).toBe('QUEUE_EMPTY');
      break;
    }
    const e = reply.events.find((x) => x.event.type === 'TicketCalled')?.event;
    if (e?.type === 'TicketCalled') called.push(hub.service.state.tickets[e.ticketId]?.displayNumber ?? '?');
  }
  const ktp = [online1, online2, ...offline].filter((t) => t.serviceId === KTP);
  expect(called).toEqual([...ktp].sort((a, b) => a.issuedAt - b.issuedAt).map((t) => t.displayNumber));
  expect(called.slice(2)).toEqual(
    [offline[0], offline[1], offline[3], offline[4]].map((t) => t?.displayNumber),
  );
});
