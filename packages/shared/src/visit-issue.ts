import type { Command } from './commands.js';
import type { DomainEvent } from './domain-events.js';
import type { Ticket } from './domain-types.js';
import type { DomainError } from './error-codes.js';
import { domainError } from './error-codes.js';
import type { QueueConfig } from './hall-config.js';
import type { DayView } from './queue-day.js';
import type { Decision, EngineContext } from './queue-engine.js';
import { issueRefusal, issueRefusalError } from './service-refusal.js';
import type { LegOrder, VisitPlan } from './visit-plan.js';
import { newVisitPlan, orderAmong, readyLegs } from './visit-plan.js';
import { bestLeg, lazyWaits } from './visit-routing.js';

type IssueCommand = Extract<Command, { type: 'issueTicket' }>;
type SyncCommand = Extract<Command, { type: 'syncOfflineTicket' }>;

/** The services of a visit and the order among them, as the hall's packages fix it. */
export interface VisitRequest {
  services: string[];
  order: LegOrder[];
  packageId?: string;
}

/** The one service an issue asks for, or undefined when it asks for a visit of several (or a package). */
export function singleServiceOf(command: IssueCommand): string | undefined {
  if (command.packageId !== undefined) return undefined;
  if (command.serviceIds !== undefined)
    return command.serviceIds.length === 1 ? command.serviceIds[0] : undefined;
  return command.serviceId;
}

/**
 * The visit asked for: a package (all its services, or those chosen from it) or a basket of services. Refused
 * with a clear error for an unknown package or service, a service asked twice or one outside the package.
 */
export function visitRequest(
  config: QueueConfig,
  serviceIds: readonly string[] | undefined,
  packageId: string | undefined,
): { ok: true; request: VisitRequest } | { ok: false; error: DomainError } {
  const fail = (error: DomainError) => ({ ok: false as const, error });
  const pkg = packageId === undefined ? undefined : config.packages.find((p) => p.id === packageId);
  if (packageId !== undefined && !pkg) return fail(domainError('UNKNOWN_PACKAGE', `no package ${packageId}`));
  const services = [...(serviceIds ?? pkg?.serviceIds ?? [])];
  const seen = new Set<string>();
  for (const serviceId of services) {
    if (!config.services.some((s) => s.id === serviceId)) {
      return fail(domainError('UNKNOWN_SERVICE', `no service ${serviceId}`, { serviceId }));
    }
    if (seen.has(serviceId)) {
      return fail(domainError('INVALID_VISIT', `service ${serviceId} is asked for twice`, { serviceId }));
    }
    if (pkg && !pkg.serviceIds.includes(serviceId)) {
      return fail(
        domainError('INVALID_VISIT', `service ${serviceId} is not in package ${pkg.id}`, { serviceId }),
      );
    }
    seen.add(serviceId);
  }
  const request: VisitRequest = { services, order: pkg ? orderAmong(services, pkg.order) : [] };
  if (pkg) request.packageId = pkg.id;
  return { ok: true, request };
}

/**
 * Why the visit's legs cannot all be taken now (a service closed, or past its quota), naming the first such
 * service in `details.serviceId` and all of them in the message: refused before the ticket is taken.
 */
export function visitRefusal(
  state: DayView,
  config: QueueConfig,
  services: readonly string[],
  now: number,
): DomainError | undefined {
  const refused: Array<{ serviceId: string; error: DomainError }> = [];
  for (const serviceId of services) {
    const service = config.services.find((s) => s.id === serviceId);
    const refusal = service ? issueRefusal(state, config, service, now) : undefined;
    if (refusal) refused.push({ serviceId, error: issueRefusalError(serviceId, refusal) });
  }
  const first = refused[0];
  if (!first) return undefined;
  const message = refused.map((r) => r.error.message).join('; ');
  return domainError(first.error.code, message, { ...first.error.details, serviceId: first.serviceId });
}

/**
 * Issues a ticket for a visit of several services: every leg must be open and within its quota, the first
 * leg is the ready one with the shortest wait, and the ticket carries that leg's number (`issueOne` issues it
 * as any ticket for one service) and the plan.
 */
export function issueVisit(
  state: DayView,
  command: IssueCommand,
  ctx: EngineContext,
  issueOne: (serviceId: string) => Decision,
): Decision {
  const asked = visitRequest(ctx.config, command.serviceIds, command.packageId);
  if (!asked.ok) return asked;
  const { services, order, packageId } = asked.request;
  if (services.length === 0)
    return { ok: false, error: domainError('INVALID_VISIT', 'a visit needs a service') };
  const refusal = visitRefusal(state, ctx.config, services, ctx.now);
  if (refusal) return { ok: false, error: refusal };
  const draft = newVisitPlan(services, order, -1, ctx.now);
  const first = bestLeg(draft, readyLegs(draft), lazyWaits(state, ctx.config, ctx.now)) ?? 0;
  const firstService = services[first] ?? '';
  const decision = issueOne(firstService);
  if (!decision.ok) return decision;
  const plan = newVisitPlan(services, order, first, ctx.now, packageId);
  return { ok: true, events: decision.events.map((e) => withPlan(e, plan)) };
}

/**
 * An offline ticket's decision with the visit its kiosk planned. The ticket is in a citizen's hand already, so
 * the plan is taken as far as it can be: services the hall no longer has are left out, and the numbered
 * service is the leg it joined first. Hours and quotas are not checked, as for any offline ticket.
 */
export function withOfflineVisit(command: SyncCommand, ctx: EngineContext, decision: Decision): Decision {
  if (!decision.ok || command.visit === undefined) return decision;
  const known = command.visit.serviceIds.filter(
    (id, i, all) => all.indexOf(id) === i && ctx.config.services.some((s) => s.id === id),
  );
  const services = known.includes(command.serviceId) ? known : [command.serviceId, ...known];
  const pkg = ctx.config.packages.find((p) => p.id === command.visit?.packageId);
  const order = pkg ? orderAmong(services, pkg.order) : [];
  const first = services.indexOf(command.serviceId);
  return {
    ok: true,
    events: decision.events.map((e) => {
      if (e.type === 'TicketIssued')
        return withPlan(e, newVisitPlan(services, order, first, e.ticket.issuedAt, pkg?.id));
      if (e.type !== 'LateTicketExpired') return e;
      // History of a day that has closed: every leg expired with it.
      const plan = newVisitPlan(services, order, first, e.ticket.issuedAt, pkg?.id);
      for (const leg of plan.legs) leg.status = 'expired';
      return { ...e, ticket: { ...e.ticket, visit: plan } };
    }),
  };
}

export function withPlan(event: DomainEvent, plan: VisitPlan): DomainEvent {
  if (event.type !== 'TicketIssued') return event;
  const ticket: Ticket = { ...event.ticket, visit: plan };
  return { ...event, ticket };
}
