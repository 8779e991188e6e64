import { describe, expect, it } from 'vitest';
import type { IssuedTicket } from '../../core/kiosk-backend.js';
import type { FlowAction, KioskFlow } from './kiosk-flow.js';
import { START, UNPRINTED_TICKET_SECONDS, isAwayFromStart, kioskFlow, screenSeconds } from './kiosk-flow.js';

const TICKET: IssuedTicket = {
  id: 't1',
  serviceId: 'perekaman-ktp-el',
  displayNumber: 'A-007',
  priority: 'none',
  issuedAt: 0,
  ahead: 2,
  minutes: 20,
  offline: false,
  statusUrl: 'http://hub/t/t1',
};

const run = (...actions: FlowAction[]): KioskFlow => actions.reduce(kioskFlow, START);

describe('kioskFlow', () => {
  it('checks an appointment in: busy while the hub answers, then the ticket, or the refusal to fix', () => {
    const open = run({ type: 'openCheckIn' });
    expect(open.screen).toEqual({ name: 'checkIn', busy: false });
    const busy = kioskFlow(open, { type: 'checkIn' });
    expect(busy.screen).toEqual({ name: 'checkIn', busy: true });
    // No countdown back to the start while the hub checks, nor a second check-in meanwhile.
    expect(screenSeconds(busy, { idleSeconds: 30, ticketSeconds: 15 }, true)).toBeUndefined();
    expect(kioskFlow(busy, { type: 'checkIn' })).toBe(busy);
    expect(kioskFlow(busy, { type: 'issued', ticket: TICKET }).screen).toEqual({
      name: 'ticket',
      ticket: TICKET,
      print: 'printing',
    });
    const problem = { text: { id: 'Kode tidak dikenal.', en: 'Unknown code.' } };
    const refused = kioskFlow(busy, { type: 'checkInRefused', problem });
    expect(refused.screen).toEqual({ name: 'checkIn', busy: false, problem });
    // A ticket answer arriving after the citizen left the screen shows nothing.
    expect(kioskFlow(open, { type: 'issued', ticket: TICKET })).toBe(open);
    expect(kioskFlow(refused, { type: 'back' })).toEqual(START);
  });

  it('offers the late citizen a regular ticket for the booked service only, and back returns to check-in', () => {
    const late = run(
      { type: 'openCheckIn' },
      { type: 'checkIn' },
      { type: 'checkInRefused', problem: { text: { id: 'Terlambat', en: 'Late' }, walkInServiceId: 'skck' } },
    );
    expect(kioskFlow(late, { type: 'walkIn', serviceId: 'paspor' })).toBe(late);
    const service = kioskFlow(late, { type: 'walkIn', serviceId: 'skck' });
    expect(service.screen).toEqual({ name: 'service', serviceId: 'skck', origin: { from: 'checkIn' } });
    expect(kioskFlow(service, { type: 'issue', priority: 'none' }).screen).toMatchObject({
      name: 'issuing',
      serviceId: 'skck',
    });
    expect(kioskFlow(service, { type: 'back' }).screen).toEqual({ name: 'checkIn', busy: false });
  });

  it('walks agency → service → ticket → printed, and the ticket screen goes back to the start', () => {
    const flow = run(
      { type: 'openAgency', agencyId: 'disdukcapil' },
      { type: 'openService', serviceId: 'perekaman-ktp-el' },
      { type: 'issue', priority: 'none' },
    );
    expect(flow.screen).toEqual({
      name: 'issuing',
      serviceId: 'perekaman-ktp-el',
      priority: 'none',
      origin: { from: 'agency', agencyId: 'disdukcapil' },
    });
    const shown = kioskFlow(flow, { type: 'issued', ticket: TICKET });
    expect(shown.screen).toEqual({ name: 'ticket', ticket: TICKET, print: 'printing' });
    const printed = kioskFlow(shown, { type: 'printed', ticketId: 't1', outcome: { ok: true } });
    expect(printed.screen).toMatchObject({ print: 'printed' });
    expect(kioskFlow(printed, { type: 'back' })).toEqual(START);
  });

  it('asks the priority group on request, and back returns to the requirements', () => {
    const service = run({ type: 'openAgency', agencyId: 'a' }, { type: 'openService', serviceId: 's' });
    const priority = kioskFlow(service, { type: 'askPriority' });
    expect(priority.screen.name).toBe('priority');
    expect(kioskFlow(priority, { type: 'back' })).toEqual(service);
    expect(kioskFlow(priority, { type: 'issue', priority: 'pregnant' }).screen).toMatchObject({
      name: 'issuing',
      priority: 'pregnant',
    });
  });

  it('returns from a found service to the search results, query kept', () => {
    const found = run({ type: 'search', query: 'paspor' }, { type: 'openService', serviceId: 'paspor-baru' });
    expect(found.screen).toEqual({ name: 'service', serviceId: 'paspor-baru', origin: { from: 'search' } });
    expect(kioskFlow(found, { type: 'back' })).toEqual({ screen: { name: 'home' }, query: 'paspor' });
  });

  it('shows a print fault, a kiosk without printer, and a reprint', () => {
    const shown = run(
      { type: 'openAgency', agencyId: 'a' },
      { type: 'openService', serviceId: 's' },
      { type: 'issue', priority: 'none' },
      { type: 'issued', ticket: TICKET },
    );
    const fault = { ok: false as const, reason: 'paper-out' as const, message: 'no paper' };
    const failed = kioskFlow(shown, { type: 'printed', ticketId: 't1', outcome: fault });
    expect(failed.screen).toMatchObject({ print: { fault } });
    expect(kioskFlow(failed, { type: 'reprint', ticketId: 't1' }).screen).toMatchObject({
      print: 'printing',
    });
    const none = kioskFlow(shown, {
      type: 'printed',
      ticketId: 't1',
      outcome: { ok: false, reason: 'not-configured', message: '' },
    });
    expect(none.screen).toMatchObject({ print: 'no-printer' });
  });

  it('ignores answers that come too late for the screen', () => {
    const home = run(
      { type: 'issued', ticket: TICKET },
      { type: 'printed', ticketId: 't1', outcome: { ok: true } },
    );
    expect(home).toEqual(START);
    const other = run(
      { type: 'openAgency', agencyId: 'a' },
      { type: 'openService', serviceId: 's' },
      { type: 'issue', priority: 'none' },
      { type: 'issued', ticket: TICKET },
      { type: 'printed', ticketId: 'someone-else', outcome: { ok: true } },
    );
    expect(other.screen).toMatchObject({ print: 'printing' });
  });

  it('shows a refusal and goes back to the agency from it', () => {
    const refused = run(
      { type: 'openAgency', agencyId: 'imigrasi' },
      { type: 'openService', serviceId: 'paspor-baru' },
      { type: 'issue', priority: 'none' },
      { type: 'refused', error: { code: 'QUOTA_REACHED', message: 'quota' } },
    );
    expect(refused.screen).toMatchObject({ name: 'refused', error: { code: 'QUOTA_REACHED' } });
    expect(kioskFlow(refused, { type: 'back' }).screen).toEqual({ name: 'agency', agencyId: 'imigrasi' });
  });

  it('takes a visit of several services from the home screen, and goes back to the choice on a refusal', () => {
    const choosing = run({ type: 'openVisit' });
    expect(choosing.screen).toEqual({ name: 'visit' });
    expect(kioskFlow(choosing, { type: 'back' })).toEqual(START);
    // Only from the visit screen.
    expect(run({ type: 'issueVisit', serviceId: 'surat-pindah' })).toEqual(START);
    const issuing = kioskFlow(choosing, { type: 'issueVisit', serviceId: 'surat-pindah' });
    expect(issuing.screen).toEqual({
      name: 'issuing',
      serviceId: 'surat-pindah',
      priority: 'none',
      origin: { from: 'visit' },
    });
    const refused = kioskFlow(issuing, {
      type: 'refused',
      error: { code: 'QUOTA_REACHED', message: 'quota', details: { serviceId: 'kartu-keluarga' } },
    });
    expect(refused.screen).toMatchObject({ name: 'refused', origin: { from: 'visit' } });
    expect(kioskFlow(refused, { type: 'back' }).screen).toEqual({ name: 'visit' });
    expect(isAwayFromStart(choosing)).toBe(true);
  });

  it('knows when it is away from the start', () => {
    expect(isAwayFromStart(START)).toBe(false);
    expect(isAwayFromStart(run({ type: 'search', query: 'k' }))).toBe(true);
    expect(isAwayFromStart(run({ type: 'openAgency', agencyId: 'a' }))).toBe(true);
    expect(kioskFlow(run({ type: 'openAgency', agencyId: 'a' }), { type: 'reset' })).toEqual(START);
  });

  it('keeps a ticket nobody printed on screen at least 45 seconds, and counts nothing while it prints', () => {
    const behaviour = { idleSeconds: 30, ticketSeconds: 15 };
    const issuing = run(
      { type: 'openAgency', agencyId: 'disdukcapil' },
      { type: 'openService', serviceId: 'perekaman-ktp-el' },
      { type: 'issue', priority: 'none' },
    );
    expect(screenSeconds(issuing, behaviour, true)).toBeUndefined();
    const shown = kioskFlow(issuing, { type: 'issued', ticket: TICKET });
    expect(screenSeconds(shown, behaviour, true)).toBeUndefined();
    const print = (outcome: Parameters<typeof kioskFlow>[1] & { type: 'printed' }) =>
      screenSeconds(kioskFlow(shown, outcome), behaviour, true);
    expect(print({ type: 'printed', ticketId: 't1', outcome: { ok: true } })).toBe(15);
    expect(
      print({
        type: 'printed',
        ticketId: 't1',
        outcome: { ok: false, reason: 'not-configured', message: '' },
      }),
    ).toBe(UNPRINTED_TICKET_SECONDS);
    expect(
      print({ type: 'printed', ticketId: 't1', outcome: { ok: false, reason: 'paper-out', message: '' } }),
    ).toBe(UNPRINTED_TICKET_SECONDS);
    // A hall that shows tickets longer keeps its own time.
    const printed = kioskFlow(shown, { type: 'printed', ticketId: 't1', outcome: { ok: true } });
    expect(screenSeconds(printed, { idleSeconds: 30, ticketSeconds: 60 }, true)).toBe(60);
  });

  it('counts idle time away from the untouched start only', () => {
    const behaviour = { idleSeconds: 30, ticketSeconds: 15 };
    expect(screenSeconds(START, behaviour, false)).toBeUndefined();
    expect(screenSeconds(START, behaviour, true)).toBe(30);
    expect(screenSeconds(run({ type: 'openAgency', agencyId: 'x' }), behaviour, true)).toBe(30);
  });
});
