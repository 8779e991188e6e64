import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HubConnection } from '@antre/client';
import type { TestHub } from '@antre/hub/testing';
import { connect, demoHall, kioskCredentials, signIn, startTestHub, waitFor } from '@antre/hub/testing';
import type { LateResult } from '../src/renderer/model/desk-commands.js';
import { DeskCommands } from '../src/renderer/model/desk-commands.js';
import { HubClock } from '../src/renderer/model/hub-clock.js';
import { CuttableLink } from './cuttable-link.js';

// The command layer of the counter against a real hub, through a link the test can cut: no browser needed.
let hub: TestHub;
let pins: Map<string, string>;
let kiosk: HubConnection;
const opened: Array<{ close(): unknown }> = [];

beforeAll(async () => {
  const demo = await demoHall();
  pins = demo.pins;
  hub = await startTestHub({ config: demo.config });
  kiosk = connect(hub.url, kioskCredentials());
  await waitFor(kiosk, () => kiosk.status === 'online' && kiosk.state !== undefined);
});

afterEach(async () => {
  for (const o of opened.splice(0)) await o.close();
});

afterAll(async () => {
  kiosk?.close();
  await hub?.dispose();
});

/** A counter's connection as the app makes it: the session token read at every (re)connect. */
async function counterAt(url: string, username: string) {
  const session: { token?: string } = {};
  const conn = new HubConnection({
    url,
    credentials: () => (session.token === undefined ? {} : { sessionToken: session.token }),
    ackTimeoutMs: 3000,
    socketOptions: { reconnectionDelay: 50, reconnectionDelayMax: 200 },
  });
  opened.push(conn);
  await waitFor(conn, () => conn.status === 'online' && conn.state !== undefined);
  session.token = await signIn(conn, username, pins.get(username) ?? '');
  const commands = new DeskCommands(conn, new HubClock());
  const late: LateResult[] = [];
  commands.onLate((l) => late.push(l));
  return { conn, commands, late, session };
}

async function issue(serviceId: string): Promise<string> {
  const reply = await kiosk.command({ type: 'issueTicket', serviceId, priority: 'none' });
  if (!reply.ok) throw new Error(reply.error.code);
  const e = reply.events[0]?.event;
  if (e?.type !== 'TicketIssued') throw new Error('no ticket');
  return e.ticket.id;
}

function finishedEvents(ticketId: string): number {
  return hub.store
    .eventsSince(0, 100_000)
    .filter((e) => e.event.type === 'TicketFinished' && e.event.ticketId === ticketId).length;
}

async function openAndCall(commands: DeskCommands, counterId: string): Promise<string> {
  await commands.send('status', { type: 'setCounterStatus', counterId, status: 'open' });
  const called = await commands.send('callNext', { type: 'callNext', counterId });
  if (called.status !== 'done') throw new Error(`call refused: ${JSON.stringify(called)}`);
  const e = called.events.find((x) => x.event.type === 'TicketCalled')?.event;
  if (e?.type !== 'TicketCalled') throw new Error('nothing called');
  return e.ticketId;
}

describe('DeskCommands', () => {
  it('queues a finish made offline and the hub applies it exactly once after the reconnect', async () => {
    const link = await CuttableLink.start(hub.port);
    opened.push(link);
    const { conn, commands, late } = await counterAt(link.url, 'samsat1');
    await issue('pajak-kendaraan-tahunan');
    const ticketId = await openAndCall(commands, 'loket-6');

    link.sever();
    await waitFor(conn, () => conn.status === 'offline');
    const first = await commands.sendQueueable({ type: 'finish', counterId: 'loket-6', ticketId }, 'O-001');
    expect(first).toEqual({ status: 'queued' });
    // A second press of the same key while it waits is not a second command.
    expect(await commands.sendQueueable({ type: 'finish', counterId: 'loket-6', ticketId }, 'O-001')).toEqual(
      {
        status: 'busy',
      },
    );
    // Commands that need the authority are refused at once, not queued.
    const call = await commands.send('callNext', { type: 'callNext', counterId: 'loket-6' });
    expect(call.status === 'refused' && call.error.code).toBe('HUB_UNREACHABLE');
    expect(commands.pending.map((p) => p.displayNumber)).toEqual(['O-001']);
    expect(hub.service.state.tickets[ticketId]?.status).toBe('called');

    link.mend();
    await waitFor(conn, () => conn.state?.tickets[ticketId]?.status === 'done', 8000);
    await expect.poll(() => late.length).toBe(1);
    expect(late[0]?.result.status).toBe('done');
    expect(commands.pending).toEqual([]);
    expect(finishedEvents(ticketId)).toBe(1);
  });

  it('reports a queued no-show that lost its ticket meanwhile, and changes nothing', async () => {
    const link = await CuttableLink.start(hub.port);
    opened.push(link);
    const a = await counterAt(link.url, 'polres1');
    const b = await counterAt(hub.url, 'polres1');
    await issue('skck');
    const ticketId = await openAndCall(a.commands, 'loket-14');

    link.sever();
    await waitFor(a.conn, () => a.conn.status === 'offline');
    expect(
      await a.commands.sendQueueable({ type: 'noShow', counterId: 'loket-14', ticketId }, 'M-001'),
    ).toEqual({
      status: 'queued',
    });
    // Meanwhile a colleague at the same counter's other session finishes it.
    expect(
      (await b.commands.send('finish', { type: 'finish', counterId: 'loket-14', ticketId })).status,
    ).toBe('done');

    link.mend();
    await expect.poll(() => a.late.length, { timeout: 8000 }).toBe(1);
    const result = a.late[0]?.result;
    expect(result?.status === 'refused' && result.error.code).toBe('NO_CURRENT_TICKET');
    expect(hub.service.state.tickets[ticketId]?.status).toBe('done');
  });

  it('keeps a finish made offline through an expired session and sends it, once, after the next sign-in', async () => {
    const link = await CuttableLink.start(hub.port);
    opened.push(link);
    const { conn, commands, late, session } = await counterAt(link.url, 'imigrasi1');
    await issue('paspor-baru');
    const ticketId = await openAndCall(commands, 'loket-16');

    link.sever();
    await waitFor(conn, () => conn.status === 'offline');
    expect(
      (await commands.sendQueueable({ type: 'finish', counterId: 'loket-16', ticketId }, 'K-001')).status,
    ).toBe('queued');
    // The session ends at the hub while the counter is away; it comes back as the public, as the app does.
    hub.store.db.prepare('DELETE FROM staff_sessions').run();
    delete session.token;
    link.mend();
    await waitFor(conn, () => conn.status === 'online', 8000);
    await expect.poll(() => commands.pending.length > 0 && !conn.pendingCount).toBe(true);
    expect(hub.service.state.tickets[ticketId]?.status).toBe('called');
    expect(late).toEqual([]);

    session.token = await signIn(conn, 'imigrasi1', pins.get('imigrasi1') ?? '');
    commands.resendParked();
    await expect.poll(() => late.length).toBe(1);
    expect(late[0]?.result.status).toBe('done');
    expect(finishedEvents(ticketId)).toBe(1);
  });

  it('sends one call next for a double press', async () => {
    const { commands } = await counterAt(hub.url, 'bpjskes1');
    await issue('pendaftaran-jkn-mandiri');
    await issue('pendaftaran-jkn-mandiri');
    await commands.send('status', { type: 'setCounterStatus', counterId: 'loket-12', status: 'open' });
    const before = hub.service.state.seq;
    const [a, b] = await Promise.all([
      commands.send('callNext', { type: 'callNext', counterId: 'loket-12' }),
      commands.send('callNext', { type: 'callNext', counterId: 'loket-12' }),
    ]);
    expect([a.status, b.status].sort()).toEqual(['busy', 'done']);
    expect(hub.service.state.seq).toBe(before + 1);
  });
});
