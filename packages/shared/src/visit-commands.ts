import type { Command } from './commands.js';
import type { DomainError } from './error-codes.js';
import { domainError } from './error-codes.js';
import type { DayView } from './queue-day.js';
import type { Decision, EngineContext } from './queue-engine.js';
import { issueRefusal, issueRefusalError } from './service-refusal.js';
import { findTicket } from './ticket-lookup.js';
import { MAX_VISIT_LEGS } from './visit-plan.js';
import { issuedFor } from './visit-reducer.js';
import { byName } from './visit-routing.js';

/** The commands staff use to change a visit's legs at the counter. */
export type VisitCommand = Extract<Command, { type: 'addVisitLeg' | 'skipVisitLeg' | 'reorderVisitLegs' }>;

const fail = (error: DomainError): Decision => ({ ok: false, error });
const invalid = (message: string, details?: DomainError['details']) =>
  fail(domainError('INVALID_VISIT', message, details));

/**
 * Add, skip or reorder legs. Adding is for the ticket at the counter (the citizen found another need there):
 * the service must take tickets now (hours, quota) and not be planned already. Skipping and reordering act
 * on legs still to go; a new order must keep the package's (the KK before the KTP-el).
 */
export function decideVisitCommand(state: DayView, command: VisitCommand, ctx: EngineContext): Decision {
  const cfg = ctx.config.counters.find((c) => c.id === command.counterId);
  if (!cfg || !state.counters[cfg.id]) {
    return fail(domainError('UNKNOWN_COUNTER', `no counter ${command.counterId}`));
  }
  const by = byName(ctx);
  switch (command.type) {
    case 'addVisitLeg': {
      const currentId = state.counters[cfg.id]?.currentTicketId;
      const t = currentId === undefined ? undefined : state.ticket(currentId);
      if (!t) return fail(domainError('NO_CURRENT_TICKET', `counter ${cfg.name} serves no ticket`));
      if (command.ticketId !== undefined && command.ticketId !== t.id) {
        return fail(domainError('TICKET_MISMATCH', `counter ${cfg.name} now serves ${t.displayNumber}`));
      }
      const service = ctx.config.services.find((s) => s.id === command.serviceId);
      if (!service) {
        return fail(
          domainError('UNKNOWN_SERVICE', `no service ${command.serviceId}`, { serviceId: command.serviceId }),
        );
      }
      const legs = t.visit?.legs ?? [{ serviceId: issuedFor(t), status: 'active' as const }];
      if (legs.length >= MAX_VISIT_LEGS) return invalid(`a visit holds at most ${MAX_VISIT_LEGS} legs`);
      const planned = legs.some(
        (l) =>
          l.serviceId === service.id &&
          (l.status === 'pending' || l.status === 'active' || l.status === 'missed'),
      );
      if (planned || t.serviceId === service.id) {
        return invalid(`${t.displayNumber} already has a leg for ${service.id}`, { serviceId: service.id });
      }
      const refusal = issueRefusal(state, ctx.config, service, ctx.now);
      if (refusal) {
        const error = issueRefusalError(service.id, refusal);
        return fail({ ...error, details: { ...error.details, serviceId: service.id } });
      }
      return {
        ok: true,
        events: [{ type: 'VisitLegAdded', ticketId: t.id, counterId: cfg.id, serviceId: service.id, by }],
      };
    }
    case 'skipVisitLeg': {
      const t = findTicket(state, ctx.config, command.ticket);
      if (!t) return fail(domainError('UNKNOWN_TICKET', `no ticket ${command.ticket} today`));
      const leg = t.visit?.legs[command.leg];
      if (!t.visit || !leg) return invalid(`${t.displayNumber} has no leg ${command.leg}`);
      if (leg.status !== 'pending' && leg.status !== 'missed') {
        return invalid(`leg ${command.leg} of ${t.displayNumber} is ${leg.status}, not still to go`);
      }
      if (command.leg === t.visit.current) {
        return invalid(`leg ${command.leg} of ${t.displayNumber} is where the ticket is now`);
      }
      return {
        ok: true,
        events: [{ type: 'VisitLegSkipped', ticketId: t.id, counterId: cfg.id, leg: command.leg, by }],
      };
    }
    case 'reorderVisitLegs': {
      const t = findTicket(state, ctx.config, command.ticket);
      if (!t) return fail(domainError('UNKNOWN_TICKET', `no ticket ${command.ticket} today`));
      const plan = t.visit;
      if (!plan) return invalid(`${t.displayNumber} has no visit plan`);
      const toGo = plan.legs.flatMap((l, i) => (l.status === 'pending' ? [i] : []));
      const asked = [...command.legs].sort((a, b) => a - b);
      if (asked.length !== toGo.length || asked.some((leg, i) => leg !== toGo[i])) {
        return invalid(`name each leg still to go once: ${toGo.join(', ')}`);
      }
      for (const { before, after } of plan.order) {
        const a = command.legs.indexOf(before);
        const b = command.legs.indexOf(after);
        if (a >= 0 && b >= 0 && b < a) {
          const first = plan.legs[before]?.serviceId ?? String(before);
          const then = plan.legs[after]?.serviceId ?? String(after);
          return invalid(`the package puts ${first} before ${then}`, { before: first, after: then });
        }
      }
      return {
        ok: true,
        events: [
          { type: 'VisitReordered', ticketId: t.id, counterId: cfg.id, sequence: [...command.legs], by },
        ],
      };
    }
  }
}
