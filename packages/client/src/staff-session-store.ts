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

/**
 * The staff member signed in on this browser, under `key` (each app its own). Kept in memory first and
 * mirrored to storage: a reload or a hub restart keeps them signed in, and a second tab signing in as someone
 * else cannot change whom this tab reconnects as. Dropped at sign-out or when the hub refuses it.
 */
export class StaffSessionStore {
  private session: StaffSession | undefined;

  constructor(
    protected readonly storage: KeyValueStorage | undefined,
    private readonly key: string,
  ) {
    this.session = readSession(storage, key);
  }

  get current(): StaffSession | undefined {
    return this.session;
  }

  /** What the hub connection sends at every (re)connect. */
  credentials(): { sessionToken?: string } {
    return this.session ? { sessionToken: this.session.sessionToken } : {};
  }

  signedIn(session: StaffSession): void {
    this.session = session;
    this.storage?.setItem(this.key, JSON.stringify(session));
  }

  signedOut(): void {
    this.session = undefined;
    this.storage?.removeItem(this.key);
  }
}

function readSession(storage: KeyValueStorage | undefined, key: string): StaffSession | undefined {
  const raw = storage?.getItem(key);
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
