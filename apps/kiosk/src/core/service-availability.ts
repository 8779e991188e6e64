import type {
  DayView,
  IssueRefusal,
  NextOpening,
  PublicHallConfig,
  WaitFigures,
  WaitOutlook,
} from '@antre/shared';
import { countersOpening, issueCapacities, waitOutlook } from '@antre/shared';

/** Why a service takes no ticket now, with what the kiosk tells the visitor. */
export type ServiceRefusalInfo = IssueRefusal;

export interface ServiceAvailability {
  /** Tickets waiting for the service now. */
  waiting: number;
  /** Estimated wait for a ticket taken now, in minutes. */
  minutes: number;
  /** Its likely limits (20th/80th percentile), minutes, when the estimate has them. */
  low?: number;
  high?: number;
  /** Counters serving the service that are open now. */
  openCounters: number;
  /** While none is open: when the service's hours begin again (`countersOpening`). */
  countersOpen?: NextOpening;
  refusal?: ServiceRefusalInfo;
}

/** What the wait amounts to for the visitor: the service's now, or a ticket's own figures at it. */
export function outlookOf(
  availability: ServiceAvailability | undefined,
  figures: Pick<WaitFigures, 'ahead' | 'minutes' | 'low' | 'high'> = {
    ahead: availability?.waiting ?? 0,
    minutes: availability?.minutes ?? 0,
    low: availability?.low,
    high: availability?.high,
  },
): WaitOutlook {
  return waitOutlook(
    { ...figures, openCounters: availability?.openCounters ?? 0 },
    availability?.countersOpen,
  );
}

export interface AgencyAvailability {
  waiting: number;
  /** Services taking tickets now. */
  open: number;
  /** When none is open: the soonest any of them opens again. */
  opens?: NextOpening;
}

export interface KioskAvailability {
  services: Record<string, ServiceAvailability>;
  agencies: Record<string, AgencyAvailability>;
}

/**
 * What the kiosk shows for every service and agency. Each service's figures and refusal are the domain's
 * (`issueCapacities`: the hub's own refusal rule and estimate, counting `unsynced` offline tickets the hub
 * has not seen yet); this only sums them per agency for the agency tiles.
 */
export function kioskAvailability(
  state: DayView | undefined,
  config: PublicHallConfig,
  now: number,
  unsynced: Readonly<Record<string, number>> = {},
): KioskAvailability {
  const capacities = issueCapacities(state, config, now, unsynced);
  const services: Record<string, ServiceAvailability> = {};
  const agencies: Record<string, AgencyAvailability> = {};
  for (const a of config.agencies) agencies[a.id] = { waiting: 0, open: 0 };

  for (const service of config.services) {
    const capacity = capacities[service.id];
    if (!capacity) continue;
    const availability: ServiceAvailability = {
      waiting: capacity.ahead,
      minutes: capacity.minutes,
      openCounters: capacity.openCounters,
    };
    if (capacity.low !== undefined && capacity.high !== undefined) {
      availability.low = capacity.low;
      availability.high = capacity.high;
    }
    const opens = capacity.openCounters === 0 ? countersOpening(config, service.id, now) : undefined;
    if (opens) availability.countersOpen = opens;
    if (capacity.refusal) availability.refusal = capacity.refusal;
    services[service.id] = availability;

    const agency = agencies[service.agencyId];
    if (agency) {
      agency.waiting += availability.waiting;
      if (!availability.refusal) agency.open += 1;
      const opens = availability.refusal?.code === 'SERVICE_CLOSED' ? availability.refusal.opens : undefined;
      if (opens && (!agency.opens || sooner(opens, agency.opens))) agency.opens = opens;
    }
  }
  for (const a of Object.values(agencies)) if (a.open > 0) delete a.opens;
  return { services, agencies };
}

function sooner(a: NextOpening, b: NextOpening): boolean {
  return a.inDays !== b.inDays ? a.inDays < b.inDays : a.at < b.at;
}
