import type Database from 'better-sqlite3';
import type { SignInFailures } from '@antre/shared';
import { NO_FAILURES } from '@antre/shared';

/** Wrong supervisor passwords per account (migration 11); the rule is the domain's (`sign-in-lockout.ts`). */
export class PasswordFailures {
  constructor(private readonly db: Database.Database) {}

  of(username: string): SignInFailures {
    const row = this.db
      .prepare('SELECT count, locked_until FROM password_failures WHERE username = ?')
      .get(username) as { count: number; locked_until: number } | undefined;
    return row ? { count: row.count, lockedUntil: row.locked_until } : NO_FAILURES;
  }

  save(username: string, failures: SignInFailures): void {
    this.db
      .prepare(
        `INSERT INTO password_failures (username, count, locked_until) VALUES (?, ?, ?)
         ON CONFLICT (username) DO UPDATE SET count = excluded.count, locked_until = excluded.locked_until`,
      )
      .run(username, failures.count, failures.lockedUntil);
  }

  clear(username: string): void {
    this.db.prepare('DELETE FROM password_failures WHERE username = ?').run(username);
  }
}
