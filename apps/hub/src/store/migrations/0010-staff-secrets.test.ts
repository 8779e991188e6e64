import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StaffSecrets } from '../../auth/staff-secrets.js';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 10: staff secrets', () => {
  it('runs once after 9 and keeps a PIN hash and a password hash apart', () => {
    const db = new Database(':memory:');
    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 9),
      ).at(-1),
    ).toBe(9);
    // Later migrations are theirs to test.
    const upToTen = MIGRATIONS.filter((m) => m.version <= 10);
    expect(migrate(db, upToTen)).toEqual([10]);
    expect(migrate(db, upToTen)).toEqual([]);

    const secrets = new StaffSecrets(db);
    expect(secrets.pinHash('rina')).toBeUndefined();
    secrets.setPin('rina', 'scrypt$aa$bb', 1);
    secrets.setPassword('rina', 'scrypt$cc$dd', 2);
    expect([secrets.pinHash('rina'), secrets.passwordHash('rina')]).toEqual(['scrypt$aa$bb', 'scrypt$cc$dd']);
    secrets.setPin('rina', 'scrypt$ee$ff', 3);
    secrets.setPassword('rina', null, 4);
    expect([secrets.pinHash('rina'), secrets.passwordHash('rina')]).toEqual(['scrypt$ee$ff', undefined]);
    db.close();
  });
});
