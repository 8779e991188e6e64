import { describe, expect, it } from 'vitest';
import type { QueueSnapshot, Ticket } from '@antre/shared';
import { QueueDay } from '@antre/shared';
import { decodePackedDay, encodePackedDay, packDay } from './day-snapshot-codec.js';

const DAY = '2026-11-30';
const T0 = Date.UTC(2026, 10, 30, 2, 0);

function ticket(n: number, extra: Partial<Ticket> = {}): Ticket {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    serviceId: n % 2 === 0 ? 'ktp' : 'paspor',
    prefix: n % 2 === 0 ? 'A' : 'B',
    number: n,
    displayNumber: `${n % 2 === 0 ? 'A' : 'B'}-${String(n).padStart(3, '0')}`,
    day: DAY,
    issuedAt: T0 + n * 1000,
    origin: { kind: 'kiosk', kioskId: 'kiosk-1', offline: false },
    priority: 'none',
    status: 'waiting',
    rank: T0 + n * 1000,
    calls: [],
    transfers: [],
    estimate: { ahead: n, minutes: n * 3, low: n * 2, high: n * 4 },
    ...extra,
  };
}

/** A day with every kind of ticket field a log can make, the rare ones included. */
function richDay(): QueueSnapshot {
  const tickets = [
    ticket(1),
    ticket(2, {
      status: 'called',
      counterId: 'loket-1',
      calledAt: T0 + 5000,
      calls: [
        { counterId: 'loket-1', at: T0 + 5000, recall: false },
        { counterId: 'loket-1', at: T0 + 6000, recall: true },
      ],
      priority: 'elderly',
      rank: T0 - 1,
    }),
    ticket(3, {
      status: 'done',
      calledAt: T0 + 7000,
      servingAt: T0 + 8000,
      endedAt: T0 + 9500.5,
      origin: { kind: 'staff', username: 'siti' },
      calls: [{ counterId: 'loket-2', at: T0 + 7000, recall: false }],
      estimate: { ahead: 0, minutes: 0 },
    }),
    ticket(4, {
      targetCounterId: 'loket-3',
      transfers: [
        {
          at: T0 + 4000,
          fromServiceId: 'ktp',
          toServiceId: 'paspor',
          byCounterId: 'loket-1',
          note: 'KK dibawa',
        },
      ],
      printFault: { kioskId: 'kiosk-2', reason: 'paper-out: kertas habis', at: T0 + 4100 },
      origin: { kind: 'online' },
    }),
    ticket(5, {
      estimate: { ahead: 2, minutes: 30, opens: { weekday: 'tue', at: '08:00', inDays: 1 } },
      appointment: { bookingId: 'bk-1', slotStart: T0 + 3_600_000 },
      visit: {
        legs: [
          {
            serviceId: 'ktp',
            status: 'done',
            counterId: 'loket-1',
            queuedAt: T0,
            calledAt: T0 + 1,
            endedAt: T0 + 2,
          },
          { serviceId: 'paspor', status: 'active', queuedAt: T0 + 3 },
        ],
        order: [{ before: 0, after: 1 }],
        current: 1,
      },
    }),
    ticket(6, { origin: { kind: 'kiosk', kioskId: 'kiosk-2', offline: true }, status: 'no_show' }),
  ];
  return {
    day: DAY,
    seq: 4321,
    tickets: Object.fromEntries(tickets.map((t) => [t.id, t])),
    counters: {
      'loket-1': {
        id: 'loket-1',
        status: 'open',
        staff: 'siti',
        currentTicketId: tickets[1]?.id ?? '',
        priorityStreak: 1,
        servedToday: 3,
        serviceMsToday: 12345,
      },
      'loket-2': {
        id: 'loket-2',
        status: 'paused',
        pauseReason: 'istirahat',
        priorityStreak: 0,
        servedToday: 0,
        serviceMsToday: 0,
      },
    },
    services: { ktp: { issued: 3, lastNumber: 6, leaseCursor: 1001, recentServiceMs: [1000, 2000] } },
    leases: [{ kioskId: 'kiosk-2', serviceId: 'paspor', from: 500, to: 549 }],
    numbersUsed: {
      ...Object.fromEntries(tickets.map((t) => [`${t.serviceId}:${t.number}`, t.id])),
      // A number whose ticket the day no longer holds by that id.
      'paspor:500': 'somewhere-else',
    },
  };
}

describe('the packed form of a hall day', () => {
  it('reads back exactly the day it packed, rare fields and all', () => {
    const data = richDay();
    const day = QueueDay.own(structuredClone(data));
    const bytes = encodePackedDay(packDay(day));
    expect(decodePackedDay(bytes).data).toStrictEqual(data);
    // The tickets come back in the day's order, which `allTickets()` and the waiting queue follow.
    expect(Object.keys(decodePackedDay(bytes).data.tickets)).toEqual(Object.keys(data.tickets));
    expect(decodePackedDay(bytes).list).toEqual(Object.values(data.tickets));
  });

  it('copies the day: a change after packing is not in what was packed', () => {
    const data = richDay();
    const day = QueueDay.own(structuredClone(data));
    const packed = packDay(day);
    const first = Object.values(data.tickets)[0];
    day.apply({
      seq: data.seq + 1,
      at: T0 + 10_000,
      event: {
        type: 'TicketCalled',
        ticketId: first?.id ?? '',
        counterId: 'loket-2',
        via: 'next',
        priorityStreak: 0,
        callIndex: 0,
      },
    });
    expect(day.ticket(first?.id ?? '')?.status).toBe('called');
    expect(decodePackedDay(encodePackedDay(packed)).data).toStrictEqual(data);
  });

  it('is far smaller than the same day as JSON', () => {
    const many: Ticket[] = Array.from({ length: 2000 }, (_, i) =>
      ticket(i + 1, { calls: [{ counterId: 'loket-1', at: T0 + i, recall: false }] }),
    );
    const data: QueueSnapshot = { ...richDay(), tickets: Object.fromEntries(many.map((t) => [t.id, t])) };
    const bytes = encodePackedDay(packDay(QueueDay.own(structuredClone(data))));
    expect(bytes.length).toBeLessThan(JSON.stringify(data).length / 2);
    expect(decodePackedDay(bytes).data).toStrictEqual(data);
  });

  it('refuses bytes cut short, of another shape, or with columns that do not fit', () => {
    const day = QueueDay.own(richDay());
    const packed = packDay(day);
    const bytes = encodePackedDay(packed);
    expect(() => decodePackedDay(bytes.subarray(0, bytes.length >> 1))).toThrow();
    expect(() => decodePackedDay(encodePackedDay({ ...packed, shape: 'antre-day/0' }))).toThrow(
      /not a packed day/,
    );
    expect(() => decodePackedDay(encodePackedDay({ ...packed, ids: packed.ids.slice(1) }))).toThrow(
      /wrong length/,
    );
  });
});
