import { describe, expect, it } from 'vitest';
import type { CommandInput } from './commands.js';
import type { DomainEvent } from './domain-events.js';
import type { ErrorCode } from './error-codes.js';
import type { HallTimeZone, WeeklyHours } from './hall-config.js';
import type { Actor } from './access-policy.js';
import type { Decision } from './queue-engine.js';
import { rolloverEvents } from './queue-engine.js';
import { findTicket } from './ticket-lookup.js';
import { ALL_DAY, TestQueue, testHall, testUuid } from './testing/test-hall.js';

const MINUTE = 60_000;
const OFFSETS: Record<HallTimeZone, string> = {
  'Asia/Jakarta': '+07:00',
  'Asia/Makassar': '+08:00',
  'Asia/Jayapura': '+09:00',
};
const ZONES = Object.keys(OFFSETS) as HallTimeZone[];

/** The instant of a local wall-clock time in a hall zone, e.g. `at('2026-03-02T08:00', 'Asia/Makassar')`. */
function at(local: string, zone: HallTimeZone = 'Asia/Jakarta'): number {
  return Date.parse(`${local}:00${OFFSETS[zone]}`);
}

/** Monday 2 March 2026, 08:00 WIB. */
const MON_0800 = at('2026-03-02T08:00');

const KIOSK_1: Actor = { kind: 'kiosk', kioskId: 'k1' };
const KIOSK_2: Actor = { kind: 'kiosk', kioskId: 'k2' };
const DUKCAPIL: Actor = { kind: 'staff', username: 'dukcapil1', role: 'staff', agencyId: 'disdukcapil' };
const DUKCAPIL_2: Actor = { kind: 'staff', username: 'dukcapil2', role: 'staff', agencyId: 'disdukcapil' };
const SUPERVISOR: Actor = { kind: 'staff', username: 'spv', role: 'supervisor' };

function queue(overrides: Parameters<typeof testHall>[0] = {}, now = MON_0800): TestQueue {
  return new TestQueue(testHall(overrides), now);
}

function accepted(decision: Decision): DomainEvent[] {
  if (!decision.ok) throw new Error(`refused: ${decision.error.code} ${decision.error.message}`);
  return decision.events;
}

/** Runs a command that must be refused with `code`, and checks that nothing changed. */
function refused(
  q: TestQueue,
  input: CommandInput,
  code: ErrorCode,
  actor?: Actor,
): Decision & { ok: false } {
  q.rollover();
  const before = structuredClone(q.state.snapshot());
  const logged = q.log.length;
  const decision = q.run(input, actor);
  expect(decision.ok ? 'accepted' : decision.error.code).toBe(code);
  expect(decision).not.toHaveProperty('events');
  expect(q.state.snapshot()).toEqual(before);
  expect(q.log).toHaveLength(logged);
  if (decision.ok) throw new Error('unreachable');
  return decision;
}

/** Calls next at a counter `n` times (each call records the previous visitor served) and returns who was called. */
function callNextTimes(q: TestQueue, counterId: string, n: number): string[] {
  const called: string[] = [];
  for (let i = 0; i < n; i++) {
    q.must({ type: 'callNext', counterId, previous: 'served' });
    called.push(q.currentAt(counterId) ?? '?');
  }
  return called;
}

/** Calls next at a counter `n` times; returns each call as `number:streak`, the streak the event carries. */
function callNextStreaks(q: TestQueue, counterId: string, n: number): string[] {
  const called: string[] = [];
  for (let i = 0; i < n; i++) {
    const call = q
      .must({ type: 'callNext', counterId, previous: 'served' })
      .find((e) => e.type === 'TicketCalled');
    if (call?.type !== 'TicketCalled') throw new Error('no TicketCalled event');
    // The reducer keeps what the event says.
    expect(q.state.counters[counterId]?.priorityStreak).toBe(call.priorityStreak);
    called.push(`${q.currentAt(counterId) ?? '?'}:${call.priorityStreak}`);
  }
  return called;
}

describe('issueTicket', () => {
  it('numbers each service from 001 per hall day, with one- and two-letter prefixes', () => {
    const q = queue();
    const numbers = ['ktp', 'ktp', 'kk', 'akta', 'ktp', 'jkn', 'akta'].map((s) => q.issue(s).displayNumber);
    expect(numbers).toEqual(['A-001', 'A-002', 'B-001', 'AK-001', 'A-003', 'BP-001', 'AK-002']);
  });

  it('records a waiting ticket with its day, time, priority, origin and a fresh id', () => {
    const q = queue();
    const fromKiosk = q.issue('ktp', 'elderly', KIOSK_1);
    expect(fromKiosk).toMatchObject({
      id: testUuid(1),
      serviceId: 'ktp',
      number: 1,
      displayNumber: 'A-001',
      day: '2026-03-02',
      issuedAt: MON_0800,
      priority: 'elderly',
      status: 'waiting',
      origin: { kind: 'kiosk', kioskId: 'k1', offline: false },
      calls: [],
      transfers: [],
    });
    expect(fromKiosk.counterId).toBeUndefined();
    expect(q.issue('ktp', 'none', DUKCAPIL).origin).toEqual({ kind: 'staff', username: 'dukcapil1' });
    expect(q.issue('ktp').origin).toEqual({ kind: 'online' });
    expect(q.state.services['ktp']?.issued).toBe(3);
  });

  it('refuses an unknown service', () => {
    refused(queue(), { type: 'issueTicket', serviceId: 'sim' }, 'UNKNOWN_SERVICE');
  });

  it('stops at the daily quota, changes nothing, and issues again the next day', () => {
    const q = queue({ serviceChanges: { ktp: { dailyQuota: 2 } } });
    q.issue('ktp');
    q.issue('ktp');
    const refusal = refused(q, { type: 'issueTicket', serviceId: 'ktp' }, 'QUOTA_REACHED');
    expect(refusal.error.details).toEqual({ quota: 2 });
    // Other services are not limited by ktp's quota.
    expect(q.issue('kk').displayNumber).toBe('B-001');
    // A cancelled ticket still counts: the quota is about tickets given out.
    q.must({ type: 'cancelTicket', ticket: 'A-001' });
    refused(q, { type: 'issueTicket', serviceId: 'ktp' }, 'QUOTA_REACHED');
    q.now = at('2026-03-03T08:00');
    expect(q.issue('ktp').displayNumber).toBe('A-001');
  });

  describe.each(ZONES)('hall hours in %s', (zone) => {
    const officeHours: WeeklyHours = {
      sun: [],
      mon: [
        ['08:00', '12:00'],
        ['13:00', '15:30'],
      ],
      tue: [
        ['08:00', '12:00'],
        ['13:00', '15:30'],
      ],
      wed: [
        ['08:00', '12:00'],
        ['13:00', '15:30'],
      ],
      thu: [
        ['08:00', '12:00'],
        ['13:00', '15:30'],
      ],
      fri: [
        ['08:00', '11:30'],
        ['13:30', '16:00'],
      ],
      sat: [['08:00', '12:00']],
    };

    it.each([
      ['2026-03-02T00:00', 'mon', '08:00', 0],
      ['2026-03-02T07:59', 'mon', '08:00', 0],
      ['2026-03-02T12:00', 'mon', '13:00', 0],
      ['2026-03-02T12:59', 'mon', '13:00', 0],
      ['2026-03-02T15:30', 'tue', '08:00', 1],
      ['2026-03-02T23:59', 'tue', '08:00', 1],
      ['2026-03-06T11:30', 'fri', '13:30', 0],
      ['2026-03-06T16:00', 'sat', '08:00', 1],
      ['2026-03-07T12:00', 'mon', '08:00', 2],
      ['2026-03-08T10:00', 'mon', '08:00', 1],
    ] as const)('refuses at %s local time, opening %s %s (in %i days)', (local, weekday, opensAt, inDays) => {
      const q = queue({ hall: { timeZone: zone, hours: officeHours } }, at(local, zone));
      const refusal = refused(q, { type: 'issueTicket', serviceId: 'ktp' }, 'SERVICE_CLOSED');
      expect(refusal.error.details).toEqual({ opensWeekday: weekday, opensAt, opensInDays: inDays });
    });

    it.each([
      '2026-03-02T08:00',
      '2026-03-02T11:59',
      '2026-03-02T13:00',
      '2026-03-02T15:29',
      '2026-03-07T08:00',
    ])('issues at %s local time', (local) => {
      const q = queue({ hall: { timeZone: zone, hours: officeHours } }, at(local, zone));
      expect(q.issue('ktp').displayNumber).toBe('A-001');
    });
  });

  it('judges the same instant by each zone’s own clock', () => {
    const hours: WeeklyHours = { ...ALL_DAY, mon: [['08:00', '15:00']] };
    // 00:30 UTC = 07:30 WIB (closed), 08:30 WITA, 09:30 WIT (open).
    const early = Date.parse('2026-03-02T00:30:00Z');
    // 07:30 UTC = 14:30 WIB (open), 15:30 WITA, 16:30 WIT (closed).
    const late = Date.parse('2026-03-02T07:30:00Z');
    const verdict = (zone: HallTimeZone, now: number): string => {
      const d = queue({ hall: { timeZone: zone, hours } }, now).run({ type: 'issueTicket', serviceId: 'kk' });
      return d.ok ? 'open' : d.error.code;
    };
    expect(ZONES.map((z) => verdict(z, early))).toEqual(['SERVICE_CLOSED', 'open', 'open']);
    expect(ZONES.map((z) => verdict(z, late))).toEqual(['open', 'SERVICE_CLOSED', 'SERVICE_CLOSED']);
  });

  it('keeps a service’s own hours, inside the hall’s', () => {
    const paspor: WeeklyHours = {
      sun: [],
      mon: [['08:00', '10:00']],
      tue: [],
      wed: [['09:00', '10:00']],
      thu: [],
      fri: [],
      sat: [],
    };
    const q = queue({ serviceChanges: { paspor: { hours: paspor } } }, at('2026-03-02T09:59'));
    expect(q.issue('paspor').displayNumber).toBe('P-001');
    q.now = at('2026-03-02T10:00');
    const refusal = refused(q, { type: 'issueTicket', serviceId: 'paspor' }, 'SERVICE_CLOSED');
    expect(refusal.error.details).toEqual({ opensWeekday: 'wed', opensAt: '09:00', opensInDays: 2 });
    // The hall and its other services stay open.
    expect(q.issue('ktp').displayNumber).toBe('A-001');
  });

  it('says when the next opening is a week away, and gives none for a service that never opens', () => {
    const mondaysOnly: WeeklyHours = {
      sun: [],
      mon: [['08:00', '09:00']],
      tue: [],
      wed: [],
      thu: [],
      fri: [],
      sat: [],
    };
    const never: WeeklyHours = { sun: [], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] };
    const q = queue(
      { serviceChanges: { paspor: { hours: mondaysOnly }, jkn: { hours: never } } },
      at('2026-03-02T09:30'),
    );
    expect(refused(q, { type: 'issueTicket', serviceId: 'paspor' }, 'SERVICE_CLOSED').error.details).toEqual({
      opensWeekday: 'mon',
      opensAt: '08:00',
      opensInDays: 7,
    });
    expect(
      refused(q, { type: 'issueTicket', serviceId: 'jkn' }, 'SERVICE_CLOSED').error.details,
    ).toBeUndefined();
  });
});

describe('callNext', () => {
  it('needs an open counter', () => {
    const q = queue();
    q.issue('ktp');
    refused(q, { type: 'callNext', counterId: 'c1' }, 'COUNTER_NOT_OPEN');
    q.open('c1').must({ type: 'setCounterStatus', counterId: 'c1', status: 'paused', reason: 'ishoma' });
    refused(q, { type: 'callNext', counterId: 'c1' }, 'COUNTER_NOT_OPEN');
    refused(q, { type: 'callNext', counterId: 'c99' }, 'UNKNOWN_COUNTER');
  });

  it('says the queue is empty when nobody waits for the counter’s services', () => {
    const q = queue().open('c1', 'c4');
    refused(q, { type: 'callNext', counterId: 'c1' }, 'QUEUE_EMPTY');
    q.issue('ktp');
    refused(q, { type: 'callNext', counterId: 'c4' }, 'QUEUE_EMPTY');
  });

  it('calls the visitor who has waited longest across the counter’s services', () => {
    const q = queue().open('c1');
    q.issue('kk');
    q.advance(MINUTE).issue('ktp');
    q.advance(MINUTE).issue('akta'); // not served at c1
    q.advance(MINUTE).issue('kk');
    q.advance(MINUTE).issue('ktp');
    q.advance(MINUTE);
    expect(callNextTimes(q, 'c1', 4)).toEqual(['B-001', 'A-001', 'B-002', 'A-002']);
    refused(q, { type: 'callNext', counterId: 'c1' }, 'QUEUE_EMPTY');
    expect(q.byNumber('AK-001').status).toBe('waiting');
  });

  it('breaks a tie in waiting time by the counter’s order of services', () => {
    const q = queue().open('c1', 'c2');
    q.issue('ktp');
    q.issue('kk'); // same instant
    q.must({ type: 'callNext', counterId: 'c2' }); // c2 prefers kk
    q.must({ type: 'callNext', counterId: 'c1' }); // c1 prefers ktp, which is what is left anyway
    expect([q.currentAt('c2'), q.currentAt('c1')]).toEqual(['B-001', 'A-001']);
  });

  it('records the call on the ticket and the counter', () => {
    const q = queue().open('c1');
    const t = q.issue('ktp');
    q.advance(3 * MINUTE);
    const events = accepted(q.run({ type: 'callNext', counterId: 'c1' }));
    expect(events).toEqual([
      { type: 'TicketCalled', ticketId: t.id, counterId: 'c1', via: 'next', priorityStreak: 0, callIndex: 0 },
    ]);
    expect(q.ticket(t.id)).toMatchObject({
      status: 'called',
      counterId: 'c1',
      calledAt: MON_0800 + 3 * MINUTE,
      calls: [{ counterId: 'c1', at: MON_0800 + 3 * MINUTE, recall: false }],
    });
    expect(q.state.counters['c1']?.currentTicketId).toBe(t.id);
  });

  it('calls a priority visitor ahead of regular ones who came earlier', () => {
    const q = queue().open('c1');
    q.issue('ktp');
    q.advance(5 * MINUTE).issue('kk', 'pregnant');
    expect(callNextTimes(q, 'c1', 2)).toEqual(['B-001', 'A-001']);
  });

  it.each([
    [0, ['A-003', 'A-004', 'A-005', 'A-006', 'A-007', 'A-001', 'A-002']],
    [1, ['A-003', 'A-001', 'A-004', 'A-002', 'A-005', 'A-006', 'A-007']],
    [2, ['A-003', 'A-004', 'A-001', 'A-005', 'A-006', 'A-002', 'A-007']],
    [5, ['A-003', 'A-004', 'A-005', 'A-006', 'A-007', 'A-001', 'A-002']],
  ])('with priorityStreak %i interleaves regular visitors', (priorityStreak, expected) => {
    const q = queue({ settings: { priorityStreak } }).open('c1');
    q.issue('ktp'); // A-001 regular
    q.advance(MINUTE).issue('ktp'); // A-002 regular
    for (const group of ['elderly', 'disability', 'pregnant', 'child', 'disaster'] as const) {
      q.advance(MINUTE).issue('ktp', group); // A-003 … A-007
    }
    expect(callNextTimes(q, 'c1', 7)).toEqual(expected);
  });

  it('counts the priority streak per counter', () => {
    const q = queue({ settings: { priorityStreak: 1 } }).open('c1', 'c2');
    q.issue('ktp');
    q.advance(MINUTE).issue('ktp');
    q.advance(MINUTE).issue('ktp', 'elderly');
    q.advance(MINUTE).issue('ktp', 'elderly');
    q.advance(MINUTE).issue('ktp', 'elderly');
    const calls: string[] = [];
    for (const counterId of ['c1', 'c2', 'c1', 'c2', 'c1']) {
      q.must({ type: 'callNext', counterId, previous: 'served' });
      calls.push(`${counterId}:${q.currentAt(counterId) ?? '?'}`);
    }
    expect(calls).toEqual(['c1:A-003', 'c2:A-004', 'c1:A-001', 'c2:A-002', 'c1:A-005']);
  });

  it('does not count a specific call in the priority streak', () => {
    const q = queue({ settings: { priorityStreak: 1 } }).open('c1');
    q.issue('ktp'); // A-001 regular
    q.advance(MINUTE).issue('ktp', 'elderly');
    q.advance(MINUTE).issue('ktp', 'elderly');
    q.must({ type: 'callTicket', counterId: 'c1', ticket: 'A-002' });
    q.must({ type: 'finish', counterId: 'c1' });
    // Had the specific call counted, the streak of 1 would let the regular A-001 go first.
    expect(callNextTimes(q, 'c1', 2)).toEqual(['A-003', 'A-001']);
  });

  it('carries the counter’s streak after the call: a priority call while a regular waits adds one, any other call next is 0', () => {
    const q = queue({ settings: { priorityStreak: 3 } }).open('c1');
    q.issue('ktp'); // A-001 regular
    q.advance(MINUTE).issue('ktp', 'elderly');
    q.advance(MINUTE).issue('ktp', 'pregnant');
    q.advance(MINUTE).issue('ktp', 'child');
    q.advance(MINUTE).issue('ktp', 'disaster');
    q.advance(MINUTE).issue('ktp'); // A-006 regular
    // Three priority calls while regulars wait, then a regular; A-005 then goes while A-006 still waits.
    // A-006 is called with nobody else left, and with no regular waiting behind it nothing counts.
    expect(callNextStreaks(q, 'c1', 6)).toEqual([
      'A-002:1',
      'A-003:2',
      'A-004:3',
      'A-001:0',
      'A-005:1',
      'A-006:0',
    ]);
  });

  it('counts priority calls in the streak only while a regular visitor waits for the counter', () => {
    const q = queue({ settings: { priorityStreak: 2 } }).open('c1');
    q.issue('ktp', 'elderly');
    q.advance(MINUTE).issue('ktp', 'pregnant');
    q.advance(MINUTE).issue('ktp', 'child');
    // Nobody regular waits: these calls starve nobody and do not count.
    expect(callNextStreaks(q, 'c1', 2)).toEqual(['A-001:0', 'A-002:0']);
    q.advance(MINUTE).issue('ktp'); // A-004, regular
    q.advance(MINUTE).issue('ktp', 'disability');
    q.advance(MINUTE).issue('ktp', 'disaster');
    // The regular visitor lets two priority calls go first (not none, as a count of all priority calls would),
    // and a priority call with no regular left waiting starts the count afresh.
    expect(callNextStreaks(q, 'c1', 4)).toEqual(['A-003:1', 'A-005:2', 'A-004:0', 'A-006:0']);
  });

  it('a priority call with no regular waiting resets the streak, even in the middle of a run', () => {
    const q = queue({ settings: { priorityStreak: 2 } }).open('c1', 'c2');
    q.issue('ktp'); // A-001 regular
    q.advance(MINUTE).issue('ktp', 'elderly');
    q.advance(MINUTE).issue('ktp', 'elderly');
    q.advance(MINUTE).issue('ktp', 'elderly');
    expect(callNextStreaks(q, 'c1', 1)).toEqual(['A-002:1']);
    // Counter 2 calls the only regular visitor by number: c1's next priority call counts no more.
    q.must({ type: 'callTicket', counterId: 'c2', ticket: 'A-001' });
    expect(callNextStreaks(q, 'c1', 1)).toEqual(['A-003:0']);
    q.advance(MINUTE).issue('ktp'); // A-005 regular
    expect(callNextStreaks(q, 'c1', 2)).toEqual(['A-004:1', 'A-005:0']);
  });

  it('does not count a regular visitor who waits only for another counter', () => {
    const q = queue({ settings: { priorityStreak: 1 } }).open('c1', 'c2', 'c3');
    q.issue('ktp'); // A-001, regular: served at c1 and c2, not at c3
    q.issue('ktp'); // A-002, regular
    q.advance(MINUTE).issue('akta', 'elderly'); // AK-001
    q.advance(MINUTE).issue('akta', 'pregnant'); // AK-002
    expect(callNextStreaks(q, 'c3', 2)).toEqual(['AK-001:0', 'AK-002:0']);
    // A-001 is sent to counter 2 alone; A-002 is called away: the only regular left waits for c2, not c1.
    q.must({ type: 'callTicket', counterId: 'c1', ticket: 'A-001' });
    q.must({ type: 'transfer', counterId: 'c1', toCounterId: 'c2' });
    q.must({ type: 'callTicket', counterId: 'c2', ticket: 'A-002' });
    q.advance(MINUTE).issue('ktp', 'child');
    q.advance(MINUTE).issue('ktp', 'child');
    expect(callNextStreaks(q, 'c1', 2)).toEqual(['A-003:0', 'A-004:0']);
    expect(q.byNumber('A-001')).toMatchObject({ status: 'waiting', targetCounterId: 'c2' });
  });

  it('a specific call keeps the streak as it is, whoever is called', () => {
    const q = queue({ settings: { priorityStreak: 3 } }).open('c1');
    q.issue('ktp'); // A-001 regular
    q.issue('ktp'); // A-002 regular
    q.advance(MINUTE).issue('ktp', 'elderly');
    q.advance(MINUTE).issue('ktp', 'elderly');
    q.advance(MINUTE).issue('ktp', 'elderly');
    expect(callNextStreaks(q, 'c1', 1)).toEqual(['A-003:1']);
    q.must({ type: 'finish', counterId: 'c1' });
    for (const ticket of ['A-001', 'A-004']) {
      expect(accepted(q.run({ type: 'callTicket', counterId: 'c1', ticket }))).toEqual([
        expect.objectContaining({ type: 'TicketCalled', via: 'specific', priorityStreak: 1 }),
      ]);
      expect(q.state.counters['c1']?.priorityStreak).toBe(1);
      q.must({ type: 'finish', counterId: 'c1' });
    }
    expect(callNextStreaks(q, 'c1', 2)).toEqual(['A-005:2', 'A-002:0']);
  });

  it('finishes the current visitor when calling the next one', () => {
    const q = queue().open('c1');
    const first = q.issue('ktp');
    const second = q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'startServing', counterId: 'c1' });
    q.advance(7 * MINUTE);
    const events = accepted(q.run({ type: 'callNext', counterId: 'c1' }));
    expect(events).toEqual([
      { type: 'TicketFinished', ticketId: first.id, counterId: 'c1' },
      {
        type: 'TicketCalled',
        ticketId: second.id,
        counterId: 'c1',
        via: 'next',
        priorityStreak: 0,
        callIndex: 0,
      },
    ]);
    expect(q.ticket(first.id)).toMatchObject({ status: 'done', endedAt: MON_0800 + 7 * MINUTE });
    expect(q.state.counters['c1']).toMatchObject({
      currentTicketId: second.id,
      servedToday: 1,
      serviceMsToday: 7 * MINUTE,
    });
  });

  it('keeps tickets taken before a break valid after it', () => {
    const q = queue({}, at('2026-03-02T11:50')).open('c1');
    q.issue('ktp');
    q.now = at('2026-03-02T12:00');
    q.must({ type: 'setCounterStatus', counterId: 'c1', status: 'paused', reason: 'ishoma' });
    refused(q, { type: 'callNext', counterId: 'c1' }, 'COUNTER_NOT_OPEN');
    q.now = at('2026-03-02T13:00');
    q.must({ type: 'setCounterStatus', counterId: 'c1', status: 'open' });
    expect(callNextTimes(q, 'c1', 1)).toEqual(['A-001']);
  });

  it('keeps the current visitor when nobody else waits', () => {
    const q = queue().open('c1');
    const t = q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'startServing', counterId: 'c1' });
    refused(q, { type: 'callNext', counterId: 'c1' }, 'QUEUE_EMPTY');
    expect(q.ticket(t.id).status).toBe('serving');
  });

  it('never records a visitor only called as served: call next asks what happened', () => {
    const q = queue().open('c1');
    const first = q.issue('ktp');
    const second = q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    const refusal = refused(q, { type: 'callNext', counterId: 'c1' }, 'VISITOR_NOT_STARTED');
    expect(refusal.error.details).toEqual({ ticket: 'A-001' });
    expect(q.ticket(first.id).status).toBe('called');

    q.advance(3 * MINUTE);
    expect(accepted(q.run({ type: 'callNext', counterId: 'c1', previous: 'served' }))).toEqual([
      { type: 'TicketFinished', ticketId: first.id, counterId: 'c1' },
      expect.objectContaining({ type: 'TicketCalled', ticketId: second.id }),
    ]);
    // Served without a start: the service time runs from the call.
    expect(q.state.counters['c1']).toMatchObject({ servedToday: 1, serviceMsToday: 3 * MINUTE });
  });

  it('a call next that says the visitor did not come records a no-show, with the no-show safeguards', () => {
    const q = queue().open('c1');
    const first = q.issue('ktp');
    const second = q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.advance(20_000);
    const early = refused(q, { type: 'callNext', counterId: 'c1', previous: 'noShow' }, 'NO_SHOW_TOO_EARLY');
    expect(early.error.details).toEqual({
      ticket: 'A-001',
      secondsSinceCall: 20,
      minSeconds: 60,
      recalls: 0,
      minRecalls: 1,
    });
    expect(accepted(q.run({ type: 'callNext', counterId: 'c1', previous: 'noShow', confirm: true }))).toEqual(
      [
        { type: 'TicketNoShow', ticketId: first.id, counterId: 'c1' },
        expect.objectContaining({ type: 'TicketCalled', ticketId: second.id }),
      ],
    );
    expect(q.ticket(first.id).status).toBe('no_show');
    expect(q.state.counters['c1']?.servedToday).toBe(0);
  });

  it('a visitor being served is finished by call next, whatever the safeguards', () => {
    const q = queue().open('c1');
    const first = q.issue('ktp');
    q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'startServing', counterId: 'c1' });
    expect(accepted(q.run({ type: 'callNext', counterId: 'c1' }))[0]).toEqual({
      type: 'TicketFinished',
      ticketId: first.id,
      counterId: 'c1',
    });
  });

  it('an empty queue is the reason given, and the visitor only called stays called', () => {
    const q = queue().open('c1');
    const t = q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    refused(q, { type: 'callNext', counterId: 'c1' }, 'QUEUE_EMPTY');
    refused(q, { type: 'callNext', counterId: 'c1', previous: 'served' }, 'QUEUE_EMPTY');
    expect(q.ticket(t.id).status).toBe('called');
  });
});

describe('recall, startServing, finish', () => {
  it('recall announces the called ticket again', () => {
    const q = queue().open('c1');
    const t = q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.advance(MINUTE);
    expect(accepted(q.run({ type: 'recall', counterId: 'c1' }))).toEqual([
      { type: 'TicketRecalled', ticketId: t.id, counterId: 'c1', callIndex: 1 },
    ]);
    expect(q.ticket(t.id)).toMatchObject({
      status: 'called',
      calledAt: MON_0800,
      calls: [
        { counterId: 'c1', at: MON_0800, recall: false },
        { counterId: 'c1', at: MON_0800 + MINUTE, recall: true },
      ],
    });
  });

  it('recall needs a called ticket at the counter', () => {
    const q = queue().open('c1', 'c2');
    q.issue('ktp');
    refused(q, { type: 'recall', counterId: 'c1' }, 'NO_CURRENT_TICKET');
    q.must({ type: 'callNext', counterId: 'c2' });
    refused(q, { type: 'recall', counterId: 'c1' }, 'NO_CURRENT_TICKET');
    q.must({ type: 'startServing', counterId: 'c2' });
    refused(q, { type: 'recall', counterId: 'c2' }, 'NO_CURRENT_TICKET');
  });

  it('startServing moves the called ticket to serving once', () => {
    const q = queue().open('c1');
    const t = q.issue('ktp');
    refused(q, { type: 'startServing', counterId: 'c1' }, 'NO_CURRENT_TICKET');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.advance(2 * MINUTE).must({ type: 'startServing', counterId: 'c1' });
    expect(q.ticket(t.id)).toMatchObject({ status: 'serving', servingAt: MON_0800 + 2 * MINUTE });
    refused(q, { type: 'startServing', counterId: 'c1' }, 'NO_CURRENT_TICKET');
  });

  it('finish ends the visit and measures the service from its start', () => {
    const q = queue().open('c1');
    const t = q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.advance(2 * MINUTE).must({ type: 'startServing', counterId: 'c1' });
    q.advance(9 * MINUTE);
    expect(accepted(q.run({ type: 'finish', counterId: 'c1', ticketId: t.id }))).toEqual([
      { type: 'TicketFinished', ticketId: t.id, counterId: 'c1' },
    ]);
    expect(q.ticket(t.id)).toMatchObject({ status: 'done', endedAt: MON_0800 + 11 * MINUTE });
    expect(q.state.counters['c1']).toMatchObject({ servedToday: 1, serviceMsToday: 9 * MINUTE });
    expect(q.state.counters['c1']?.currentTicketId).toBeUndefined();
    expect(q.state.services['ktp']?.recentServiceMs).toEqual([9 * MINUTE]);
  });

  it('finish without a start measures from the call', () => {
    const q = queue().open('c1');
    q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.advance(4 * MINUTE).must({ type: 'finish', counterId: 'c1' });
    expect(q.state.services['ktp']?.recentServiceMs).toEqual([4 * MINUTE]);
  });

  it('finish refuses with no ticket or another ticket than the current one', () => {
    const q = queue().open('c1');
    const first = q.issue('ktp');
    const second = q.issue('ktp');
    refused(q, { type: 'finish', counterId: 'c1' }, 'NO_CURRENT_TICKET');
    q.must({ type: 'callNext', counterId: 'c1' });
    refused(q, { type: 'finish', counterId: 'c1', ticketId: second.id }, 'TICKET_MISMATCH');
    // A replayed finish of a visit already ended (the counter went on to the next) must not end the new one.
    q.must({ type: 'callNext', counterId: 'c1', previous: 'served' });
    refused(q, { type: 'finish', counterId: 'c1', ticketId: first.id }, 'TICKET_MISMATCH');
    expect(q.ticket(second.id).status).toBe('called');
  });

  it('finish is allowed at a paused counter', () => {
    const q = queue().open('c1');
    q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    // Pausing now waits for a free desk; a log from before that rule may still hold a paused counter
    // with a visitor at it, and staff must be able to end that visit.
    q.apply([{ type: 'CounterStatusChanged', counterId: 'c1', status: 'paused', reason: 'ishoma' }]);
    q.must({ type: 'finish', counterId: 'c1' });
    expect(q.byNumber('A-001').status).toBe('done');
    expect(q.state.counters['c1']).toMatchObject({ status: 'paused', servedToday: 1 });
    expect(q.state.counters['c1']?.currentTicketId).toBeUndefined();
  });
});

describe('noShow and putBack', () => {
  it('a no-show ends the visit and frees the counter', () => {
    const q = queue().open('c1');
    const t = q.issue('ktp');
    q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.advance(2 * MINUTE);
    expect(accepted(q.run({ type: 'noShow', counterId: 'c1', ticketId: t.id, confirm: true }))).toEqual([
      { type: 'TicketNoShow', ticketId: t.id, counterId: 'c1' },
    ]);
    expect(q.ticket(t.id)).toMatchObject({ status: 'no_show', endedAt: MON_0800 + 2 * MINUTE });
    expect(q.state.counters['c1']?.currentTicketId).toBeUndefined();
    expect(q.state.counters['c1']?.servedToday).toBe(0);
    expect(callNextTimes(q, 'c1', 1)).toEqual(['A-002']);
    refused(q, { type: 'noShow', counterId: 'c2' }, 'NO_CURRENT_TICKET');
  });

  it('puts a no-show back at the front of its service', () => {
    const q = queue().open('c1');
    q.issue('ktp'); // A-001, 08:00
    q.advance(MINUTE).issue('ktp'); // A-002, 08:01
    q.advance(MINUTE).issue('kk'); // B-001, 08:02
    q.advance(MINUTE);
    // The visitor of A-002 is called out of turn and does not come.
    q.must({ type: 'callTicket', counterId: 'c1', ticket: 'A-002' });
    q.advance(MINUTE).must({ type: 'noShow', counterId: 'c1', confirm: true });
    q.advance(10 * MINUTE);
    expect(accepted(q.run({ type: 'putBack', counterId: 'c1', ticket: 'a2' }))).toEqual([
      expect.objectContaining({ type: 'TicketPutBack', ticketId: q.byNumber('A-002').id, counterId: 'c1' }),
    ]);
    const t = q.byNumber('A-002');
    expect(t.status).toBe('waiting');
    expect(t.endedAt).toBeUndefined();
    expect(t.counterId).toBeUndefined();
    // Ahead of A-001, who has waited longer in the same service.
    expect(callNextTimes(q, 'c1', 3)).toEqual(['A-002', 'A-001', 'B-001']);
  });

  it('refuses to put back a ticket that is not a no-show', () => {
    const q = queue().open('c1');
    q.issue('ktp');
    refused(q, { type: 'putBack', counterId: 'c1', ticket: 'A-001' }, 'TICKET_NOT_CALLABLE');
    refused(q, { type: 'putBack', counterId: 'c1', ticket: 'A-002' }, 'UNKNOWN_TICKET');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'finish', counterId: 'c1' });
    refused(q, { type: 'putBack', counterId: 'c1', ticket: 'A-001' }, 'TICKET_NOT_CALLABLE');
  });

  it('puts a no-show back through another desk of its agency (which desks may is the policy’s rule)', () => {
    const q = queue().open('c1');
    q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'noShow', counterId: 'c1', confirm: true });
    // c3 serves only akta, but belongs to Disdukcapil like ktp.
    q.must({ type: 'putBack', counterId: 'c3', ticket: 'A-001' });
    expect(q.byNumber('A-001').status).toBe('waiting');
  });
});

describe('no-show safeguards', () => {
  const SECOND = 1000;

  function calledAtC1(settings: Parameters<typeof testHall>[0] = {}) {
    const q = queue(settings).open('c1');
    const t = q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    return { q, t };
  }

  it('asks for a confirmation before N seconds have passed since the call, or before M recalls', () => {
    const { q, t } = calledAtC1();
    q.advance(59 * SECOND).must({ type: 'recall', counterId: 'c1' });
    const tooSoon = refused(q, { type: 'noShow', counterId: 'c1' }, 'NO_SHOW_TOO_EARLY');
    expect(tooSoon.error.details).toMatchObject({ secondsSinceCall: 59, recalls: 1 });
    q.advance(SECOND);
    expect(accepted(q.run({ type: 'noShow', counterId: 'c1', ticketId: t.id }))).toEqual([
      { type: 'TicketNoShow', ticketId: t.id, counterId: 'c1' },
    ]);
  });

  it('time alone is not enough: the visitor must have been recalled', () => {
    const { q } = calledAtC1();
    q.advance(10 * MINUTE);
    const noRecall = refused(q, { type: 'noShow', counterId: 'c1' }, 'NO_SHOW_TOO_EARLY');
    expect(noRecall.error.details).toMatchObject({ secondsSinceCall: 600, recalls: 0, minRecalls: 1 });
    q.must({ type: 'noShow', counterId: 'c1', confirm: true });
    expect(q.byNumber('A-001').status).toBe('no_show');
  });

  it('counts the recalls since the latest call: a held visitor called back starts afresh', () => {
    const { q } = calledAtC1();
    q.advance(2 * MINUTE).must({ type: 'recall', counterId: 'c1' });
    q.must({ type: 'hold', counterId: 'c1' });
    q.must({ type: 'callTicket', counterId: 'c1', ticket: 'A-001' });
    q.advance(2 * MINUTE);
    const again = refused(q, { type: 'noShow', counterId: 'c1' }, 'NO_SHOW_TOO_EARLY');
    expect(again.error.details).toMatchObject({ recalls: 0 });
  });

  it('follows the hall settings, and 0 turns a check off', () => {
    const { q } = calledAtC1({ settings: { noShowMinSeconds: 0, noShowMinRecalls: 0 } });
    q.must({ type: 'noShow', counterId: 'c1' });
    const strict = calledAtC1({ settings: { noShowMinSeconds: 300, noShowMinRecalls: 2 } });
    strict.q.advance(4 * MINUTE).must({ type: 'recall', counterId: 'c1' });
    strict.q.must({ type: 'recall', counterId: 'c1' });
    expect(
      refused(strict.q, { type: 'noShow', counterId: 'c1' }, 'NO_SHOW_TOO_EARLY').error.details,
    ).toMatchObject({ secondsSinceCall: 240, minSeconds: 300, recalls: 2, minRecalls: 2 });
    strict.q.advance(MINUTE).must({ type: 'noShow', counterId: 'c1' });
  });

  it('does not stand in the way of a visitor already being served', () => {
    const { q } = calledAtC1();
    q.must({ type: 'startServing', counterId: 'c1' });
    q.must({ type: 'noShow', counterId: 'c1' });
    expect(q.byNumber('A-001').status).toBe('no_show');
  });

  it('old configs without the settings get the defaults: 60 seconds and 1 recall', () => {
    const config = testHall();
    expect([config.settings.noShowMinSeconds, config.settings.noShowMinRecalls]).toEqual([60, 1]);
  });
});

describe('hold', () => {
  it('parks the ticket, frees the counter, and only that counter calls it again by number', () => {
    const q = queue().open('c1', 'c2');
    const held = q.issue('ktp');
    q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'startServing', counterId: 'c1' });
    expect(accepted(q.run({ type: 'hold', counterId: 'c1' }))).toEqual([
      { type: 'TicketHeld', ticketId: held.id, counterId: 'c1' },
    ]);
    expect(q.ticket(held.id)).toMatchObject({ status: 'held', counterId: 'c1' });
    expect(q.state.counters['c1']?.currentTicketId).toBeUndefined();
    // Call next passes over a held ticket.
    expect(callNextTimes(q, 'c2', 1)).toEqual(['A-002']);
    q.must({ type: 'finish', counterId: 'c2' });
    refused(q, { type: 'callNext', counterId: 'c1' }, 'QUEUE_EMPTY');
    refused(q, { type: 'callTicket', counterId: 'c2', ticket: 'A-001' }, 'TICKET_NOT_CALLABLE');
    q.advance(5 * MINUTE);
    expect(accepted(q.run({ type: 'callTicket', counterId: 'c1', ticket: 'A-001' }))).toEqual([
      {
        type: 'TicketCalled',
        ticketId: held.id,
        counterId: 'c1',
        via: 'specific',
        priorityStreak: 0,
        callIndex: 1,
      },
    ]);
    expect(q.ticket(held.id)).toMatchObject({ status: 'called', calledAt: MON_0800 + 5 * MINUTE });
    expect(q.ticket(held.id).calls).toHaveLength(2);
  });

  it('needs a current ticket', () => {
    const q = queue().open('c1');
    refused(q, { type: 'hold', counterId: 'c1' }, 'NO_CURRENT_TICKET');
  });
});

describe('callTicket', () => {
  it.each(['A-007', 'a7', 'A007', 'a-007', ' A 7 '])('finds ticket 7 by %j', (ref) => {
    const q = queue().open('c1');
    for (let i = 0; i < 9; i++) q.issue('ktp');
    q.must({ type: 'callTicket', counterId: 'c1', ticket: ref });
    expect(q.currentAt('c1')).toBe('A-007');
  });

  it('tells one- and two-letter prefixes apart, and finds a ticket by id', () => {
    const q = queue().open('c2');
    q.issue('ktp');
    q.issue('akta'); // AK-001
    const second = q.issue('akta'); // AK-002
    q.must({ type: 'callTicket', counterId: 'c2', ticket: 'ak1' });
    expect(q.currentAt('c2')).toBe('AK-001');
    q.must({ type: 'finish', counterId: 'c2' });
    q.must({ type: 'callTicket', counterId: 'c2', ticket: 'a1' });
    expect(q.currentAt('c2')).toBe('A-001');
    q.must({ type: 'finish', counterId: 'c2' });
    q.must({ type: 'callTicket', counterId: 'c2', ticket: second.id });
    expect(q.currentAt('c2')).toBe('AK-002');
  });

  it('refuses unknown numbers and words that are no ticket', () => {
    const q = queue().open('c1');
    q.issue('ktp');
    for (const ref of ['A-002', 'Z-001', 'hello', 'constructor', '__proto__', 'toString', testUuid(99)]) {
      refused(q, { type: 'callTicket', counterId: 'c1', ticket: ref }, 'UNKNOWN_TICKET');
    }
  });

  it('refuses a ticket of a service the counter does not serve, or one already called or ended', () => {
    const q = queue().open('c1', 'c2', 'c4');
    q.issue('ktp');
    q.issue('ktp');
    const otherService = refused(
      q,
      { type: 'callTicket', counterId: 'c4', ticket: 'A-001' },
      'TICKET_NOT_FOR_COUNTER',
    );
    expect(otherService.error.details).toEqual({ ticket: 'A-001', serviceId: 'ktp' });
    q.must({ type: 'callTicket', counterId: 'c2', ticket: 'A-001' });
    const taken = refused(q, { type: 'callTicket', counterId: 'c1', ticket: 'A-001' }, 'TICKET_NOT_CALLABLE');
    expect(taken.error.details).toEqual({ ticket: 'A-001', status: 'called', counterId: 'c2' });
    q.must({ type: 'finish', counterId: 'c2' });
    refused(q, { type: 'callTicket', counterId: 'c1', ticket: 'A-001' }, 'TICKET_NOT_CALLABLE');
    // Another service's ticket that has ended is still first of all not this counter's.
    refused(q, { type: 'callTicket', counterId: 'c4', ticket: 'A-001' }, 'TICKET_NOT_FOR_COUNTER');
  });

  it('refuses at a busy or closed counter', () => {
    const q = queue().open('c1');
    q.issue('ktp');
    q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    const refusal = refused(q, { type: 'callTicket', counterId: 'c1', ticket: 'A-002' }, 'COUNTER_BUSY');
    expect(refusal.error.details).toEqual({ ticket: 'A-001' });
    refused(q, { type: 'callTicket', counterId: 'c2', ticket: 'A-002' }, 'COUNTER_NOT_OPEN');
  });
});

describe('transfer', () => {
  /** c1 serves A-001 while P-001 and P-002 wait for Imigrasi. */
  function serving(): TestQueue {
    const q = queue().open('c1', 'c2', 'c4');
    q.issue('paspor');
    q.advance(MINUTE).issue('paspor');
    q.advance(MINUTE).issue('ktp');
    q.advance(MINUTE).must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'startServing', counterId: 'c1' });
    q.advance(5 * MINUTE);
    return q;
  }

  it('sends the ticket to the front of another service, keeping its number', () => {
    const q = serving();
    const t = q.byNumber('A-001');
    const events = accepted(q.run({ type: 'transfer', counterId: 'c1', toServiceId: 'paspor' }));
    expect(events).toEqual([
      expect.objectContaining({
        type: 'TicketTransferred',
        ticketId: t.id,
        fromCounterId: 'c1',
        toServiceId: 'paspor',
      }),
    ]);
    expect(events[0]).not.toHaveProperty('toCounterId');
    expect(q.ticket(t.id)).toMatchObject({
      status: 'waiting',
      serviceId: 'paspor',
      number: 1,
      displayNumber: 'A-001',
      transfers: [{ at: q.now, fromServiceId: 'ktp', toServiceId: 'paspor', byCounterId: 'c1' }],
    });
    expect(q.ticket(t.id).counterId).toBeUndefined();
    expect(q.state.counters['c1']?.currentTicketId).toBeUndefined();
    // The visitor has waited already: ahead of P-001 and P-002, who came earlier.
    q.advance(MINUTE);
    expect(callNextTimes(q, 'c4', 3)).toEqual(['A-001', 'P-001', 'P-002']);
    // Numbers stay unique: ktp goes on at A-002, paspor at P-003.
    expect(q.issue('ktp').displayNumber).toBe('A-002');
    expect(q.issue('paspor').displayNumber).toBe('P-003');
  });

  it('sends the ticket to the back when front is false', () => {
    const q = serving();
    q.must({ type: 'transfer', counterId: 'c1', toServiceId: 'paspor', front: false });
    q.advance(MINUTE).issue('paspor'); // P-003 comes after the transfer
    expect(callNextTimes(q, 'c4', 4)).toEqual(['P-001', 'P-002', 'A-001', 'P-003']);
  });

  it('is still found by its number in the target service', () => {
    const q = serving();
    q.must({ type: 'transfer', counterId: 'c1', toServiceId: 'paspor' });
    q.must({ type: 'callTicket', counterId: 'c4', ticket: 'a1' });
    expect(q.currentAt('c4')).toBe('A-001');
    expect(findTicket(q.state, q.config, 'A-001')?.serviceId).toBe('paspor');
  });

  it('sends the ticket to one counter: only that counter calls it', () => {
    const q = queue().open('c1', 'c2');
    q.issue('ktp');
    q.advance(MINUTE).issue('ktp');
    q.advance(MINUTE).must({ type: 'callNext', counterId: 'c1' });
    q.advance(MINUTE);
    const events = accepted(q.run({ type: 'transfer', counterId: 'c1', toCounterId: 'c2' }));
    expect(events).toEqual([
      expect.objectContaining({
        type: 'TicketTransferred',
        fromCounterId: 'c1',
        toServiceId: 'ktp',
        toCounterId: 'c2',
      }),
    ]);
    expect(q.byNumber('A-001')).toMatchObject({ status: 'waiting', serviceId: 'ktp', targetCounterId: 'c2' });
    refused(q, { type: 'callTicket', counterId: 'c1', ticket: 'A-001' }, 'TICKET_NOT_FOR_COUNTER');
    expect(callNextTimes(q, 'c1', 1)).toEqual(['A-002']);
    expect(callNextTimes(q, 'c2', 1)).toEqual(['A-001']);
    expect(q.byNumber('A-001').targetCounterId).toBeUndefined();
  });

  it('to a counter of another agency takes that counter’s first service', () => {
    const q = serving();
    q.must({ type: 'transfer', counterId: 'c1', toCounterId: 'c4' });
    expect(q.byNumber('A-001')).toMatchObject({ serviceId: 'paspor', targetCounterId: 'c4' });
    expect(callNextTimes(q, 'c4', 1)).toEqual(['A-001']);
  });

  it('refuses a target that makes no sense', () => {
    const q = serving();
    refused(q, { type: 'transfer', counterId: 'c1' }, 'INVALID_TRANSFER');
    refused(q, { type: 'transfer', counterId: 'c1', toServiceId: 'ktp' }, 'INVALID_TRANSFER');
    refused(q, { type: 'transfer', counterId: 'c1', toServiceId: 'sim' }, 'UNKNOWN_SERVICE');
    refused(q, { type: 'transfer', counterId: 'c1', toCounterId: 'c1' }, 'INVALID_TRANSFER');
    refused(q, { type: 'transfer', counterId: 'c1', toCounterId: 'c99' }, 'INVALID_TRANSFER');
    refused(
      q,
      { type: 'transfer', counterId: 'c1', toCounterId: 'c3', toServiceId: 'ktp' },
      'INVALID_TRANSFER',
    );
    refused(q, { type: 'transfer', counterId: 'c2', toServiceId: 'paspor' }, 'NO_CURRENT_TICKET');
  });
});

describe('cancelTicket', () => {
  it('cancels a waiting, called or held ticket, and frees its counter', () => {
    const q = queue().open('c1', 'c2');
    q.issue('ktp'); // A-001 → called at c1
    q.issue('ktp'); // A-002 → held at c2
    q.issue('ktp'); // A-003 waiting
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'callNext', counterId: 'c2' });
    q.must({ type: 'hold', counterId: 'c2' });
    q.advance(MINUTE);
    expect(accepted(q.run({ type: 'cancelTicket', ticket: 'A-003' }, DUKCAPIL))).toEqual([
      { type: 'TicketCancelled', ticketId: q.byNumber('A-003').id, by: 'dukcapil1' },
    ]);
    expect(q.byNumber('A-003')).toMatchObject({ status: 'cancelled', endedAt: MON_0800 + MINUTE });
    expect(accepted(q.run({ type: 'cancelTicket', ticket: 'A-001' }, KIOSK_1))).toEqual([
      { type: 'TicketCancelled', ticketId: q.byNumber('A-001').id, by: 'kiosk:k1' },
    ]);
    expect(q.state.counters['c1']?.currentTicketId).toBeUndefined();
    expect(accepted(q.run({ type: 'cancelTicket', ticket: 'A-002' }))).toEqual([
      { type: 'TicketCancelled', ticketId: q.byNumber('A-002').id, by: 'system' },
    ]);
    expect(Object.values(q.state.tickets).map((t) => t.status)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
  });

  it('refuses a ticket being served, ended or unknown', () => {
    const q = queue().open('c1');
    q.issue('ktp');
    q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'startServing', counterId: 'c1' });
    refused(q, { type: 'cancelTicket', ticket: 'A-001' }, 'TICKET_NOT_CALLABLE');
    q.must({ type: 'finish', counterId: 'c1' });
    refused(q, { type: 'cancelTicket', ticket: 'A-001' }, 'TICKET_NOT_CALLABLE');
    q.must({ type: 'cancelTicket', ticket: 'A-002' });
    refused(q, { type: 'cancelTicket', ticket: 'A-002' }, 'TICKET_NOT_CALLABLE');
    refused(q, { type: 'cancelTicket', ticket: 'A-003' }, 'UNKNOWN_TICKET');
  });
});

describe('setCounterStatus', () => {
  it('opens, pauses and closes a counter', () => {
    const q = queue();
    expect(q.state.counters['c1']?.status).toBe('closed');
    expect(accepted(q.run({ type: 'setCounterStatus', counterId: 'c1', status: 'open' }, DUKCAPIL))).toEqual([
      { type: 'CounterStatusChanged', counterId: 'c1', status: 'open', staff: 'dukcapil1' },
    ]);
    expect(q.state.counters['c1']).toMatchObject({ status: 'open', staff: 'dukcapil1' });
    q.must({ type: 'setCounterStatus', counterId: 'c1', status: 'paused', reason: 'ishoma' }, DUKCAPIL);
    expect(q.state.counters['c1']).toMatchObject({
      status: 'paused',
      pauseReason: 'ishoma',
      staff: 'dukcapil1',
    });
    q.must({ type: 'setCounterStatus', counterId: 'c1', status: 'open' }, DUKCAPIL);
    expect(q.state.counters['c1']?.pauseReason).toBeUndefined();
    q.must({ type: 'setCounterStatus', counterId: 'c1', status: 'closed' }, DUKCAPIL);
    expect(q.state.counters['c1']?.status).toBe('closed');
    expect(q.state.counters['c1']?.staff).toBeUndefined();
  });

  it('changes nothing when the counter already is in that status', () => {
    const q = queue().open('c1');
    expect(accepted(q.run({ type: 'setCounterStatus', counterId: 'c1', status: 'open' }))).toEqual([]);
    expect(accepted(q.run({ type: 'setCounterStatus', counterId: 'c2', status: 'closed' }))).toEqual([]);
  });

  it('records another staff member who sends the same status, and nobody else', () => {
    const q = queue();
    const status = (input: Omit<Extract<CommandInput, { type: 'setCounterStatus' }>, 'type' | 'counterId'>) =>
      ({ type: 'setCounterStatus', counterId: 'c1', ...input }) as const;
    q.must(status({ status: 'open' }), DUKCAPIL);
    expect(accepted(q.run(status({ status: 'open' }), DUKCAPIL))).toEqual([]);
    expect(accepted(q.run(status({ status: 'open' })))).toEqual([]); // the system is nobody new
    expect(accepted(q.run(status({ status: 'open' }), DUKCAPIL_2))).toEqual([
      { type: 'CounterStatusChanged', counterId: 'c1', status: 'open', staff: 'dukcapil2' },
    ]);
    expect(q.state.counters['c1']).toMatchObject({ status: 'open', staff: 'dukcapil2' });

    q.must(status({ status: 'paused', reason: 'ishoma' }), DUKCAPIL_2);
    expect(accepted(q.run(status({ status: 'paused', reason: 'ishoma' }), DUKCAPIL_2))).toEqual([]);
    expect(accepted(q.run(status({ status: 'paused', reason: 'ishoma' })))).toEqual([]);
    expect(accepted(q.run(status({ status: 'paused', reason: 'ishoma' }), DUKCAPIL))).toEqual([
      {
        type: 'CounterStatusChanged',
        counterId: 'c1',
        status: 'paused',
        reason: 'ishoma',
        staff: 'dukcapil1',
      },
    ]);
    // Another reason, or none, is a change by anyone.
    expect(accepted(q.run(status({ status: 'paused', reason: 'rapat' }), DUKCAPIL))).toEqual([
      {
        type: 'CounterStatusChanged',
        counterId: 'c1',
        status: 'paused',
        reason: 'rapat',
        staff: 'dukcapil1',
      },
    ]);
    expect(accepted(q.run(status({ status: 'paused' })))).toEqual([
      { type: 'CounterStatusChanged', counterId: 'c1', status: 'paused' },
    ]);
    expect(q.state.counters['c1']).toMatchObject({ status: 'paused', staff: 'dukcapil1' });
    expect(q.state.counters['c1']?.pauseReason).toBeUndefined();

    // A closed counter has no staff member to take it over.
    q.must(status({ status: 'closed' }), DUKCAPIL);
    expect(accepted(q.run(status({ status: 'closed' }), DUKCAPIL))).toEqual([]);
    expect(accepted(q.run(status({ status: 'closed' }), DUKCAPIL_2))).toEqual([]);
    expect(q.state.counters['c1']?.staff).toBeUndefined();
  });

  it('keeps a reason only for a pause', () => {
    const q = queue();
    const status = (s: 'open' | 'paused' | 'closed', actor?: Actor): Decision =>
      q.run({ type: 'setCounterStatus', counterId: 'c1', status: s, reason: 'ishoma' }, actor);
    expect(accepted(status('open', DUKCAPIL))).toEqual([
      { type: 'CounterStatusChanged', counterId: 'c1', status: 'open', staff: 'dukcapil1' },
    ]);
    // Already open: the reason sent with it is no change.
    expect(accepted(status('open', DUKCAPIL))).toEqual([]);
    expect(accepted(status('paused', DUKCAPIL))).toEqual([
      {
        type: 'CounterStatusChanged',
        counterId: 'c1',
        status: 'paused',
        reason: 'ishoma',
        staff: 'dukcapil1',
      },
    ]);
    expect(accepted(status('open', DUKCAPIL))).toEqual([
      { type: 'CounterStatusChanged', counterId: 'c1', status: 'open', staff: 'dukcapil1' },
    ]);
    expect(q.state.counters['c1']?.pauseReason).toBeUndefined();
    expect(accepted(status('closed'))).toEqual([
      { type: 'CounterStatusChanged', counterId: 'c1', status: 'closed' },
    ]);
    expect(q.state.counters['c1']?.pauseReason).toBeUndefined();
  });

  it('refuses to pause or close while a visitor is at the desk, called or served', () => {
    const q = queue().open('c1');
    q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    for (const step of ['called', 'serving'] as const) {
      if (step === 'serving') q.must({ type: 'startServing', counterId: 'c1' });
      for (const status of ['paused', 'closed'] as const) {
        const refusal = refused(
          q,
          { type: 'setCounterStatus', counterId: 'c1', status, reason: 'ishoma' },
          'COUNTER_BUSY',
          DUKCAPIL,
        );
        expect(refusal.error.details).toEqual({ ticket: 'A-001' });
      }
    }
    // Opening is always allowed: another staff member takes the counter over with its visitor.
    expect(
      accepted(q.run({ type: 'setCounterStatus', counterId: 'c1', status: 'open' }, DUKCAPIL_2)),
    ).toEqual([{ type: 'CounterStatusChanged', counterId: 'c1', status: 'open', staff: 'dukcapil2' }]);
    expect(q.state.counters['c1']).toMatchObject({
      staff: 'dukcapil2',
      currentTicketId: q.byNumber('A-001').id,
    });
    expect(q.byNumber('A-001').status).toBe('serving');
  });

  it.each([
    ['finish', { type: 'finish', counterId: 'c1' }],
    ['noShow', { type: 'noShow', counterId: 'c1', confirm: true }],
    ['hold', { type: 'hold', counterId: 'c1' }],
    ['transfer', { type: 'transfer', counterId: 'c1', toServiceId: 'kk' }],
  ] as const)('pauses and closes once the visitor has gone: %s', (_name, freeDesk) => {
    const q = queue().open('c1');
    q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must(freeDesk);
    q.must({ type: 'setCounterStatus', counterId: 'c1', status: 'paused', reason: 'ishoma' });
    q.must({ type: 'setCounterStatus', counterId: 'c1', status: 'closed' });
    expect(q.state.counters['c1']?.status).toBe('closed');
  });

  it('closing releases the tickets the counter holds back to their queue, at their own place', () => {
    const q = queue().open('c1', 'c2');
    q.issue('ktp'); // A-001, 08:00
    q.advance(MINUTE).issue('ktp'); // A-002, 08:01: held at c1
    q.advance(MINUTE).issue('kk', 'elderly'); // B-001, 08:02: held at c1
    q.advance(MINUTE).issue('ktp'); // A-003, 08:03: held at c2
    for (const [counterId, ticket] of [
      ['c1', 'A-002'],
      ['c1', 'B-001'],
      ['c2', 'A-003'],
    ] as const) {
      q.must({ type: 'callTicket', counterId, ticket });
      q.must({ type: 'hold', counterId });
    }
    q.advance(MINUTE);
    // A pause keeps them: staff come back to them.
    expect(
      accepted(q.run({ type: 'setCounterStatus', counterId: 'c1', status: 'paused' }, DUKCAPIL)),
    ).toEqual([{ type: 'CounterStatusChanged', counterId: 'c1', status: 'paused', staff: 'dukcapil1' }]);
    expect(q.byNumber('A-002')).toMatchObject({ status: 'held', counterId: 'c1' });

    const [a2, b1] = [q.byNumber('A-002'), q.byNumber('B-001')];
    const events = accepted(q.run({ type: 'setCounterStatus', counterId: 'c1', status: 'closed' }, DUKCAPIL));
    expect(events[0]).toEqual({
      type: 'CounterStatusChanged',
      counterId: 'c1',
      status: 'closed',
      staff: 'dukcapil1',
    });
    expect(events.slice(1)).toHaveLength(2);
    expect(events.slice(1)).toEqual(
      expect.arrayContaining([
        { type: 'TicketPutBack', ticketId: a2.id, counterId: 'c1', rank: MON_0800 + MINUTE },
        { type: 'TicketPutBack', ticketId: b1.id, counterId: 'c1', rank: MON_0800 + 2 * MINUTE },
      ]),
    );
    for (const t of [q.byNumber('A-002'), q.byNumber('B-001')]) {
      expect(t.status).toBe('waiting');
      expect(t.counterId).toBeUndefined();
      expect(t.targetCounterId).toBeUndefined();
    }
    // Another counter's held ticket stays with it.
    expect(q.byNumber('A-003')).toMatchObject({ status: 'held', counterId: 'c2' });
    // Any counter of the service calls them, in their own turn: A-001 has waited longer than A-002,
    // and the priority visitor of B-001 goes first as always.
    expect(callNextTimes(q, 'c2', 3)).toEqual(['B-001', 'A-001', 'A-002']);
  });

  it('closing a counter that holds nothing releases nothing', () => {
    const q = queue().open('c1', 'c2');
    q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c2' });
    q.must({ type: 'hold', counterId: 'c2' });
    expect(accepted(q.run({ type: 'setCounterStatus', counterId: 'c1', status: 'closed' }))).toEqual([
      { type: 'CounterStatusChanged', counterId: 'c1', status: 'closed' },
    ]);
    expect(q.byNumber('A-001')).toMatchObject({ status: 'held', counterId: 'c2' });
  });

  it('refuses an unknown counter', () => {
    refused(queue(), { type: 'setCounterStatus', counterId: 'c99', status: 'open' }, 'UNKNOWN_COUNTER');
  });
});

describe('day close', () => {
  it.each(ZONES)('closes the day at local midnight in %s', (zone) => {
    const q = queue({ hall: { timeZone: zone } }, at('2026-03-02T23:00', zone));
    q.issue('ktp');
    q.now = at('2026-03-02T23:59', zone) + 59_999;
    expect(rolloverEvents(q.state, q.config, q.now)).toEqual([]);
    q.now = at('2026-03-03T00:00', zone);
    expect(rolloverEvents(q.state, q.config, q.now)).toEqual([
      {
        type: 'DayClosed',
        day: '2026-03-02',
        nextDay: '2026-03-03',
        expiredTicketIds: [q.byNumber('A-001').id],
      },
    ]);
  });

  it('expires what is still open, and the next day starts afresh at number 1', () => {
    const q = queue({ settings: { leaseStart: 100 } }, at('2026-03-02T15:00')).open('c1', 'c2', 'c3');
    for (let i = 0; i < 7; i++) q.issue('ktp');
    q.must({ type: 'callTicket', counterId: 'c1', ticket: 'A-001' });
    q.must({ type: 'finish', counterId: 'c1' }); // done
    q.must({ type: 'callTicket', counterId: 'c1', ticket: 'A-002' });
    q.must({ type: 'noShow', counterId: 'c1', confirm: true }); // no-show
    q.must({ type: 'cancelTicket', ticket: 'A-003' }); // cancelled
    q.must({ type: 'callTicket', counterId: 'c1', ticket: 'A-004' });
    q.must({ type: 'hold', counterId: 'c1' }); // held
    q.must({ type: 'callTicket', counterId: 'c1', ticket: 'A-005' }); // called
    q.must({ type: 'callTicket', counterId: 'c2', ticket: 'A-006' });
    q.must({ type: 'startServing', counterId: 'c2' }); // serving; A-007 waiting
    q.must({ type: 'leaseNumbers', serviceId: 'ktp' }, KIOSK_1);
    const stillOpen = ['A-004', 'A-005', 'A-006', 'A-007'].map((n) => q.byNumber(n).id).sort();
    q.now = at('2026-03-03T07:30');
    const [closed] = q.rollover();
    expect(closed?.event.type).toBe('DayClosed');
    if (closed?.event.type !== 'DayClosed') return;
    expect(closed.event.day).toBe('2026-03-02');
    expect(closed.event.nextDay).toBe('2026-03-03');
    expect([...closed.event.expiredTicketIds].sort()).toEqual(stillOpen);
    expect(q.state.day).toBe('2026-03-03');
    expect(q.state.tickets).toEqual({});
    expect(q.state.leases).toEqual([]);
    expect(Object.values(q.state.counters).map((c) => [c.status, c.currentTicketId])).toEqual(
      Object.values(q.state.counters).map(() => ['closed', undefined]),
    );
    const fresh = q.issue('ktp');
    expect(fresh).toMatchObject({ displayNumber: 'A-001', day: '2026-03-03' });
    // The lease of yesterday is gone: the numbers run on without a gap, and yesterday's leased numbers are refused.
    expect(q.issue('ktp').displayNumber).toBe('A-002');
    refused(
      q,
      {
        type: 'syncOfflineTicket',
        ticketId: testUuid(1000),
        serviceId: 'ktp',
        number: 100,
        priority: 'none',
        issuedAt: q.now,
      },
      'LEASE_INVALID',
      KIOSK_1,
    );
  });

  it('closes once when days passed without any event', () => {
    const q = queue({}, at('2026-03-06T10:00'));
    q.issue('ktp');
    q.now = at('2026-03-09T09:00');
    const events = rolloverEvents(q.state, q.config, q.now);
    expect(events).toEqual([expect.objectContaining({ day: '2026-03-06', nextDay: '2026-03-09' })]);
    q.rollover();
    expect(rolloverEvents(q.state, q.config, q.now)).toEqual([]);
  });

  it('closeDay before midnight expires every open ticket where it stands, frees the counters and keeps the day', () => {
    const q = queue(
      { settings: { leaseStart: 100 }, serviceChanges: { ktp: { dailyQuota: 9 } } },
      at('2026-03-02T15:00'),
    ).open('c1', 'c2');
    for (let i = 0; i < 7; i++) q.issue('ktp');
    q.must({ type: 'callTicket', counterId: 'c1', ticket: 'A-001' });
    q.must({ type: 'finish', counterId: 'c1' }); // done
    q.must({ type: 'callTicket', counterId: 'c1', ticket: 'A-002' });
    q.must({ type: 'noShow', counterId: 'c1', confirm: true }); // no-show
    q.must({ type: 'cancelTicket', ticket: 'A-003' }); // cancelled
    q.must({ type: 'callTicket', counterId: 'c1', ticket: 'A-004' });
    q.must({ type: 'hold', counterId: 'c1' }); // held
    q.must({ type: 'callTicket', counterId: 'c1', ticket: 'A-005' }); // called
    q.must({ type: 'callTicket', counterId: 'c2', ticket: 'A-006' });
    q.must({ type: 'startServing', counterId: 'c2' }); // serving; A-007 waiting
    q.must({ type: 'leaseNumbers', serviceId: 'ktp' }, KIOSK_1); // A-100 … A-119
    const stillOpen = ['A-004', 'A-005', 'A-006', 'A-007'].map((n) => q.byNumber(n).id).sort();
    q.now = at('2026-03-02T16:30');
    const before = structuredClone(q.state.snapshot());

    const [closed] = accepted(q.run({ type: 'closeDay' }, SUPERVISOR));
    expect(closed).toMatchObject({ type: 'DayClosed', day: '2026-03-02', nextDay: '2026-03-02' });
    if (closed?.type !== 'DayClosed') return;
    expect([...closed.expiredTicketIds].sort()).toEqual(stillOpen);
    expect(
      ['A-001', 'A-002', 'A-003', 'A-004', 'A-005', 'A-006', 'A-007'].map((n) => q.byNumber(n).status),
    ).toEqual(['done', 'no_show', 'cancelled', 'expired', 'expired', 'expired', 'expired']);
    for (const id of stillOpen) expect(q.ticket(id).endedAt).toBe(q.now);
    expect(q.byNumber('A-001').endedAt).toBe(before.tickets[q.byNumber('A-001').id]?.endedAt);
    // The counters are free, and stay open with their staff and tallies.
    for (const id of ['c1', 'c2']) {
      expect(q.state.counters[id]?.currentTicketId).toBeUndefined();
      expect(q.state.counters[id]?.status).toBe('open');
    }
    expect(q.state.counters['c1']?.servedToday).toBe(1);
    // The day, its numbers, quotas and leases stay.
    expect(q.state.day).toBe('2026-03-02');
    expect(q.state.services).toEqual(before.services);
    expect(q.state.leases).toEqual(before.leases);
    expect(q.state.numbersUsed).toEqual(before.numbersUsed);

    // Nothing that ended can be called or cancelled; nobody waits.
    refused(q, { type: 'callTicket', counterId: 'c1', ticket: 'A-004' }, 'TICKET_NOT_CALLABLE');
    refused(q, { type: 'callTicket', counterId: 'c1', ticket: 'A-007' }, 'TICKET_NOT_CALLABLE');
    refused(q, { type: 'cancelTicket', ticket: 'A-005' }, 'TICKET_NOT_CALLABLE');
    refused(q, { type: 'callNext', counterId: 'c2' }, 'QUEUE_EMPTY');

    // Numbering, leases and the quota go on from where they were.
    expect(q.issue('ktp').displayNumber).toBe('A-008');
    const synced = accepted(
      q.run(
        {
          type: 'syncOfflineTicket',
          ticketId: testUuid(1000),
          serviceId: 'ktp',
          number: 100,
          priority: 'none',
          issuedAt: q.now,
        },
        KIOSK_1,
      ),
    );
    expect(synced).toEqual([
      { type: 'TicketIssued', ticket: expect.objectContaining({ displayNumber: 'A-100' }) },
    ]);
    expect(q.state.services['ktp']?.issued).toBe(9);
    refused(q, { type: 'issueTicket', serviceId: 'ktp' }, 'QUOTA_REACHED');

    // Midnight expires what came after the early close, and starts the next day afresh.
    const a8 = q.byNumber('A-008').id;
    q.now = at('2026-03-03T07:00');
    const [midnight] = q.rollover();
    expect(midnight?.event).toMatchObject({ type: 'DayClosed', day: '2026-03-02', nextDay: '2026-03-03' });
    if (midnight?.event.type !== 'DayClosed') return;
    expect([...midnight.event.expiredTicketIds].sort()).toEqual([a8, testUuid(1000)].sort());
    expect(q.state.day).toBe('2026-03-03');
    expect(q.state.tickets).toEqual({});
    expect(q.issue('ktp').displayNumber).toBe('A-001');
  });

  it('closeDay by hand expires the waiting tickets but stays in the same day before midnight', () => {
    const q = queue({}, at('2026-03-02T16:00'));
    const t = q.issue('ktp');
    expect(accepted(q.run({ type: 'closeDay' }, SUPERVISOR))).toEqual([
      { type: 'DayClosed', day: '2026-03-02', nextDay: '2026-03-02', expiredTicketIds: [t.id] },
    ]);
    expect(q.state.day).toBe('2026-03-02');
    expect(q.ticket(t.id)).toMatchObject({ status: 'expired', endedAt: at('2026-03-02T16:00') });
    // At midnight the day rolls over as usual.
    q.now = at('2026-03-03T00:01');
    expect(rolloverEvents(q.state, q.config, q.now)).toEqual([
      { type: 'DayClosed', day: '2026-03-02', nextDay: '2026-03-03', expiredTicketIds: [] },
    ]);
  });

  it('keeps numbers unique within the day after an early closeDay', () => {
    const q = queue({}, at('2026-03-02T14:00'));
    q.issue('ktp');
    q.must({ type: 'closeDay' }, SUPERVISOR);
    expect(q.issue('ktp').displayNumber).toBe('A-002');
    // A second early close changes nothing about that either.
    q.must({ type: 'closeDay' }, SUPERVISOR);
    expect(q.issue('ktp').displayNumber).toBe('A-003');
    const numbers = Object.values(q.state.tickets).map((t) => t.displayNumber);
    expect(numbers).toEqual(['A-001', 'A-002', 'A-003']);
  });
});

describe('number leases for offline kiosks', () => {
  it('leases blocks per service starting at leaseStart, one after another', () => {
    const q = queue();
    const lease = (serviceId: string, actor: Actor): DomainEvent[] =>
      accepted(q.run({ type: 'leaseNumbers', serviceId }, actor));
    expect(lease('ktp', KIOSK_1)).toEqual([
      { type: 'NumbersLeased', kioskId: 'k1', serviceId: 'ktp', from: 501, to: 520 },
    ]);
    expect(lease('ktp', KIOSK_2)).toEqual([
      { type: 'NumbersLeased', kioskId: 'k2', serviceId: 'ktp', from: 521, to: 540 },
    ]);
    expect(lease('kk', KIOSK_1)).toEqual([
      { type: 'NumbersLeased', kioskId: 'k1', serviceId: 'kk', from: 501, to: 520 },
    ]);
    expect(q.state.leases).toHaveLength(3);
  });

  it('leases numbers for a known service only (that only kiosks lease is the policy’s rule)', () => {
    const q = queue();
    refused(q, { type: 'leaseNumbers', serviceId: 'sim' }, 'UNKNOWN_SERVICE', KIOSK_1);
  });

  it('the hub’s own numbers skip leased blocks, and later leases start past the hub’s numbers', () => {
    const q = queue({ settings: { leaseStart: 3, leaseBlockSize: 2 } });
    const issue = (): string => q.issue('ktp').displayNumber;
    const lease = (actor: Actor): [number, number] => {
      const [e] = accepted(q.run({ type: 'leaseNumbers', serviceId: 'ktp' }, actor));
      return e?.type === 'NumbersLeased' ? [e.from, e.to] : [0, 0];
    };
    expect(issue()).toBe('A-001');
    expect(lease(KIOSK_1)).toEqual([3, 4]);
    expect([issue(), issue()]).toEqual(['A-002', 'A-005']);
    expect(lease(KIOSK_2)).toEqual([6, 7]);
    expect(issue()).toBe('A-008');
    expect(lease(KIOSK_1)).toEqual([9, 10]);
    expect(lease(KIOSK_2)).toEqual([11, 12]);
    expect([issue(), issue()]).toEqual(['A-013', 'A-014']);
  });

  describe('syncOfflineTicket', () => {
    /** Kiosk k1 holds A-501 … A-520 and k2 A-521 … A-540, leased at 08:00; the hub gave out A-001. */
    function leased(): TestQueue {
      const q = queue().open('c1');
      q.must({ type: 'leaseNumbers', serviceId: 'ktp' }, KIOSK_1);
      q.must({ type: 'leaseNumbers', serviceId: 'ktp' }, KIOSK_2);
      q.advance(30 * MINUTE).issue('ktp');
      return q;
    }
    const offline = (n: number, number: number, issuedAt: number, serviceId = 'ktp'): CommandInput => ({
      type: 'syncOfflineTicket',
      ticketId: testUuid(1000 + n),
      serviceId,
      number,
      priority: 'none',
      issuedAt,
    });

    it('accepts a leased number of that kiosk as an offline ticket', () => {
      const q = leased();
      const issuedAt = MON_0800 + 10 * MINUTE;
      q.advance(MINUTE);
      const [event] = accepted(
        q.run({ ...offline(1, 505, issuedAt), priority: 'disability' } as CommandInput, KIOSK_1),
      );
      expect(event).toEqual({
        type: 'TicketIssued',
        ticket: expect.objectContaining({
          id: testUuid(1001),
          serviceId: 'ktp',
          number: 505,
          displayNumber: 'A-505',
          day: '2026-03-02',
          issuedAt,
          priority: 'disability',
          status: 'waiting',
          origin: { kind: 'kiosk', kioskId: 'k1', offline: true },
        }),
      });
      expect(q.state.services['ktp']).toMatchObject({ issued: 2, lastNumber: 1 });
      // The hub's numbering is not moved by offline tickets.
      expect(q.issue('ktp').displayNumber).toBe('A-002');
    });

    it('accepts each offline ticket once: a repeat changes nothing, a second ticket with its number is refused', () => {
      const q = leased();
      q.must(offline(1, 501, MON_0800 + MINUTE), KIOSK_1);
      const before = structuredClone(q.state.snapshot());
      expect(accepted(q.run(offline(1, 501, MON_0800 + MINUTE), KIOSK_1))).toEqual([]);
      expect(q.state.snapshot()).toEqual(before);
      refused(q, offline(2, 501, MON_0800 + 2 * MINUTE), 'DUPLICATE_NUMBER', KIOSK_1);
    });

    it('refuses numbers the kiosk does not hold', () => {
      const q = leased();
      refused(q, offline(1, 521, MON_0800), 'LEASE_INVALID', KIOSK_1); // k2's block
      refused(q, offline(1, 1, MON_0800), 'LEASE_INVALID', KIOSK_1); // the hub's number
      refused(q, offline(1, 2, MON_0800), 'LEASE_INVALID', KIOSK_1); // the hub's next number
      refused(q, offline(1, 541, MON_0800), 'LEASE_INVALID', KIOSK_2); // past every block
      refused(q, offline(1, 501, MON_0800, 'kk'), 'LEASE_INVALID', KIOSK_1); // leased for ktp, not kk
      refused(q, offline(1, 501, MON_0800, 'sim'), 'UNKNOWN_SERVICE', KIOSK_1);
    });

    it('offline tickets join the queue in issue-time order', () => {
      const q = leased(); // A-001 issued by the hub at 08:30
      q.advance(15 * MINUTE);
      // Synced late and out of order: k2's ticket from 08:20, then k1's from 08:10 and 08:40.
      q.must(offline(1, 521, MON_0800 + 20 * MINUTE), KIOSK_2);
      q.must(offline(2, 502, MON_0800 + 40 * MINUTE), KIOSK_1);
      q.must(offline(3, 501, MON_0800 + 10 * MINUTE), KIOSK_1);
      q.advance(MINUTE).issue('ktp'); // A-002, 08:46
      expect(callNextTimes(q, 'c1', 5)).toEqual(['A-501', 'A-521', 'A-001', 'A-502', 'A-002']);
    });

    it('logs a ticket issued offline on a day that has closed since as expired history, and touches nothing of today', () => {
      const q = leased(); // Monday: k1 holds A-501 … A-520, the hub gave out A-001
      q.must(offline(1, 501, MON_0800 + 31 * MINUTE), KIOSK_1);
      // Kiosk 1 issued offline on Monday evening; they reach the hub on Tuesday.
      q.now = at('2026-03-03T08:00');
      q.rollover();
      q.issue('ktp'); // Tuesday's A-001
      q.advance(5 * MINUTE);
      const before = structuredClone(q.state.snapshot());
      const issuedAt = at('2026-03-02T19:45');
      const events = accepted(
        q.run({ ...offline(2, 505, issuedAt), priority: 'elderly' } as CommandInput, KIOSK_1),
      );
      expect(events).toEqual([
        {
          type: 'LateTicketExpired',
          ticket: {
            id: testUuid(1002),
            serviceId: 'ktp',
            prefix: 'A',
            number: 505,
            displayNumber: 'A-505',
            day: '2026-03-02',
            issuedAt,
            origin: { kind: 'kiosk', kioskId: 'k1', offline: true },
            priority: 'elderly',
            status: 'expired',
            rank: issuedAt,
            endedAt: q.now,
            calls: [],
            transfers: [],
            estimate: { ahead: 0, minutes: 0 },
          },
        },
      ]);
      // No lease is checked (Monday's leases are gone), and a number given out today is no duplicate:
      // the ticket belongs to Monday.
      expect(accepted(q.run(offline(3, 1, at('2026-03-02T23:59')), KIOSK_2))).toEqual([
        {
          type: 'LateTicketExpired',
          ticket: expect.objectContaining({ displayNumber: 'A-001', day: '2026-03-02' }),
        },
      ]);
      expect(q.state.snapshot()).toEqual({ ...before, seq: before.seq + 2 });
      // Today's numbers and quota go on as if they had never come.
      expect(q.issue('ktp').displayNumber).toBe('A-002');
      expect(q.state.services['ktp']?.issued).toBe(2);
    });

    it.each(ZONES)('judges an earlier day by the hall’s own clock in %s', (zone) => {
      const q = queue({ hall: { timeZone: zone } }, at('2026-03-03T00:30', zone));
      const late = accepted(q.run(offline(1, 501, at('2026-03-02T23:59', zone)), KIOSK_1));
      expect(late).toEqual([
        {
          type: 'LateTicketExpired',
          ticket: expect.objectContaining({ day: '2026-03-02', status: 'expired' }),
        },
      ]);
      // Issued today: a ticket of today's queue, so it needs a number leased today.
      refused(q, offline(2, 501, at('2026-03-03T00:00', zone)), 'LEASE_INVALID', KIOSK_1);
    });

    it('refuses an issue time more than a week old or ahead of the hub’s clock, changing nothing', () => {
      const q = leased();
      refused(q, offline(1, 501, q.now - 8 * 24 * 60 * MINUTE), 'VALIDATION_FAILED', KIOSK_1);
      refused(q, offline(2, 502, q.now + 10 * MINUTE), 'VALIDATION_FAILED', KIOSK_1);
      // A kiosk clock a minute ahead is tolerated: the ticket joins today's queue.
      expect(accepted(q.run(offline(3, 503, q.now + MINUTE), KIOSK_1))[0]?.type).toBe('TicketIssued');
    });

    it('still wants a known service for a ticket of an earlier day', () => {
      const q = leased();
      const sunday = at('2026-03-01T10:00');
      refused(q, offline(1, 501, sunday, 'sim'), 'UNKNOWN_SERVICE', KIOSK_1);
    });

    it('accepts an offline ticket after the service has closed, and counts it in the quota', () => {
      const hours: WeeklyHours = { ...ALL_DAY, mon: [['08:00', '12:00']] };
      const q = queue({ hall: { hours }, serviceChanges: { ktp: { dailyQuota: 3 } } });
      q.must({ type: 'leaseNumbers', serviceId: 'ktp' }, KIOSK_1);
      q.issue('ktp');
      q.now = at('2026-03-02T12:10');
      q.must(offline(1, 501, at('2026-03-02T11:55')), KIOSK_1);
      expect(q.state.services['ktp']?.issued).toBe(2);
      q.now = at('2026-03-02T11:59');
      q.issue('ktp');
      refused(q, { type: 'issueTicket', serviceId: 'ktp' }, 'QUOTA_REACHED');
    });
  });
});

describe('decide is pure', () => {
  /** A day in full swing: every kind of ticket and counter. */
  function busy(): TestQueue {
    const q = queue({ settings: { leaseStart: 50, leaseBlockSize: 5 } }).open('c1', 'c2', 'c3', 'c4');
    for (const [service, priority] of [
      ['ktp', 'none'],
      ['ktp', 'elderly'],
      ['kk', 'none'],
      ['akta', 'pregnant'],
      ['paspor', 'none'],
      ['ktp', 'none'],
      ['ktp', 'none'],
      ['paspor', 'none'],
    ] as const) {
      q.advance(MINUTE).issue(service, priority);
    }
    q.must({ type: 'leaseNumbers', serviceId: 'ktp' }, KIOSK_1);
    q.must({ type: 'callNext', counterId: 'c1' }); // A-002, the priority visitor: serving
    q.must({ type: 'startServing', counterId: 'c1' });
    q.must({ type: 'callNext', counterId: 'c3' }); // AK-001: held
    q.must({ type: 'hold', counterId: 'c3' });
    q.must({ type: 'callNext', counterId: 'c2' }); // no-show
    q.must({ type: 'noShow', counterId: 'c2', confirm: true });
    q.must({ type: 'callNext', counterId: 'c4' }); // P-001: transferred to ktp; then P-002 called
    q.must({ type: 'transfer', counterId: 'c4', toServiceId: 'ktp' });
    q.must({ type: 'callNext', counterId: 'c4' });
    q.advance(MINUTE);
    return q;
  }

  const SYS = undefined;
  const commands: Array<[CommandInput, Actor | undefined, 'ok' | ErrorCode]> = [
    [{ type: 'issueTicket', serviceId: 'ktp' }, KIOSK_1, 'ok'],
    [{ type: 'issueTicket', serviceId: 'sim' }, SYS, 'UNKNOWN_SERVICE'],
    [
      {
        type: 'syncOfflineTicket',
        ticketId: testUuid(500),
        serviceId: 'ktp',
        number: 51,
        priority: 'none',
        issuedAt: MON_0800 + MINUTE,
      },
      KIOSK_1,
      'ok',
    ],
    [
      {
        type: 'syncOfflineTicket',
        ticketId: testUuid(501),
        serviceId: 'ktp',
        number: 1,
        priority: 'none',
        issuedAt: MON_0800 + MINUTE,
      },
      KIOSK_1,
      'LEASE_INVALID',
    ],
    [
      {
        type: 'syncOfflineTicket',
        ticketId: testUuid(502),
        serviceId: 'ktp',
        number: 1,
        priority: 'none',
        issuedAt: at('2026-03-01T16:00'),
      },
      KIOSK_1,
      'ok',
    ],
    [{ type: 'leaseNumbers', serviceId: 'kk' }, KIOSK_2, 'ok'],
    [{ type: 'reportPrintFailure', ticketId: testUuid(1), reason: 'paper out' }, KIOSK_1, 'ok'],
    [{ type: 'callNext', counterId: 'c1' }, SYS, 'ok'],
    [{ type: 'callNext', counterId: 'c2' }, SYS, 'ok'],
    [{ type: 'callNext', counterId: 'c5' }, SYS, 'COUNTER_NOT_OPEN'],
    [{ type: 'callNext', counterId: 'c4' }, SYS, 'QUEUE_EMPTY'],
    [{ type: 'callTicket', counterId: 'c2', ticket: 'a7' }, SYS, 'UNKNOWN_TICKET'],
    [{ type: 'callTicket', counterId: 'c2', ticket: 'P-002' }, SYS, 'TICKET_NOT_FOR_COUNTER'],
    [{ type: 'callTicket', counterId: 'c3', ticket: 'AK-001' }, SYS, 'ok'],
    [{ type: 'callTicket', counterId: 'c1', ticket: 'A-001' }, SYS, 'COUNTER_BUSY'],
    [{ type: 'recall', counterId: 'c4' }, SYS, 'ok'],
    [{ type: 'recall', counterId: 'c1' }, SYS, 'NO_CURRENT_TICKET'],
    [{ type: 'startServing', counterId: 'c4' }, SYS, 'ok'],
    [{ type: 'finish', counterId: 'c1' }, SYS, 'ok'],
    [{ type: 'finish', counterId: 'c1', ticketId: testUuid(99) }, SYS, 'TICKET_MISMATCH'],
    [{ type: 'noShow', counterId: 'c4' }, SYS, 'NO_SHOW_TOO_EARLY'],
    [{ type: 'noShow', counterId: 'c4', confirm: true }, SYS, 'ok'],
    [{ type: 'hold', counterId: 'c1' }, SYS, 'ok'],
    [{ type: 'transfer', counterId: 'c1', toServiceId: 'paspor' }, SYS, 'ok'],
    [{ type: 'transfer', counterId: 'c1', toCounterId: 'c2', front: false }, SYS, 'ok'],
    [{ type: 'transfer', counterId: 'c1', toServiceId: 'jkn' }, SYS, 'TARGET_CLOSED'],
    [{ type: 'transfer', counterId: 'c1', toServiceId: 'jkn', confirm: true, note: 'KK dibawa' }, SYS, 'ok'],
    [{ type: 'putBack', counterId: 'c2', ticket: 'A-001' }, SYS, 'ok'],
    [{ type: 'putBack', counterId: 'c2', ticket: 'B-001' }, SYS, 'TICKET_NOT_CALLABLE'],
    [{ type: 'cancelTicket', ticket: 'A-003' }, SYS, 'ok'],
    [{ type: 'cancelTicket', ticket: 'A-002' }, SYS, 'TICKET_NOT_CALLABLE'],
    [
      { type: 'setCounterStatus', counterId: 'c1', status: 'paused', reason: 'ishoma' },
      DUKCAPIL,
      'COUNTER_BUSY',
    ],
    [{ type: 'setCounterStatus', counterId: 'c1', status: 'closed' }, SYS, 'COUNTER_BUSY'],
    [{ type: 'setCounterStatus', counterId: 'c1', status: 'open' }, DUKCAPIL, 'ok'],
    [{ type: 'setCounterStatus', counterId: 'c2', status: 'paused', reason: 'ishoma' }, DUKCAPIL, 'ok'],
    [{ type: 'setCounterStatus', counterId: 'c3', status: 'closed' }, SYS, 'ok'],
    [{ type: 'setCounterStatus', counterId: 'c5', status: 'open' }, SYS, 'ok'],
    [{ type: 'closeDay' }, SUPERVISOR, 'ok'],
  ];

  it.each(
    commands.map(([command, actor, outcome], i) => [i, command.type, outcome, command, actor] as const),
  )('never changes the state: #%i %s → %s', (_i, _type, outcome, command, actor) => {
    const q = busy();
    const before = structuredClone(q.state.snapshot());
    const decision = q.decide(command, actor);
    expect(q.state.snapshot()).toEqual(before);
    expect(decision.ok ? 'ok' : decision.error.code).toBe(outcome);
    if (decision.ok) expect(decision.events.length).toBeGreaterThan(0);
    else expect(decision).not.toHaveProperty('events');
  });
});
