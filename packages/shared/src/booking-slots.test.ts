import { describe, expect, it } from 'vitest';
import {
  bookableDays,
  bookingHorizon,
  checkInClosesAt,
  checkInTiming,
  dailyBookingCap,
  hallInstant,
  noSlotsReason,
  slotClock,
  slotsOfDay,
} from './booking-slots.js';
import type { HallConfig, ServiceConfig } from './hall-config.js';
import { hallConfig } from './hall-config.js';
import { testHall } from './testing/index.js';

const MIN = 60_000;

function hall(): HallConfig {
  const base = testHall({
    hall: {
      hours: {
        mon: [
          ['08:00', '12:00'],
          ['13:00', '15:10'],
        ],
        tue: [['08:00', '15:00']],
        wed: [['08:00', '15:00']],
        thu: [['08:00', '15:00']],
        fri: [['08:00', '11:00']],
      },
    },
    serviceChanges: {
      ktp: { booking: { slotMinutes: 30, seatsPerSlot: 2, daysAhead: 7 }, dailyQuota: 40 },
    },
  });
  return { ...base, holidays: [{ date: '2026-12-08', name: { id: 'Libur', en: 'Holiday' } }] };
}

function svc(config: HallConfig, id: string): ServiceConfig {
  const s = config.services.find((x) => x.id === id);
  if (!s) throw new Error(id);
  return s;
}

describe('booking config', () => {
  it('loads a config written before bookings, with the default check-in window', () => {
    const old = testHall();
    expect(old.booking).toEqual({ checkInOpensMinutes: 30, checkInClosesMinutes: 15, retentionDays: 30 });
    expect(old.services.every((s) => s.booking === undefined)).toBe(true);
  });

  it('fills the slot defaults of a service that only says it takes bookings', () => {
    const c = testHall({ serviceChanges: { kk: { booking: {} } } });
    expect(svc(c, 'kk').booking).toEqual({
      slotMinutes: 15,
      seatsPerSlot: 1,
      daysAhead: 14,
      bookedShare: 0.3,
    });
  });

  it('refuses a slot length or share out of range', () => {
    const bad = (booking: unknown): boolean => {
      const input = JSON.parse(JSON.stringify(testHall())) as { services: Array<Record<string, unknown>> };
      const first = input.services[0];
      if (first) first.booking = booking;
      return hallConfig.safeParse(input).success;
    };
    expect(bad({ slotMinutes: 2 })).toBe(false);
    expect(bad({ bookedShare: 1 })).toBe(false);
    expect(bad({ seatsPerSlot: 0 })).toBe(false);
    expect(bad({ slotMinutes: 20 })).toBe(true);
  });
});

describe('slotsOfDay', () => {
  it('cuts each opening period into whole slots, in hall time', () => {
    const c = hall();
    const slots = slotsOfDay(c, svc(c, 'ktp'), '2026-12-07');
    expect(slots.map((s) => s.clock)).toEqual([
      ...['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30'],
      ...['13:00', '13:30', '14:00', '14:30'],
    ]);
    expect(slots[0]?.start).toBe(Date.parse('2026-12-07T01:00:00Z'));
    expect(slots[0]?.seats).toBe(2);
    expect(slots.every((s) => s.end - s.start === 30 * MIN)).toBe(true);
  });

  it('has none on a holiday, a closed weekday, or for a service without bookings', () => {
    const c = hall();
    expect(slotsOfDay(c, svc(c, 'ktp'), '2026-12-08')).toEqual([]);
    expect(noSlotsReason(c, svc(c, 'ktp'), '2026-12-08')).toBe('holiday');
    expect(noSlotsReason(c, svc(c, 'ktp'), '2026-12-06')).toBe('closed');
    expect(noSlotsReason(c, svc(c, 'kk'), '2026-12-07')).toBe('noBooking');
  });

  it('converts hall time in WITA and WIT', () => {
    expect(hallInstant('2026-12-07', '08:00', 'Asia/Makassar')).toBe(Date.parse('2026-12-07T00:00:00Z'));
    expect(hallInstant('2026-12-07', '08:00', 'Asia/Jayapura')).toBe(Date.parse('2026-12-06T23:00:00Z'));
    expect(slotClock(Date.parse('2026-12-06T23:00:00Z'), 'Asia/Jayapura')).toBe('08:00');
  });
});

describe('the booking horizon', () => {
  const monday9 = Date.parse('2026-12-07T02:00:00Z');

  it('lists the days ahead with slots still to come, skipping the holiday and the weekend', () => {
    const c = hall();
    const days = bookableDays(c, svc(c, 'ktp'), monday9);
    expect(days.map((d) => d.day)).toEqual([
      '2026-12-07',
      '2026-12-09',
      '2026-12-10',
      '2026-12-11',
      '2026-12-14',
    ]);
    expect(days[0]?.slots[0]?.clock).toBe('09:30');
  });

  it('says a day is past or too far', () => {
    const c = hall();
    expect(bookingHorizon(c, svc(c, 'ktp'), '2026-12-06', monday9)).toBe('past');
    expect(bookingHorizon(c, svc(c, 'ktp'), '2026-12-14', monday9)).toBeUndefined();
    expect(bookingHorizon(c, svc(c, 'ktp'), '2026-12-15', monday9)).toBe('tooFar');
  });

  it('keeps the booked share of the daily quota for bookings', () => {
    const c = hall();
    expect(dailyBookingCap(svc(c, 'ktp'))).toBe(12);
    expect(dailyBookingCap(svc(c, 'kk'))).toBe(0);
  });
});

describe('the check-in window', () => {
  it('opens 30 minutes before the slot and closes 15 after, by default', () => {
    const c = hall();
    const slot = Date.parse('2026-12-07T03:30:00Z');
    expect(checkInTiming(c, slot, slot - 31 * MIN)).toBe('early');
    expect(checkInTiming(c, slot, slot - 30 * MIN)).toBe('open');
    expect(checkInTiming(c, slot, slot + 15 * MIN)).toBe('open');
    expect(checkInTiming(c, slot, slot + 15 * MIN + 1)).toBe('late');
    expect(checkInClosesAt(c, slot)).toBe(slot + 15 * MIN);
  });

  it('follows the hall settings', () => {
    const c = { ...hall(), booking: { checkInOpensMinutes: 10, checkInClosesMinutes: 5, retentionDays: 7 } };
    const slot = Date.parse('2026-12-07T03:30:00Z');
    expect(checkInTiming(c, slot, slot - 11 * MIN)).toBe('early');
    expect(checkInTiming(c, slot, slot + 6 * MIN)).toBe('late');
  });
});
