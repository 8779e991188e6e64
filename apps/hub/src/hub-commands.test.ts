import { afterAll, beforeAll, expect, it } from 'vitest';
import type { HubConnection } from '@antre/client';
import type { CommandInput, CommandReply, DomainEvent } from '@antre/shared';
import type { TestHub } from '@antre/hub/testing';
import { connect, demoHall, kioskCredentials, signIn, startTestHub, waitFor } from '@antre/hub/testing';

let hub: TestHub;
let kiosk: HubConnection;
let dukcapil: HubConnection;
let info: HubConnection;
let supervisor: HubConnection;

async function staff(username: string, pin: string): Promise<HubConnection> {
  const credentials: { sessionToken?: string } = {};
  const conn = connect(hub.url, credentials);
  await waitFor(conn, () => conn.status === 'online' && conn.state !== undefined);
  credentials.sessionToken = await signIn(conn, username, pin);
  return conn;
}

beforeAll(async () => {
  const { config, pins } = await demoHall();
  hub = await startTestHub({ config });
  kiosk = connect(hub.url, kioskCredentials('kiosk-1'));
  await waitFor(kiosk, () => kiosk.status === 'online');
  dukcapil = await staff('dukcapil1', pins.get('dukcapil1') ?? '');
  info = await staff('info1', pins.get('info1') ?? '');
  supervisor = await staff('supervisor', pins.get('supervisor') ?? '');
});

afterAll(async () => {
  for (const c of [kiosk, dukcapil, info, supervisor]) c.close();
  await hub.dispose();
});

/** Sends a command and returns the types of the events it logged; fails the test on a refusal. */
async function events(conn: HubConnection, command: CommandInput): Promise<DomainEvent[]> {
  const reply: CommandReply = await conn.command(command);
  if (!reply.ok) throw new Error(`${command.type} refused: ${reply.error.code} ${reply.error.message}`);
  return reply.events.map((e) => e.event);
}

const types = (list: DomainEvent[]) => list.map((e) => e.type);

it('carries every command over the wire, with the hub as the authority', async () => {
  const [visitor] = await events(kiosk, { type: 'issueTicket', serviceId: 'informasi-pengaduan' });
  if (visitor?.type !== 'TicketIssued') throw new Error('no ticket');
  const ticket = visitor.ticket;
  expect(ticket.displayNumber).toBe('IN-001');

  // The information desk calls the visitor and sends them on to Disdukcapil, keeping their number.
  expect(
    types(await events(info, { type: 'setCounterStatus', counterId: 'loket-1', status: 'open' })),
  ).toEqual(['CounterStatusChanged']);
  expect(types(await events(info, { type: 'callNext', counterId: 'loket-1' }))).toEqual(['TicketCalled']);
  expect(types(await events(info, { type: 'recall', counterId: 'loket-1' }))).toEqual(['TicketRecalled']);
  expect(types(await events(info, { type: 'startServing', counterId: 'loket-1' }))).toEqual([
    'ServingStarted',
  ]);
  // Every Disdukcapil counter is still closed: the hub asks for a confirmation, then takes the note along.
  const toClosed: CommandInput = { type: 'transfer', counterId: 'loket-1', toServiceId: 'kartu-keluarga' };
  const unconfirmed = await info.command(toClosed);
  expect(!unconfirmed.ok && unconfirmed.error.code).toBe('TARGET_CLOSED');
  expect(
    types(await events(info, { ...toClosed, confirm: true, note: 'Bawa KK asli, sudah diperiksa' })),
  ).toEqual(['TicketTransferred']);
  expect(hub.service.state.tickets[ticket.id]).toMatchObject({
    serviceId: 'kartu-keluarga',
    displayNumber: 'IN-001',
    status: 'waiting',
    transfers: [expect.objectContaining({ note: 'Bawa KK asli, sudah diperiksa' })],
  });
  const withPhone = await info.command({ ...toClosed, confirm: true, note: 'HP 0812 3456 7890' });
  expect(!withPhone.ok && withPhone.error.code).toBe('VALIDATION_FAILED');

  // Disdukcapil calls it by number, parks it while the visitor fetches a document, calls it again.
  await events(dukcapil, { type: 'setCounterStatus', counterId: 'loket-4', status: 'open' });
  expect(types(await events(dukcapil, { type: 'callTicket', counterId: 'loket-4', ticket: 'in1' }))).toEqual([
    'TicketCalled',
  ]);
  expect(types(await events(dukcapil, { type: 'hold', counterId: 'loket-4' }))).toEqual(['TicketHeld']);
  await events(dukcapil, { type: 'callTicket', counterId: 'loket-4', ticket: 'IN-001' });
  // Nobody comes: a no-show (confirmed, as it is early by the hall's safeguards), then the visitor turns up
  // and is put back at the front.
  const early = await dukcapil.command({ type: 'noShow', counterId: 'loket-4', ticketId: ticket.id });
  expect(!early.ok && early.error.code).toBe('NO_SHOW_TOO_EARLY');
  expect(
    types(
      await events(dukcapil, { type: 'noShow', counterId: 'loket-4', ticketId: ticket.id, confirm: true }),
    ),
  ).toEqual(['TicketNoShow']);
  expect(types(await events(dukcapil, { type: 'putBack', counterId: 'loket-4', ticket: 'IN-001' }))).toEqual([
    'TicketPutBack',
  ]);
  await events(dukcapil, { type: 'callNext', counterId: 'loket-4' });
  expect(
    types(await events(dukcapil, { type: 'finish', counterId: 'loket-4', ticketId: ticket.id })),
  ).toEqual(['TicketFinished']);
  expect(hub.service.state.tickets[ticket.id]?.status).toBe('done');
  expect(hub.service.state.tickets[ticket.id]?.transfers).toHaveLength(1);

  // A kiosk leases numbers for offline use, syncs one, reports a failed print; a supervisor cancels one.
  const [lease] = await events(kiosk, { type: 'leaseNumbers', serviceId: 'skck' });
  expect(lease).toMatchObject({ type: 'NumbersLeased', kioskId: 'kiosk-1', from: 501, to: 520 });
  const offlineId = '6f1c2b1e-4a55-4c3e-9a77-0d3b5f2a9c10';
  const [synced] = await events(kiosk, {
    type: 'syncOfflineTicket',
    ticketId: offlineId,
    serviceId: 'skck',
    number: 501,
    priority: 'elderly',
    issuedAt: hub.clock.t - 60_000,
  });
  expect(synced?.type === 'TicketIssued' && synced.ticket.displayNumber).toBe('M-501');
  expect(
    types(await events(kiosk, { type: 'reportPrintFailure', ticketId: offlineId, reason: 'paper out' })),
  ).toEqual(['PrintFailed']);
  expect(types(await events(supervisor, { type: 'cancelTicket', ticket: 'M-501' }))).toEqual([
    'TicketCancelled',
  ]);

  // Staff close their counters; the supervisor closes the day early: what waits expires, numbers go on.
  await events(info, { type: 'setCounterStatus', counterId: 'loket-1', status: 'closed' });
  await events(kiosk, { type: 'issueTicket', serviceId: 'skck' });
  const [closed] = await events(supervisor, { type: 'closeDay' });
  expect(closed).toMatchObject({ type: 'DayClosed', day: '2026-11-30', nextDay: '2026-11-30' });
  const [after] = await events(kiosk, { type: 'issueTicket', serviceId: 'skck' });
  expect(after?.type === 'TicketIssued' && after.ticket.displayNumber).toBe('M-002');

  // Every client's mirror ends equal to the hub's state.
  for (const c of [kiosk, dukcapil, info, supervisor]) {
    await waitFor(c, () => c.mirror.seq === hub.service.state.seq);
    expect(c.state).toEqual(hub.service.state);
  }
});
