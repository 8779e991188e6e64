import { describe, expect, it } from 'vitest';
import { SignInThrottle } from './sign-in-throttle.js';

describe('SignInThrottle', () => {
  it('lets a few wrong PINs pass, then doubles the wait, and a success clears it', () => {
    const t = new SignInThrottle(3, 2_000, 60_000);
    for (let i = 0; i < 2; i++) t.failed('dukcapil1@127.0.0.1', 0);
    expect(t.waitMs('dukcapil1@127.0.0.1', 0)).toBe(0);
    t.failed('dukcapil1@127.0.0.1', 0);
    expect(t.waitMs('dukcapil1@127.0.0.1', 0)).toBe(2_000);
    t.failed('dukcapil1@127.0.0.1', 2_000);
    expect(t.waitMs('dukcapil1@127.0.0.1', 2_000)).toBe(4_000);
    t.succeeded('dukcapil1@127.0.0.1');
    expect(t.waitMs('dukcapil1@127.0.0.1', 2_000)).toBe(0);
  });

  it('cannot be reset by flooding it with made-up names', () => {
    const t = new SignInThrottle(3, 2_000, 60_000);
    for (let i = 0; i < 5; i++) t.failed('victim', 0);
    expect(t.waitMs('victim', 1_000)).toBe(7_000);
    for (let i = 0; i < 10_050; i++) t.failed(`made-up-${i}`, 1_000);
    expect(t.waitMs('victim', 1_000)).toBe(7_000);
    // The next failure after the wait goes on doubling (16 s), not back to the first 2 s.
    t.failed('victim', 9_000);
    expect(t.waitMs('victim', 9_000)).toBe(16_000);
  });
});
