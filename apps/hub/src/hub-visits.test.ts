import { afterAll, beforeAll, expect, it } from 'vitest';
import type { HubConnection } from '@antre/client';
import type { CommandInput, CommandReply, DomainEvent, QueueSnapshot, ReadonlyTicket } from '@antre/shared';
import type { TestHub } from '@antre/hub/testing';
import { connect, demoHall, kioskCredentials, signIn, startTestHub, waitFor } from '@antre/hub/testing';

let hub: TestHub;
let pins: Map<string, string>;
const clients: HubConnection[] = [];

async function staff(username: string): Promise<HubConnection> {
  const credentials: { sessionToken?: string } = {};
  const conn = connect(hub.url, credentials);
  clients.push(conn);
  await waitFor(conn, () => conn.status === 'online' && conn.state !== undefined);
  credentials.sessionToken = await signIn(conn, username, pins.get(username) ?? '');
  return conn;
}

beforeAll(async () => {
  const demo = await demoHall();
  pins = demo.pins;
  hub = await startTestHub({ config: demo.config });
});

afterAll(async () => {
  for (const c of clients) c.close();
  await hub.dispose();
});

async function events(conn: HubConnection, command: CommandInput): Promise<DomainEvent[]> {
  const reply: CommandReply = await conn.command(command);
  if (!reply.ok) throw new Error(`${command.type} refused: ${reply.error.code} ${reply.error.message}`);
  return reply.events.map((e) => e.event);
}

async function state(): Promise<QueueSnapshot> {
  const body = (await (await fetch(`${hub.url}/api/state`)).json()) as { state: QueueSnapshot };
  return body.state;
}

const legs = (t: ReadonlyTicket | undefined) => t?.visit?.legs.map((l) => `${l.serviceId}:${l.status}`);

it('takes a package on one ticket from desk to desk, refuses what policy and rules forbid, and keeps it through a restart', async () => {
  const kiosk = connect(hub.url, kioskCredentials('kiosk-1'));
  clients.push(kiosk);
  await waitFor(kiosk, () => kiosk.status === 'online');
  const dukcapil = await staff('dukcapil1');
  const bpjs = await staff('bpjskes1');

  // Bad input: nothing issued, and the reply says what is wrong.
  const unknown = await kiosk.command({ type: 'issueTicket', packageId: 'pindah-rumah' });
  expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PACKAGE' } });
  const outside = await kiosk.command({
    type: 'issueTicket',
    packageId: 'pindah-datang',
    serviceIds: ['surat-pindah', 'skck'],
  });
  expect(outside).toMatchObject({
    ok: false,
    error: { code: 'INVALID_VISIT', details: { serviceId: 'skck' } },
  });
  expect((await state()).seq).toBe(0);

  // The package: one ticket, one number, the legs in the law's order.
  const [issued] = await events(kiosk, { type: 'issueTicket', packageId: 'pindah-datang' });
  if (issued?.type !== 'TicketIssued') throw new Error('no ticket');
  const { id, displayNumber } = issued.ticket;
  expect(issued.ticket.serviceId).toBe('surat-pindah');
  expect(legs(issued.ticket)).toEqual([
    'surat-pindah:active',
    'kartu-keluarga:pending',
    'cetak-ulang-ktp-el:pending',
    'perubahan-data-jkn:pending',
  ]);

  // Disdukcapil serves the moving letter; the ticket joins the KK queue by itself.
  await events(dukcapil, { type: 'setCounterStatus', counterId: 'loket-4', status: 'open' });
  await events(dukcapil, { type: 'callTicket', counterId: 'loket-4', ticket: displayNumber });
  await events(dukcapil, { type: 'startServing', counterId: 'loket-4' });
  expect((await events(dukcapil, { type: 'finish', counterId: 'loket-4' })).map((e) => e.type)).toEqual([
    'TicketFinished',
    'VisitRouted',
  ]);
  await waitFor(bpjs, () => bpjs.state?.tickets[id]?.serviceId === 'kartu-keluarga');
  expect(bpjs.state?.tickets[id]).toMatchObject({ status: 'waiting', displayNumber });

  // BPJS staff may not skip a Disdukcapil leg, nor change the legs at Disdukcapil's desk: nothing changes.
  const seq = (await state()).seq;
  const skip = await bpjs.command({
    type: 'skipVisitLeg',
    counterId: 'loket-12',
    ticket: displayNumber,
    leg: 2,
  });
  expect(skip).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const add = await bpjs.command({ type: 'addVisitLeg', counterId: 'loket-4', serviceId: 'skck' });
  expect(add).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  // At its own desk, with the ticket there, Disdukcapil puts the JKN change before the KTP-el (free order).
  await events(dukcapil, { type: 'callTicket', counterId: 'loket-4', ticket: displayNumber });
  const reorder = await dukcapil.command({
    type: 'reorderVisitLegs',
    counterId: 'loket-4',
    ticket: displayNumber,
    legs: [3, 2],
  });
  expect(reorder).toMatchObject({ ok: true });
  expect((await state()).seq).toBe(seq + 2);

  // A restart in the middle of the visit: every leg as it was, and the routing goes on once.
  const before = (await state()).tickets[id];
  hub = await hub.restart();
  // A desk signed in afresh, as after a restart of the counter app too.
  const desk = await staff('dukcapil1');
  expect((await state()).tickets[id]).toEqual(before);
  await events(desk, { type: 'startServing', counterId: 'loket-4' });
  const finish = await events(desk, { type: 'finish', counterId: 'loket-4' });
  expect(finish).toEqual([
    expect.objectContaining({ type: 'TicketFinished' }),
    { type: 'VisitRouted', ticketId: id, leg: 3, rank: issued.ticket.issuedAt },
  ]);
  const after = (await state()).tickets[id];
  expect(after).toMatchObject({ serviceId: 'perubahan-data-jkn', status: 'waiting', displayNumber });
  expect(legs(after)).toEqual([
    'surat-pindah:done',
    'kartu-keluarga:done',
    'cetak-ulang-ktp-el:pending',
    'perubahan-data-jkn:active',
  ]);

  // The status page follows: the legs, where the ticket is now.
  const page = await (await fetch(`${hub.url}/t/${id}`)).text();
  expect(page).toContain('Rencana kunjungan');
  expect(page).toContain('(2/4)');
  const items = [...page.matchAll(/<li class="([a-z]*)"><div class="leg">([^<]*)/g)].map((m) => [m[1], m[2]]);
  expect(items).toEqual([
    ['', '1. Surat pindah (SKPWNI)'],
    ['', '2. Kartu Keluarga (baru/perubahan)'],
    ['next', '3. Cetak KTP-el (perubahan data, rusak, hilang)'],
    ['now', '4. Perubahan data / pindah faskes'],
  ]);
}, 60_000);
