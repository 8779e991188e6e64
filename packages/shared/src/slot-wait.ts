import { bookedSeatsAhead } from './booked-seats-ahead.js';
import type { OpenBooking, WaitEstimate } from './domain-types.js';
import type { QueueConfig } from './hall-config.js';
import { QueueDay } from './queue-day.js';
import { estimateWait } from './wait-estimate.js';

/**
 * The wait the booking page shows for a slot: the estimate (`estimateWait`) for a citizen who checks in as
 * the slot begins, with the seats booked for that slot or an earlier one whose check-in is still open then
 * ahead (`bookedSeatsAhead`: they queue from their slot's start too). The walk-ins of that hour are not known
 * when booking, and the merge rule puts the appointment before those who come after its slot began.
 */
export function slotWait(
  config: QueueConfig,
  day: string,
  serviceId: string,
  slotStart: number,
  openBookings: Readonly<Record<string, Readonly<OpenBooking>>>,
): Pick<WaitEstimate, 'ahead' | 'minutes' | 'low' | 'high'> {
  const extraWaiting = bookedSeatsAhead({
    rank: slotStart,
    now: slotStart,
    openBookings,
    waiting: [],
    config,
  });
  const { ahead, minutes, low, high } = estimateWait(
    QueueDay.empty(config, day),
    config,
    serviceId,
    slotStart,
    {
      extraWaiting,
    },
  );
  return low === undefined || high === undefined ? { ahead, minutes } : { ahead, minutes, low, high };
}
