import type { KeyValueStorage } from '@antre/client';
import { StaffSessionStore } from '@antre/client';

export type { KeyValueStorage, StaffSession } from '@antre/client';

const SESSION_KEY = 'antre.counter.session';
const COUNTER_KEY = 'antre.counter.counterId';

/** The signed-in staff member (`StaffSessionStore`) and the chosen counter of this machine. */
export class SessionStore extends StaffSessionStore {
  private counterId: string | undefined;

  constructor(storage: KeyValueStorage | undefined) {
    super(storage, SESSION_KEY);
    this.counterId = storage?.getItem(COUNTER_KEY) ?? undefined;
  }

  /** The counter chosen on this machine: remembered across sign-outs, as the machine stands at one counter. */
  get rememberedCounterId(): string | undefined {
    return this.counterId;
  }

  rememberCounter(counterId: string): void {
    this.counterId = counterId;
    this.storage?.setItem(COUNTER_KEY, counterId);
  }
}
