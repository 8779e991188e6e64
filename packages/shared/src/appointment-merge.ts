import { slotClock } from './booking-slots.js';
import type { ReadonlyTicket } from './domain-types.js';
import type { LocalizedText, QueueConfig } from './hall-config.js';
import type { DayView } from './queue-day.js';

/**
 * How appointments and walk-ins share a queue, as a hall reads it:
 *
 * 1. A checked-in appointment queues as if it had arrived when its slot began, so it goes before walk-ins who
 *    came after that, and priority-group visitors still go first as for everyone.
 * 2. While a walk-in has waited longer than the service's target, a counter calls at most
 *    `appointmentsInARow` appointments in a row (from the service's booked share) before calling that walk-in.
 *
 * Rule 1 is the ticket's rank (`appointmentRank`); rule 2 is `mergeRegular`, which the engine's call next
 * asks (`queue-engine.ts`).
 */
export function appointmentRank(slotStart: number): number {
  return slotStart;
}

/**
 * Appointments a counter may call in a row while a walk-in waits past the target: so that appointments get
 * no more than their booked share of the calls (30 % → 1, then a walk-in; 75 % → 3, then a walk-in).
 */
export function appointmentsInARow(bookedShare: number): number {
  return Math.max(1, Math.floor(bookedShare / (1 - bookedShare) + 1e-9));
}

export interface RegularChoice {
  /** The front regular ticket by rank (appointment or walk-in). */
  first: ReadonlyTicket;
  /** The front walk-in, when `first` is an appointment. */
  walkIn: ReadonlyTicket | undefined;
  /** Appointments this counter called in a row just before. */
  streak: number;
  config: QueueConfig;
  now: number;
}

/** Rule 2: the regular ticket to call, and why it was picked when the rule chose it. */
export function mergeRegular(choice: RegularChoice): ReadonlyTicket {
  const { first, walkIn, config } = choice;
  if (first.appointment === undefined || walkIn === undefined) return first;
  const service = config.services.find((s) => s.id === first.serviceId);
  const share = service?.booking?.bookedShare ?? 0.3;
  if (choice.streak < appointmentsInARow(share)) return first;
  const walkInService = config.services.find((s) => s.id === walkIn.serviceId);
  const target = walkInService?.waitTargetMinutes ?? config.settings.waitTargetMinutes;
  return choice.now - walkIn.issuedAt > target * 60_000 ? walkIn : first;
}

/** Appointments this counter called by call-next in a row, most recent first (recalls not counted). */
export function appointmentStreak(state: DayView, counterId: string): number {
  const calls: Array<{ at: number; appointment: boolean }> = [];
  for (const t of state.allTickets()) {
    for (const c of t.calls) {
      if (c.counterId === counterId && !c.recall)
        calls.push({ at: c.at, appointment: t.appointment !== undefined });
    }
  }
  calls.sort((a, b) => b.at - a.at);
  let streak = 0;
  for (const c of calls) {
    if (!c.appointment) break;
    streak += 1;
  }
  return streak;
}

/** What the counter shows beside a called appointment: "Janji temu 10.30" / "Appointment 10:30". */
export function pickReason(
  ticket: Pick<ReadonlyTicket, 'appointment'>,
  config: Pick<QueueConfig, 'hall'>,
): LocalizedText | undefined {
  if (ticket.appointment === undefined) return undefined;
  const clock = slotClock(ticket.appointment.slotStart, config.hall.timeZone);
  return { id: `Janji temu ${clock.replace(':', '.')}`, en: `Appointment ${clock}` };
}
