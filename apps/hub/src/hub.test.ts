import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HubConnection } from '@antre/client';
import type { CommandReply, HallConfig, Ticket } from '@antre/shared';
import type { TestHub } from '@antre/hub/testing';
import { connect, demoHall, kioskCredentials, signIn, startTestHub, waitFor } from '@antre/hub/testing';

let config: HallConfig;
let pins: Map<string, string>;
let hub: TestHub;
const open: HubConnection[] = [];

function client(credentials = {}): HubConnection {
  const c = connect(hub.url, credentials);
  open.push(c);
  return c;
}

async function online(conn: HubConnection): Promise<HubConnection> {
  await waitFor(
    conn,
    () => conn.status === 'online' && conn.state !== undefined && conn.config !== undefined,
  );
  return conn;
}

async function staff(username: string): Promise<HubConnection> {
  const credentials: { sessionToken?: string } = {};
  const conn = await online(client(credentials));
  // Later reconnects present the session, as the counter app does.
  credentials.sessionToken = await signIn(conn, username, pins.get(username) ?? '');
  return conn;
}

function issued(reply: CommandReply): Ticket {
  if (!reply.ok) throw new Error(`refused: ${reply.error.code} ${reply.error.message}`);
  const e = reply.events.find((x) => x.event.type === 'TicketIssued');
  if (!e || e.event.type !== 'TicketIssued') throw new Error('no ticket issued');
  return e.event.ticket;
}

beforeEach(async () => {
  ({ config, pins } = await demoHall());
  hub = await startTestHub({ config });
});

afterEach(async () => {
  for (const c of open.splice(0)) c.close();
  await hub.dispose();
});

describe('hub over Socket.IO', () => {
  it('issues numbered tickets to a kiosk and announces them to every client', async () => {
    const kiosk = await online(client(kioskCredentials()));
    const display = await online(client());
    const a1 = issued(await kiosk.command({ type: 'issueTicket', serviceId: 'perekaman-ktp-el' }));
    const a2 = issued(
      await kiosk.command({ type: 'issueTicket', serviceId: 'perekaman-ktp-el', priority: 'elderly' }),
    );
    const c1 = issued(await kiosk.command({ type: 'issueTicket', serviceId: 'kartu-keluarga' }));
    expect([a1.displayNumber, a2.displayNumber, c1.displayNumber]).toEqual(['A-001', 'A-002', 'C-001']);
    expect(a1.origin).toEqual({ kind: 'kiosk', kioskId: 'kiosk-1', offline: false });
    await waitFor(display, () => Object.keys(display.state?.tickets ?? {}).length === 3);
    expect(display.state?.tickets[a2.id]?.priority).toBe('elderly');
    expect(display.mirror.seq).toBe(hub.service.state.seq);
  });

  it('answers a repeated commandId with the first answer and issues one ticket', async () => {
    const kiosk = await online(client(kioskCredentials()));
    const command = { type: 'issueTicket', serviceId: 'skck' } as const;
    const first = await kiosk.command(command, { commandId: 'c0ffee00-0000-4000-8000-000000000001' });
    const again = await kiosk.command(command, { commandId: 'c0ffee00-0000-4000-8000-000000000001' });
    expect(again).toEqual(first);
    expect(Object.values(hub.service.state.tickets).filter((t) => t.serviceId === 'skck')).toHaveLength(1);
  });

  it('runs a whole visit at a counter: open, call, recall, serve, finish', async () => {
    const kiosk = await online(client(kioskCredentials()));
    const ticket = issued(await kiosk.command({ type: 'issueTicket', serviceId: 'kartu-keluarga' }));
    const counter = await staff('dukcapil1');
    expect(
      (await counter.command({ type: 'setCounterStatus', counterId: 'loket-4', status: 'open' })).ok,
    ).toBe(true);
    const called = await counter.command({ type: 'callNext', counterId: 'loket-4' });
    expect(called.ok && called.events.map((e) => e.event.type)).toEqual(['TicketCalled']);
    expect((await counter.command({ type: 'recall', counterId: 'loket-4' })).ok).toBe(true);
    expect((await counter.command({ type: 'startServing', counterId: 'loket-4' })).ok).toBe(true);
    hub.clock.advance(7 * 60_000);
    expect((await counter.command({ type: 'finish', counterId: 'loket-4', ticketId: ticket.id })).ok).toBe(
      true,
    );
    const done = hub.service.state.tickets[ticket.id];
    expect(done?.status).toBe('done');
    expect(done?.calls.map((c) => c.recall)).toEqual([false, true]);
    expect(hub.service.state.counters['loket-4']?.servedToday).toBe(1);
    expect(hub.service.state.counters['loket-4']?.staff).toBe('dukcapil1');
  });

  it('refuses staff at another agency’s counter, and strangers everywhere, changing nothing', async () => {
    const samsat = await staff('samsat1');
    const seq = hub.service.state.seq;
    const refused = await samsat.command({ type: 'setCounterStatus', counterId: 'loket-4', status: 'open' });
    expect(refused.ok === false && refused.error.code).toBe('FORBIDDEN');
    const stranger = await online(client());
    const anon = await stranger.command({ type: 'issueTicket', serviceId: 'skck' });
    expect(anon.ok === false && anon.error.code).toBe('UNAUTHENTICATED');
    expect(hub.service.state.seq).toBe(seq);
    expect(hub.service.state.counters['loket-4']?.status).toBe('closed');
  });

  it('gives two counters racing for one ticket exactly one each, never the same', async () => {
    const kiosk = await online(client(kioskCredentials()));
    const d1 = await staff('dukcapil1');
    const d2 = await staff('dukcapil2');
    await d1.command({ type: 'setCounterStatus', counterId: 'loket-2', status: 'open' });
    await d2.command({ type: 'setCounterStatus', counterId: 'loket-3', status: 'open' });
    for (let round = 0; round < 5; round++) {
      const t = issued(await kiosk.command({ type: 'issueTicket', serviceId: 'cetak-ulang-ktp-el' }));
      const [r1, r2] = await Promise.all([
        d1.command({ type: 'callNext', counterId: 'loket-2' }),
        d2.command({ type: 'callNext', counterId: 'loket-3' }),
      ]);
      const winners = [r1, r2].filter((r) => r.ok && r.events.some((e) => e.event.type === 'TicketCalled'));
      const losers = [r1, r2].filter((r) => !r.ok);
      expect(winners).toHaveLength(1);
      expect(losers.map((r) => !r.ok && r.error.code)).toEqual(['QUEUE_EMPTY']);
      expect(hub.service.state.tickets[t.id]?.status).toBe('called');
      // Both finish so the next round starts from free counters.
      await d1.command({ type: 'finish', counterId: 'loket-2' });
      await d2.command({ type: 'finish', counterId: 'loket-3' });
    }
    // With two waiting, both calls succeed with different tickets.
    issued(await kiosk.command({ type: 'issueTicket', serviceId: 'cetak-ulang-ktp-el' }));
    issued(await kiosk.command({ type: 'issueTicket', serviceId: 'cetak-ulang-ktp-el' }));
    const both = await Promise.all([
      d1.command({ type: 'callNext', counterId: 'loket-2' }),
      d2.command({ type: 'callNext', counterId: 'loket-3' }),
    ]);
    const ids = both.map((r) => (r.ok ? r.events.find((e) => e.event.type === 'TicketCalled') : undefined));
    const called = ids.map((e) => (e?.event.type === 'TicketCalled' ? e.event.ticketId : undefined));
    expect(called[0]).toBeDefined();
    expect(called[1]).toBeDefined();
    expect(called[0]).not.toBe(called[1]);
  });

  it('lets a display that was cut off catch up on what it missed, without a reload', async () => {
    const kiosk = await online(client(kioskCredentials()));
    const display = await online(client());
    issued(await kiosk.command({ type: 'issueTicket', serviceId: 'skck' }));
    await waitFor(display, () => display.mirror.seq === hub.service.state.seq);
    display.socket.disconnect();
    for (let i = 0; i < 4; i++) issued(await kiosk.command({ type: 'issueTicket', serviceId: 'skck' }));
    expect(display.mirror.seq).toBeLessThan(hub.service.state.seq);
    display.socket.connect();
    await waitFor(display, () => display.mirror.seq === hub.service.state.seq);
    expect(display.state).toEqual(hub.service.state);
  });

  it('sends a snapshot to a client too far behind, and to a new one', async () => {
    const reply = hub.service.sync(0);
    expect(reply.ok && reply.kind).toBe('snapshot');
    const kiosk = await online(client(kioskCredentials()));
    issued(await kiosk.command({ type: 'issueTicket', serviceId: 'skck' }));
    issued(await kiosk.command({ type: 'issueTicket', serviceId: 'skck' }));
    const events = hub.service.sync(1);
    expect(events.ok && events.kind === 'events' && events.events.map((e) => e.seq)).toEqual([
      hub.service.state.seq,
    ]);
    const ahead = hub.service.sync(hub.service.state.seq + 50);
    expect(ahead.ok && ahead.kind).toBe('snapshot');
  });

  it('survives a restart: state rebuilt from the log, clients resync by themselves', async () => {
    const kiosk = await online(client(kioskCredentials()));
    const counter = await staff('polres1');
    const display = await online(client());
    const t1 = issued(await kiosk.command({ type: 'issueTicket', serviceId: 'skck' }));
    issued(await kiosk.command({ type: 'issueTicket', serviceId: 'skck' }));
    await counter.command({ type: 'setCounterStatus', counterId: 'loket-14', status: 'open' });
    await counter.command({ type: 'callNext', counterId: 'loket-14' });
    const before = structuredClone(hub.service.state);
    hub = await hub.restart();
    expect(hub.service.state).toEqual(before);
    await waitFor(kiosk, () => kiosk.status === 'online' && kiosk.mirror.seq === hub.service.state.seq);
    const t3 = issued(await kiosk.command({ type: 'issueTicket', serviceId: 'skck' }));
    expect(t3.displayNumber).toBe('M-003');
    await waitFor(display, () => display.mirror.seq === hub.service.state.seq);
    expect(display.state).toEqual(hub.service.state);
    // The counter's session survives the restart: it acts without signing in again.
    await waitFor(counter, () => counter.mirror.seq === hub.service.state.seq);
    expect((await counter.command({ type: 'recall', counterId: 'loket-14' })).ok).toBe(true);
    expect(display.state?.tickets[t1.id]?.status).toBe('called');
  });

  it('closes the day at local midnight: waiting tickets expire and numbering restarts', async () => {
    const kiosk = await online(client(kioskCredentials()));
    const old = issued(await kiosk.command({ type: 'issueTicket', serviceId: 'skck' }));
    hub.clock.advance(24 * 60 * 60_000); // Tuesday 09:00 WIB
    const fresh = issued(await kiosk.command({ type: 'issueTicket', serviceId: 'skck' }));
    expect(fresh.displayNumber).toBe('M-001');
    expect(fresh.day).toBe('2026-12-01');
    const closed = hub.store.db
      .prepare("SELECT payload FROM events WHERE type = 'DayClosed'")
      .all() as Array<{ payload: string }>;
    expect(closed).toHaveLength(1);
    expect(JSON.parse(closed[0]?.payload ?? '{}')).toMatchObject({
      day: '2026-11-30',
      expiredTicketIds: [old.id],
    });
    expect(hub.service.state.tickets[old.id]).toBeUndefined();
  });

  it('makes clients drop their state when the hub comes back with another log', async () => {
    const kiosk = await online(client(kioskCredentials()));
    for (let i = 0; i < 3; i++) issued(await kiosk.command({ type: 'issueTicket', serviceId: 'skck' }));
    const display = await online(client());
    await waitFor(display, () => display.mirror.seq === 3);
    // The store is replaced (restored from elsewhere): a new log whose numbers mean nothing to the old one.
    const port = hub.port;
    await hub.dispose();
    hub = await startTestHub({ config, port });
    // Further along than the display: without the log's name it would take events 4 and 5 of this log as its own.
    for (let i = 0; i < 5; i++) {
      const other = hub.service.execute({ kind: 'kiosk', kioskId: 'kiosk-2' }, `other-log-000${i}`, {
        type: 'issueTicket',
        serviceId: 'kartu-keluarga',
      });
      expect(other.ok).toBe(true);
    }
    await waitFor(display, () => display.mirror.seq === 5);
    expect(display.state).toEqual(hub.service.state);
  });
});
