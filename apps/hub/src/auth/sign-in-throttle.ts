/**
 * Slows PIN guessing: after a few failures for a user name, each further attempt must wait,
 * doubling up to a cap. A success clears the record.
 */
export class SignInThrottle {
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(
    private readonly freeAttempts = 3,
    private readonly baseDelayMs = 2_000,
    private readonly maxDelayMs = 5 * 60_000,
  ) {}

  /** Milliseconds until the next attempt is allowed; 0 when allowed now. */
  waitMs(username: string, now: number): number {
    const f = this.failures.get(username);
    return f ? Math.max(0, f.until - now) : 0;
  }

  failed(username: string, now: number): void {
    const f = this.failures.get(username) ?? { count: 0, until: 0 };
    f.count += 1;
    if (f.count >= this.freeAttempts) {
      f.until = now + Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (f.count - this.freeAttempts));
    }
    this.failures.set(username, f);
    if (this.failures.size > 10_000) this.forgetExpired(now);
  }

  /**
   * Bounds the memory a stream of made-up names could take. A name is forgotten only after a quiet spell as
   * long as the longest wait, so that flooding with names cannot reset the doubling for a real one.
   */
  private forgetExpired(now: number): void {
    for (const [key, f] of this.failures) {
      if (f.count < this.freeAttempts || f.until + this.maxDelayMs < now) this.failures.delete(key);
    }
  }

  succeeded(username: string): void {
    this.failures.delete(username);
  }
}
