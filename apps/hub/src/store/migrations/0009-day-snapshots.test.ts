import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 9: day snapshots', () => {
  it('adds an empty snapshot table to a store that has a log already, once', () => {
    const db = new Database(':memory:');
    // A store as a hub before snapshots left it, with a day in its log.
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 6),
    );
    db.prepare(
      "INSERT INTO events (seq, at, day, type, payload) VALUES (1, 0, '2026-11-30', 'CounterStatusChanged', '{}')",
    ).run();
    const upToNine = MIGRATIONS.filter((m) => m.version <= 9);
    expect(migrate(db, upToNine).at(-1)).toBe(9);
    expect(db.prepare('SELECT count(*) AS n FROM day_snapshots').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 1 });
    expect(migrate(db, upToNine)).toEqual([]);
    db.close();
  });
});
