import type { SignedInStaff } from '@antre/shared';

/** The part of `Storage` the session uses, so tests can hand in a plain map. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface StaffSession {
  sessionToken: string;
  staff: SignedInStaff;
}

const SESSION_KEY = 'antre.admin.session';

/** The supervisor signed in on this browser: kept across a reload, dropped at sign-out or when refused. */
export class AdminSession {
  private session: StaffSession | undefined;

  constructor(private readonly storage: KeyValueStorage | undefined) {
    this.session = read(storage);
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
    this.storage?.setItem(SESSION_KEY, JSON.stringify(session));
  }

  signedOut(): void {
    this.session = undefined;
    this.storage?.removeItem(SESSION_KEY);
  }
}

function read(storage: KeyValueStorage | undefined): StaffSession | undefined {
  const raw = storage?.getItem(SESSION_KEY);
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as Partial<StaffSession>;
    return typeof parsed.sessionToken === 'string' && parsed.staff ? (parsed as StaffSession) : undefined;
  } catch {
    return undefined;
  }
}
