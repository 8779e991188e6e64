import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 13: the survey ledger beside the day snapshot', () => {
  it('keeps the snapshots there are (with no ledger) and takes a ledger as bytes, once', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 12),
    );
    db.prepare(
      "INSERT INTO day_snapshots (seq, day, at, format, state) VALUES (1, '2026-11-30', 0, 2, x'01')",
    ).run();
    const upTo13 = MIGRATIONS.filter((m) => m.version <= 13);
    expect(migrate(db, upTo13).at(-1)).toBe(13);
    expect(db.prepare('SELECT seq, survey FROM day_snapshots').get()).toEqual({ seq: 1, survey: null });
    const update = db.prepare('UPDATE day_snapshots SET survey = ? WHERE seq = 1');
    expect(() => update.run('text')).toThrow();
    update.run(Buffer.from([4, 5]));
    expect(db.prepare('SELECT survey FROM day_snapshots').get()).toEqual({ survey: Buffer.from([4, 5]) });
    expect(migrate(db, upTo13)).toEqual([]);
    db.close();
  });
});
