import { z } from 'zod';
import type { SignedInStaff, StaffRole } from './access-policy.js';
import { itemKey } from './config-change.js';
import { configRefusal, type ConfigRefusal } from './config-refusal.js';
import type { DomainEvent } from './domain-events.js';
import { configId } from './hall-config.js';
import type { QueueConfig } from './hall-config.js';

/**
 * Staff accounts as the admin console changes them. The account (name, role, agency, active) is public
 * config; its PIN and password are secrets that only the hub's store holds, as hashes: the events say that a
 * PIN was reset, never what it became.
 */

export const STAFF_ROLES = ['staff', 'supervisor'] as const satisfies readonly StaffRole[];

/** A supervisor's password is a stronger sign-in than a PIN: at least this long. */
export const PASSWORD_MIN_LENGTH = 10;

export const staffUsername = z.string().regex(/^[a-z0-9._-]{2,40}$/, 'a-z, 0-9, ".", "_", "-"; 2–40');

const accountFields = {
  username: staffUsername,
  name: z.string().trim().min(1).max(120),
  role: z.enum(STAFF_ROLES),
  /** Absent for a supervisor of the whole hall; a staff member always has one. */
  agencyId: configId.optional(),
};

export const staffAccountSchema = z.strictObject(accountFields);

export const staffChangeSchema = z.discriminatedUnion('type', [
  /** A new account; the hub makes its first PIN and shows it once. */
  z.strictObject({ type: z.literal('create'), ...accountFields }),
  z.strictObject({ type: z.literal('update'), ...accountFields }),
  /** Signs the user out everywhere; the account stays, for the audit trail and a later return. */
  z.strictObject({ type: z.literal('deactivate'), username: staffUsername }),
  z.strictObject({ type: z.literal('reactivate'), username: staffUsername }),
  /** The hub makes a new PIN, shows it once, and signs the user out everywhere. */
  z.strictObject({ type: z.literal('resetPin'), username: staffUsername }),
  /** A supervisor's own password, the stronger sign-in; once set, the admin console asks for it. */
  z.strictObject({
    type: z.literal('setPassword'),
    username: staffUsername,
    password: z.string().min(PASSWORD_MIN_LENGTH).max(200),
  }),
  z.strictObject({ type: z.literal('clearPassword'), username: staffUsername }),
]);
export type StaffChange = z.infer<typeof staffChangeSchema>;
export type StaffChangeInput = z.input<typeof staffChangeSchema>;
export type StaffChangeType = StaffChange['type'];

export const staffChangeRequestSchema = z.strictObject({
  commandId: z.string().min(8).max(64),
  expectedVersion: z.number().int().min(0),
  change: z.unknown(),
});
export type StaffChangeRequest = Omit<z.infer<typeof staffChangeRequestSchema>, 'change'> & {
  change: StaffChangeInput;
};

/** A staff account without its secrets: what the admin console lists and the events record. */
export interface StaffRecord {
  username: string;
  name: string;
  role: StaffRole;
  agencyId?: string;
  active: boolean;
  /** Has set a password (a supervisor's stronger sign-in). */
  hasPassword: boolean;
}

export interface StaffContext {
  accounts: readonly StaffRecord[];
  config: QueueConfig;
  /** The config's version now. */
  version: number;
  /** The config version in which an item (`staff:<username>`) last changed; 0 if never. */
  changedIn: (key: string) => number;
}

export type StaffDecision =
  | {
      ok: true;
      event: Extract<DomainEvent, { type: 'StaffChanged' }>;
      /** The account after the change. */
      account: StaffRecord;
      /** What secret the hub must make: a new PIN (shown once), or the given password's hash. */
      secret: 'newPin' | 'password' | 'clearPassword' | 'none';
      /** Whether the user's sessions end (deactivated, new PIN or role): they sign in again. */
      signsOut: boolean;
    }
  | ConfigRefusal;

/**
 * Decides a change to a staff account: the rules, not who may make it (`authorizeStaffChange`). A change to
 * the public account (create, update, (de)activate) bumps the config version; secrets alone do not.
 */
export function decideStaffChange(
  ctx: StaffContext,
  request: { expectedVersion: number; change: StaffChange },
  by: SignedInStaff,
): StaffDecision {
  const { change } = request;
  const before = ctx.accounts.find((a) => a.username === change.username);
  if (request.expectedVersion > ctx.version) {
    return configRefusal('VALIDATION_FAILED', 'expectedVersion', {
      id: 'Versi konfigurasi tidak dikenal.',
      en: 'Unknown config version.',
    });
  }
  if (ctx.changedIn(itemKey('staff', change.username)) > request.expectedVersion) {
    return configRefusal('CONFIG_CONFLICT', '', {
      id: 'Akun ini baru saja diubah orang lain. Muat ulang dan periksa lagi.',
      en: 'Someone else changed this account meanwhile. Reload and check again.',
    });
  }
  if (change.type === 'create') {
    if (before) {
      return configRefusal('DUPLICATE_ID', 'username', {
        id: `Nama pengguna ${change.username} sudah dipakai.`,
        en: `User name ${change.username} is taken.`,
      });
    }
  } else if (!before) {
    return configRefusal('UNKNOWN_ITEM', 'username', {
      id: `Tidak ada petugas ${change.username}.`,
      en: `No staff member ${change.username}.`,
    });
  }

  let after: StaffRecord;
  let secret: Extract<StaffDecision, { ok: true }>['secret'] = 'none';
  let bumps = true;
  let signsOut = false;
  switch (change.type) {
    case 'create':
    case 'update': {
      const refusal = accountRefusal(ctx, change);
      if (refusal) return refusal;
      after = {
        username: change.username,
        name: change.name,
        role: change.role,
        ...(change.agencyId === undefined ? {} : { agencyId: change.agencyId }),
        active: before?.active ?? true,
        hasPassword: before?.hasPassword ?? false,
      };
      if (change.type === 'create') secret = 'newPin';
      // A new role or agency must reach the user's open screens: they sign in again with it.
      signsOut = before !== undefined && (before.role !== after.role || before.agencyId !== after.agencyId);
      if (before && isHallSupervisor(before) && !isHallSupervisor(after)) {
        const lockout = lastHallSupervisor(ctx, before.username);
        if (lockout) return lockout;
      }
      break;
    }
    case 'deactivate': {
      const account = before as StaffRecord;
      if (!account.active) return unchanged('is already inactive', 'sudah nonaktif');
      if (account.username === by.username) {
        return configRefusal('FORBIDDEN', 'username', {
          id: 'Anda tidak dapat menonaktifkan akun sendiri.',
          en: 'You cannot deactivate your own account.',
        });
      }
      if (isHallSupervisor(account)) {
        const lockout = lastHallSupervisor(ctx, account.username);
        if (lockout) return lockout;
      }
      after = { ...account, active: false };
      signsOut = true;
      break;
    }
    case 'reactivate': {
      const account = before as StaffRecord;
      if (account.active) return unchanged('is already active', 'sudah aktif');
      if (account.agencyId !== undefined && !ctx.config.agencies.some((a) => a.id === account.agencyId)) {
        return configRefusal('VALIDATION_FAILED', 'agencyId', {
          id: 'Instansi akun ini sudah tidak ada: ubah instansinya dulu.',
          en: "This account's agency no longer exists: change its agency first.",
        });
      }
      after = { ...account, active: true };
      break;
    }
    case 'resetPin':
      after = before as StaffRecord;
      secret = 'newPin';
      bumps = false;
      signsOut = true;
      break;
    case 'setPassword': {
      const account = before as StaffRecord;
      if (account.role !== 'supervisor') {
        return configRefusal('FORBIDDEN', 'password', {
          id: 'Kata sandi hanya untuk supervisor.',
          en: 'Passwords are for supervisors only.',
        });
      }
      after = { ...account, hasPassword: true };
      secret = 'password';
      bumps = false;
      break;
    }
    case 'clearPassword': {
      const account = before as StaffRecord;
      if (!account.hasPassword) return unchanged('has no password', 'tidak memiliki kata sandi');
      after = { ...account, hasPassword: false };
      secret = 'clearPassword';
      bumps = false;
      break;
    }
  }
  return {
    ok: true,
    event: {
      type: 'StaffChanged',
      version: bumps ? ctx.version + 1 : ctx.version,
      action: change.type,
      username: change.username,
      before: before ?? null,
      after,
      by: by.username,
    },
    account: after,
    secret,
    signsOut,
  };

  function unchanged(en: string, id: string): ConfigRefusal {
    return configRefusal('VALIDATION_FAILED', 'username', {
      id: `Akun ${change.username} ${id}.`,
      en: `Account ${change.username} ${en}.`,
    });
  }
}

/** A supervisor of the whole hall (no agency): the one who can change everything. */
export function isHallSupervisor(account: Pick<StaffRecord, 'role' | 'agencyId' | 'active'>): boolean {
  return account.active && account.role === 'supervisor' && account.agencyId === undefined;
}

function accountRefusal(
  ctx: StaffContext,
  account: { role: StaffRole; agencyId?: string | undefined },
): ConfigRefusal | undefined {
  if (account.role === 'staff' && account.agencyId === undefined) {
    return configRefusal('VALIDATION_FAILED', 'agencyId', {
      id: 'Petugas loket harus memiliki instansi.',
      en: 'Counter staff need an agency.',
    });
  }
  if (account.agencyId !== undefined && !ctx.config.agencies.some((a) => a.id === account.agencyId)) {
    return configRefusal('VALIDATION_FAILED', 'agencyId', {
      id: `Instansi ${account.agencyId} tidak ada.`,
      en: `No agency ${account.agencyId}.`,
    });
  }
  return undefined;
}

/** Refuses to take away the last active hall supervisor: nobody could change the hall any more. */
function lastHallSupervisor(ctx: StaffContext, username: string): ConfigRefusal | undefined {
  const others = ctx.accounts.filter((a) => a.username !== username && isHallSupervisor(a));
  return others.length > 0
    ? undefined
    : configRefusal('IN_USE', 'role', {
        id: 'Ini supervisor aula aktif terakhir: tambahkan yang lain dulu.',
        en: 'This is the last active hall supervisor: add another one first.',
      });
}

/** The public staff list a config carries, after a `StaffChanged` event: active accounts only. */
export function applyStaffChange<S extends { username: string }>(
  staff: readonly S[],
  event: Extract<DomainEvent, { type: 'StaffChanged' }>,
): Array<S | PublicStaffEntry> {
  const rest = staff.filter((s) => s.username !== event.username);
  const after = event.after;
  if (!after?.active) return rest;
  const entry: PublicStaffEntry = { username: after.username, name: after.name, role: after.role };
  if (after.agencyId !== undefined) entry.agencyId = after.agencyId;
  const at = staff.findIndex((s) => s.username === event.username);
  if (at < 0) return [...rest, entry];
  return [...rest.slice(0, at), entry, ...rest.slice(at)];
}

export interface PublicStaffEntry {
  username: string;
  name: string;
  role: StaffRole;
  agencyId?: string;
}
