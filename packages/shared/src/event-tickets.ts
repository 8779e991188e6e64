import type { DomainEvent } from './domain-events.js';

/**
 * The tickets an event changes: what a status page or a replay check follows. Accounts, devices, counters,
 * the config, leases, the survey (anonymous) and bookings (before their check-in) name none.
 */
export function ticketsNamed(event: DomainEvent): readonly string[] {
  switch (event.type) {
    case 'DayClosed':
      return event.expiredTicketIds;
    case 'TicketIssued':
    case 'LateTicketExpired':
      return [event.ticket.id];
    case 'NumbersLeased':
    case 'CounterStatusChanged':
    case 'ConfigChanged':
    case 'StaffChanged':
    case 'DeviceRevoked':
    case 'PairingCodeRotated':
    case 'SurveyAnswered':
    case 'SurveyFollowUpRecorded':
    case 'AppointmentBooked':
    case 'AppointmentCancelled':
      return [];
    default:
      return [event.ticketId];
  }
}
