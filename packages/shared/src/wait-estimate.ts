import type { QueueState, WaitEstimate } from './domain-types.js';
import type { HallConfig } from './hall-config.js';
import { allTickets } from './queue-state.js';

export interface ServiceWait extends WaitEstimate {
  /** Counters open for the service now. */
  openCounters: number;
  /** Average minutes per visitor behind the estimate. */
  minutesPerVisitor: number;
}

/**
 * Estimated wait for a ticket taken now: the visitors ahead, times the recent average service time,
 * shared among the counters open for the service (all counters configured for it when none is open yet,
 * e.g. before opening or during a break, since they will open).
 */
export function estimateWait(state: QueueState, config: HallConfig, serviceId: string): ServiceWait {
  let ahead = 0;
  for (const t of allTickets(state)) {
    if (t.status === 'waiting' && t.serviceId === serviceId) ahead += 1;
  }
  const configured = config.counters.filter((c) => c.serviceIds.includes(serviceId));
  const open = configured.filter((c) => state.counters[c.id]?.status === 'open').length;
  const recent = (state.services[serviceId]?.recentServiceMs ?? []).slice(-config.settings.estimateWindow);
  const target = config.services.find((s) => s.id === serviceId)?.targetMinutes ?? 10;
  const minutesPerVisitor =
    recent.length > 0 ? recent.reduce((a, b) => a + b, 0) / recent.length / 60_000 : target;
  const servers = Math.max(1, open > 0 ? open : configured.length);
  return {
    ahead,
    minutes: Math.ceil((ahead * minutesPerVisitor) / servers),
    openCounters: open,
    minutesPerVisitor,
  };
}

/** Where a waiting ticket stands: the tickets of its service that will be called before it, and the wait. */
export function ticketPosition(
  state: QueueState,
  config: HallConfig,
  ticketId: string,
): WaitEstimate | undefined {
  const ticket = state.tickets[ticketId];
  if (!ticket || ticket.status !== 'waiting') return undefined;
  const isPriority = ticket.priority !== 'none';
  let ahead = 0;
  for (const t of allTickets(state)) {
    if (t.status !== 'waiting' || t.serviceId !== ticket.serviceId || t.id === ticket.id) continue;
    // Priority tickets go before regular ones; within a class, the smaller rank goes first.
    const tPriority = t.priority !== 'none';
    if ((tPriority && !isPriority) || (tPriority === isPriority && t.rank < ticket.rank)) ahead += 1;
  }
  const service = estimateWait(state, config, ticket.serviceId);
  const servers = Math.max(
    1,
    service.openCounters || config.counters.filter((c) => c.serviceIds.includes(ticket.serviceId)).length,
  );
  return { ahead, minutes: Math.ceil((ahead * service.minutesPerVisitor) / servers) };
}
