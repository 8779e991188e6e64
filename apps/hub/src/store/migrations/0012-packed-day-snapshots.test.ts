import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 12: packed day snapshots', () => {
  it('drops the JSON snapshots, keeps the log, and takes bytes (not text) from then on, once', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 9),
    );
    db.prepare(
      "INSERT INTO events (seq, at, day, type, payload) VALUES (1, 0, '2026-11-30', 'CounterStatusChanged', '{}')",
    ).run();
    db.prepare(
      `INSERT INTO day_snapshots (seq, day, at, format, state) VALUES (1, '2026-11-30', 0, 1, '{"seq": 1}')`,
    ).run();
    const upTo12 = MIGRATIONS.filter((m) => m.version <= 12);
    expect(migrate(db, upTo12).at(-1)).toBe(12);
    expect(db.prepare('SELECT count(*) AS n FROM day_snapshots').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 1 });
    const insert = db.prepare(
      "INSERT INTO day_snapshots (seq, day, at, format, state) VALUES (1, '2026-11-30', 0, 2, ?)",
    );
    expect(() => insert.run('{"seq": 1}')).toThrow();
    insert.run(Buffer.from([1, 2, 3]));
    expect(db.prepare('SELECT state FROM day_snapshots').get()).toEqual({ state: Buffer.from([1, 2, 3]) });
    expect(migrate(db, upTo12)).toEqual([]);
    db.close();
  });
});
