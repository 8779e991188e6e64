import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { afterWrongPassword } from '@antre/shared';
import { PasswordFailures } from '../../auth/password-failures.js';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 11: password lockouts', () => {
  it('runs once after 10 and keeps the count of wrong passwords per account', () => {
    const db = new Database(':memory:');
    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 10),
      ).at(-1),
    ).toBe(10);
    const upToEleven = MIGRATIONS.filter((m) => m.version <= 11);
    expect(migrate(db, upToEleven)).toEqual([11]);
    expect(migrate(db, upToEleven)).toEqual([]);

    const failures = new PasswordFailures(db);
    expect(failures.of('spv')).toEqual({ count: 0, lockedUntil: 0 });
    let f = failures.of('spv');
    for (let i = 0; i < 5; i += 1) f = afterWrongPassword(f, 100);
    failures.save('spv', f);
    expect(failures.of('spv')).toEqual({ count: 5, lockedUntil: 100 + 15 * 60_000 });
    expect(failures.of('other')).toEqual({ count: 0, lockedUntil: 0 });
    failures.clear('spv');
    expect(failures.of('spv')).toEqual({ count: 0, lockedUntil: 0 });
    db.close();
  });
});
