import { describe, expect, it } from 'vitest';
import { dayNumber, dayString, weekdayOf } from './report-rows.js';

describe('weekdayOf', () => {
  it("is the calendar's weekday (0 = Sunday) of every day from 1999 to 2101", () => {
    let checked = 0;
    for (let t = Date.UTC(1999, 0, 1); t <= Date.UTC(2101, 11, 31); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      expect(weekdayOf(dayNumber(iso))).toBe(new Date(t).getUTCDay());
      checked++;
    }
    expect(checked).toBeGreaterThan(37_000);
    // Monday 30 November 2026, Sunday 29 February 2032 (a leap day).
    expect(weekdayOf(20261130)).toBe(1);
    expect(dayString(20320229)).toBe('2032-02-29');
    expect(weekdayOf(20320229)).toBe(0);
  });
});
