import type { DomainError } from './error-codes.js';
import { domainError } from './error-codes.js';
import type { NextOpening } from './hall-clock.js';
import { hallDay, isOpenAt, nextOpening } from './hall-clock.js';
import type { LocalizedText, QueueConfig, ServiceConfig } from './hall-config.js';
import { holidayOn } from './holidays.js';
import type { DayView } from './queue-day.js';
import { QueueDay } from './queue-day.js';
import type { PriorityGroup, WaitEstimate } from './domain-types.js';
import type { ServiceWait } from './wait-estimate.js';
import { estimateWait, estimateWaits } from './wait-estimate.js';
import { addCounts, bookedSeatsAhead } from './booked-seats-ahead.js';

/** Why a service issues no ticket now. */
export type IssueRefusal =
  | { code: 'SERVICE_CLOSED'; opens?: NextOpening; holiday?: LocalizedText }
  | { code: 'QUOTA_REACHED'; quota: number };

/**
 * Why a service issues no ticket now: outside its hours (with when it opens next), or its daily quota used
 * up. The engine refuses an issue with it; a kiosk asks the same question before the visitor taps, and while
 * offline counts its own tickets the hub has not seen yet (`unsynced`) towards the quota.
 */
export function issueRefusal(
  day: DayView,
  config: QueueConfig,
  service: ServiceConfig,
  now: number,
  unsynced = 0,
): IssueRefusal | undefined {
  const holiday = holidayOn(config, now);
  if (holiday) return { code: 'SERVICE_CLOSED', holiday: holiday.name };
  const hours = service.hours ?? config.hall.hours;
  if (!isOpenAt(hours, now, config.hall.timeZone)) {
    const opens = nextOpening(hours, now, config.hall.timeZone);
    return opens ? { code: 'SERVICE_CLOSED', opens } : { code: 'SERVICE_CLOSED' };
  }
  const issued = (day.services[service.id]?.issued ?? 0) + unsynced;
  if (service.dailyQuota !== undefined && issued >= service.dailyQuota) {
    return { code: 'QUOTA_REACHED', quota: service.dailyQuota };
  }
  return undefined;
}

/** The refusal as the hub answers it. */
export function issueRefusalError(serviceId: string, refusal: IssueRefusal): DomainError {
  if (refusal.code === 'QUOTA_REACHED') {
    return domainError('QUOTA_REACHED', `service ${serviceId} reached its quota of ${refusal.quota}`, {
      quota: refusal.quota,
    });
  }
  const { opens, holiday } = refusal;
  if (holiday)
    return domainError('SERVICE_CLOSED', `the hall is closed today: ${holiday.en}`, { holiday: holiday.id });
  return domainError(
    'SERVICE_CLOSED',
    `service ${serviceId} is closed now`,
    opens ? { opensWeekday: opens.weekday, opensAt: opens.at, opensInDays: opens.inDays } : undefined,
  );
}

/** What a kiosk shows for a service before the visitor taps it. */
export interface IssueCapacity extends ServiceWait {
  refusal?: IssueRefusal;
}

/**
 * Every service's capacity to issue now, as the hub would decide it: the refusal (`issueRefusal`) and the
 * estimate (`estimateWaits`) in one pass. `unsynced` counts a kiosk's offline tickets per service that the
 * day does not hold yet: they wait, and they count towards the quota. A day still in yesterday (the hub has
 * not closed it yet, or is out of reach) counts as an empty today.
 */
export function issueCapacities(
  day: DayView | undefined,
  config: QueueConfig,
  now: number,
  unsynced: Readonly<Record<string, number>> = {},
): Record<string, IssueCapacity> {
  const today = todayOf(day, config, now);
  const waits = estimateWaits(today, config, now, addCounts(unsynced, walkInSeatsAhead(today, config, now)));
  const capacities: Record<string, IssueCapacity> = {};
  for (const service of config.services) {
    const wait = waits[service.id];
    if (!wait) continue;
    const refusal = issueRefusal(today, config, service, now, unsynced[service.id] ?? 0);
    capacities[service.id] = refusal ? { ...wait, refusal } : wait;
  }
  return capacities;
}

/**
 * The estimate a ticket taken now carries, as the hub would give it (`estimateWait` with the ticket's priority
 * group, so a priority ticket is placed by the calling rule): what a kiosk prints on a ticket it issues while
 * the hub is out of reach, counting its `unsynced` tickets as waiting.
 */
export function issueEstimate(
  day: DayView | undefined,
  config: QueueConfig,
  serviceId: string,
  priority: PriorityGroup,
  now: number,
  unsynced: Readonly<Record<string, number>> = {},
): WaitEstimate {
  const today = todayOf(day, config, now);
  const { ahead, minutes, low, high } = estimateWait(today, config, serviceId, now, {
    priority,
    extraWaiting: addCounts(unsynced, walkInSeatsAhead(today, config, now)),
  });
  return low === undefined || high === undefined ? { ahead, minutes } : { ahead, minutes, low, high };
}

/** The booked seats a walk-in taken now finds ahead that its waiting tickets do not tell (`bookedSeatsAhead`). */
export function walkInSeatsAhead(day: DayView, config: QueueConfig, now: number): Record<string, number> {
  return bookedSeatsAhead({
    rank: now,
    now,
    openBookings: day.openBookings,
    waiting: day.waitingTickets(),
    config,
  });
}

/** A day still in yesterday (the hub has not closed it yet, or is out of reach) counts as an empty today. */
function todayOf(day: DayView | undefined, config: QueueConfig, now: number): DayView {
  const todayName = hallDay(now, config.hall.timeZone);
  return day && day.day >= todayName ? day : QueueDay.empty(config, todayName);
}
