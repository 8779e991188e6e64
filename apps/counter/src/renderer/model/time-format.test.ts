import { describe, expect, it } from 'vitest';
import { formatClock, formatDate, formatMinutes, formatStopwatch } from './time-format.js';

const MONDAY_0914_WIB = Date.UTC(2026, 10, 30, 2, 14);

describe('time formats', () => {
  it('writes the time the Indonesian way, in the hall zone', () => {
    expect(formatClock(MONDAY_0914_WIB, 'Asia/Jakarta')).toBe('09.14 WIB');
    expect(formatClock(MONDAY_0914_WIB, 'Asia/Makassar')).toBe('10.14 WITA');
    expect(formatClock(MONDAY_0914_WIB, 'Asia/Jayapura')).toBe('11.14 WIT');
  });

  it('writes the date with the weekday and month in words', () => {
    expect(formatDate(MONDAY_0914_WIB, 'Asia/Jakarta', 'id')).toBe('Senin, 30 November 2026');
    expect(formatDate(MONDAY_0914_WIB, 'Asia/Jakarta', 'en')).toBe('Monday, 30 November 2026');
    // 23.30 WIB on Monday is already Tuesday in Jayapura.
    expect(formatDate(Date.UTC(2026, 10, 30, 16, 30), 'Asia/Jayapura', 'id')).toBe('Selasa, 1 Desember 2026');
  });

  it('runs a stopwatch in minutes and seconds, hours when it must', () => {
    expect(formatStopwatch(0)).toBe('0:00');
    expect(formatStopwatch(45_900)).toBe('0:45');
    expect(formatStopwatch(12 * 60_000 + 3_000)).toBe('12:03');
    expect(formatStopwatch(3_723_000)).toBe('1:02:03');
    expect(formatStopwatch(-5_000)).toBe('0:00');
  });

  it('rounds waits down to whole minutes', () => {
    expect(formatMinutes(30_000, 'id')).toBe('< 1 mnt');
    expect(formatMinutes(14 * 60_000 + 59_000, 'id')).toBe('14 mnt');
    expect(formatMinutes(65 * 60_000, 'id')).toBe('1 j 05 mnt');
    expect(formatMinutes(65 * 60_000, 'en')).toBe('1 h 05 min');
    expect(formatMinutes(-1, 'en')).toBe('< 1 min');
  });
});
