import type { HubConnection } from '@antre/client';
import type { ReadonlyTicket } from '@antre/shared';
import { domainError } from '@antre/shared';
import type { CheckInEntry, CheckInResult } from './kiosk-backend.js';

/** A check-in the hub refused, as the kiosk shows it. */
export type CheckInRefusal = Extract<CheckInResult, { ok: false }>;

/**
 * `booking:checkIn` asked of the hub, for the agent and the browser kiosk alike: the refusal as the screen
 * shows it (with a walk-in offered when late), or the ticket the hub issued, read from this kiosk's mirror —
 * the hub's broadcast brings it, and a sync fetches it if that is not in yet.
 */
export async function checkInAtHub(
  conn: HubConnection,
  entry: CheckInEntry,
): Promise<CheckInRefusal | { ok: true; ticket: ReadonlyTicket }> {
  const reply = await conn.request(
    'booking:checkIn',
    'code' in entry ? { code: entry.code } : { nik: entry.nik },
  );
  if (!reply.ok) {
    const { error, text, walkInServiceId } = reply;
    return {
      ok: false,
      error,
      ...(text !== undefined ? { text } : {}),
      ...(walkInServiceId !== undefined ? { walkInServiceId } : {}),
    };
  }
  if (conn.state?.ticket(reply.ticketId) === undefined) await conn.sync();
  const ticket = conn.state?.ticket(reply.ticketId);
  if (!ticket) return { ok: false, error: domainError('INTERNAL', 'the checked-in ticket did not arrive') };
  return { ok: true, ticket };
}
