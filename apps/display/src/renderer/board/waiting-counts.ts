import type { AgencyConfig, DayView, ServiceConfig } from '@antre/shared';

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
