import { describe, expect, it } from 'vitest';
import type { DomainEvent } from './domain-events.js';
import type { Ticket } from './domain-types.js';
import { QueueDay } from './queue-day.js';
import { testHall, testUuid } from './testing/test-hall.js';

const T0 = Date.parse('2026-03-02T08:00:00+07:00');
const config = testHall();

function ticket(id: string, n: number, serviceId = 'ktp'): Ticket {
  return {
    id,
    serviceId,
    prefix: 'A',
    number: n,
    displayNumber: `A-${String(n).padStart(3, '0')}`,
    day: '2026-03-02',
    issuedAt: T0 + n,
    origin: { kind: 'kiosk', kioskId: 'k1', offline: false },
    priority: 'none',
    status: 'waiting',
    rank: T0 + n,
    calls: [],
    transfers: [],
    estimate: { ahead: 0, minutes: 0 },
  };
}

function apply(day: QueueDay, event: DomainEvent): void {
  day.apply({ seq: day.seq + 1, at: T0 + day.seq, event });
}

/** Waiting counts made afresh from the tickets, to hold the day's running index against. */
function recount(day: QueueDay): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of Object.values(day.tickets)) {
    if (t.status !== 'waiting') continue;
    const key = `${t.targetCounterId ?? '*'}/${t.serviceId}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** The waiting queue the day keeps, held against a filter of all its tickets: the same objects, in order. */
function expectQueueFollows(day: QueueDay): void {
  expect(day.waitingTickets()).toEqual(day.allTickets().filter((t) => t.status === 'waiting'));
  expect(day.waitingTickets().every((t) => t === day.tickets[t.id])).toBe(true);
}

function indexed(day: QueueDay): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [id, n] of day.waiting().byService) counts[`*/${id}`] = n;
  for (const [counterId, atCounter] of day.waiting().byCounter) {
    for (const [id, n] of atCounter) counts[`${counterId}/${id}`] = n;
  }
  return counts;
}

describe('QueueDay', () => {
  it('lists its tickets in issue order, the same objects its record holds, as events arrive', () => {
    const day = QueueDay.empty(config, '2026-03-02');
    expect(day.allTickets()).toEqual([]);
    for (let n = 1; n <= 5; n += 1) {
      apply(day, { type: 'TicketIssued', ticket: ticket(testUuid(n), n) });
      expect(day.allTickets().map((t) => t.number)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    }
    apply(day, { type: 'CounterStatusChanged', counterId: 'c1', status: 'open' });
    apply(day, {
      type: 'TicketCalled',
      ticketId: testUuid(2),
      counterId: 'c1',
      via: 'next',
      priorityStreak: 0,
      callIndex: 0,
    });
    expect(day.allTickets().every((t) => t === day.tickets[t.id])).toBe(true);
    expect(day.ticket(testUuid(2))?.status).toBe('called');
  });

  it('keeps one entry per id when a ticket is issued again, and finds no prototype keys', () => {
    const day = QueueDay.empty(config, '2026-03-02');
    apply(day, { type: 'TicketIssued', ticket: ticket('b', 1) });
    apply(day, { type: 'TicketIssued', ticket: ticket('7', 2) });
    apply(day, { type: 'TicketIssued', ticket: ticket('b', 4) });
    expect(day.allTickets().map((t) => [t.id, t.number])).toEqual([
      ['b', 4],
      ['7', 2],
    ]);
    expectQueueFollows(day);
    expect(day.waitingTickets().map((t) => t.number)).toEqual([4, 2]);
    expect(day.ticket('constructor')).toBeUndefined();
    expect(day.ticket('toString')).toBeUndefined();
  });

  it('keeps its waiting counts equal to a recount as tickets are issued, called, sent and put back', () => {
    const day = QueueDay.empty(config, '2026-03-02');
    for (let n = 1; n <= 4; n += 1) apply(day, { type: 'TicketIssued', ticket: ticket(testUuid(n), n) });
    apply(day, { type: 'TicketIssued', ticket: ticket(testUuid(5), 5, 'kk') });
    expect(indexed(day)).toEqual(recount(day));
    expectQueueFollows(day);
    apply(day, { type: 'CounterStatusChanged', counterId: 'c1', status: 'open' });
    const call = (n: number, callIndex = 0): DomainEvent => ({
      type: 'TicketCalled',
      ticketId: testUuid(n),
      counterId: 'c1',
      via: 'next',
      priorityStreak: 0,
      callIndex,
    });
    apply(day, call(1));
    expect(indexed(day)).toEqual(recount(day));
    expectQueueFollows(day);
    apply(day, {
      type: 'TicketTransferred',
      ticketId: testUuid(1),
      fromCounterId: 'c1',
      toServiceId: 'kk',
      toCounterId: 'c2',
      rank: 0,
    });
    expect(indexed(day)).toEqual({ '*/ktp': 3, '*/kk': 1, 'c2/kk': 1 });
    apply(day, call(2));
    apply(day, { type: 'TicketNoShow', ticketId: testUuid(2), counterId: 'c1' });
    expect(indexed(day)).toEqual(recount(day));
    expectQueueFollows(day);
    apply(day, { type: 'TicketPutBack', ticketId: testUuid(2), counterId: 'c1', rank: 0 });
    apply(day, { type: 'TicketCancelled', ticketId: testUuid(3), by: 'spv' });
    expect(indexed(day)).toEqual(recount(day));
    expectQueueFollows(day);
    expect(indexed(day)).toEqual({ '*/ktp': 2, '*/kk': 1, 'c2/kk': 1 });
  });

  it('starts afresh with a new day, and a day from a snapshot shares nothing with its source', () => {
    const day = QueueDay.empty(config, '2026-03-02');
    apply(day, { type: 'TicketIssued', ticket: ticket(testUuid(1), 1) });
    const copy = QueueDay.fromSnapshot(day.snapshot());
    apply(copy, { type: 'TicketIssued', ticket: ticket(testUuid(2), 2) });
    expect(day.allTickets()).toHaveLength(1);
    expect(copy.allTickets()).toHaveLength(2);
    expect(indexed(copy)).toEqual({ '*/ktp': 2 });
    expect(indexed(day)).toEqual({ '*/ktp': 1 });
    apply(day, {
      type: 'DayClosed',
      day: '2026-03-02',
      nextDay: '2026-03-03',
      expiredTicketIds: [testUuid(1)],
    });
    expect(day.allTickets()).toEqual([]);
    expect(indexed(day)).toEqual({});
    expect(day.snapshot()).toEqual(QueueDay.empty(config, '2026-03-03', day.seq).snapshot());
  });

  it('makes the same day from a snapshot that crossed the wire as JSON', () => {
    const day = QueueDay.empty(config, '2026-03-02');
    for (let n = 1; n <= 3; n += 1) apply(day, { type: 'TicketIssued', ticket: ticket(testUuid(n), n) });
    const mirrored = QueueDay.fromSnapshot(JSON.parse(JSON.stringify(day.snapshot())));
    expect(mirrored.snapshot()).toEqual(day.snapshot());
    expect(mirrored.allTickets()).toEqual(day.allTickets());
    expect(indexed(mirrored)).toEqual(indexed(day));
  });
});
