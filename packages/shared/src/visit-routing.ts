import type { Command } from './commands.js';
import type { DomainEvent } from './domain-events.js';
import type { ReadonlyTicket } from './domain-types.js';
import type { QueueConfig } from './hall-config.js';
import type { DayView } from './queue-day.js';
import type { Decision, EngineContext } from './queue-engine.js';
import type { ServiceWait } from './wait-estimate.js';
import { estimateWaits } from './wait-estimate.js';
import type { ReadonlyVisitPlan, VisitLegStatus } from './visit-plan.js';
import { isLegUnblocked, readyLegs } from './visit-plan.js';

/**
 * The routing rule of a visit (docs/protocol.md, "Visits"): which leg a ticket joins next.
 *
 * - A leg is *ready* when it is still to go and every leg the package puts before it is done or skipped.
 * - Among ready legs, the order staff set goes first (`sequence`); where the order is free, the leg whose
 *   service has the shortest estimated wait at that moment (`estimateWaits`), ties to the plan's own order.
 * - After a finish with nothing ready, a missed leg (a no-show earlier in the visit) whose legs before it are
 *   done is tried again: the citizen is in the hall, just served elsewhere. After a no-show it is not.
 * - The ticket joins that queue ranked by its issue time: when the citizen arrived in the hall, so nobody who
 *   came later goes ahead of them, and they go ahead of nobody who came earlier.
 */

/** Estimated waits per service, computed at most once per decision and only when a choice needs them. */
export type WaitsNow = () => Readonly<Record<string, ServiceWait>>;

export function lazyWaits(state: DayView, config: QueueConfig, now: number): WaitsNow {
  let waits: Record<string, ServiceWait> | undefined;
  return () => (waits ??= estimateWaits(state, config, now));
}

/** The best of `candidates` (leg indexes): staff's sequence first, then the shortest wait, then plan order. */
export function bestLeg(
  plan: ReadonlyVisitPlan,
  candidates: readonly number[],
  waits: WaitsNow,
): number | undefined {
  if (candidates.length <= 1) return candidates[0];
  const place = (i: number): number => {
    const at = plan.sequence?.indexOf(i) ?? -1;
    return at < 0 ? Number.POSITIVE_INFINITY : at;
  };
  const minutes = (i: number): number => {
    const serviceId = plan.legs[i]?.serviceId;
    return serviceId === undefined ? Number.POSITIVE_INFINITY : (waits()[serviceId]?.minutes ?? 0);
  };
  return [...candidates].sort((a, b) => place(a) - place(b) || minutes(a) - minutes(b) || a - b)[0];
}

/**
 * The leg to join after the current one ends as `outcome` (done at a finish, missed at a no-show), or
 * undefined: the visit is over, or (after a no-show) waits for the citizen to be put back.
 */
export function nextLeg(
  plan: ReadonlyVisitPlan,
  outcome: Extract<VisitLegStatus, 'done' | 'missed'>,
  waits: WaitsNow,
): number | undefined {
  const after: ReadonlyVisitPlan = {
    ...plan,
    legs: plan.legs.map((leg, i) => (i === plan.current ? { ...leg, status: outcome } : leg)),
  };
  const ready = readyLegs(after);
  if (ready.length > 0) return bestLeg(after, ready, waits);
  if (outcome !== 'done') return undefined;
  const retry = after.legs.flatMap((leg, i) =>
    leg.status === 'missed' && i !== plan.current && isLegUnblocked(after, i) ? [i] : [],
  );
  return bestLeg(after, retry, waits);
}

/** The event that moves the ticket on to leg `leg`. */
export function routedTo(ticket: ReadonlyTicket, leg: number): DomainEvent {
  return { type: 'VisitRouted', ticketId: ticket.id, leg, rank: ticket.issuedAt };
}

/**
 * A counter command's decision with its visits carried on: after each finish or no-show of a ticket with
 * legs still to go, the event that moves it to its next leg (right after, in the same command), or, when
 * staff end the visit at a no-show, the event that cancels the rest. Decided on the state before the command,
 * so a ticket moved on by a call-next is never the one that call picks.
 */
export function withVisitRouting(
  state: DayView,
  command: Command,
  decision: Decision,
  ctx: EngineContext,
): Decision {
  if (!decision.ok) return decision;
  if (!decision.events.some((e) => e.type === 'TicketFinished' || e.type === 'TicketNoShow')) return decision;
  const waits = lazyWaits(state, ctx.config, ctx.now);
  const events: DomainEvent[] = [];
  for (const event of decision.events) {
    events.push(event);
    if (event.type !== 'TicketFinished' && event.type !== 'TicketNoShow') continue;
    const ticket = state.ticket(event.ticketId);
    const plan = ticket?.visit;
    if (!ticket || !plan) continue;
    if (event.type === 'TicketNoShow' && command.type === 'noShow' && command.endVisit === true) {
      if (plan.legs.some((l, i) => i !== plan.current && (l.status === 'pending' || l.status === 'missed'))) {
        events.push({ type: 'VisitEnded', ticketId: ticket.id, counterId: event.counterId, by: byName(ctx) });
      }
      continue;
    }
    const next = nextLeg(plan, event.type === 'TicketFinished' ? 'done' : 'missed', waits);
    if (next !== undefined) events.push(routedTo(ticket, next));
  }
  return { ok: true, events };
}

/** Who did it, as staff events record it. */
export function byName(ctx: EngineContext): string {
  const { actor } = ctx;
  return actor.kind === 'staff'
    ? actor.username
    : actor.kind === 'kiosk'
      ? `kiosk:${actor.kioskId}`
      : 'system';
}
