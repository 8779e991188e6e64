import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CommandInput, EventEnvelope, HallConfig, Principal, Ticket } from '@antre/shared';
import { QueueService } from './queue-service.js';
import { EventStore } from './store/event-store.js';
import { TestClock, demoHall } from '@antre/hub/testing';

let config: HallConfig;
const dirs: string[] = [];
const kiosk: Principal = { kind: 'kiosk', kioskId: 'kiosk-1' };
const supervisor: Principal = {
  kind: 'staff',
  staff: { username: 'supervisor', name: 'Supervisor', role: 'supervisor' },
};
const stranger: Principal = { kind: 'public' };

beforeAll(async () => {
  ({ config } = await demoHall());
});

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function open(dir?: string, clock = new TestClock(), onEvents?: (events: EventEnvelope[]) => void) {
  const folder = dir ?? mkdtempSync(join(tmpdir(), 'antre-service-'));
  if (!dir) dirs.push(folder);
  const store = new EventStore(join(folder, 'antre.sqlite'));
  let ids = 0;
  const service = new QueueService(store, config, {
    now: clock.now,
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    ...(onEvents ? { onEvents } : {}),
  });
  return { folder, store, service, clock };
}

let n = 0;
function run(service: QueueService, actor: Principal, command: CommandInput) {
  return service.execute(actor, `cmd-${String(++n).padStart(8, '0')}`, command);
}

function issue(service: QueueService, serviceId: string): Ticket {
  const reply = run(service, kiosk, { type: 'issueTicket', serviceId });
  const e = reply.ok ? reply.events.find((x) => x.event.type === 'TicketIssued') : undefined;
  if (e?.event.type !== 'TicketIssued') throw new Error('no ticket issued');
  return e.event.ticket;
}

describe('QueueService', () => {
  it('rebuilds exactly the live state from the log, across a day close', () => {
    const { folder, store, service, clock } = open();
    run(service, kiosk, { type: 'issueTicket', serviceId: 'skck' });
    run(service, supervisor, { type: 'setCounterStatus', counterId: 'loket-14', status: 'open' });
    run(service, supervisor, { type: 'callNext', counterId: 'loket-14' });
    clock.advance(24 * 60 * 60_000);
    run(service, kiosk, { type: 'issueTicket', serviceId: 'skck' });
    run(service, kiosk, { type: 'issueTicket', serviceId: 'kartu-keluarga', priority: 'pregnant' });
    run(service, supervisor, { type: 'setCounterStatus', counterId: 'loket-4', status: 'open' });
    run(service, supervisor, { type: 'callNext', counterId: 'loket-4' });
    run(service, supervisor, { type: 'transfer', counterId: 'loket-4', toServiceId: 'skck' });
    const live = structuredClone(service.state);
    store.close();
    const again = open(folder, clock);
    expect(again.service.state).toEqual(live);
    expect(again.service.state.day).toBe('2026-12-01');
    again.store.close();
  });

  it('leaves the state untouched when the write fails, and goes on without a gap', () => {
    const { store, service } = open();
    run(service, kiosk, { type: 'issueTicket', serviceId: 'skck' });
    const before = structuredClone(service.state.snapshot());
    const commit = store.commit.bind(store);
    store.commit = () => {
      throw new Error('SQLITE_FULL: database or disk is full');
    };
    expect(() =>
      service.executeBatch([
        { principal: kiosk, commandId: 'fail-0001', input: { type: 'issueTicket', serviceId: 'skck' } },
        {
          principal: supervisor,
          commandId: 'fail-0002',
          input: { type: 'setCounterStatus', counterId: 'loket-14', status: 'open' },
        },
      ]),
    ).toThrow('SQLITE_FULL');
    expect(service.state.snapshot()).toEqual(before);
    store.commit = commit;
    const next = run(service, kiosk, { type: 'issueTicket', serviceId: 'skck' });
    expect(next.ok && next.seq).toBe(2);
    expect(
      next.ok && next.events[0]?.event.type === 'TicketIssued' && next.events[0].event.ticket.displayNumber,
    ).toBe('M-002');
    store.close();
  });

  it('runs a batch in order, on each other’s effects, in one transaction', () => {
    const { store, service } = open();
    let commits = 0;
    const commit = store.commit.bind(store);
    store.commit = (records) => {
      commits += 1;
      commit(records);
    };
    const replies = service.executeBatch([
      { principal: kiosk, commandId: 'batch-0001', input: { type: 'issueTicket', serviceId: 'skck' } },
      { principal: kiosk, commandId: 'batch-0002', input: { type: 'issueTicket', serviceId: 'skck' } },
      { principal: supervisor, commandId: 'batch-0003', input: { type: 'callNext', counterId: 'loket-14' } },
      {
        principal: supervisor,
        commandId: 'batch-0004',
        input: { type: 'setCounterStatus', counterId: 'loket-14', status: 'open' },
      },
      { principal: supervisor, commandId: 'batch-0005', input: { type: 'callNext', counterId: 'loket-14' } },
      { principal: kiosk, commandId: 'batch-0001', input: { type: 'issueTicket', serviceId: 'skck' } },
      { principal: stranger, commandId: 'batch-0006', input: { type: 'issueTicket', serviceId: 'skck' } },
    ]);
    expect(commits).toBe(1);
    expect(replies.map((r) => (r.ok ? r.seq : r.error.code))).toEqual([
      1,
      2,
      'COUNTER_NOT_OPEN',
      3,
      4,
      1,
      'UNAUTHENTICATED',
    ]);
    // The repeated id got the first answer, and issued nothing more.
    expect(replies[5]).toEqual(replies[0]);
    expect(Object.keys(service.state.tickets)).toHaveLength(2);
    // Refusals of known actors are kept for their retries; a stranger's is not.
    expect(service.recordedReply('batch-0003')).toEqual(replies[2]);
    expect(service.recordedReply('batch-0006')).toBeUndefined();
    store.close();
  });

  it('replays the first answer to a repeated command, refusals included, even after a restart', () => {
    const { folder, store, service, clock } = open();
    const refused = service.execute(supervisor, 'same-id-0001', { type: 'callNext', counterId: 'loket-2' });
    expect(refused.ok === false && refused.error.code).toBe('COUNTER_NOT_OPEN');
    run(service, supervisor, { type: 'setCounterStatus', counterId: 'loket-2', status: 'open' });
    run(service, kiosk, { type: 'issueTicket', serviceId: 'perekaman-ktp-el' });
    // Now the call would succeed, but the repeated id gets the first answer and changes nothing.
    expect(service.execute(supervisor, 'same-id-0001', { type: 'callNext', counterId: 'loket-2' })).toEqual(
      refused,
    );
    const issued = service.execute(kiosk, 'same-id-0002', { type: 'issueTicket', serviceId: 'skck' });
    store.close();
    const again = open(folder, clock);
    expect(again.service.execute(kiosk, 'same-id-0002', { type: 'issueTicket', serviceId: 'skck' })).toEqual(
      issued,
    );
    expect(Object.values(again.service.state.tickets).filter((t) => t.serviceId === 'skck')).toHaveLength(1);
    again.store.close();
  });

  it('logs a reprint of a ticket whose print failed, durably and announced, and nothing for any other', () => {
    const announced: EventEnvelope[] = [];
    const { folder, store, service, clock } = open(undefined, new TestClock(), (e) => announced.push(...e));
    const failed = issue(service, 'skck');
    const printed = issue(service, 'skck');
    run(service, kiosk, { type: 'reportPrintFailure', ticketId: failed.id, reason: 'paper-out: no paper' });
    expect(service.state.tickets[failed.id]?.printFault).toMatchObject({ kioskId: 'kiosk-1' });

    // An ordinary print, an unknown ticket: nothing to log.
    expect(service.recordReprint(printed.id, 'kiosk-1', 'polres1')).toEqual([]);
    expect(service.recordReprint('no-such-ticket', 'kiosk-1', 'polres1')).toEqual([]);
    const seq = service.state.seq;
    announced.length = 0;
    clock.advance(60_000);
    const logged = service.recordReprint(failed.id, 'kiosk-2', 'polres1');
    const event = { type: 'TicketReprinted', ticketId: failed.id, kioskId: 'kiosk-2', by: 'polres1' };
    expect(logged).toEqual([{ seq: seq + 1, at: clock.now(), event }]);
    expect(announced).toEqual(logged);
    expect(service.state.tickets[failed.id]?.printFault).toBeUndefined();
    // Printed twice: the second print has no alert left to end.
    expect(service.recordReprint(failed.id, 'kiosk-2', 'polres1')).toEqual([]);

    const live = structuredClone(service.state);
    store.close();
    const again = open(folder, clock);
    expect(again.service.state).toEqual(live);
    expect(again.store.eventsSince(seq, 10)).toEqual(logged);
    again.store.close();
  });

  it('leaves the alert up when the reprint cannot be written', () => {
    const { store, service } = open();
    const t = issue(service, 'skck');
    run(service, kiosk, { type: 'reportPrintFailure', ticketId: t.id, reason: 'cover-open' });
    const before = structuredClone(service.state.snapshot());
    store.commit = () => {
      throw new Error('SQLITE_IOERR');
    };
    expect(() => service.recordReprint(t.id, 'kiosk-1', 'supervisor')).toThrow('SQLITE_IOERR');
    expect(service.state.snapshot()).toEqual(before);
  });

  it('refuses to open a store written by a newer hub', () => {
    const { folder, store } = open();
    store.db.pragma('user_version = 999');
    store.close();
    expect(() => new EventStore(join(folder, 'antre.sqlite'))).toThrow(/newer than this hub/);
  });
});
