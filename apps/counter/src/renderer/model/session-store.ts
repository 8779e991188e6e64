import type { SignedInStaff } from '@antre/shared';

/** The part of `Storage` the store uses, so tests can hand in a plain map. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface StaffSession {
  sessionToken: string;
  staff: SignedInStaff;
}

const SESSION_KEY = 'antre.counter.session';
const COUNTER_KEY = 'antre.counter.counterId';

/**
 * The signed-in staff member and the chosen counter of this machine.
 * Kept in memory first and mirrored to storage: a reload or a hub restart keeps the staff signed in,
 * and a second tab signing in as someone else cannot change whom this tab reconnects as.
 */
export class SessionStore {
  private session: StaffSession | undefined;
  private counterId: string | undefined;

  constructor(private readonly storage: KeyValueStorage | undefined) {
    this.session = readSession(storage);
    this.counterId = storage?.getItem(COUNTER_KEY) ?? undefined;
  }

  get current(): StaffSession | undefined {
    return this.session;
  }

  /** The counter chosen on this machine: remembered across sign-outs, as the machine stands at one counter. */
  get rememberedCounterId(): string | undefined {
    return this.counterId;
  }

  /** What the hub connection sends at every (re)connect. */
  credentials(): { sessionToken?: string } {
    return this.session ? { sessionToken: this.session.sessionToken } : {};
  }

  signedIn(session: StaffSession): void {
    this.session = session;
    this.storage?.setItem(SESSION_KEY, JSON.stringify(session));
  }

  signedOut(): void {
    this.session = undefined;
    this.storage?.removeItem(SESSION_KEY);
  }

  rememberCounter(counterId: string): void {
    this.counterId = counterId;
    this.storage?.setItem(COUNTER_KEY, counterId);
  }
}

function readSession(storage: KeyValueStorage | undefined): StaffSession | undefined {
  const raw = storage?.getItem(SESSION_KEY);
  if (!raw) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return isSession(value) ? value : undefined;
  } catch {
    // A damaged entry is the same as none: the staff member signs in again.
    return undefined;
  }
}

function isSession(value: unknown): value is StaffSession {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const staff = v['staff'] as Record<string, unknown> | undefined;
  return (
    typeof v['sessionToken'] === 'string' &&
    typeof staff === 'object' &&
    staff !== null &&
    typeof staff['username'] === 'string' &&
    typeof staff['name'] === 'string' &&
    (staff['role'] === 'staff' || staff['role'] === 'supervisor') &&
    (staff['agencyId'] === undefined || typeof staff['agencyId'] === 'string')
  );
}
