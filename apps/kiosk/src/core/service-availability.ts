import type { HallConfig, NextOpening, PublicHallConfig, QueueState } from '@antre/shared';
import { estimateWaits, hallDay, initialQueueState, nextOpening, serviceRefusal } from '@antre/shared';

/** Why a service takes no ticket now, with what the kiosk tells the visitor. */
export type ServiceRefusalInfo =
  { code: 'SERVICE_CLOSED'; opens?: NextOpening } | { code: 'QUOTA_REACHED'; quota: number };

export interface ServiceAvailability {
  /** Tickets waiting for the service now. */
  waiting: number;
  /** Estimated wait for a ticket taken now, in minutes. */
  minutes: number;
  refusal?: ServiceRefusalInfo;
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
 * What the kiosk shows for every service and agency: waiting counts, the estimated wait, and why a
 * service is closed. The hub's estimate for all services in one pass over the tickets (`estimateWaits`; a
 * busy hall holds 15,000) and the same refusal rules as the hub (`serviceRefusal`).
 * `unsynced` counts tickets per service the hub does not know yet (a kiosk's offline tickets): they wait
 * and they count towards the quota.
 */
export function kioskAvailability(
  state: QueueState | undefined,
  config: PublicHallConfig,
  now: number,
  unsynced: Readonly<Record<string, number>> = {},
): KioskAvailability {
  // The shared rules take the full config type; they read no staff secrets, which a public config lacks.
  const rules = config as HallConfig;
  const day = hallDay(now, config.hall.timeZone);
  // A state still in yesterday (the hub has not closed the day yet, or is out of reach) counts as empty.
  const today = state && state.day >= day ? state : initialQueueState(rules, day);
  const waits = estimateWaits(today, rules, now, unsynced);
  const services: Record<string, ServiceAvailability> = {};
  const agencies: Record<string, AgencyAvailability> = {};
  for (const a of config.agencies) agencies[a.id] = { waiting: 0, open: 0 };

  for (const service of config.services) {
    const extra = unsynced[service.id] ?? 0;
    const ahead = waits[service.id]?.ahead ?? extra;
    const availability: ServiceAvailability = { waiting: ahead, minutes: waits[service.id]?.minutes ?? 0 };

    const refusal = serviceRefusal(today, rules, service, now);
    const issued = (today.services[service.id]?.issued ?? 0) + extra;
    if (refusal?.code === 'SERVICE_CLOSED') {
      const opens = nextOpening(service.hours ?? config.hall.hours, now, config.hall.timeZone);
      availability.refusal = opens ? { code: 'SERVICE_CLOSED', opens } : { code: 'SERVICE_CLOSED' };
    } else if (service.dailyQuota !== undefined && (refusal !== undefined || issued >= service.dailyQuota)) {
      availability.refusal = { code: 'QUOTA_REACHED', quota: service.dailyQuota };
    }
    services[service.id] = availability;

    const agency = agencies[service.agencyId];
    if (agency) {
      agency.waiting += ahead;
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
