import type { AgencyConfig, DayView, ServiceConfig, ServiceWait } from '@antre/shared';

export interface AgencyWaiting {
  agency: AgencyConfig;
  waiting: number;
  services: Array<{ service: ServiceConfig; waiting: number }>;
}

/** Visitors waiting per agency (and per service within it), for the agencies a display covers. One pass. */
export function waitingByAgency(
  state: DayView,
  agencies: readonly AgencyConfig[],
  services: readonly ServiceConfig[],
): AgencyWaiting[] {
  const perService = new Map<string, number>();
  for (const ticket of Object.values(state.tickets)) {
    if (ticket.status === 'waiting')
      perService.set(ticket.serviceId, (perService.get(ticket.serviceId) ?? 0) + 1);
  }
  return agencies.map((agency) => {
    const own = services
      .filter((s) => s.agencyId === agency.id)
      .map((service) => ({ service, waiting: perService.get(service.id) ?? 0 }));
    return { agency, waiting: own.reduce((sum, s) => sum + s.waiting, 0), services: own };
  });
}

/** How long a visitor of an agency waits, over its services that have visitors waiting. */
export interface AgencyEstimate {
  /** The shortest and the longest estimate among those services, in minutes (equal for one service). */
  fromMinutes: number;
  toMinutes: number;
  /** Some counter serving them is open now; when none is, the minutes only count from when one opens. */
  open: boolean;
}

/**
 * An agency's wait from the domain's estimate per service (`estimateWaits`), never computed here; undefined
 * when nobody waits for it.
 */
export function agencyEstimate(
  entry: AgencyWaiting,
  waits: Readonly<Record<string, ServiceWait>>,
): AgencyEstimate | undefined {
  const estimates = entry.services.flatMap(({ service, waiting }) => {
    const wait = waits[service.id];
    return waiting > 0 && wait ? [wait] : [];
  });
  if (estimates.length === 0) return undefined;
  const minutes = estimates.map((w) => w.minutes);
  return {
    fromMinutes: Math.min(...minutes),
    toMinutes: Math.max(...minutes),
    open: estimates.some((w) => w.openCounters > 0),
  };
}
