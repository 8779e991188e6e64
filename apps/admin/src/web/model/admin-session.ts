import type { KeyValueStorage } from '@antre/client';
import { StaffSessionStore } from '@antre/client';

export type { StaffSession } from '@antre/client';

/** The supervisor signed in on this browser (`StaffSessionStore`, under the admin console's own key). */
export class AdminSession extends StaffSessionStore {
  constructor(storage: KeyValueStorage | undefined) {
    super(storage, 'antre.admin.session');
  }
}
