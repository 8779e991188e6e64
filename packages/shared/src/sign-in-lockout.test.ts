import { describe, expect, it } from 'vitest';
import {
  LOCKOUT_AFTER,
  LOCKOUT_MAX_MS,
  LOCKOUT_MS,
  NO_FAILURES,
  afterWrongPassword,
  lockedForMs,
} from './sign-in-lockout.js';

function wrong(times: number, start = NO_FAILURES, now = 1_000) {
  let f = start;
  for (let i = 0; i < times; i += 1) f = afterWrongPassword(f, now);
  return f;
}

describe('password lockout', () => {
  it('lets the first wrong passwords through, and locks at the fifth for 15 minutes', () => {
    const four = wrong(LOCKOUT_AFTER - 1);
    expect(four.count).toBe(4);
    expect(lockedForMs(four, 1_000)).toBe(0);
    const five = afterWrongPassword(four, 1_000);
    expect(lockedForMs(five, 1_000)).toBe(15 * 60_000);
    expect(lockedForMs(five, 1_000 + LOCKOUT_MS - 1)).toBe(1);
    expect(lockedForMs(five, 1_000 + LOCKOUT_MS)).toBe(0);
  });

  it('doubles the lock at each wrong password after it, up to a day', () => {
    const five = wrong(LOCKOUT_AFTER);
    const later = 1_000 + LOCKOUT_MS;
    const six = afterWrongPassword(five, later);
    expect(lockedForMs(six, later)).toBe(30 * 60_000);
    const seven = afterWrongPassword(six, later);
    expect(lockedForMs(seven, later)).toBe(60 * 60_000);
    expect(lockedForMs(wrong(40, seven, later), later)).toBe(LOCKOUT_MAX_MS);
  });
});
