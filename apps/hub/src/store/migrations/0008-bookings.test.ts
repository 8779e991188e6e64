import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 8: bookings', () => {
  it('adds the booking tables to a store of before, keeping its log, once', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 6),
    );
    db.prepare(
      "INSERT INTO events (seq, at, day, type, payload) VALUES (1, 1, '2026-12-01', 'X', '{}')",
    ).run();
    expect(migrate(db, MIGRATIONS)).toContain(8);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(8);
    const insert = db.prepare(
      `INSERT INTO booking_people (booking_id, code, service_id, day, slot_start, client_id, client_ref,
         created_at, erase_after) VALUES (?, ?, 'skck', '2026-12-01', 1, ?, ?, 1, 2)`,
    );
    insert.run('b1', 'AB-222222', 'kota', 'ref-1');
    // A client reference names one booking of that client; a code one booking.
    expect(() => insert.run('b2', 'AB-333333', 'kota', 'ref-1')).toThrow(/UNIQUE/);
    expect(() => insert.run('b3', 'AB-222222', null, null)).toThrow(/UNIQUE/);
    insert.run('b4', 'AB-444444', 'other', 'ref-1');
    expect((db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n).toBe(1);
    expect(migrate(db, MIGRATIONS)).toEqual([]);
    db.close();
  });
});
