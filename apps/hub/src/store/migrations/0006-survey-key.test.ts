import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 6: survey key', () => {
  it('runs once, after the migrations before it, and gives the store its survey key', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    const db = new Database(':memory:');
    // A store as a hub before the survey left it: up to migration 4.
    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 4),
      ),
    ).toEqual([1, 2, 3, 4]);
    // Later migrations are theirs to test.
    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 6),
      ),
    ).toEqual([5, 6]);
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    const key = db.prepare("SELECT value FROM meta WHERE key = 'survey_key'").get() as { value: string };
    expect(key.value).toMatch(/^[0-9a-f]{64}$/);
    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 6),
      ),
    ).toEqual([]);
    db.close();
  });
});
