import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DeviceRegistry } from '../../auth/device-registry.js';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 7: revoked devices', () => {
  it('runs once after 6, keeps enrolled devices, and lets a revoked one back only by enrolling again', () => {
    const db = new Database(':memory:');
    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 6),
      ),
    ).toEqual([1, 2, 3, 4, 5, 6]);
    db.prepare(
      "INSERT INTO devices (device_id, kind, token_hash, enrolled_at) VALUES ('kiosk-1', 'kiosk', 'h', 1)",
    ).run();
    // Later migrations are theirs to test.
    const upToSeven = MIGRATIONS.filter((m) => m.version <= 7);
    expect(migrate(db, upToSeven)).toEqual([7]);
    expect(migrate(db, upToSeven)).toEqual([]);

    const registry = new DeviceRegistry(db, '123456');
    expect(registry.list()).toEqual([{ kind: 'kiosk', deviceId: 'kiosk-1', enrolledAt: 1 }]);
    const token = registry.enrol('123456', { kind: 'display', deviceId: 'tv-1' }, 10);
    if (!token) throw new Error('not enrolled');
    registry.revoke({ kind: 'display', deviceId: 'tv-1' }, 20);
    expect(registry.resolve(token)).toBeUndefined();
    expect(registry.isRevoked({ kind: 'display', deviceId: 'tv-1' })).toBe(true);
    expect(registry.list()).toContainEqual({ kind: 'display', deviceId: 'tv-1', revokedAt: 20 });
    // The old code no longer enrols once rotated; the new one does, and lifts the revocation.
    const code = registry.rotatePairingCode();
    expect(registry.enrol('123456', { kind: 'display', deviceId: 'tv-1' }, 30)).toBeUndefined();
    expect(registry.enrol(code, { kind: 'display', deviceId: 'tv-1' }, 30)).toBeDefined();
    expect(registry.isRevoked({ kind: 'display', deviceId: 'tv-1' })).toBe(false);
    db.close();
  });
});
