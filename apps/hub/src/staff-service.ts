import { randomInt } from 'node:crypto';
import type {
  HallConfig,
  ParsedRequest,
  Principal,
  StaffChange,
  StaffChangeReply,
  StaffListReply,
} from '@antre/shared';
import {
  authorizeAdmin,
  authorizeStaffChange,
  configRefusal,
  decideStaffChange,
  domainError,
  fieldIssues,
  staffChangeSchema,
} from '@antre/shared';
import { hashPin } from './auth/pin-hash.js';
import type { PasswordFailures } from './auth/password-failures.js';
import type { StaffSecrets } from './auth/staff-secrets.js';
import type { StaffSessions } from './auth/staff-sessions.js';
import type { QueueService } from './queue-service.js';

export interface StaffServiceDeps {
  service: QueueService;
  secrets: StaffSecrets;
  sessions: StaffSessions;
  /** A new or cleared password starts its lockout count afresh. */
  passwordFailures: PasswordFailures;
  /** The `HALL_CONFIG` file: the hash of a PIN its accounts still sign in with. */
  file: HallConfig;
  /** Ends a user's open connections: they connect again, and their revoked session is refused. */
  cutStaff: (username: string) => void;
}

/**
 * Staff accounts over the hub: the list, and each change decided by the domain (`decideStaffChange`), allowed
 * by the policy (`authorizeStaffChange`), logged as `StaffChanged` with its new secret's hash in the same
 * transaction, and broadcast. A new PIN is in the answer only; the log and the broadcast say that it changed.
 */
export class StaffService {
  constructor(private readonly deps: StaffServiceDeps) {}

  /** The PIN hash an active account signs in with; undefined for an unknown or inactive one. */
  pinHash(username: string): string | undefined {
    const { service, secrets, file } = this.deps;
    if (!service.config.staff.some((s) => s.username === username)) return undefined;
    return secrets.pinHash(username) ?? file.staff.find((s) => s.username === username)?.pinHash;
  }

  /** The password hash of an active account that has set one. */
  passwordHash(username: string): string | undefined {
    if (!this.deps.service.config.staff.some((s) => s.username === username)) return undefined;
    return this.deps.secrets.passwordHash(username);
  }

  list(principal: Principal): StaffListReply {
    const refusal = authorizeAdmin(principal);
    if (refusal || principal.kind !== 'staff') {
      return { ok: false, error: refusal ?? domainError('UNAUTHENTICATED', 'sign in') };
    }
    const own = principal.staff.agencyId;
    const accounts = this.deps.service.staffAccounts.filter((a) => own === undefined || a.agencyId === own);
    return { ok: true, accounts: [...accounts], version: this.deps.service.configVersion };
  }

  async change(principal: Principal, request: ParsedRequest<'staff:change'>): Promise<StaffChangeReply> {
    const { service, secrets, sessions } = this.deps;
    const first = service.recordedReply(request.commandId) as StaffChangeReply | undefined;
    if (first) return first;
    const parsed = staffChangeSchema.safeParse(request.change);
    if (!parsed.success) {
      const [field] = fieldIssues(parsed.error.issues);
      return configRefusal('VALIDATION_FAILED', field?.field ?? '', {
        id: field?.text.id ?? 'Tidak valid.',
        en: field?.text.en ?? 'Not valid.',
      });
    }
    const change = parsed.data;
    const allowed = this.allowed(principal, change);
    if (!allowed.ok) return allowed;
    // Hashing takes a while and runs off the event loop: done first, then decided and stored in one run.
    const pin = change.type === 'create' || change.type === 'resetPin' ? newPin() : undefined;
    const hash =
      pin !== undefined
        ? await hashPin(pin)
        : change.type === 'setPassword'
          ? await hashPin(change.password)
          : undefined;

    const again = service.recordedReply(request.commandId) as StaffChangeReply | undefined;
    if (again) return again;
    service.closeDayIfDue();
    // Asked again: the accounts may have changed while the hash was made.
    const still = this.allowed(principal, change);
    if (!still.ok) return still;
    const decision = decideStaffChange(
      service.staffContext(),
      { expectedVersion: request.expectedVersion, change },
      still.by,
    );
    if (!decision.ok) return decision;
    const { username } = change;
    const now = service.now();
    const reply = service.commitConfigEvent(request.commandId, decision.event, still.by, () => {
      if (decision.secret === 'newPin' && hash !== undefined) secrets.setPin(username, hash, now);
      if (decision.secret === 'password' && hash !== undefined) secrets.setPassword(username, hash, now);
      if (decision.secret === 'clearPassword') secrets.setPassword(username, null, now);
      if (decision.secret === 'password' || decision.secret === 'clearPassword') {
        this.deps.passwordFailures.clear(username);
      }
      if (decision.signsOut) sessions.revokeUser(username);
    });
    if (decision.signsOut) this.deps.cutStaff(username);
    return decision.secret === 'newPin' && pin !== undefined && reply.ok ? { ...reply, pin } : reply;
  }

  private allowed(
    principal: Principal,
    change: StaffChange,
  ):
    | { ok: true; by: Extract<Principal, { kind: 'staff' }>['staff'] }
    | { ok: false; error: ReturnType<typeof domainError> } {
    const refusal = authorizeStaffChange(principal, change, this.deps.service.staffAccounts);
    if (refusal || principal.kind !== 'staff') {
      return { ok: false, error: refusal ?? domainError('UNAUTHENTICATED', 'sign in') };
    }
    return { ok: true, by: principal.staff };
  }
}

/** Six random digits. */
function newPin(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}
