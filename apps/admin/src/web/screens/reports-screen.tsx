import type { HubConnection } from '@antre/client';
import type { StaffSession } from '../model/admin-session.js';

/** The reports pages (issue 16). */
export function ReportsScreen(_props: { conn: HubConnection; session: StaffSession }) {
  return null;
}
