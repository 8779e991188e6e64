import { z } from 'zod';
import type { AuditEntry, AuditQuery } from './config-audit.js';
import type { ConfigChangeRequest } from './config-change.js';
import type { Reply } from './contract.js';
import type { HallConfigInput } from './hall-config.js';
import type { SignedInStaff } from './access-policy.js';
import type { StaffChangeRequest, StaffRecord } from './staff-change.js';

/**
 * The admin console's part of the Socket.IO contract: config changes, staff accounts, devices and the audit
 * trail. Every request takes an ack and is answered with `ok` or an error, as in `contract.ts`.
 */

type Ack<T> = (reply: T) => void;

export const passwordSignInSchema = z.strictObject({
  username: z.string().min(1).max(40),
  password: z.string().min(1).max(200),
});
export type PasswordSignInRequest = z.infer<typeof passwordSignInSchema>;

export const deviceRefSchema = z.strictObject({
  kind: z.enum(['kiosk', 'display']),
  deviceId: z.string().min(1).max(64),
});
export type DeviceRef = z.infer<typeof deviceRefSchema>;

/** A kiosk or display as the admin console lists it. */
export interface DeviceInfo {
  kind: 'kiosk' | 'display';
  deviceId: string;
  /** False for a device trusted without enrolment (demo mode, on the hub's own machine). */
  enrolled: boolean;
  enrolledAt?: number;
  /** When the hub last heard from it (connected or disconnected); absent if never since enrolment. */
  lastSeenAt?: number;
  /** Connected now. */
  connected: boolean;
}

export type ConfigChangeReply = Reply<{ version: number; seq: number }>;
export type ConfigExportReply = Reply<{ version: number; config: HallConfigInput }>;
export type AuditReply = Reply<{ entries: AuditEntry[]; more: boolean }>;
export type StaffListReply = Reply<{ version: number; accounts: StaffRecord[] }>;
/** `pin` only when the hub made a new one (create, resetPin): shown once, never stored in the clear. */
export type StaffChangeReply = Reply<{ version: number; seq: number; pin?: string }>;
export type PasswordSignInReply = Reply<{ sessionToken: string; staff: SignedInStaff }>;
/** `pairingCode` only for a supervisor of the whole hall. */
export type DeviceListReply = Reply<{ devices: DeviceInfo[]; pairingCode?: string }>;
export type PairingCodeReply = Reply<{ pairingCode: string }>;

export interface AdminClientToServerEvents {
  'config:change': (request: ConfigChangeRequest, ack: Ack<ConfigChangeReply>) => void;
  'config:export': (request: Record<string, never>, ack: Ack<ConfigExportReply>) => void;
  'audit:query': (request: AuditQuery, ack: Ack<AuditReply>) => void;
  'staff:list': (request: Record<string, never>, ack: Ack<StaffListReply>) => void;
  'staff:change': (request: StaffChangeRequest, ack: Ack<StaffChangeReply>) => void;
  'staff:signInPassword': (request: PasswordSignInRequest, ack: Ack<PasswordSignInReply>) => void;
  'device:list': (request: Record<string, never>, ack: Ack<DeviceListReply>) => void;
  'device:revoke': (request: DeviceRef, ack: Ack<Reply<{ seq: number }>>) => void;
  'device:rotatePairingCode': (request: Record<string, never>, ack: Ack<PairingCodeReply>) => void;
}

/** The admin events' names, for the hub's list of events it answers. */
export const ADMIN_EVENTS = [
  'config:change',
  'config:export',
  'audit:query',
  'staff:list',
  'staff:change',
  'staff:signInPassword',
  'device:list',
  'device:revoke',
  'device:rotatePairingCode',
] as const satisfies ReadonlyArray<keyof AdminClientToServerEvents>;
