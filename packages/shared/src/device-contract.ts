import { z } from 'zod';
import type { Reply } from './contract.js';

/**
 * The admin console's view of the hall's devices: the kiosks and displays enrolled or seen, whether they are
 * connected now, revoking one, and the pairing code new devices enrol with. A hall supervisor's only
 * (`authorizeHallAdmin`).
 */

export const DEVICE_KINDS = ['kiosk', 'display'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const deviceRefSchema = z.strictObject({
  kind: z.enum(DEVICE_KINDS),
  deviceId: z.string().min(1).max(64),
});
export type DeviceRef = z.infer<typeof deviceRefSchema>;

export interface DeviceInfo {
  kind: DeviceKind;
  deviceId: string;
  /** Its name in the hall config, when it is a kiosk or display the config lists. */
  name?: string;
  /** Enrolled with the pairing code (holds a device token); a demo device on the hub's machine does not. */
  enrolledAt?: number;
  /** When a connection of it last opened or closed, since the hub started; absent: not seen since. */
  lastSeenAt?: number;
  /** Has a connection open now. */
  online: boolean;
  /** Revoked: refused until it enrols again with the pairing code. */
  revokedAt?: number;
}

export const deviceRequestSchemas = {
  /** Every device the hub knows of, and the pairing code. */
  'device:list': z.strictObject({}),
  /** Ends a device's token and connections; it must enrol again. Logs `DeviceRevoked`. */
  'device:revoke': deviceRefSchema,
  /** A new pairing code; the old one stops working. Logs `PairingCodeRotated`. */
  'device:rotatePairingCode': z.strictObject({}),
} satisfies Record<string, z.ZodType>;

export interface DeviceReplies {
  'device:list': Reply<{ devices: DeviceInfo[]; pairingCode: string }>;
  'device:revoke': Reply<{ seq: number }>;
  'device:rotatePairingCode': Reply<{ pairingCode: string; seq: number }>;
}
