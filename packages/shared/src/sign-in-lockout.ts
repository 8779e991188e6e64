/**
 * The lockout of a supervisor's password sign-in: after `LOCKOUT_AFTER` wrong passwords in a row the account's
 * password sign-in is locked for `LOCKOUT_MS`, and each wrong password after that locks it again for twice as
 * long, up to `LOCKOUT_MAX_MS`. A right password clears the count. While locked, no password is checked (a
 * right one included), so guessing gains nothing. The hub counts, per account, and keeps the count in its store.
 */

export const LOCKOUT_AFTER = 5;
export const LOCKOUT_MS = 15 * 60_000;
export const LOCKOUT_MAX_MS = 24 * 60 * 60_000;

export interface SignInFailures {
  /** Wrong passwords in a row. */
  count: number;
  /** Until when (ms) the password sign-in is locked; 0: not locked. */
  lockedUntil: number;
}

export const NO_FAILURES: SignInFailures = { count: 0, lockedUntil: 0 };

/** Milliseconds until a password may be tried again; 0 when it may now. */
export function lockedForMs(failures: SignInFailures, now: number): number {
  return Math.max(0, failures.lockedUntil - now);
}

/** The count after one more wrong password at `now`. */
export function afterWrongPassword(failures: SignInFailures, now: number): SignInFailures {
  const count = failures.count + 1;
  if (count < LOCKOUT_AFTER) return { count, lockedUntil: failures.lockedUntil };
  const ms = Math.min(LOCKOUT_MAX_MS, LOCKOUT_MS * 2 ** (count - LOCKOUT_AFTER));
  return { count, lockedUntil: now + ms };
}
