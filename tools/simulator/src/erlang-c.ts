import type { Found } from './log-replay.js';
import type { Scenario } from './scenario.js';

/** One service served by c identical desks, Poisson arrivals and exponential service: an M/M/c queue. */
export interface MmcModel {
  serviceId: string;
  /** Mean service time, minutes (1/μ). */
  meanMinutes: number;
}

/**
 * The scenario as an M/M/c queue, when it is one: a single service with Poisson arrivals at constant
 * rates (`perHour`), exponential service, no walk to the desk, no priority, no-shows or transfers. Only
 * then is the Erlang C conditional mean the textbook's answer to compare the estimate with.
 */
export function mmcModel(scenario: Scenario): MmcModel | undefined {
  const entries = Object.entries(scenario.services);
  const [only] = entries;
  if (entries.length !== 1 || !only) return undefined;
  const [serviceId, s] = only;
  const walk = scenario.visitor.walkSeconds;
  const plain =
    'perHour' in s.arrivals &&
    s.serviceMinutes.kind === 'exponential' &&
    s.priorityShare === 0 &&
    s.noShow === 0 &&
    s.transfer === undefined &&
    walk.kind === 'fixed' &&
    walk.value === 0;
  return plain && s.serviceMinutes.kind === 'exponential'
    ? { serviceId, meanMinutes: s.serviceMinutes.mean }
    : undefined;
}

/**
 * Erlang C's expected wait, minutes, for a visitor who finds `found`: with n in the system and c desks,
 * 0 while a desk is free (n < c), else (n − c + 1) / (c·μ) — the (n − c + 1)-th of c exponential
 * completions. Undefined when no desk is open (the model has none to offer).
 */
export function erlangCMean(found: Found, meanMinutes: number): number | undefined {
  const c = found.openDesks;
  if (c === 0) return undefined;
  const n = found.busyDesks + found.waiting;
  return n < c ? 0 : ((n - c + 1) * meanMinutes) / c;
}
