import { describe, expect, it } from 'vitest';
import { bookedSeatsAhead } from './booked-seats-ahead.js';
import type { BookingRequest } from './booking-commands.js';
import type { DomainEvent } from './domain-events.js';
import type { OpenBooking } from './domain-types.js';
import type { HallConfig } from './hall-config.js';
import { rolloverEvents } from './queue-engine.js';
import { issueCapacities, issueEstimate } from './service-refusal.js';
import { slotWait } from './slot-wait.js';
import { TestBookings, TestQueue, testHall } from './testing/index.js';

/** Monday 7 December 2026, 08:00 WIB. */
const MONDAY_8 = Date.parse('2026-12-07T01:00:00Z');
const at = (clock: string, day = '2026-12-07'): number => Date.parse(`${day}T${clock}:00+07:00`);
const NIKS = ['3171015708450002', '3171011203900001', '3171012509850003', '3171010101800004'];

function hall(): HallConfig {
  return testHall({
    serviceChanges: {
      ktp: { booking: { slotMinutes: 30, seatsPerSlot: 4, daysAhead: 7, bookedShare: 0.5 }, dailyQuota: 40 },
    },
  });
}

const request = (nik: string, over: Partial<BookingRequest> = {}): BookingRequest => ({
  serviceId: 'ktp',
  day: '2026-12-07',
  slotStart: at('10:30'),
  name: 'Siti Aminah',
  nik,
  phone: '0812-3456-7890',
  ...over,
});

/** A hall at 08:00 with a counter open for the service and three walk-ins waiting. */
function setup(): { q: TestQueue; b: TestBookings } {
  const q = new TestQueue(hall(), MONDAY_8);
  q.must({ type: 'setCounterStatus', counterId: 'c1', status: 'open' });
  for (let i = 0; i < 3; i++) q.issue('ktp');
  return { q, b: new TestBookings(q) };
}

describe('bookedSeatsAhead', () => {
  it('counts the open seats of slots begun by the visitor’s place, while their check-in is open', () => {
    const config = hall();
    const openBookings = {
      a: { serviceId: 'ktp', slotStart: at('10:00') },
      b: { serviceId: 'ktp', slotStart: at('10:30') },
      c: { serviceId: 'ktp', slotStart: at('10:30') },
      d: { serviceId: 'ktp', slotStart: at('11:00') },
      e: { serviceId: 'kk', slotStart: at('09:00') },
    };
    // At 10:35 a walk-in queues behind 10:30's seats and 10:00's (check-in open till 10:15? closed).
    expect(
      bookedSeatsAhead({ rank: at('10:35'), now: at('10:35'), openBookings, waiting: [], config }),
    ).toEqual({
      ktp: 2,
    });
    // At 10:10 the 10:00 seat may still come; 10:30's are called after the walk-in.
    expect(
      bookedSeatsAhead({ rank: at('10:10'), now: at('10:10'), openBookings, waiting: [], config }),
    ).toEqual({
      ktp: 1,
    });
    // Asked at 10:40 for a citizen booked at 11:00 (seat d): 10:30's seats may still come; not its own.
    expect(
      bookedSeatsAhead({ rank: at('11:00'), now: at('10:40'), openBookings, waiting: [], config, own: 'd' }),
    ).toEqual({ ktp: 2 });
  });

  it('takes back an appointment checked in early for a later slot: it waits, but behind a walk-in taken now', () => {
    const { q, b } = setup();
    q.now = at('10:10');
    const id = b.mustBook(request(NIKS[0] ?? ''));
    const ticketId = b.mustCheckIn(id);
    expect(q.state.openBookings).toEqual({});
    expect(q.state.ticket(ticketId)?.rank).toBe(at('10:30'));
    const extra = bookedSeatsAhead({
      rank: q.now,
      now: q.now,
      openBookings: q.state.openBookings,
      waiting: q.state.waitingTickets(),
      config: q.config,
    });
    expect(extra).toEqual({ ktp: -1 });
    const withIt = issueCapacities(q.state, q.config, q.now).ktp;
    expect(withIt?.ahead).toBe(3);
  });
});

describe('the estimate counts booked seats', () => {
  it('a kiosk estimate at 10:35 with a full slot of bookings at 10:30 is larger than without', () => {
    const plain = setup();
    const booked = setup();
    for (const nik of NIKS) booked.b.mustBook(request(nik));
    expect(Object.keys(booked.q.state.openBookings)).toHaveLength(4);
    plain.q.now = at('10:35');
    booked.q.now = at('10:35');
    const without = issueCapacities(plain.q.state, plain.q.config, plain.q.now).ktp;
    const withSeats = issueCapacities(booked.q.state, booked.q.config, booked.q.now).ktp;
    expect(without?.ahead).toBe(3);
    expect(withSeats?.ahead).toBe(7);
    expect(withSeats?.minutes ?? 0).toBeGreaterThan(without?.minutes ?? 0);
    // The offline mirror prints the same: the kiosk's own estimate for a ticket it issues.
    const offline = issueEstimate(booked.q.state, booked.q.config, 'ktp', 'none', booked.q.now);
    expect(offline.minutes).toBe(withSeats?.minutes);
    // Once check-in has closed (10:45), the no-shows hold nothing.
    booked.q.now = at('10:46');
    plain.q.now = at('10:46');
    expect(issueCapacities(booked.q.state, booked.q.config, booked.q.now).ktp?.minutes).toBe(
      issueCapacities(plain.q.state, plain.q.config, plain.q.now).ktp?.minutes,
    );
  });

  it('the hub’s printed estimate of a walk-in counts them too', () => {
    const { q, b } = setup();
    for (const nik of NIKS) b.mustBook(request(nik));
    q.now = at('10:35');
    const ticket = q.issue('ktp');
    expect(ticket.estimate.ahead).toBe(7);
  });

  it('a booking page estimate for a slot is larger when the slot is full', () => {
    const { q, b } = setup();
    const config = q.config;
    const empty = slotWait(config, '2026-12-07', 'ktp', at('10:30'), b.sync().book.openOn('2026-12-07'));
    for (const nik of NIKS.slice(0, 3)) b.mustBook(request(nik));
    const full = slotWait(config, '2026-12-07', 'ktp', at('10:30'), b.book.openOn('2026-12-07'));
    expect(full.ahead).toBe(3);
    expect(empty.ahead).toBe(0);
    expect(full.minutes).toBeGreaterThan(empty.minutes);
  });

  it('a new day starts with its open bookings, made on earlier days', () => {
    const { q, b } = setup();
    const id = b.mustBook(
      request(NIKS[0] ?? '', { day: '2026-12-08', slotStart: at('09:00', '2026-12-08') }),
    );
    expect(q.state.openBookings).toEqual({});
    q.now = at('07:00', '2026-12-08');
    q.apply(rolloverWith(q, (day) => b.book.openOn(day)));
    expect(q.state.day).toBe('2026-12-08');
    expect(q.state.openBookings).toEqual({
      [id]: { serviceId: 'ktp', slotStart: at('09:00', '2026-12-08') },
    });
    b.cancel(id);
    expect(q.state.openBookings).toEqual({});
  });
});

function rolloverWith(q: TestQueue, open: (day: string) => Record<string, OpenBooking>): DomainEvent[] {
  return rolloverEvents(q.state, q.config, q.now, open);
}
