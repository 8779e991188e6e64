import { describe, expect, it } from 'vitest';
import type { HallConfig } from './hall-config.js';
import {
  decidePackageBooking,
  decidePackageCancel,
  packageLegOrder,
  packageSlots,
} from './package-booking.js';
import type { PackageBookingRequest } from './package-booking.js';
import { TestBookings, TestQueue, testHall } from './testing/index.js';

/** Monday 7 December 2026, 08:00 WIB. */
const MONDAY_8 = Date.parse('2026-12-07T01:00:00Z');
const at = (clock: string, day = '2026-12-07'): number => Date.parse(`${day}T${clock}:00+07:00`);
const NIKS = ['3171015708450002', '3171011203900001', '3171012509850003'];

/** KK (slots of 30, 12 min typical) must come before KTP-el (slots of 30): the package lists KTP-el first. */
function hall(): HallConfig {
  return testHall({
    serviceChanges: {
      ktp: { booking: { slotMinutes: 30, seatsPerSlot: 1, daysAhead: 7, bookedShare: 0.5 }, dailyQuota: 40 },
      kk: { booking: { slotMinutes: 30, seatsPerSlot: 2, daysAhead: 7, bookedShare: 0.5 }, dailyQuota: 40 },
    },
    packages: [
      {
        id: 'pindah',
        name: { id: 'Pindah datang', en: 'Moving in' },
        serviceIds: ['ktp', 'kk'],
        order: [['kk', 'ktp']],
      },
    ],
  });
}

function setup(): { q: TestQueue; b: TestBookings } {
  const q = new TestQueue(hall(), MONDAY_8);
  return { q, b: new TestBookings(q) };
}

const request = (nik: string, clock = '10:00'): PackageBookingRequest => ({
  packageId: 'pindah',
  day: '2026-12-07',
  slotStart: at(clock),
  name: 'Budi Santoso',
  nik,
  phone: '081234567890',
});

function book(q: TestQueue, b: TestBookings, nik: string, clock = '10:00') {
  b.sync();
  const d = decidePackageBooking(request(nik, clock), {
    config: q.config,
    book: b.book,
    now: q.now,
    newId: q.newId,
    channel: 'web',
    nikHasBooking: () => false,
  });
  if (d.ok) q.apply(d.events);
  b.sync();
  return d;
}

describe('booking a package', () => {
  it('orders the legs as the law does, then as listed', () => {
    expect(packageLegOrder({ serviceIds: ['ktp', 'kk'], order: [['kk', 'ktp']] })).toEqual(['kk', 'ktp']);
    expect(packageLegOrder({ serviceIds: ['ktp', 'kk', 'akta'], order: [] })).toEqual(['ktp', 'kk', 'akta']);
  });

  it('books every leg at once, each slot after the one before has ended and its typical time passed', () => {
    const { q, b } = setup();
    const d = book(q, b, NIKS[0] ?? '');
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    // KK 10:00–10:30, then 12 minutes: the first KTP-el slot from 10:42 is 11:00.
    expect(d.events.map((e) => [e.serviceId, e.slotStart])).toEqual([
      ['kk', at('10:00')],
      ['ktp', at('11:00')],
    ]);
    const lead = d.events[0]?.bookingId ?? '';
    expect(d.events.every((e) => e.package?.leadBookingId === lead)).toBe(true);
    expect(b.book.legsOf(lead).map((f) => f.serviceId)).toEqual(['kk', 'ktp']);
    // The next one finds 11:00 taken (one seat): its KTP-el leg moves to 11:30.
    const next = book(q, b, NIKS[1] ?? '');
    expect(next.ok && next.events.map((e) => e.slotStart)).toEqual([at('10:00'), at('11:30')]);
  });

  it('is all or nothing: with no later slot for a leg nothing is booked', () => {
    const { q, b } = setup();
    const before = q.log.length;
    // The last KK slot of the day leaves no KTP-el slot after it.
    const slots = packageSlots(q.config, b.sync().book, hall().packages[0]!, '2026-12-07', q.now);
    const last = slots.at(-1);
    expect(last?.free).toBe(0);
    const d = book(q, b, NIKS[0] ?? '', last?.clock ?? '');
    expect(d.ok).toBe(false);
    expect(!d.ok && d.code).toBe('SLOT_FULL');
    expect(q.log.length).toBe(before);
  });

  it('cancels every leg; a check-in issues the visit with its legs and takes every seat', () => {
    const { q, b } = setup();
    const d = book(q, b, NIKS[0] ?? '');
    if (!d.ok) throw new Error('refused');
    const lead = d.events[0]?.bookingId ?? '';
    expect(Object.keys(q.state.openBookings)).toHaveLength(2);
    const cancel = decidePackageCancel(b.book, q.config, lead, q.now, 'citizen');
    expect(cancel.ok && cancel.events.map((e) => e.bookingId)).toEqual(d.events.map((e) => e.bookingId));
    if (cancel.ok) q.apply(cancel.events);
    b.sync();
    expect(b.book.seatsTaken('ktp', at('11:00'))).toBe(0);
    expect(q.state.openBookings).toEqual({});

    const again = book(q, b, NIKS[1] ?? '');
    if (!again.ok) throw new Error('refused');
    q.now = at('09:45');
    const ticketId = b.mustCheckIn(again.events[0]?.bookingId ?? '');
    const ticket = q.state.ticket(ticketId);
    expect(ticket?.serviceId).toBe('kk');
    expect(ticket?.visit?.packageId).toBe('pindah');
    expect(ticket?.visit?.legs.map((l) => l.serviceId)).toEqual(['kk', 'ktp']);
    expect(ticket?.rank).toBe(at('10:00'));
    expect(b.book.legsOf(again.events[0]?.bookingId ?? '').every((f) => f.ticketId === ticketId)).toBe(true);
    expect(q.state.openBookings).toEqual({});
  });
});
