import { z } from 'zod';
import type { AuditEntry } from './config-audit.js';
import { auditQuerySchema } from './config-audit.js';
import { configChangeRequestSchema } from './config-change.js';
import type { Reply } from './contract.js';
import type { DeviceReplies } from './device-contract.js';
import { deviceRequestSchemas } from './device-contract.js';
import type { HallConfigInput } from './hall-config.js';
import type { StaffRecord } from './staff-change.js';
import { staffChangeRequestSchema } from './staff-change.js';

/**
 * The admin console's part of the Socket.IO contract: config changes, export and the audit trail. Each
 * request takes an ack and is answered with `ok` or an error, as in `contract.ts`, which lists these with
 * the rest of the requests.
 */

export const emptyAdminRequestSchema = z.strictObject({});

export const adminRequestSchemas = {
  /** A change to the hall config (`configChangeSchema` in `change`), with the version its author saw. */
  'config:change': configChangeRequestSchema,
  /** The whole config in the file's format, for a backup or another hall; without staff secrets. */
  'config:export': emptyAdminRequestSchema,
  /** The audit trail, newest first, filtered. */
  'audit:query': auditQuerySchema,
  ...deviceRequestSchemas,
  /** The staff accounts (no secrets), active or not; an agency's supervisor sees their agency's only. */
  'staff:list': emptyAdminRequestSchema,
  /** A change to a staff account (`staffChangeSchema` in `change`), with the config version its author saw. */
  'staff:change': staffChangeRequestSchema,
} satisfies Record<string, z.ZodType>;

export type ConfigChangeReply = Reply<{ version: number; seq: number }>;
export type ConfigExportReply = Reply<{ version: number; config: HallConfigInput }>;
/** `more`: older entries match too (ask again with `beforeSeq` set to the last entry's `seq`). */
export type AuditReply = Reply<{ entries: AuditEntry[]; more: boolean }>;

export type StaffListReply = Reply<{ accounts: StaffRecord[]; version: number }>;
/**
 * `pin`: the account's new PIN (a new account, a reset), in this answer only: the hub keeps its hash. A retry
 * of the same `commandId` gets the answer again without it.
 */
export type StaffChangeReply = Reply<{ version: number; seq: number; pin?: string }>;

export interface AdminReplies extends DeviceReplies {
  'config:change': ConfigChangeReply;
  'config:export': ConfigExportReply;
  'audit:query': AuditReply;
  'staff:list': StaffListReply;
  'staff:change': StaffChangeReply;
}
