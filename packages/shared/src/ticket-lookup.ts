import type { ReadonlyTicket } from './domain-types.js';
import type { QueueConfig } from './hall-config.js';
import type { DayView } from './queue-day.js';
import { numberKey } from './queue-state.js';
import { parseTicketNumber } from './ticket-number.js';

/** Finds today's ticket by id or by the number staff type (`A-007`, `a7`). */
export function findTicket(day: DayView, config: QueueConfig, ref: string): ReadonlyTicket | undefined {
  const byId = day.ticket(ref);
  if (byId) return byId;
  const parsed = parseTicketNumber(ref);
  if (!parsed) return undefined;
  const service = config.services.find((s) => s.prefix === parsed.prefix);
  if (!service) return undefined;
  const id = day.numbersUsed[numberKey(service.id, parsed.number)];
  return id === undefined ? undefined : day.ticket(id);
}
