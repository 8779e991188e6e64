import type { FaultedTicket, DayView, ServiceConfig, SignedInStaff } from '@antre/shared';
import { openPrintFaults } from '@antre/shared';
import type { HallIndex } from './hall-index.js';

/** One ticket that did not print, as the counter's alert panel shows it. */
export interface PrintAlert {
  ticket: FaultedTicket;
  service: ServiceConfig | undefined;
  /** The kiosk whose printer failed, by its name in the hall config (its id if the config lacks it). */
  kioskName: string;
}

/**
 * Today's open print alerts this staff member can act on: their agency's tickets (a supervisor: every
 * agency's), the longest without paper first. A reprint is refused for another agency's ticket, so staff
 * are shown only what they can fix. Derive it once per hub version: it scans the day's tickets.
 */
export function printAlerts(
  state: DayView,
  index: HallIndex,
  staff: Pick<SignedInStaff, 'role' | 'agencyId'>,
): PrintAlert[] {
  return openPrintFaults(state).flatMap((ticket) => {
    const service = index.services.get(ticket.serviceId);
    if (staff.role !== 'supervisor' && service?.agencyId !== staff.agencyId) return [];
    const kioskId = ticket.printFault.kioskId;
    return [{ ticket, service, kioskName: index.kiosks.get(kioskId)?.name ?? kioskId }];
  });
}
