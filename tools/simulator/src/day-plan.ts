import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadHallConfig } from '@antre/hub';
import type { HallConfig, WeeklyHours } from '@antre/shared';
import { WEEKDAYS } from '@antre/shared';
import { Rng } from './distributions.js';
import { hallTime } from './hall-time.js';
import type { Scenario } from './scenario.js';
import { ScenarioError } from './scenario.js';

export interface Hall {
  /** The config as the hub runs it for this scenario (counter services and hall hours as overridden). */
  config: HallConfig;
  /** Demo PINs by user name: the simulated staff sign in with them. */
  pins: Map<string, string>;
}

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The hall the scenario names, read and checked as the hub reads it; its demo PINs let the staff sign in. */
export async function loadHall(scenario: Scenario): Promise<Hall> {
  const { config, demoPins } = await loadHallConfig(resolve(REPO_ROOT, scenario.hallConfig), {
    demoMode: true,
  });
  const pins = new Map(demoPins.map((p) => [p.username, p.pin]));
  const issues = checkAgainstHall(scenario, config, pins);
  if (issues.length > 0) throw new ScenarioError(scenario.name, issues);
  return { config: runConfig(scenario, config), pins };
}

/** The hall config with the scenario's changes: the hub is started with it. */
function runConfig(scenario: Scenario, config: HallConfig): HallConfig {
  const copy = structuredClone(config);
  for (const counter of copy.counters) {
    const services = scenario.counters[counter.id]?.services;
    if (services) counter.serviceIds = [...services];
  }
  if (scenario.hallHours) {
    const periods = scenario.hallHours.map(([from, to]): [string, string] => [from, to]);
    copy.hall.hours = Object.fromEntries(WEEKDAYS.map((d) => [d, periods])) as WeeklyHours;
  }
  return copy;
}

/** Every reference from the scenario into the hall that does not resolve, as `path: problem`. */
export function checkAgainstHall(
  scenario: Scenario,
  config: HallConfig,
  pins: Map<string, string>,
): string[] {
  const issues: string[] = [];
  const services = new Set(config.services.map((s) => s.id));
  for (const [serviceId, s] of Object.entries(scenario.services)) {
    if (!services.has(serviceId)) issues.push(`services.${serviceId}: no such service in the hall config`);
    if ('profile' in s.arrivals && !scenario.profiles[s.arrivals.profile]) {
      issues.push(`services.${serviceId}.arrivals.profile: no profile "${s.arrivals.profile}" in profiles`);
    }
    for (const to of s.transfer?.to ?? []) {
      if (!services.has(to)) issues.push(`services.${serviceId}.transfer.to: no such service ${to}`);
      if (to === serviceId)
        issues.push(`services.${serviceId}.transfer.to: a service cannot transfer to itself`);
    }
  }
  for (const [counterId, c] of Object.entries(scenario.counters)) {
    const counter = config.counters.find((x) => x.id === counterId);
    if (!counter) {
      issues.push(`counters.${counterId}: no such counter in the hall config`);
      continue;
    }
    for (const s of c.services ?? []) {
      if (!services.has(s)) issues.push(`counters.${counterId}.services: no such service ${s}`);
    }
    if (c.staff !== undefined) {
      const staff = config.staff.find((x) => x.username === c.staff);
      if (!staff) issues.push(`counters.${counterId}.staff: no staff member ${c.staff}`);
      else if (staff.role !== 'supervisor' && staff.agencyId !== counter.agencyId) {
        issues.push(
          `counters.${counterId}.staff: ${c.staff} works for ${staff.agencyId ?? '?'}, not ${counter.agencyId}`,
        );
      } else if (!pins.has(c.staff)) issues.push(`counters.${counterId}.staff: ${c.staff} has no demo PIN`);
    }
  }
  for (const counter of config.counters) {
    if (scenario.counters[counter.id]?.absent) continue;
    if (!staffFor(scenario, config, pins, counter.id)) {
      issues.push(
        `counters.${counter.id}: nobody of ${counter.agencyId} has a demo PIN; name staff or mark it absent`,
      );
    }
  }
  const kiosks = new Set(config.kiosks.map((k) => k.id));
  for (const k of Object.keys(scenario.kiosks)) {
    if (!kiosks.has(k)) issues.push(`kiosks.${k}: no such kiosk in the hall config`);
  }
  for (const [i, o] of scenario.faults.kioskOutages.entries()) {
    if (!(o.kiosk in scenario.kiosks))
      issues.push(`faults.kioskOutages.${i}.kiosk: ${o.kiosk} is not in kiosks`);
  }
  for (const [i, d] of scenario.faults.displayDrops.entries()) {
    if (!scenario.displays.includes(d.display)) {
      issues.push(`faults.displayDrops.${i}.display: ${d.display} is not in displays`);
    }
  }
  if (!pins.has(supervisorOf(config) ?? ''))
    issues.push('hallConfig: no supervisor with a demo PIN to close the day');
  return issues;
}

/** The supervisor who closes the day at the end. */
export function supervisorOf(config: HallConfig): string | undefined {
  return config.staff.find((s) => s.role === 'supervisor')?.username;
}

function staffFor(
  scenario: Scenario,
  config: HallConfig,
  pins: Map<string, string>,
  counterId: string,
): string | undefined {
  const named = scenario.counters[counterId]?.staff;
  if (named !== undefined) return named;
  const counter = config.counters.find((c) => c.id === counterId);
  const colleagues = config.staff.filter((s) => s.agencyId === counter?.agencyId && pins.has(s.username));
  if (colleagues.length === 0) return undefined;
  // Spread an agency's counters over its staff: loket-2 dukcapil1, loket-3 dukcapil2, loket-4 dukcapil1…
  const siblings = config.counters.filter((c) => c.agencyId === counter?.agencyId).map((c) => c.id);
  return colleagues[siblings.indexOf(counterId) % colleagues.length]?.username;
}

export interface CounterPlan {
  counterId: string;
  agencyId: string;
  serviceIds: string[];
  staff: string;
  pin: string;
  openAt: number;
  closeAt: number;
  /** Breaks with the time staff are back (jitter included). */
  breaks: Array<{ from: number; to: number }>;
  closeWhenIdleAfter: number | undefined;
}

export interface DayWindow {
  start: number;
  end: number;
}

export function dayWindow(scenario: Scenario, config: HallConfig): DayWindow {
  const zone = config.hall.timeZone;
  return {
    start: hallTime(scenario.date, scenario.start, zone),
    end: hallTime(scenario.date, scenario.end, zone),
  };
}

/** Each staffed counter's day, with seeded jitter on the times staff open up. */
export function counterPlans(scenario: Scenario, hall: Hall, rng: Rng): CounterPlan[] {
  const zone = hall.config.hall.timeZone;
  const at = (clock: string) => hallTime(scenario.date, clock, zone);
  const plans: CounterPlan[] = [];
  for (const counter of hall.config.counters) {
    const own = scenario.counters[counter.id] ?? {};
    if (own.absent) continue;
    const staff = staffFor(scenario, hall.config, hall.pins, counter.id);
    const pin = staff === undefined ? undefined : hall.pins.get(staff);
    if (staff === undefined || pin === undefined) continue;
    const d = scenario.counterDefaults;
    const r = rng.fork(`counter:${counter.id}`);
    const jitter = () => r.uniform(0, d.openJitterMinutes * 60_000);
    const idle = own.closeWhenIdleAfter === undefined ? d.closeWhenIdleAfter : own.closeWhenIdleAfter;
    plans.push({
      counterId: counter.id,
      agencyId: counter.agencyId,
      serviceIds: counter.serviceIds,
      staff,
      pin,
      openAt: at(own.open ?? d.open) + jitter(),
      closeAt: at(own.close ?? d.close),
      breaks: (own.breaks ?? d.breaks).map(([from, to]) => ({ from: at(from), to: at(to) + jitter() })),
      closeWhenIdleAfter: idle === null ? undefined : at(idle),
    });
  }
  return plans;
}
