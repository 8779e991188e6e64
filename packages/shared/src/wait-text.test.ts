import { describe, expect, it } from 'vitest';
import type { WeeklyHours } from './hall-config.js';
import { TestQueue, testHall } from './testing/test-hall.js';
import {
  countersOpening,
  openCountersOf,
  serviceWaitOutlook,
  WIDE_RANGE_MINUTES,
  waitCertaintyText,
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

describe('the range, where the estimate is uncertain (issue 12)', () => {
  const open = { openCounters: 2 };
  it('says one figure while the likely span is under ten minutes, and calls it fairly close', () => {
    const outlook = waitOutlook({ ahead: 2, minutes: 8, low: 4, high: 4 + WIDE_RANGE_MINUTES - 1, ...open });
    expect(outlook).toEqual({ kind: 'minutes', minutes: 8 });
    expect(waitOutlookText(outlook, 'id')).toBe('± 8 menit');
    expect(waitCertaintyText(outlook, 'id')).toBe('Perkiraan cukup tepat');
    expect(waitCertaintyText(outlook, 'en')).toBe('A fairly close estimate');
  });

  it('prints the span in five-minute steps once it is ten minutes or more, and calls it rough', () => {
    const outlook = waitOutlook({ ahead: 6, minutes: 17, low: 11, high: 24, ...open });
    expect(outlook).toEqual({ kind: 'minutes', minutes: 17, range: { low: 10, high: 25 } });
    expect(waitOutlookText(outlook, 'id')).toBe('± 10–25 menit');
    expect(waitOutlookText(outlook, 'en')).toBe('± 10–25 min');
    expect(waitCertaintyText(outlook, 'id')).toBe('Perkiraan kasar');
    expect(waitCertaintyText(outlook, 'en')).toBe('A rough estimate');
  });

  it('always holds the estimate itself inside the printed span', () => {
    for (const [minutes, low, high] of [
      [3, 0.4, 12],
      [40, 41, 58],
      [29, 10, 27],
    ] as const) {
      const outlook = waitOutlook({ ahead: 3, minutes, low, high, ...open });
      if (outlook.kind !== 'minutes' || !outlook.range) throw new Error('expected a range');
      expect(outlook.range.low).toBeLessThanOrEqual(minutes);
      expect(outlook.range.high).toBeGreaterThanOrEqual(minutes);
      expect(outlook.range.low % 5).toBe(0);
      expect(outlook.range.high % 5).toBe(0);
    }
  });

  it('says "up to" from zero, and hours past the hour', () => {
    expect(waitOutlookText(waitOutlook({ ahead: 1, minutes: 4, low: 0.3, high: 12, ...open }), 'id')).toBe(
      'hingga ± 15 menit',
    );
    expect(waitOutlookText(waitOutlook({ ahead: 1, minutes: 4, low: 0.3, high: 12, ...open }), 'en')).toBe(
      'up to ± 15 min',
    );
    expect(waitOutlookText(waitOutlook({ ahead: 20, minutes: 80, low: 61, high: 118, ...open }), 'id')).toBe(
      '± 1–2 jam',
    );
    expect(waitOutlookText(waitOutlook({ ahead: 20, minutes: 70, low: 46, high: 88, ...open }), 'id')).toBe(
      '± 45 menit–1,5 jam',
    );
    expect(waitOutlookText(waitOutlook({ ahead: 20, minutes: 70, low: 46, high: 88, ...open }), 'en')).toBe(
      '± 45 min–1.5 h',
    );
  });

  it('has no certainty to speak of when no estimate holds', () => {
    expect(waitCertaintyText({ kind: 'soon' }, 'id')).toBeUndefined();
    expect(waitCertaintyText({ kind: 'counters-closed' }, 'id')).toBeUndefined();
  });
});
