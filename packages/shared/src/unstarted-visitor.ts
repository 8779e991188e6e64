import type { ReadonlyTicket } from './domain-types.js';
import type { DomainError } from './error-codes.js';
import { domainError } from './error-codes.js';

/**
 * A visitor called but never started was not seen at the desk: ending their visit as served must be said,
 * never implied. Call next refuses without `previous`; the counter asks before a finish. Undefined when the
 * ticket is being served (or otherwise not waiting on a start).
 */
export function unstartedVisitor(ticket: ReadonlyTicket): DomainError | undefined {
  if (ticket.status !== 'called') return undefined;
  return domainError('VISITOR_NOT_STARTED', `${ticket.displayNumber} was called but never started`, {
    ticket: ticket.displayNumber,
  });
}
