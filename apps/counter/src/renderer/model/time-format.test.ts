import { describe, expect, it } from 'vitest';
import { formatMinutes, formatStopwatch } from './time-format.js';

describe('time formats', () => {
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
