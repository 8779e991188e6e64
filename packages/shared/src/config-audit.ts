import { z } from 'zod';
import { changeSubjectKey } from './config-change.js';
import type { EventEnvelope } from './domain-events.js';
import { hallLocalTime } from './hall-clock.js';
import type { HallTimeZone } from './hall-config.js';

/**
 * The audit trail of the hall's config: who changed what, when, from what to what. It is not a table of its
 * own but a reading of the event log (config, staff and device events), so it cannot disagree with it.
 */

export const AUDIT_EVENT_TYPES = [
  'ConfigChanged',
  'StaffChanged',
  'DeviceRevoked',
  'PairingCodeRotated',
] as const;

/** What an audit entry is about, for filtering. */
export const AUDIT_KINDS = [
  'agency',
  'service',
  'counter',
  'kiosk',
  'display',
  'holiday',
  'hall',
  'settings',
  'import',
  'staff',
  'device',
  'package',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export interface AuditEntry {
  seq: number;
  at: number;
  /** The user name of who made the change. */
  by: string;
  kind: AuditKind;
  /** `add`, `update`, `remove`, `setHall`, `setSettings`, `import`; a staff change's type; `revoke`, `rotate`. */
  action: string;
  /** What changed: `service:ktp`, `staff:budi`, `kiosk:kiosk-1`, `hall`, `settings`, `*`, `pairingCode`. */
  subject: string;
  /** The config version it made; absent for device events, which are not config. */
  version?: number;
  before: unknown;
  after: unknown;
  /** Fields whose value differs between before and after (`name.id`, `hours.mon`), for a glance. */
  fields: string[];
  /** The agency the subject belongs to (before or after), so an agency's supervisor sees only theirs. */
  agencies: string[];
}

export const auditQuerySchema = z.strictObject({
  kind: z.enum(AUDIT_KINDS).optional(),
  by: z.string().max(40).optional(),
  /** Matched in the subject (`ktp`, `service:`). */
  subject: z.string().max(80).optional(),
  from: z.number().int().min(0).optional(),
  to: z.number().int().min(0).optional(),
  /** Entries older than this sequence number: the next page. */
  beforeSeq: z.number().int().min(1).optional(),
  limit: z.number().int().min(1).max(5000).default(200),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;

/** The audit entry an event makes; undefined for events that are not about config. */
export function auditEntry(envelope: EventEnvelope): AuditEntry | undefined {
  const { seq, at, event } = envelope;
  switch (event.type) {
    case 'ConfigChanged': {
      const { change } = event;
      const kind: AuditKind =
        change.type === 'add' || change.type === 'update'
          ? change.item.kind
          : change.type === 'remove'
            ? change.kind
            : change.type === 'setHall'
              ? 'hall'
              : change.type === 'setSettings'
                ? 'settings'
                : 'import';
      return {
        seq,
        at,
        by: event.by,
        kind,
        action: change.type,
        subject: changeSubjectKey(change),
        version: event.version,
        before: event.before,
        after: event.after,
        fields: change.type === 'import' ? ['*'] : changedFields(event.before, event.after),
        agencies: agenciesOf(kind, event.before, event.after),
      };
    }
    case 'StaffChanged':
      return {
        seq,
        at,
        by: event.by,
        kind: 'staff',
        action: event.action,
        subject: `staff:${event.username}`,
        version: event.version,
        before: event.before,
        after: event.after,
        fields: event.action === 'resetPin' ? ['pin'] : changedFields(event.before, event.after),
        agencies: agenciesOf('staff', event.before, event.after),
      };
    case 'DeviceRevoked':
      return {
        seq,
        at,
        by: event.by,
        kind: 'device',
        action: 'revoke',
        subject: `${event.kind}:${event.deviceId}`,
        before: null,
        after: null,
        fields: [],
        agencies: [],
      };
    case 'PairingCodeRotated':
      return {
        seq,
        at,
        by: event.by,
        kind: 'device',
        action: 'rotate',
        subject: 'pairingCode',
        before: null,
        after: null,
        fields: [],
        agencies: [],
      };
    default:
      return undefined;
  }
}

function agenciesOf(kind: AuditKind, ...values: unknown[]): string[] {
  const out = new Set<string>();
  for (const v of values) {
    if (!isRecord(v)) continue;
    if (kind === 'agency' && typeof v['id'] === 'string') out.add(v['id']);
    if (typeof v['agencyId'] === 'string') out.add(v['agencyId']);
  }
  return [...out];
}

/** Does the entry pass the query's filters (all but paging)? */
export function auditMatches(entry: AuditEntry, query: z.infer<typeof auditQuerySchema>): boolean {
  if (query.kind !== undefined && entry.kind !== query.kind) return false;
  if (query.by !== undefined && query.by !== '' && entry.by !== query.by) return false;
  if (query.subject !== undefined && !entry.subject.toLowerCase().includes(query.subject.toLowerCase())) {
    return false;
  }
  if (query.from !== undefined && entry.at < query.from) return false;
  if (query.to !== undefined && entry.at >= query.to) return false;
  return true;
}

/** The paths of the fields that differ: `name.id`, `hours.mon`, `serviceIds`. Lists are compared whole. */
export function changedFields(before: unknown, after: unknown, path = ''): string[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].flatMap((k) => changedFields(before[k], after[k], path === '' ? k : `${path}.${k}`));
  }
  if (path === '' && (before === null || after === null)) return [];
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [path];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const CSV_HEADER = [
  'Waktu / Time',
  'Oleh / By',
  'Jenis / Kind',
  'Tindakan / Action',
  'Subjek / Subject',
  'Versi / Version',
  'Kolom / Fields',
  'Sebelum / Before',
  'Sesudah / After',
];

/** The entries as CSV (RFC 4180), times in the hall's zone; one line each, the header in both languages. */
export function auditCsv(entries: readonly AuditEntry[], zone: HallTimeZone): string {
  const rows = entries.map((e) => [
    localStamp(e.at, zone),
    e.by,
    e.kind,
    e.action,
    e.subject,
    e.version === undefined ? '' : String(e.version),
    e.fields.join(' '),
    e.before === null ? '' : JSON.stringify(e.before),
    e.after === null ? '' : JSON.stringify(e.after),
  ]);
  return [CSV_HEADER, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** `2026-11-30 09:14:05` in the hall's zone. */
function localStamp(at: number, zone: HallTimeZone): string {
  const t = hallLocalTime(at, zone);
  const seconds = String(Math.floor((((at / 1000) % 60) + 60) % 60)).padStart(2, '0');
  return `${t.day} ${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}:${seconds}`;
}

/** Quoted when needed; a cell a spreadsheet would run as a formula is defused with a leading quote. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
