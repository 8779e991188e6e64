import type Database from 'better-sqlite3';
import { randomInt } from 'node:crypto';
import { newToken, tokenHash } from './token.js';

export type DeviceKind = 'kiosk' | 'display';

export interface Device {
  kind: DeviceKind;
  deviceId: string;
}

export interface EnrolledDevice extends Device {
  enrolledAt?: number;
  revokedAt?: number;
}

/**
 * Kiosks and displays enrol once with the pairing code the hub prints, and then hold a token.
 * The code changes at every hub start, and when a supervisor rotates it, so an old printout is useless.
 * A revoked device loses its token and is refused, demo device or not, until it enrols again.
 */
export class DeviceRegistry {
  private code: string;

  constructor(
    private readonly db: Database.Database,
    pairingCode?: string,
  ) {
    this.code = pairingCode ?? newPairingCode();
  }

  get pairingCode(): string {
    return this.code;
  }

  /** A new pairing code; the old one stops working at once. */
  rotatePairingCode(): string {
    this.code = newPairingCode();
    return this.code;
  }

  enrol(code: string, device: Device, now: number): string | undefined {
    if (code !== this.code) return undefined;
    const token = newToken();
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO devices (device_id, kind, token_hash, enrolled_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (kind, device_id) DO UPDATE SET token_hash = excluded.token_hash, enrolled_at = excluded.enrolled_at`,
        )
        .run(device.deviceId, device.kind, tokenHash(token), now);
      this.db
        .prepare('DELETE FROM revoked_devices WHERE kind = ? AND device_id = ?')
        .run(device.kind, device.deviceId);
    })();
    return token;
  }

  resolve(token: string): Device | undefined {
    const row = this.db
      .prepare('SELECT device_id, kind FROM devices WHERE token_hash = ?')
      .get(tokenHash(token)) as { device_id: string; kind: DeviceKind } | undefined;
    return row ? { kind: row.kind, deviceId: row.device_id } : undefined;
  }

  /** Deletes the device's token and refuses it until it enrols again. */
  revoke(device: Device, now: number): void {
    this.db.transaction(() => {
      this.db
        .prepare('DELETE FROM devices WHERE kind = ? AND device_id = ?')
        .run(device.kind, device.deviceId);
      this.db
        .prepare(
          `INSERT INTO revoked_devices (kind, device_id, revoked_at) VALUES (?, ?, ?)
           ON CONFLICT (kind, device_id) DO UPDATE SET revoked_at = excluded.revoked_at`,
        )
        .run(device.kind, device.deviceId, now);
    })();
  }

  isRevoked(device: Device): boolean {
    return (
      this.db
        .prepare('SELECT 1 FROM revoked_devices WHERE kind = ? AND device_id = ?')
        .get(device.kind, device.deviceId) !== undefined
    );
  }

  /** Every device enrolled or revoked, by kind and id. */
  list(): EnrolledDevice[] {
    const enrolled = this.db.prepare('SELECT kind, device_id, enrolled_at FROM devices').all() as Array<{
      kind: DeviceKind;
      device_id: string;
      enrolled_at: number;
    }>;
    const revoked = this.db
      .prepare('SELECT kind, device_id, revoked_at FROM revoked_devices')
      .all() as Array<{
      kind: DeviceKind;
      device_id: string;
      revoked_at: number;
    }>;
    const out = new Map<string, EnrolledDevice>();
    for (const r of enrolled) {
      out.set(`${r.kind}:${r.device_id}`, { kind: r.kind, deviceId: r.device_id, enrolledAt: r.enrolled_at });
    }
    for (const r of revoked) {
      const key = `${r.kind}:${r.device_id}`;
      out.set(key, { ...(out.get(key) ?? { kind: r.kind, deviceId: r.device_id }), revokedAt: r.revoked_at });
    }
    return [...out.values()];
  }
}

function newPairingCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}
