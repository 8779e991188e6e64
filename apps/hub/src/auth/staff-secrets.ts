import type Database from 'better-sqlite3';

/**
 * The PIN and password hashes of staff accounts, as the admin console set them (migration 10). Written in
 * the same transaction as the `StaffChanged` event that tells of it; read at every sign-in.
 */
export class StaffSecrets {
  private readonly select: Database.Statement<
    [string],
    { pin_hash: string | null; password_hash: string | null }
  >;

  constructor(private readonly db: Database.Database) {
    this.select = db.prepare('SELECT pin_hash, password_hash FROM staff_secrets WHERE username = ?');
  }

  /** The PIN hash set here; undefined when none was (an account of the file keeps the file's). */
  pinHash(username: string): string | undefined {
    return this.select.get(username)?.pin_hash ?? undefined;
  }

  passwordHash(username: string): string | undefined {
    return this.select.get(username)?.password_hash ?? undefined;
  }

  setPin(username: string, hash: string, now: number): void {
    this.db
      .prepare(
        `INSERT INTO staff_secrets (username, pin_hash, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (username) DO UPDATE SET pin_hash = excluded.pin_hash, updated_at = excluded.updated_at`,
      )
      .run(username, hash, now);
  }

  /** Sets (a hash) or clears (null) the password. */
  setPassword(username: string, hash: string | null, now: number): void {
    this.db
      .prepare(
        `INSERT INTO staff_secrets (username, password_hash, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash,
           updated_at = excluded.updated_at`,
      )
      .run(username, hash, now);
  }
}
