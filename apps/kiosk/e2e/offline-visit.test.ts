import { afterAll, beforeAll, expect, it } from 'vitest';
import type { HubConnection } from '@antre/client';
import type { TestHub } from '@antre/hub/testing';
import { connect, demoHall, signIn, startTestHub, waitFor } from '@antre/hub/testing';
import { decodeEscPos, receiptText } from '@antre/printer/testing';
import type { TestKiosk } from './agent-harness.js';
import { startTestKiosk, until } from './agent-harness.js';
import { stopHub } from './hall-activity.js';

/** *Pindah datang*: the moving letter first (the law's order), then the KK, the KTP-el and the JKN change. */
const PINDAH = ['surat-pindah', 'kartu-keluarga', 'cetak-ulang-ktp-el', 'perubahan-data-jkn'];

let hub: TestHub;
let pins: Map<string, string>;
let kiosk: TestKiosk;
const staff: HubConnection[] = [];

beforeAll(async () => {
  const demo = await demoHall();
  pins = demo.pins;
  hub = await startTestHub({ config: demo.config });
  kiosk = await startTestKiosk(hub, 'kiosk-1');
});

afterAll(async () => {
  for (const c of staff) c.close();
  await kiosk?.dispose();
  await hub?.dispose();
});

const takeVisit = async () => {
  const reply = await kiosk.agent.issueTicket({
    serviceId: PINDAH[0] ?? '',
    visit: { serviceIds: PINDAH, packageId: 'pindah-datang' },
    priority: 'none',
    lang: 'id',
  });
  if (!reply.ok) throw new Error(`refused: ${reply.error.code} ${reply.error.message}`);
  hub.clock.advance(60_000);
  return reply.ticket;
};

const eventsOf = (ticketId: string) =>
  hub.store
    .eventsSince(0, 100_000)
    .map((e) => e.event)
    .filter((e) =>
      e.type === 'TicketIssued' ? e.ticket.id === ticketId : 'ticketId' in e && e.ticketId === ticketId,
    );

it('issues a visit through a hub outage and a kiosk restart; it reaches the hub once with its plan, and routes on', async () => {
  await until(
    () => (kiosk.agent.store.offlineNumbersLeft(hub.service.state.day).get('surat-pindah') ?? 0) >= 20,
    'the kiosk holds a lease for the moving letter',
  );
  // Online: the hub's ticket, and the kiosk shows its services.
  const online = await takeVisit();
  expect(online.offline).toBe(false);
  expect(online.legs).toEqual(PINDAH);

  await stopHub(hub);
  await until(() => kiosk.agent.snapshot().connection === 'offline', 'the kiosk sees the hub gone');
  const offline = await takeVisit();
  expect(offline).toMatchObject({ offline: true, serviceId: 'surat-pindah', legs: PINDAH });
  expect(Number(offline.displayNumber.split('-')[1])).toBeGreaterThanOrEqual(501);
  // The printed ticket lists every service of the visit, online and offline alike.
  const printed = (await kiosk.printer.waitForJobs(2)).map((j) => receiptText(decodeEscPos(j)));
  for (const text of printed) {
    for (const name of ['Surat pindah', 'Kartu Keluarga', 'Cetak KTP-el', 'Perubahan data']) {
      expect(text).toContain(name);
    }
  }

  // A kiosk restarted during the outage keeps the plan with the unsent ticket.
  await kiosk.restart();
  expect(kiosk.agent.store.unsynced().map((t) => [t.id, t.visit])).toEqual([
    [offline.id, { serviceIds: PINDAH, packageId: 'pindah-datang' }],
  ]);

  // The hub comes back (a reconnect): the ticket joins the queue once, with its legs in the package's order.
  hub = await hub.restart();
  await until(() => kiosk.agent.store.unsynced().length === 0, 'the visit synced', 10_000);
  const ticket = hub.service.state.tickets[offline.id];
  expect(ticket).toMatchObject({
    displayNumber: offline.displayNumber,
    serviceId: 'surat-pindah',
    status: 'waiting',
  });
  expect(ticket?.origin).toMatchObject({ kind: 'kiosk', offline: true });
  expect(ticket?.visit?.packageId).toBe('pindah-datang');
  expect(ticket?.visit?.legs.map((l) => `${l.serviceId}:${l.status}`)).toEqual([
    'surat-pindah:active',
    'kartu-keluarga:pending',
    'cetak-ulang-ktp-el:pending',
    'perubahan-data-jkn:pending',
  ]);

  // A retry, as after an answer lost in a second cut, changes nothing: still one ticket, one issue.
  const before = eventsOf(offline.id).length;
  kiosk.agent.store.setSync(offline.id, 'pending');
  await kiosk.agent.maintain();
  expect(kiosk.agent.store.unsynced()).toHaveLength(0);
  expect(eventsOf(offline.id).filter((e) => e.type === 'TicketIssued')).toHaveLength(1);
  expect(
    Object.values(hub.service.state.tickets).filter((t) => t.displayNumber === offline.displayNumber),
  ).toHaveLength(1);
  expect(eventsOf(offline.id)).toHaveLength(before);

  // Served at Disdukcapil, it joins the KK queue by itself, exactly once.
  const conn = connect(hub.url);
  staff.push(conn);
  await waitFor(conn, () => conn.status === 'online' && conn.state !== undefined);
  await signIn(conn, 'dukcapil1', pins.get('dukcapil1') ?? '');
  for (const command of [
    { type: 'setCounterStatus', counterId: 'loket-4', status: 'open' },
    { type: 'callTicket', counterId: 'loket-4', ticket: offline.id },
    { type: 'startServing', counterId: 'loket-4' },
    { type: 'finish', counterId: 'loket-4' },
  ] as const) {
    const reply = await conn.command(command);
    if (!reply.ok) throw new Error(`${command.type}: ${reply.error.code}`);
  }
  const after = hub.service.state.tickets[offline.id];
  expect(after).toMatchObject({ serviceId: 'kartu-keluarga', status: 'waiting' });
  expect(eventsOf(offline.id).filter((e) => e.type === 'VisitRouted')).toHaveLength(1);
});
