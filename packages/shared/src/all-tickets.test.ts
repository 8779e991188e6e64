import { describe, expect, it } from 'vitest';
import type { DomainEvent } from './domain-events.js';
import type { QueueState, Ticket } from './domain-types.js';
import { applyEvent } from './queue-reducer.js';
import { allTickets, initialQueueState } from './queue-state.js';
import { testHall, testUuid } from './testing/test-hall.js';

const T0 = Date.parse('2026-03-02T08:00:00+07:00');
const config = testHall();

function ticket(id: string, n: number): Ticket {
  return {
    id,
    serviceId: 'ktp',
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

function apply(state: QueueState, event: DomainEvent): void {
  applyEvent(state, { seq: state.seq + 1, at: T0 + state.seq, event });
}

describe('allTickets', () => {
  it('lists the tickets as Object.values does, kept up to date by the reducer', () => {
    const state = initialQueueState(config, '2026-03-02');
    expect(allTickets(state)).toEqual([]);
    for (let n = 1; n <= 5; n += 1) {
      apply(state, { type: 'TicketIssued', ticket: ticket(testUuid(n), n) });
      expect(allTickets(state)).toEqual(Object.values(state.tickets));
    }
    apply(state, { type: 'CounterStatusChanged', counterId: 'c1', status: 'open' });
    apply(state, {
      type: 'TicketCalled',
      ticketId: testUuid(2),
      counterId: 'c1',
      via: 'next',
      priorityStreak: 0,
    });
    expect(allTickets(state)).toEqual(Object.values(state.tickets));
    expect(allTickets(state).every((t, i) => t === Object.values(state.tickets)[i])).toBe(true);
  });

  it('keeps Object.values order for index-like ids and re-issued ids', () => {
    const state = initialQueueState(config, '2026-03-02');
    allTickets(state);
    apply(state, { type: 'TicketIssued', ticket: ticket('b', 1) });
    apply(state, { type: 'TicketIssued', ticket: ticket('7', 2) });
    apply(state, { type: 'TicketIssued', ticket: ticket('a', 3) });
    apply(state, { type: 'TicketIssued', ticket: ticket('b', 4) });
    expect(allTickets(state).map((t) => [t.id, t.number])).toEqual(
      Object.values(state.tickets).map((t) => [t.id, t.number]),
    );
    expect(allTickets(state).map((t) => t.id)).toEqual(['7', 'b', 'a']);
  });

  it('starts afresh with a new day and with a copied state', () => {
    const state = initialQueueState(config, '2026-03-02');
    apply(state, { type: 'TicketIssued', ticket: ticket(testUuid(1), 1) });
    expect(allTickets(state)).toHaveLength(1);
    const copy = structuredClone(state);
    apply(copy, { type: 'TicketIssued', ticket: ticket(testUuid(2), 2) });
    expect(allTickets(state)).toHaveLength(1);
    expect(allTickets(copy)).toHaveLength(2);
    apply(state, {
      type: 'DayClosed',
      day: '2026-03-02',
      nextDay: '2026-03-03',
      expiredTicketIds: [testUuid(1)],
    });
    expect(allTickets(state)).toEqual([]);
  });
});
