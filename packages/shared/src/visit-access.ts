import type { SignedInStaff } from './access-policy.js';
import type { DomainError } from './error-codes.js';
import { domainError } from './error-codes.js';
import type { QueueConfig } from './hall-config.js';
import type { DayView } from './queue-day.js';
import { findTicket } from './ticket-lookup.js';
import type { VisitCommand } from './visit-commands.js';

/**
 * Who may change a visit's legs, for `authorizeCommand`: staff act at their own agency's counter, on the
 * ticket at that counter (add a leg, skip or reorder its legs), or on a leg of their own agency's services
 * (skip it, wherever the ticket is now). A supervisor may do all of it anywhere. `atOwnCounter` is the policy's
 * own check of the counter's agency.
 */
export function authorizeVisitCommand(
  staff: SignedInStaff,
  command: VisitCommand,
  config: QueueConfig,
  day: DayView,
  atOwnCounter: (counterId: string) => DomainError | undefined,
): DomainError | undefined {
  if (staff.role === 'supervisor') return undefined;
  const refusal = atOwnCounter(command.counterId);
  if (refusal || command.type === 'addVisitLeg') return refusal;
  // An unknown ticket or leg is the engine's to report.
  const ticket = findTicket(day, config, command.ticket);
  if (!ticket) return undefined;
  if (day.counters[command.counterId]?.currentTicketId === ticket.id) return undefined;
  if (command.type === 'reorderVisitLegs') {
    return domainError('FORBIDDEN', `reorder ${ticket.displayNumber}'s legs at the counter that serves it`);
  }
  const serviceId = ticket.visit?.legs[command.leg]?.serviceId;
  const agencyId = config.services.find((s) => s.id === serviceId)?.agencyId;
  return serviceId === undefined || agencyId === staff.agencyId
    ? undefined
    : domainError('FORBIDDEN', `leg ${command.leg} of ${ticket.displayNumber} belongs to another agency`);
}
