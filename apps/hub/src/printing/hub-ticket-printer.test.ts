import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HubConnection } from '@antre/client';
import type { CommandReply, HallConfig, Principal, Ticket } from '@antre/shared';
import type { FakePrinter } from '@antre/printer/testing';
import { decodeEscPos, receiptText, startFakePrinter } from '@antre/printer/testing';
import { createLogger } from '../logger.js';
import type { TestHub } from '@antre/hub/testing';
import { connect, demoHall, kioskCredentials, signIn, startTestHub, waitFor } from '@antre/hub/testing';
import { HubTicketPrinter } from './hub-ticket-printer.js';

let config: HallConfig;
let pins: Map<string, string>;
let printer: FakePrinter;
let hub: TestHub;
const clients: HubConnection[] = [];

beforeAll(async () => {
  printer = await startFakePrinter();
  ({ config, pins } = await demoHall());
  config.kiosks = config.kiosks.map((k) => (k.id === 'kiosk-1' ? { ...k, printer: printer.url } : k));
  hub = await startTestHub({ config });
});

afterEach(() => {
  printer.condition = 'ready';
  for (const c of clients.splice(0)) c.close();
});

afterAll(async () => {
  await hub.dispose();
  await printer.close();
});

async function online(credentials = {}): Promise<HubConnection> {
  const conn = connect(hub.url, credentials);
  clients.push(conn);
  await waitFor(conn, () => conn.status === 'online' && conn.state !== undefined);
  return conn;
}

function issued(reply: CommandReply): Ticket {
  const e = reply.ok ? reply.events.find((x) => x.event.type === 'TicketIssued') : undefined;
  if (!e || e.event.type !== 'TicketIssued') throw new Error('no ticket issued');
  return e.event.ticket;
}

describe('ticket:print over Socket.IO', () => {
  it("prints a kiosk's ticket on that kiosk's printer, with the QR link to the ticket's page", async () => {
    const kiosk = await online(kioskCredentials('kiosk-1'));
    const ticket = issued(await kiosk.command({ type: 'issueTicket', serviceId: 'perekaman-ktp-el' }));
    const before = printer.jobs.length;
    expect(await kiosk.request('ticket:print', { ticketId: ticket.id, lang: 'id' })).toEqual({ ok: true });
    const job = (await printer.waitForJobs(before + 1)).at(-1) ?? new Uint8Array();
    const doc = decodeEscPos(job);
    const text = receiptText(doc);
    expect(text).toContain(ticket.displayNumber);
    expect(text).toContain('Perekaman KTP-el');
    expect(doc.blocks).toContainEqual(
      expect.objectContaining({
        kind: 'qr',
        payload: expect.stringMatching(
          new RegExp(`^${hub.publicUrl}/t/${ticket.id}\\?k=[A-Za-z0-9_-]{22}$`),
        ) as unknown,
      }),
    );
    expect(doc.blocks).toContainEqual({ kind: 'cut', partial: true });
  });

  it('answers PRINTER_FAULT with the reason when the printer is out of paper', async () => {
    const kiosk = await online(kioskCredentials('kiosk-1'));
    const ticket = issued(await kiosk.command({ type: 'issueTicket', serviceId: 'skck' }));
    printer.condition = 'paper-out';
    const reply = await kiosk.request('ticket:print', { ticketId: ticket.id });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'PRINTER_FAULT', details: { reason: 'paper-out' } },
    });
  });

  it('says not-configured for a kiosk without a printer', async () => {
    const kiosk = await online(kioskCredentials('kiosk-2'));
    const ticket = issued(await kiosk.command({ type: 'issueTicket', serviceId: 'skck' }));
    const reply = await kiosk.request('ticket:print', { ticketId: ticket.id });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'PRINTER_FAULT', details: { reason: 'not-configured' } },
    });
  });

  it('lets staff reprint their own agency’s ticket on a named kiosk, and no other', async () => {
    const kiosk = await online(kioskCredentials('kiosk-1'));
    const ticket = issued(await kiosk.command({ type: 'issueTicket', serviceId: 'kartu-keluarga' }));
    const credentials: { sessionToken?: string } = {};
    const dukcapil = await online(credentials);
    credentials.sessionToken = await signIn(dukcapil, 'dukcapil1', pins.get('dukcapil1') ?? '');
    const before = printer.jobs.length;
    expect(
      await dukcapil.request('ticket:print', { ticketId: ticket.id, kioskId: 'kiosk-1', lang: 'en' }),
    ).toEqual({
      ok: true,
    });
    expect(
      receiptText(decodeEscPos((await printer.waitForJobs(before + 1)).at(-1) ?? new Uint8Array())),
    ).toContain('QUEUE NUMBER');

    const samsat = await online();
    await signIn(samsat, 'samsat1', pins.get('samsat1') ?? '');
    const refused = await samsat.request('ticket:print', { ticketId: ticket.id, kioskId: 'kiosk-1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a staff reprint of a ticket whose print failed ends the alert on every screen; a failed one does not', async () => {
    const kiosk = await online(kioskCredentials('kiosk-1'));
    const ticket = issued(await kiosk.command({ type: 'issueTicket', serviceId: 'akta-kelahiran' }));
    const failed = await kiosk.command({
      type: 'reportPrintFailure',
      ticketId: ticket.id,
      reason: 'paper-out',
    });
    expect(failed.ok).toBe(true);
    const credentials: { sessionToken?: string } = {};
    const staff = await online(credentials);
    credentials.sessionToken = await signIn(staff, 'dukcapil2', pins.get('dukcapil2') ?? '');
    // Another screen: its mirror shows the alert, and must drop it through the event alone.
    const display = await online();
    const faultOn = (conn: HubConnection) => conn.state?.tickets[ticket.id]?.printFault;
    await waitFor(display, () => faultOn(display) !== undefined);
    expect(faultOn(display)).toMatchObject({ kioskId: 'kiosk-1', reason: 'paper-out' });
    const reprints = () =>
      hub.store.eventsSince(0, 100_000).filter((e) => e.event.type === 'TicketReprinted');
    const logged = reprints().length;

    // The printer is still out of paper: the staff member hears why, and the alert stays.
    printer.condition = 'paper-out';
    expect(
      await staff.request('ticket:print', { ticketId: ticket.id, kioskId: 'kiosk-1', lang: 'id' }),
    ).toMatchObject({ ok: false, error: { code: 'PRINTER_FAULT', details: { reason: 'paper-out' } } });
    expect(reprints()).toHaveLength(logged);
    expect(faultOn(display)).toBeDefined();

    printer.condition = 'ready';
    const jobs = printer.jobs.length;
    expect(
      await staff.request('ticket:print', { ticketId: ticket.id, kioskId: 'kiosk-1', lang: 'id' }),
    ).toEqual({ ok: true });
    expect(
      receiptText(decodeEscPos((await printer.waitForJobs(jobs + 1)).at(-1) ?? new Uint8Array())),
    ).toContain(ticket.displayNumber);
    expect(
      reprints()
        .slice(logged)
        .map((e) => e.event),
    ).toEqual([{ type: 'TicketReprinted', ticketId: ticket.id, kioskId: 'kiosk-1', by: 'dukcapil2' }]);
    expect(hub.service.state.tickets[ticket.id]?.printFault).toBeUndefined();
    await waitFor(display, () => faultOn(display) === undefined);

    // Printed once more (a spare copy): no alert is left, so nothing more is logged.
    expect(await staff.request('ticket:print', { ticketId: ticket.id, kioskId: 'kiosk-1' })).toEqual({
      ok: true,
    });
    await printer.waitForJobs(jobs + 2);
    expect(reprints()).toHaveLength(logged + 1);
  });

  it("a kiosk's own print that succeeds after a failure ends the alert too", async () => {
    const kiosk = await online(kioskCredentials('kiosk-1'));
    const ticket = issued(await kiosk.command({ type: 'issueTicket', serviceId: 'skck' }));
    await kiosk.command({ type: 'reportPrintFailure', ticketId: ticket.id, reason: 'cover-open' });
    expect(hub.service.state.tickets[ticket.id]?.printFault).toBeDefined();
    expect(await kiosk.request('ticket:print', { ticketId: ticket.id })).toEqual({ ok: true });
    const last = hub.store.eventsSince(0, 100_000).at(-1)?.event;
    expect(last).toEqual({
      type: 'TicketReprinted',
      ticketId: ticket.id,
      kioskId: 'kiosk-1',
      by: 'kiosk:kiosk-1',
    });
    expect(hub.service.state.tickets[ticket.id]?.printFault).toBeUndefined();
  });

  it('refuses strangers, unknown tickets and bad requests', async () => {
    const stranger = await online();
    expect(await stranger.request('ticket:print', { ticketId: 'x', kioskId: 'kiosk-1' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    const kiosk = await online(kioskCredentials('kiosk-1'));
    expect(await kiosk.request('ticket:print', { ticketId: 'no-such-ticket' })).toMatchObject({
      error: { code: 'UNKNOWN_TICKET' },
    });
    expect(await kiosk.request('ticket:print', { ticketId: 'x', kioskId: 'kiosk-2' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    const bad = await kiosk.request('ticket:print', { ticketId: '', lang: 'fr' } as never);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('HubTicketPrinter', () => {
  const kioskPrincipal: Principal = { kind: 'kiosk', kioskId: 'kiosk-2' };

  it("takes a kiosk's printer from ANTRE_PRINTER_<KIOSK> over the hall config, and the hub's public URL for the QR", async () => {
    const other = await startFakePrinter();
    try {
      const ticket = Object.values(hub.service.state.tickets)[0];
      if (!ticket) throw new Error('no ticket yet');
      const hubPrinter = new HubTicketPrinter({
        config: () => config,
        state: () => hub.service.state,
        logger: createLogger('silent'),
        publicUrl: () => 'https://antre.padangpanjang.go.id',
        env: { ANTRE_PRINTER_KIOSK_2: other.url },
      });
      expect(await hubPrinter.print(kioskPrincipal, { ticketId: ticket.id, lang: 'id' })).toEqual({
        ok: true,
      });
      const [job] = await other.waitForJobs(1);
      expect(decodeEscPos(job ?? new Uint8Array()).blocks).toContainEqual(
        expect.objectContaining({ kind: 'qr', payload: `https://antre.padangpanjang.go.id/t/${ticket.id}` }),
      );
    } finally {
      await other.close();
    }
  });

  it('reports a malformed printer URL as not configured rather than failing', async () => {
    const ticket = Object.values(hub.service.state.tickets)[0];
    if (!ticket) throw new Error('no ticket yet');
    const hubPrinter = new HubTicketPrinter({
      config: () => config,
      state: () => hub.service.state,
      logger: createLogger('silent'),
      publicUrl: () => hub.publicUrl,
      env: { ANTRE_PRINTER_KIOSK_2: 'lpt1' },
    });
    expect(await hubPrinter.print(kioskPrincipal, { ticketId: ticket.id, lang: 'id' })).toMatchObject({
      ok: false,
      error: { code: 'PRINTER_FAULT', details: { reason: 'not-configured' } },
    });
  });
});
