import { describe, expect, it } from 'vitest';
import {
  hallDay,
  hallLocalTime,
  isOpenAt,
  minutesSinceOpening,
  nextHallMidnight,
  nextOpening,
} from './hall-clock.js';
import type { HallTimeZone, WeeklyHours } from './hall-config.js';

const OFFSETS: Record<HallTimeZone, string> = {
  'Asia/Jakarta': '+07:00',
  'Asia/Makassar': '+08:00',
  'Asia/Jayapura': '+09:00',
};
const ZONES = Object.keys(OFFSETS) as HallTimeZone[];

/** A local wall-clock time (`YYYY-MM-DDTHH:MM[:SS.mmm]`) in a hall zone, as an instant. */
function at(local: string, zone: HallTimeZone): number {
  return Date.parse(`${local.length === 16 ? `${local}:00` : local}${OFFSETS[zone]}`);
}

const OFFICE: WeeklyHours = {
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

describe('hallDay', () => {
  it.each([
    ['Asia/Jakarta', '2026-03-01T16:59:59Z', '2026-03-01'],
    ['Asia/Jakarta', '2026-03-01T17:00:00Z', '2026-03-02'],
    ['Asia/Makassar', '2026-03-01T15:59:59Z', '2026-03-01'],
    ['Asia/Makassar', '2026-03-01T16:00:00Z', '2026-03-02'],
    ['Asia/Jayapura', '2026-03-01T14:59:59Z', '2026-03-01'],
    ['Asia/Jayapura', '2026-03-01T15:00:00Z', '2026-03-02'],
  ] as const)('in %s, %s is hall day %s', (zone, utc, day) => {
    expect(hallDay(Date.parse(utc), zone)).toBe(day);
  });

  it.each(ZONES)('turns at local midnight in %s: 23:59 is the old day, 00:00 the new', (zone) => {
    expect(hallDay(at('2026-03-01T23:59', zone), zone)).toBe('2026-03-01');
    expect(hallDay(at('2026-03-01T23:59:59.999', zone), zone)).toBe('2026-03-01');
    expect(hallDay(at('2026-03-02T00:00', zone), zone)).toBe('2026-03-02');
    expect(hallDay(at('2026-12-31T23:59', zone), zone)).toBe('2026-12-31');
    expect(hallDay(at('2027-01-01T00:00', zone), zone)).toBe('2027-01-01');
    expect(hallDay(at('2028-02-29T12:00', zone), zone)).toBe('2028-02-29');
  });

  it('gives one instant a different day in different zones', () => {
    const instant = Date.parse('2026-03-01T15:30:00Z'); // 22:30 WIB, 23:30 WITA, 00:30 WIT
    expect(ZONES.map((z) => hallDay(instant, z))).toEqual(['2026-03-01', '2026-03-01', '2026-03-02']);
  });
});

describe('hallLocalTime', () => {
  it.each(ZONES)('reads the local wall clock in %s', (zone) => {
    expect(hallLocalTime(at('2026-03-06T13:45', zone), zone)).toEqual({
      day: '2026-03-06',
      weekday: 'fri',
      minuteOfDay: 13 * 60 + 45,
      year: 2026,
      month: 3,
      date: 6,
      hour: 13,
      minute: 45,
    });
    expect(hallLocalTime(at('2026-03-08T00:00', zone), zone)).toMatchObject({
      weekday: 'sun',
      minuteOfDay: 0,
    });
  });
});

describe('nextHallMidnight', () => {
  it.each(ZONES)('is the coming local midnight in %s', (zone) => {
    const midnight = at('2026-03-03T00:00', zone);
    expect(nextHallMidnight(at('2026-03-02T08:00', zone), zone)).toBe(midnight);
    expect(nextHallMidnight(at('2026-03-02T23:59:59.999', zone), zone)).toBe(midnight);
    // At midnight itself the next one is a day away.
    expect(nextHallMidnight(at('2026-03-02T00:00', zone), zone)).toBe(midnight);
    expect(nextHallMidnight(midnight, zone)).toBe(at('2026-03-04T00:00', zone));
  });

  it('differs by the zone offset for the same instant', () => {
    const instant = Date.parse('2026-03-02T10:00:00Z');
    expect(ZONES.map((z) => new Date(nextHallMidnight(instant, z)).toISOString())).toEqual([
      '2026-03-02T17:00:00.000Z',
      '2026-03-02T16:00:00.000Z',
      '2026-03-02T15:00:00.000Z',
    ]);
  });
});

describe('isOpenAt', () => {
  it.each(ZONES)('counts a period from its start up to, not including, its end in %s', (zone) => {
    const open = (local: string): boolean => isOpenAt(OFFICE, at(local, zone), zone);
    expect(open('2026-03-02T07:59')).toBe(false);
    expect(open('2026-03-02T08:00')).toBe(true);
    expect(open('2026-03-02T11:59')).toBe(true);
    expect(open('2026-03-02T12:00')).toBe(false);
    expect(open('2026-03-02T13:00')).toBe(true);
    expect(open('2026-03-02T15:29')).toBe(true);
    expect(open('2026-03-02T15:30')).toBe(false);
    expect(open('2026-03-06T12:30')).toBe(false); // Friday prayers
    expect(open('2026-03-06T15:45')).toBe(true); // Friday afternoon runs later
    expect(open('2026-03-07T09:00')).toBe(true); // Saturday morning
    expect(open('2026-03-08T09:00')).toBe(false); // Sunday
  });

  it.each(ZONES)('keeps a period ending at 24:00 open to the last minute in %s', (zone) => {
    const hours: WeeklyHours = { ...OFFICE, mon: [['20:00', '24:00']] };
    expect(isOpenAt(hours, at('2026-03-02T23:59:59.999', zone), zone)).toBe(true);
    expect(isOpenAt(hours, at('2026-03-03T00:00', zone), zone)).toBe(false); // Tuesday opens at 08:00
    const allDay: WeeklyHours = { ...OFFICE, mon: [['00:00', '23:59']] };
    expect(isOpenAt(allDay, at('2026-03-02T23:58', zone), zone)).toBe(true);
    expect(isOpenAt(allDay, at('2026-03-02T23:59', zone), zone)).toBe(false);
  });

  it('uses the hall zone’s own weekday', () => {
    const hours: WeeklyHours = {
      sun: [],
      mon: [['00:00', '23:59']],
      tue: [],
      wed: [],
      thu: [],
      fri: [],
      sat: [],
    };
    // Sunday 23:30 WIB is Monday 00:30 WIT.
    const instant = at('2026-03-01T23:30', 'Asia/Jakarta');
    expect(isOpenAt(hours, instant, 'Asia/Jakarta')).toBe(false);
    expect(isOpenAt(hours, instant, 'Asia/Jayapura')).toBe(true);
  });
});

describe('minutesSinceOpening', () => {
  it.each(ZONES)('counts from the start of the period now falls in, in %s', (zone) => {
    const since = (local: string) => minutesSinceOpening(OFFICE, at(local, zone), zone);
    expect(since('2026-03-02T07:59')).toBeUndefined();
    expect(since('2026-03-02T08:00')).toBe(0);
    expect(since('2026-03-02T08:07')).toBe(7);
    expect(since('2026-03-02T12:30')).toBeUndefined(); // the break
    expect(since('2026-03-02T13:05')).toBe(5); // the afternoon period
    expect(since('2026-03-06T13:40')).toBe(10); // Friday after prayers
  });
});

describe('nextOpening', () => {
  it.each(ZONES)('finds the next start in %s', (zone) => {
    const next = (local: string): ReturnType<typeof nextOpening> =>
      nextOpening(OFFICE, at(local, zone), zone);
    expect(next('2026-03-02T00:00')).toEqual({ weekday: 'mon', at: '08:00', inDays: 0 });
    expect(next('2026-03-02T07:59')).toEqual({ weekday: 'mon', at: '08:00', inDays: 0 });
    expect(next('2026-03-02T12:15')).toEqual({ weekday: 'mon', at: '13:00', inDays: 0 });
    expect(next('2026-03-02T15:30')).toEqual({ weekday: 'tue', at: '08:00', inDays: 1 });
    expect(next('2026-03-06T16:00')).toEqual({ weekday: 'sat', at: '08:00', inDays: 1 });
    expect(next('2026-03-07T12:00')).toEqual({ weekday: 'mon', at: '08:00', inDays: 2 });
    expect(next('2026-03-08T23:59')).toEqual({ weekday: 'mon', at: '08:00', inDays: 1 });
  });

  it('reads periods in any order', () => {
    const hours: WeeklyHours = {
      ...OFFICE,
      mon: [
        ['13:00', '15:00'],
        ['08:00', '10:00'],
      ],
    };
    expect(nextOpening(hours, at('2026-03-02T07:00', 'Asia/Jakarta'), 'Asia/Jakarta')).toEqual({
      weekday: 'mon',
      at: '08:00',
      inDays: 0,
    });
  });

  it('looks a full week ahead, and gives up when the hours never open', () => {
    const mondays: WeeklyHours = {
      sun: [],
      mon: [['08:00', '09:00']],
      tue: [],
      wed: [],
      thu: [],
      fri: [],
      sat: [],
    };
    expect(nextOpening(mondays, at('2026-03-02T09:00', 'Asia/Makassar'), 'Asia/Makassar')).toEqual({
      weekday: 'mon',
      at: '08:00',
      inDays: 7,
    });
    const never: WeeklyHours = { sun: [], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] };
    expect(nextOpening(never, at('2026-03-02T09:00', 'Asia/Jayapura'), 'Asia/Jayapura')).toBeUndefined();
  });
});
