import { describe, expect, it } from 'vitest';
import type { DomainEvent } from './domain-events.js';
import type { EventEnvelope } from './domain-events.js';
import type { QueueSnapshot, Ticket } from './domain-types.js';
import { RECENT_SERVICE_KEEP, reduceDay } from './queue-reducer.js';
import { emptyCounter, emptySnapshot as initialQueueSnapshot } from './queue-state.js';
import { testHall, testUuid } from './testing/test-hall.js';

const MINUTE = 60_000;
const T0 = Date.parse('2026-03-02T08:00:00+07:00');
const config = testHall();

function ticket(n: number, changes: Partial<Ticket> = {}): Ticket {
  return {
    id: testUuid(n),
    serviceId: 'ktp',
    prefix: 'A',
    number: n,
    displayNumber: `A-${String(n).padStart(3, '0')}`,
    day: '2026-03-02',
    issuedAt: T0 + n * MINUTE,
    origin: { kind: 'kiosk', kioskId: 'k1', offline: false },
    priority: 'none',
    status: 'waiting',
    rank: T0 + n * MINUTE,
    calls: [],
    transfers: [],
    estimate: { ahead: 0, minutes: 0 },
    ...changes,
  };
}

/** Applies events one after another, numbering them from the state's seq, each a minute after `T0 + minute`. */
function apply(state: QueueSnapshot, events: DomainEvent[], minute = 0): QueueSnapshot {
  events.forEach((event, i) =>
    applyEvent(state, { seq: state.seq + 1, at: T0 + (minute + i) * MINUTE, event }),
  );
  return state;
}

function withTickets(...tickets: Ticket[]): QueueSnapshot {
  return apply(
    initialQueueSnapshot(config, '2026-03-02'),
    tickets.map((t) => ({ type: 'TicketIssued', ticket: t })),
  );
}

function get(state: QueueSnapshot, n: number): Ticket {
  const t = state.tickets[testUuid(n)];
  if (!t) throw new Error(`no ticket ${n}`);
  return t;
}

function applyEvent(state: QueueSnapshot, envelope: EventEnvelope): QueueSnapshot {
  reduceDay(state, envelope);
  return state;
}

describe('reduceDay', () => {
  it('changes the state in place, returns it, and records the sequence number', () => {
    const state = initialQueueSnapshot(config, '2026-03-02', 41);
    const result = applyEvent(state, {
      seq: 42,
      at: T0,
      event: { type: 'CounterStatusChanged', counterId: 'c1', status: 'open' },
    });
    expect(result).toBe(state);
    expect(state.seq).toBe(42);
    expect(state.counters['c1']?.status).toBe('open');
  });

  describe('TicketIssued', () => {
    it('adds the ticket, takes its number and counts it', () => {
      const state = withTickets(ticket(1), ticket(2, { serviceId: 'kk', displayNumber: 'B-002' }));
      expect(Object.keys(state.tickets)).toEqual([testUuid(1), testUuid(2)]);
      expect(state.numbersUsed).toEqual({ 'ktp:1': testUuid(1), 'kk:2': testUuid(2) });
      expect(state.services['ktp']).toMatchObject({ issued: 1, lastNumber: 1 });
      expect(state.services['kk']).toMatchObject({ issued: 1, lastNumber: 2 });
    });

    it('does not move the hub’s numbering for an offline ticket', () => {
      const state = withTickets(
        ticket(1),
        ticket(505, { origin: { kind: 'kiosk', kioskId: 'k1', offline: true } }),
      );
      expect(state.services['ktp']).toMatchObject({ issued: 2, lastNumber: 1 });
      expect(state.numbersUsed['ktp:505']).toBe(testUuid(505));
    });

    it('keeps its own copy, so the logged event never changes', () => {
      const issued = ticket(1);
      const event: DomainEvent = { type: 'TicketIssued', ticket: issued };
      const snapshot = structuredClone(event);
      const state = apply(initialQueueSnapshot(config, '2026-03-02'), [event]);
      apply(state, [
        { type: 'CounterStatusChanged', counterId: 'c1', status: 'open' },
        {
          type: 'TicketCalled',
          ticketId: issued.id,
          counterId: 'c1',
          via: 'next',
          priorityStreak: 0,
          callIndex: 0,
        },
        { type: 'TicketRecalled', ticketId: issued.id, counterId: 'c1', callIndex: 1 },
        { type: 'TicketTransferred', ticketId: issued.id, fromCounterId: 'c1', toServiceId: 'kk', rank: 5 },
      ]);
      expect(event).toEqual(snapshot);
      expect(get(state, 1).status).toBe('waiting');
      expect(get(state, 1).calls).toHaveLength(2);
    });
  });

  it('NumbersLeased records the lease and moves the lease cursor', () => {
    const state = apply(initialQueueSnapshot(config, '2026-03-02'), [
      { type: 'NumbersLeased', kioskId: 'k1', serviceId: 'ktp', from: 501, to: 520 },
      { type: 'NumbersLeased', kioskId: 'k2', serviceId: 'ktp', from: 521, to: 540 },
    ]);
    expect(state.leases).toEqual([
      { kioskId: 'k1', serviceId: 'ktp', from: 501, to: 520 },
      { kioskId: 'k2', serviceId: 'ktp', from: 521, to: 540 },
    ]);
    expect(state.services['ktp']?.leaseCursor).toBe(541);
  });

  describe('TicketCalled', () => {
    it('puts the ticket at the counter and logs the call', () => {
      const state = withTickets(
        ticket(1, { targetCounterId: 'c1', servingAt: T0, transfers: [] }),
        ticket(2, { priority: 'elderly' }),
      );
      apply(
        state,
        [
          {
            type: 'TicketCalled',
            ticketId: testUuid(1),
            counterId: 'c1',
            via: 'next',
            priorityStreak: 0,
            callIndex: 0,
          },
        ],
        10,
      );
      expect(get(state, 1)).toMatchObject({
        status: 'called',
        counterId: 'c1',
        calledAt: T0 + 10 * MINUTE,
        calls: [{ counterId: 'c1', at: T0 + 10 * MINUTE, recall: false }],
      });
      expect(get(state, 1).servingAt).toBeUndefined();
      expect(get(state, 1).targetCounterId).toBeUndefined();
      expect(state.counters['c1']?.currentTicketId).toBe(testUuid(1));
    });

    it('stores the priority streak the event carries, whatever the ticket and the way it was called', () => {
      // The engine decides the streak (it alone knows who waited); the reducer never recomputes it,
      // so each step below differs from what a recount by ticket priority and `via` would give.
      const state = withTickets(
        ticket(1, { priority: 'elderly' }),
        ticket(2, { priority: 'pregnant' }),
        ticket(3, { priority: 'disability' }),
        ticket(4),
      );
      state.counters['c2'] = { ...emptyCounter('c2'), priorityStreak: 5 };
      const streaks: number[] = [];
      for (const [n, via, priorityStreak] of [
        [1, 'next', 0],
        [2, 'specific', 2],
        [4, 'next', 3],
        [3, 'next', 0],
      ] as const) {
        apply(state, [
          { type: 'TicketCalled', ticketId: testUuid(n), counterId: 'c1', via, priorityStreak, callIndex: 0 },
        ]);
        streaks.push(state.counters['c1']?.priorityStreak ?? -1);
      }
      expect(streaks).toEqual([0, 2, 3, 0]);
      // Another counter's streak is its own.
      expect(state.counters['c2']?.priorityStreak).toBe(5);
    });
  });

  it('TicketRecalled logs a recall and changes nothing else', () => {
    const state = withTickets(ticket(1));
    apply(
      state,
      [
        {
          type: 'TicketCalled',
          ticketId: testUuid(1),
          counterId: 'c1',
          via: 'next',
          priorityStreak: 0,
          callIndex: 0,
        },
      ],
      0,
    );
    apply(state, [{ type: 'TicketRecalled', ticketId: testUuid(1), counterId: 'c1', callIndex: 1 }], 2);
    expect(get(state, 1)).toMatchObject({
      status: 'called',
      calledAt: T0,
      calls: [
        { counterId: 'c1', at: T0, recall: false },
        { counterId: 'c1', at: T0 + 2 * MINUTE, recall: true },
      ],
    });
  });

  describe('TicketFinished', () => {
    it('ends the visit, frees the counter and keeps the service time from the start of service', () => {
      const state = withTickets(ticket(1));
      apply(
        state,
        [
          {
            type: 'TicketCalled',
            ticketId: testUuid(1),
            counterId: 'c1',
            via: 'next',
            priorityStreak: 0,
            callIndex: 0,
          },
        ],
        0,
      );
      apply(state, [{ type: 'ServingStarted', ticketId: testUuid(1), counterId: 'c1' }], 3);
      expect(get(state, 1)).toMatchObject({ status: 'serving', servingAt: T0 + 3 * MINUTE });
      apply(state, [{ type: 'TicketFinished', ticketId: testUuid(1), counterId: 'c1' }], 15);
      expect(get(state, 1)).toMatchObject({ status: 'done', endedAt: T0 + 15 * MINUTE });
      expect(state.counters['c1']).toMatchObject({ servedToday: 1, serviceMsToday: 12 * MINUTE });
      expect(state.counters['c1']?.currentTicketId).toBeUndefined();
      expect(state.services['ktp']?.recentServiceMs).toEqual([12 * MINUTE]);
    });

    it('measures from the call when service never started', () => {
      const state = withTickets(ticket(1));
      apply(
        state,
        [
          {
            type: 'TicketCalled',
            ticketId: testUuid(1),
            counterId: 'c1',
            via: 'next',
            priorityStreak: 0,
            callIndex: 0,
          },
        ],
        0,
      );
      apply(state, [{ type: 'TicketFinished', ticketId: testUuid(1), counterId: 'c1' }], 5);
      expect(state.services['ktp']?.recentServiceMs).toEqual([5 * MINUTE]);
    });

    it(`keeps the newest ${RECENT_SERVICE_KEEP} service times`, () => {
      const state = withTickets(ticket(1));
      const older = Array.from({ length: RECENT_SERVICE_KEEP }, (_, i) => i + 1);
      const svc = state.services['ktp'];
      if (!svc) throw new Error('no ktp');
      svc.recentServiceMs = [...older];
      apply(
        state,
        [
          {
            type: 'TicketCalled',
            ticketId: testUuid(1),
            counterId: 'c1',
            via: 'next',
            priorityStreak: 0,
            callIndex: 0,
          },
        ],
        0,
      );
      apply(state, [{ type: 'TicketFinished', ticketId: testUuid(1), counterId: 'c1' }], 1);
      expect(svc.recentServiceMs).toHaveLength(RECENT_SERVICE_KEEP);
      expect(svc.recentServiceMs[0]).toBe(2);
      expect(svc.recentServiceMs.at(-1)).toBe(MINUTE);
    });
  });

  it('TicketNoShow and TicketHeld free the counter; a held ticket remembers its counter', () => {
    const state = withTickets(ticket(1), ticket(2));
    apply(state, [
      {
        type: 'TicketCalled',
        ticketId: testUuid(1),
        counterId: 'c1',
        via: 'next',
        priorityStreak: 0,
        callIndex: 0,
      },
      { type: 'TicketNoShow', ticketId: testUuid(1), counterId: 'c1' },
      {
        type: 'TicketCalled',
        ticketId: testUuid(2),
        counterId: 'c2',
        via: 'next',
        priorityStreak: 0,
        callIndex: 0,
      },
      { type: 'TicketHeld', ticketId: testUuid(2), counterId: 'c2' },
    ]);
    expect(get(state, 1)).toMatchObject({ status: 'no_show', endedAt: T0 + MINUTE });
    expect(get(state, 2)).toMatchObject({ status: 'held', counterId: 'c2' });
    expect(state.counters['c1']?.currentTicketId).toBeUndefined();
    expect(state.counters['c2']?.currentTicketId).toBeUndefined();
    expect(state.counters['c1']?.servedToday).toBe(0);
  });

  it('TicketTransferred moves the ticket to its new queue and logs where from', () => {
    const state = withTickets(ticket(1));
    apply(state, [
      {
        type: 'TicketCalled',
        ticketId: testUuid(1),
        counterId: 'c1',
        via: 'next',
        priorityStreak: 0,
        callIndex: 0,
      },
      {
        type: 'TicketTransferred',
        ticketId: testUuid(1),
        fromCounterId: 'c1',
        toServiceId: 'paspor',
        rank: 7,
      },
      {
        type: 'TicketCalled',
        ticketId: testUuid(1),
        counterId: 'c4',
        via: 'next',
        priorityStreak: 0,
        callIndex: 0,
      },
      {
        type: 'TicketTransferred',
        ticketId: testUuid(1),
        fromCounterId: 'c4',
        toServiceId: 'kk',
        toCounterId: 'c2',
        rank: 3,
      },
    ]);
    expect(get(state, 1)).toMatchObject({
      status: 'waiting',
      serviceId: 'kk',
      number: 1,
      displayNumber: 'A-001',
      rank: 3,
      targetCounterId: 'c2',
      transfers: [
        { at: T0 + MINUTE, fromServiceId: 'ktp', toServiceId: 'paspor', byCounterId: 'c1' },
        {
          at: T0 + 3 * MINUTE,
          fromServiceId: 'paspor',
          toServiceId: 'kk',
          toCounterId: 'c2',
          byCounterId: 'c4',
        },
      ],
    });
    expect(get(state, 1).counterId).toBeUndefined();
    expect(state.counters['c4']?.currentTicketId).toBeUndefined();
    // The number stays taken in the service that issued it.
    expect(state.numbersUsed).toEqual({ 'ktp:1': testUuid(1) });
  });

  it('TicketTransferred keeps its note; one logged before notes existed replays with none', () => {
    const state = withTickets(ticket(1), ticket(2));
    const call = (n: number) =>
      ({
        type: 'TicketCalled',
        ticketId: testUuid(n),
        counterId: 'c1',
        via: 'next',
        priorityStreak: 0,
        callIndex: 0,
      }) as const;
    apply(state, [
      call(1),
      { type: 'TicketTransferred', ticketId: testUuid(1), fromCounterId: 'c1', toServiceId: 'kk', rank: 1 },
      call(2),
      {
        type: 'TicketTransferred',
        ticketId: testUuid(2),
        fromCounterId: 'c1',
        toServiceId: 'kk',
        rank: 2,
        note: 'KK asli dibawa',
      },
    ]);
    expect(get(state, 1).transfers[0]).not.toHaveProperty('note');
    expect(get(state, 2).transfers[0]?.note).toBe('KK asli dibawa');
  });

  it('TicketPutBack returns a no-show to the queue with its new rank', () => {
    const state = withTickets(ticket(1));
    apply(state, [
      {
        type: 'TicketCalled',
        ticketId: testUuid(1),
        counterId: 'c1',
        via: 'next',
        priorityStreak: 0,
        callIndex: 0,
      },
      { type: 'TicketNoShow', ticketId: testUuid(1), counterId: 'c1' },
      { type: 'TicketPutBack', ticketId: testUuid(1), counterId: 'c3', rank: -5 },
    ]);
    const t = get(state, 1);
    expect(t).toMatchObject({ status: 'waiting', rank: -5 });
    expect(t.endedAt).toBeUndefined();
    expect(t.counterId).toBeUndefined();
  });

  it('TicketPutBack returns a held ticket to its queue with the rank the event names (a counter closed)', () => {
    const state = withTickets(ticket(1), ticket(2));
    apply(state, [
      {
        type: 'TicketCalled',
        ticketId: testUuid(1),
        counterId: 'c1',
        via: 'next',
        priorityStreak: 0,
        callIndex: 0,
      },
      { type: 'TicketHeld', ticketId: testUuid(1), counterId: 'c1' },
      {
        type: 'TicketCalled',
        ticketId: testUuid(2),
        counterId: 'c2',
        via: 'next',
        priorityStreak: 0,
        callIndex: 0,
      },
      { type: 'TicketPutBack', ticketId: testUuid(1), counterId: 'c1', rank: T0 + MINUTE },
    ]);
    const t = get(state, 1);
    expect(t).toMatchObject({ status: 'waiting', rank: T0 + MINUTE, calledAt: T0 });
    expect(t.counterId).toBeUndefined();
    expect(t.endedAt).toBeUndefined();
    // Another counter's visitor is not touched.
    expect(state.counters['c2']?.currentTicketId).toBe(testUuid(2));
  });

  it('TicketCancelled ends the ticket and frees the counter only if it is the current one there', () => {
    const state = withTickets(ticket(1), ticket(2), ticket(3));
    apply(state, [
      {
        type: 'TicketCalled',
        ticketId: testUuid(1),
        counterId: 'c1',
        via: 'next',
        priorityStreak: 0,
        callIndex: 0,
      },
      { type: 'TicketHeld', ticketId: testUuid(1), counterId: 'c1' },
      {
        type: 'TicketCalled',
        ticketId: testUuid(2),
        counterId: 'c1',
        via: 'next',
        priorityStreak: 0,
        callIndex: 0,
      },
      { type: 'TicketCancelled', ticketId: testUuid(1), by: 'spv' },
    ]);
    expect(get(state, 1)).toMatchObject({ status: 'cancelled', endedAt: T0 + 3 * MINUTE });
    expect(state.counters['c1']?.currentTicketId).toBe(testUuid(2));
    apply(state, [
      { type: 'TicketCancelled', ticketId: testUuid(2), by: 'spv' },
      { type: 'TicketCancelled', ticketId: testUuid(3), by: 'kiosk:k1' },
    ]);
    expect(state.counters['c1']?.currentTicketId).toBeUndefined();
    expect(get(state, 3).status).toBe('cancelled');
  });

  it('PrintFailed marks an open ticket with the fault and leaves the queue as it was', () => {
    const state = withTickets(ticket(1), ticket(2));
    const before = structuredClone(state);
    apply(
      state,
      [{ type: 'PrintFailed', ticketId: testUuid(1), kioskId: 'k1', reason: 'paper-out: no paper' }],
      5,
    );
    const printFault = { kioskId: 'k1', reason: 'paper-out: no paper', at: T0 + 5 * MINUTE };
    expect(state).toEqual({
      ...before,
      seq: before.seq + 1,
      tickets: { ...before.tickets, [testUuid(1)]: { ...get(before, 1), printFault } },
    });
    // A second failure (the kiosk tried again) replaces the first: the alert says what is wrong now.
    apply(state, [{ type: 'PrintFailed', ticketId: testUuid(1), kioskId: 'k2', reason: 'cover-open' }], 7);
    expect(get(state, 1).printFault).toEqual({ kioskId: 'k2', reason: 'cover-open', at: T0 + 7 * MINUTE });
  });

  it('PrintFailed is history only for an ended ticket or one not of today', () => {
    const state = withTickets(ticket(1));
    apply(state, [{ type: 'TicketCancelled', ticketId: testUuid(1), by: 'spv' }]);
    const before = structuredClone(state);
    apply(state, [
      { type: 'PrintFailed', ticketId: testUuid(1), kioskId: 'k1', reason: 'paper-out' },
      { type: 'PrintFailed', ticketId: testUuid(99), kioskId: 'k1', reason: 'paper-out' },
      { type: 'PrintFailed', ticketId: '__proto__', kioskId: 'k1', reason: 'paper-out' },
    ]);
    expect(state).toEqual({ ...before, seq: before.seq + 3 });
  });

  it('TicketReprinted clears the fault, and ignores tickets without one or not of today', () => {
    const state = withTickets(ticket(1), ticket(2));
    apply(state, [{ type: 'PrintFailed', ticketId: testUuid(1), kioskId: 'k1', reason: 'unreachable' }]);
    const faulted = structuredClone(state);
    apply(state, [{ type: 'TicketReprinted', ticketId: testUuid(1), kioskId: 'k1', by: 'dukcapil1' }]);
    expect(get(state, 1)).not.toHaveProperty('printFault');
    const { printFault: _fault, ...cleared } = get(faulted, 1);
    expect(get(state, 1)).toEqual(cleared);
    const before = structuredClone(state);
    apply(state, [
      { type: 'TicketReprinted', ticketId: testUuid(2), kioskId: 'k1', by: 'dukcapil1' },
      { type: 'TicketReprinted', ticketId: testUuid(99), kioskId: 'k1', by: 'dukcapil1' },
    ]);
    expect(state).toEqual({ ...before, seq: before.seq + 2 });
  });

  it('a fault stays on a ticket whose visit ends, as history', () => {
    const state = withTickets(ticket(1));
    apply(state, [
      { type: 'PrintFailed', ticketId: testUuid(1), kioskId: 'k1', reason: 'paper-out' },
      {
        type: 'TicketCalled',
        ticketId: testUuid(1),
        counterId: 'c1',
        via: 'next',
        priorityStreak: 0,
        callIndex: 0,
      },
      { type: 'TicketFinished', ticketId: testUuid(1), counterId: 'c1' },
    ]);
    expect(get(state, 1)).toMatchObject({ status: 'done', printFault: { kioskId: 'k1', at: T0 } });
  });

  it('LateTicketExpired is history only: today’s tickets, numbers and quotas stay as they were', () => {
    const state = withTickets(ticket(1));
    apply(state, [{ type: 'NumbersLeased', kioskId: 'k1', serviceId: 'ktp', from: 501, to: 520 }]);
    const before = structuredClone(state);
    // Yesterday's offline: the same numbers as today's A-001 and a number leased today.
    for (const [n, number] of [
      [90, 1],
      [91, 505],
    ] as const) {
      apply(state, [
        {
          type: 'LateTicketExpired',
          ticket: ticket(n, {
            number,
            displayNumber: `A-${String(number).padStart(3, '0')}`,
            day: '2026-03-01',
            issuedAt: T0 - 12 * 60 * MINUTE,
            rank: T0 - 12 * 60 * MINUTE,
            origin: { kind: 'kiosk', kioskId: 'k1', offline: true },
            status: 'expired',
            endedAt: T0,
          }),
        },
      ]);
    }
    expect(state).toEqual({ ...before, seq: before.seq + 2 });
  });

  it('CounterStatusChanged keeps the staff member and the pause reason', () => {
    const state = initialQueueSnapshot(config, '2026-03-02');
    apply(state, [{ type: 'CounterStatusChanged', counterId: 'c1', status: 'open', staff: 'dukcapil1' }]);
    expect(state.counters['c1']).toMatchObject({ status: 'open', staff: 'dukcapil1' });
    apply(state, [{ type: 'CounterStatusChanged', counterId: 'c1', status: 'paused', reason: 'ishoma' }]);
    expect(state.counters['c1']).toMatchObject({
      status: 'paused',
      staff: 'dukcapil1',
      pauseReason: 'ishoma',
    });
    apply(state, [{ type: 'CounterStatusChanged', counterId: 'c1', status: 'open', staff: 'dukcapil2' }]);
    expect(state.counters['c1']).toMatchObject({ status: 'open', staff: 'dukcapil2' });
    expect(state.counters['c1']?.pauseReason).toBeUndefined();
    apply(state, [{ type: 'CounterStatusChanged', counterId: 'c1', status: 'closed', staff: 'dukcapil2' }]);
    expect(state.counters['c1']?.status).toBe('closed');
    expect(state.counters['c1']?.staff).toBeUndefined();
  });

  it('DayClosed at midnight expires the listed tickets, then leaves exactly the state a fresh hall day starts with', () => {
    const state = withTickets(ticket(1), ticket(2), ticket(3, { serviceId: 'paspor' }));
    const [held1, held2, held3] = [get(state, 1), get(state, 2), get(state, 3)];
    apply(state, [
      { type: 'NumbersLeased', kioskId: 'k1', serviceId: 'kk', from: 501, to: 520 },
      { type: 'CounterStatusChanged', counterId: 'c1', status: 'open', staff: 'dukcapil1' },
      {
        type: 'TicketCalled',
        ticketId: testUuid(1),
        counterId: 'c1',
        via: 'next',
        priorityStreak: 0,
        callIndex: 0,
      },
      { type: 'TicketFinished', ticketId: testUuid(1), counterId: 'c1' },
      {
        type: 'TicketCalled',
        ticketId: testUuid(2),
        counterId: 'c1',
        via: 'next',
        priorityStreak: 0,
        callIndex: 0,
      },
      {
        type: 'DayClosed',
        day: '2026-03-02',
        nextDay: '2026-03-03',
        expiredTicketIds: [testUuid(2), testUuid(3)],
      },
    ]);
    // The listed tickets are expired first (whoever still holds them sees how they ended), then the day resets.
    expect([held2.status, held2.endedAt]).toEqual(['expired', T0 + 5 * MINUTE]);
    expect([held3.status, held3.endedAt]).toEqual(['expired', T0 + 5 * MINUTE]);
    expect(held1.status).toBe('done');
    // The hub rebuilds a day from the events after its DayClosed, starting from `initialQueueSnapshot`:
    // the live state must be the same, or a restart would change it.
    expect(state).toEqual(initialQueueSnapshot(config, '2026-03-03', state.seq));
  });

  it('DayClosed before midnight (nextDay = day) expires the listed tickets and keeps the day, its numbers and leases', () => {
    const state = withTickets(
      ticket(1),
      ticket(2),
      ticket(3, { priority: 'elderly' }),
      ticket(4),
      ticket(5),
      ticket(6, { serviceId: 'paspor', displayNumber: 'P-006' }),
      ticket(7),
    );
    apply(state, [
      { type: 'NumbersLeased', kioskId: 'k1', serviceId: 'kk', from: 501, to: 520 },
      { type: 'CounterStatusChanged', counterId: 'c1', status: 'open', staff: 'dukcapil1' },
      { type: 'CounterStatusChanged', counterId: 'c2', status: 'open', staff: 'dukcapil2' },
      {
        type: 'TicketCalled',
        ticketId: testUuid(1),
        counterId: 'c1',
        via: 'next',
        priorityStreak: 0,
        callIndex: 0,
      },
      { type: 'TicketFinished', ticketId: testUuid(1), counterId: 'c1' }, // done
      {
        type: 'TicketCalled',
        ticketId: testUuid(2),
        counterId: 'c1',
        via: 'next',
        priorityStreak: 0,
        callIndex: 0,
      },
      { type: 'TicketNoShow', ticketId: testUuid(2), counterId: 'c1' }, // no-show
      {
        type: 'TicketCalled',
        ticketId: testUuid(3),
        counterId: 'c1',
        via: 'next',
        priorityStreak: 1,
        callIndex: 0,
      },
      { type: 'TicketHeld', ticketId: testUuid(3), counterId: 'c1' }, // held at c1
      {
        type: 'TicketCalled',
        ticketId: testUuid(4),
        counterId: 'c1',
        via: 'next',
        priorityStreak: 1,
        callIndex: 0,
      }, // called
      {
        type: 'TicketCalled',
        ticketId: testUuid(5),
        counterId: 'c2',
        via: 'next',
        priorityStreak: 0,
        callIndex: 0,
      },
      { type: 'ServingStarted', ticketId: testUuid(5), counterId: 'c2' }, // serving; 6 and 7 wait
      { type: 'TicketCancelled', ticketId: testUuid(7), by: 'spv' }, // cancelled
    ]);
    const before = structuredClone(state);
    const closedAt = T0 + 30 * MINUTE;
    const open = [3, 4, 5, 6];
    applyEvent(state, {
      seq: state.seq + 1,
      at: closedAt,
      event: {
        type: 'DayClosed',
        day: '2026-03-02',
        nextDay: '2026-03-02',
        expiredTicketIds: open.map(testUuid),
      },
    });
    const expected = structuredClone(before);
    expected.seq = before.seq + 1;
    for (const n of open)
      Object.assign(expected.tickets[testUuid(n)] ?? {}, { status: 'expired', endedAt: closedAt });
    // Released from the counters, which stay open with their staff, streaks and tallies.
    delete expected.counters['c1']?.currentTicketId;
    delete expected.counters['c2']?.currentTicketId;
    expect(state).toEqual(expected);
    expect(state.day).toBe('2026-03-02');
    expect(state.counters['c1']).toMatchObject({
      status: 'open',
      staff: 'dukcapil1',
      priorityStreak: 1,
      servedToday: 1,
    });
    // Numbers, quotas and leases of the day are all still there.
    expect(Object.keys(state.numbersUsed)).toHaveLength(7);
    expect(state.services['ktp']).toMatchObject({ issued: 6, lastNumber: 7 });
    expect(state.leases).toEqual([{ kioskId: 'k1', serviceId: 'kk', from: 501, to: 520 }]);
  });

  it('refuses an event about a ticket it does not know', () => {
    const state = initialQueueSnapshot(config, '2026-03-02');
    expect(() =>
      apply(state, [
        {
          type: 'TicketCalled',
          ticketId: testUuid(9),
          counterId: 'c1',
          via: 'next',
          priorityStreak: 0,
          callIndex: 0,
        },
      ]),
    ).toThrow(/unknown ticket/);
  });
});
