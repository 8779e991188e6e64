import type Database from 'better-sqlite3';
import { newToken, tokenHash } from './token.js';

/** A signed-in counter survives a hub restart: sessions live in the store, not in memory. */
export class StaffSessions {
  constructor(
    private readonly db: Database.Database,
    private readonly ttlMs = 12 * 60 * 60 * 1000,
  ) {}

  create(username: string, now: number): string {
    const token = newToken();
    this.db
      .prepare(
        'INSERT INTO staff_sessions (token_hash, username, created_at, expires_at) VALUES (?, ?, ?, ?)',
      )
      .run(tokenHash(token), username, now, now + this.ttlMs);
    return token;
  }

  /** The user name of a live session, or undefined when unknown or expired. */
  resolve(token: string, now: number): string | undefined {
    const row = this.db
      .prepare('SELECT username, expires_at FROM staff_sessions WHERE token_hash = ?')
      .get(tokenHash(token)) as { username: string; expires_at: number } | undefined;
    return row && row.expires_at > now ? row.username : undefined;
  }

  revoke(token: string): void {
    this.db.prepare('DELETE FROM staff_sessions WHERE token_hash = ?').run(tokenHash(token));
  }

  /** Ends every session of a user (deactivated, new PIN, new role): they sign in again everywhere. */
  revokeUser(username: string): void {
    this.db.prepare('DELETE FROM staff_sessions WHERE username = ?').run(username);
  }
}
