import { findCycle } from './visit-plan.js';

/** What the package check reads of a hall config. */
export interface PackagesToCheck {
  services: ReadonlyArray<{ id: string }>;
  packages: ReadonlyArray<{
    id: string;
    serviceIds: readonly string[];
    order: ReadonlyArray<readonly [string, string]>;
  }>;
}

/**
 * What is wrong with the hall's service packages, one sentence each: a duplicate package, an unknown
 * service, a service listed twice, an order naming a service outside the package or itself, and an order
 * that contradicts itself (a cycle, named service by service).
 */
export function packageIssues(config: PackagesToCheck): string[] {
  const issues: string[] = [];
  const services = new Set(config.services.map((s) => s.id));
  const seen = new Set<string>();
  for (const p of config.packages) {
    if (seen.has(p.id)) issues.push(`duplicate package "${p.id}"`);
    seen.add(p.id);
    const inPackage = new Set<string>();
    for (const sid of p.serviceIds) {
      if (!services.has(sid)) issues.push(`package ${p.id}: unknown service ${sid}`);
      if (inPackage.has(sid)) issues.push(`package ${p.id}: service ${sid} is listed twice`);
      inPackage.add(sid);
    }
    for (const [a, b] of p.order) {
      if (a === b) issues.push(`package ${p.id}: ${a} cannot come before itself`);
      for (const sid of [a, b]) {
        if (!inPackage.has(sid)) issues.push(`package ${p.id}: the order names ${sid}, not in the package`);
      }
    }
    const cycle = findCycle(
      [...inPackage],
      p.order.filter(([a, b]) => a !== b),
    );
    if (cycle) issues.push(`package ${p.id}: the order contradicts itself: ${cycle.join(' → ')}`);
  }
  return issues;
}
