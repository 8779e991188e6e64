import type Database from 'better-sqlite3';
import { randomInt } from 'node:crypto';
import { newToken, tokenHash } from './token.js';

export type DeviceKind = 'kiosk' | 'display';

export interface Device {
  kind: DeviceKind;
  deviceId: string;
}

/**
 * Kiosks and displays enrol once with the pairing code the hub prints, and then hold a token.
 * The code changes at every hub start, so an old printout is useless.
 */
export class DeviceRegistry {
  readonly pairingCode: string;

  constructor(
    private readonly db: Database.Database,
    pairingCode?: string,
  ) {
    this.pairingCode = pairingCode ?? String(randomInt(0, 1_000_000)).padStart(6, '0');
  }

  enrol(code: string, device: Device, now: number): string | undefined {
    if (code !== this.pairingCode) return undefined;
    const token = newToken();
    this.db
      .prepare(
        `INSERT INTO devices (device_id, kind, token_hash, enrolled_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (kind, device_id) DO UPDATE SET token_hash = excluded.token_hash, enrolled_at = excluded.enrolled_at`,
      )
      .run(device.deviceId, device.kind, tokenHash(token), now);
    return token;
  }

  resolve(token: string): Device | undefined {
    const row = this.db
      .prepare('SELECT device_id, kind FROM devices WHERE token_hash = ?')
      .get(tokenHash(token)) as { device_id: string; kind: DeviceKind } | undefined;
    return row ? { kind: row.kind, deviceId: row.device_id } : undefined;
  }
}
