import type { HallConfig, PriorityGroup } from '@antre/shared';
import { isOpenAt, nextOpening } from '@antre/shared';
import type { Rng } from './distributions.js';
import { poissonArrivals, sample } from './distributions.js';
import type { DayWindow } from './day-plan.js';
import { hallTime } from './hall-time.js';
import type { ByTimeOfDay, Scenario, ServiceScenario } from './scenario.js';

/** One service a visitor needs: the time it takes at the desk, and where they go next, if anywhere. */
export interface VisitorLeg {
  serviceId: string;
  serviceMs: number;
  transferTo?: string;
}

/** A citizen of the simulated day, drawn in advance so that the seed fixes the whole demand. */
export interface Visitor {
  /** Arrival order. */
  index: number;
  /** When they come into the hall. */
  arrivedAt: number;
  /** When they touch the kiosk: later than `arrivedAt` if they waited for the service to open. */
  kioskAt: number;
  kioskId: string;
  serviceId: string;
  priority: PriorityGroup;
  /** Gone by the time they are called. */
  noShow: boolean;
  /** From the call to the desk. */
  walkMs: number;
  legs: VisitorLeg[];
  /** The legs are one visit's, on one ticket (the hub routes it from desk to desk), not transfers. */
  visit: boolean;
}

/** Groups entitled to priority (Law 25/2009 art. 29) and how often each comes among priority visitors. */
const PRIORITY_MIX: Record<Exclude<PriorityGroup, 'none' | 'disaster'>, number> = {
  elderly: 0.55,
  pregnant: 0.15,
  disability: 0.15,
  child: 0.15,
};

/** The day's visitors, in kiosk order. */
export function generateVisitors(
  scenario: Scenario,
  config: HallConfig,
  day: DayWindow,
  rng: Rng,
): Visitor[] {
  const visitors: Array<Omit<Visitor, 'index'>> = [];
  const zone = config.hall.timeZone;
  for (const [serviceId, s] of Object.entries(scenario.services)) {
    const r = rng.fork(`service:${serviceId}`);
    const service = config.services.find((x) => x.id === serviceId);
    const hours = service?.hours ?? config.hall.hours;
    for (const arrivedAt of poissonArrivals(r, rateSegments(scenario, s, day))) {
      let kioskAt = arrivedAt;
      // A visitor who finds the service closed (before opening, the break) waits for it when it opens soon.
      if (!isOpenAt(hours, arrivedAt, zone)) {
        const next = nextOpening(hours, arrivedAt, zone);
        const opens = next && next.inDays === 0 ? hallTime(scenario.date, next.at, zone) : undefined;
        if (opens !== undefined && opens - arrivedAt <= scenario.visitor.waitForOpeningMinutes * 60_000) {
          kioskAt = opens + r.uniform(0, 4 * 60_000);
        }
      }
      visitors.push({
        arrivedAt,
        kioskAt,
        kioskId: r.weighted(scenario.kiosks),
        serviceId,
        priority: r.chance(s.priorityShare) ? r.weighted(PRIORITY_MIX) : 'none',
        noShow: r.chance(s.noShow),
        walkMs: sample(r, scenario.visitor.walkSeconds) * 1000,
        ...visitLegs(scenario, config, serviceId, s, r),
      });
    }
  }
  visitors.sort((a, b) => a.kioskAt - b.kioskAt);
  return visitors.map((v, index) => ({ ...v, index }));
}

/** A visit of several agencies for `scenario.visits.share` of visitors; otherwise one service, maybe transferred. */
function visitLegs(
  scenario: Scenario,
  config: HallConfig,
  serviceId: string,
  s: ServiceScenario,
  r: Rng,
): { legs: VisitorLeg[]; visit: boolean } {
  if (!r.chance(scenario.visits.share)) return { legs: legs(scenario, serviceId, s, r), visit: false };
  const agencyOf = (id: string) => config.services.find((x) => x.id === id)?.agencyId;
  const [min, max] = scenario.visits.extraLegs;
  const extra = min + Math.floor(r.uniform(0, max - min + 1));
  const chosen = [serviceId];
  const others = Object.keys(scenario.services).filter((id) => agencyOf(id) !== agencyOf(serviceId));
  while (chosen.length < 1 + extra && others.length > 0) {
    const pick = r.pick(others);
    others.splice(others.indexOf(pick), 1);
    if (chosen.some((c) => agencyOf(c) === agencyOf(pick))) continue;
    chosen.push(pick);
  }
  return {
    visit: chosen.length > 1,
    legs: chosen.map((id) => ({
      serviceId: id,
      serviceMs: sample(r, (scenario.services[id] ?? s).serviceMinutes) * 60_000,
    })),
  };
}

function legs(scenario: Scenario, serviceId: string, s: ServiceScenario, r: Rng): VisitorLeg[] {
  const first: VisitorLeg = { serviceId, serviceMs: sample(r, s.serviceMinutes) * 60_000 };
  if (!s.transfer || !r.chance(s.transfer.probability)) return [first];
  const to = r.pick(s.transfer.to);
  first.transferTo = to;
  const target = scenario.services[to];
  // A target with no arrivals of its own in the scenario takes its first leg's time as a fair guess.
  const serviceMs = target ? sample(r, target.serviceMinutes) * 60_000 : first.serviceMs;
  return [first, { serviceId: to, serviceMs }];
}

/**
 * Visitors per hour of a service, as constant-rate segments of the simulated day. A profile is normalised
 * over its own span (to its last key, which should be 0, or to midnight), not over the simulated window:
 * a run that ends at 10:00 gets the morning's share of the day's visitors, not all of them.
 */
function rateSegments(
  scenario: Scenario,
  s: ServiceScenario,
  day: DayWindow,
): Array<{ from: number; to: number; perHour: number }> {
  // Local midnight of the simulated date: every HH:MM key counts from it.
  const base = day.start - minutesOf(scenario.start) * 60_000;
  if ('perHour' in s.arrivals) {
    return segments(base, s.arrivals.perHour, day, day.end).map((x) => ({
      from: x.from,
      to: x.to,
      perHour: x.value * scenario.scale,
    }));
  }
  const profile = scenario.profiles[s.arrivals.profile] ?? {};
  const midnight = base + 24 * 3_600_000;
  const whole = segments(base, profile, { start: base, end: midnight }, midnight);
  const weight = whole.reduce((sum, x) => sum + (x.value * (x.to - x.from)) / 3_600_000, 0);
  const perDay = s.arrivals.perDay * scenario.scale;
  return segments(base, profile, day, day.end).map((x) => ({
    from: x.from,
    to: x.to,
    perHour: weight > 0 ? (perDay * x.value) / weight : 0,
  }));
}

/** The keys' values as segments clipped to `window`; the last key's value holds until `lastUntil`. */
function segments(
  base: number,
  byTime: ByTimeOfDay,
  window: DayWindow,
  lastUntil: number,
): Array<{ from: number; to: number; value: number }> {
  const keys = Object.keys(byTime).sort();
  const out: Array<{ from: number; to: number; value: number }> = [];
  for (const [i, key] of keys.entries()) {
    const next = keys[i + 1];
    const from = Math.max(window.start, base + minutesOf(key) * 60_000);
    const to = Math.min(window.end, next === undefined ? lastUntil : base + minutesOf(next) * 60_000);
    if (to > from) out.push({ from, to, value: byTime[key] ?? 0 });
  }
  return out;
}

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
