import { describe, expect, it } from 'vitest';
import type { WeeklyHours } from './hall-config.js';
import { TestQueue, testHall } from './testing/test-hall.js';
import {
  countersOpening,
  openCountersOf,
  serviceWaitOutlook,
  waitOutlook,
  waitOutlookText,
} from './wait-text.js';

/** Monday 30 November 2026 in WIB, at a local clock time. */
const monday = (hh: number, mm = 0) => Date.UTC(2026, 10, 30, hh - 7, mm);

const OFFICE: WeeklyHours = {
  sun: [],
  mon: [
    ['08:00', '12:00'],
    ['13:00', '15:30'],
  ],
  tue: [['08:00', '15:30']],
  wed: [['08:00', '15:30']],
  thu: [['08:00', '15:30']],
  fri: [['08:00', '15:30']],
  sat: [],
};

describe('waitOutlookText', () => {
  it('says the wait the way people say it', () => {
    expect(waitOutlookText({ kind: 'soon' }, 'id')).toBe('Segera dilayani');
    expect(waitOutlookText({ kind: 'soon' }, 'en')).toBe('Served shortly');
    expect(waitOutlookText({ kind: 'minutes', minutes: 25 }, 'id')).toBe('± 25 menit');
    expect(waitOutlookText({ kind: 'minutes', minutes: 70 }, 'id')).toBe('± 1 jam 10 menit');
    expect(waitOutlookText({ kind: 'minutes', minutes: 120 }, 'en')).toBe('± 2 h');
  });

  it('says honestly that the counters are closed, and when they open', () => {
    const closed = (at: string, inDays: number, weekday = 'mon' as const) =>
      ({ kind: 'counters-closed', opens: { weekday, at, inDays } }) as const;
    expect(waitOutlookText(closed('08:00', 0), 'id')).toBe('Loket belum buka, dibuka pukul 08.00');
    expect(waitOutlookText(closed('08:00', 0), 'en')).toBe('Counters not open yet; they open at 08.00');
    expect(waitOutlookText(closed('08:00', 1), 'id')).toBe('Loket belum buka, dibuka besok pukul 08.00');
    expect(waitOutlookText(closed('08:00', 3), 'id')).toBe('Loket belum buka, dibuka Senin pukul 08.00');
    expect(waitOutlookText({ kind: 'counters-closed' }, 'id')).toBe('Loket belum buka');
  });
});

describe('waitOutlook', () => {
  it('never promises a quick call while every counter of the service is closed', () => {
    expect(waitOutlook({ ahead: 0, minutes: 0, openCounters: 0 })).toEqual({ kind: 'counters-closed' });
    expect(waitOutlook({ ahead: 4, minutes: 30, openCounters: 0 }).kind).toBe('counters-closed');
    expect(waitOutlook({ ahead: 0, minutes: 5, openCounters: 1 })).toEqual({ kind: 'soon' });
    expect(waitOutlook({ ahead: 3, minutes: 0, openCounters: 2 })).toEqual({ kind: 'soon' });
    expect(waitOutlook({ ahead: 3, minutes: 18, openCounters: 2 })).toEqual({ kind: 'minutes', minutes: 18 });
  });

  it('reads the open counters and the next opening from the day and the hours', () => {
    const config = testHall({ hall: { hours: OFFICE } });
    const queue = new TestQueue(config, monday(9));
    expect(openCountersOf(queue.state, config, 'ktp')).toBe(0);
    queue.open('c1', 'c4');
    expect(openCountersOf(queue.state, config, 'ktp')).toBe(1);
    expect(openCountersOf(queue.state, config, 'akta')).toBe(0);
    expect(openCountersOf(undefined, config, 'ktp')).toBe(0);

    // Within the hours only staff know when a closed counter opens; in the break, the hours say it.
    expect(countersOpening(config, 'ktp', monday(9))).toBeUndefined();
    expect(countersOpening(config, 'ktp', monday(12, 15))).toEqual({
      weekday: 'mon',
      at: '13:00',
      inDays: 0,
    });
    expect(countersOpening(config, 'ktp', monday(7))).toEqual({ weekday: 'mon', at: '08:00', inDays: 0 });

    expect(serviceWaitOutlook(queue.state, config, 'ktp', { ahead: 2, minutes: 14 }, monday(9))).toEqual({
      kind: 'minutes',
      minutes: 14,
    });
    expect(serviceWaitOutlook(queue.state, config, 'akta', { ahead: 0, minutes: 0 }, monday(12, 15))).toEqual(
      {
        kind: 'counters-closed',
        opens: { weekday: 'mon', at: '13:00', inDays: 0 },
      },
    );
  });
});
