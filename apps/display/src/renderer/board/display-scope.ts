// Which part of the hall a display covers: a floor ("Lantai 1"), some agencies, or some counters.

import type { AgencyConfig, CounterConfig, PublicHallConfig } from '@antre/shared';
import { counterZone } from '@antre/shared';

export interface ScopeFilter {
  zone?: string;
  agencyIds?: readonly string[];
  counterIds?: readonly string[];
}

export interface DisplayScope {
  /** In the config's order. */
  counters: CounterConfig[];
  agencies: AgencyConfig[];
  counterIds: ReadonlySet<string>;
  /** What the header says the display covers, e.g. "Lantai 1"; undefined for the whole hall. */
  label: string | undefined;
  /** Filter values that match nothing in the config: a typo in the display's URL or settings. */
  unknown: string[];
}

const normalise = (s: string) => s.trim().toLowerCase();

export function resolveScope(config: PublicHallConfig, filter: ScopeFilter): DisplayScope {
  const agencyById = new Map(config.agencies.map((a) => [a.id, a]));
  const unknown: string[] = [];
  const zone = filter.zone === undefined || filter.zone.trim() === '' ? undefined : normalise(filter.zone);
  const agencyIds = filter.agencyIds?.length ? new Set(filter.agencyIds) : undefined;
  const counterIds = filter.counterIds?.length ? new Set(filter.counterIds) : undefined;
  for (const id of agencyIds ?? []) if (!agencyById.has(id)) unknown.push(id);
  for (const id of counterIds ?? []) if (!config.counters.some((c) => c.id === id)) unknown.push(id);
  const zoneLabel = zone === undefined ? undefined : findZoneLabel(config, zone);
  if (zone !== undefined && zoneLabel === undefined) unknown.push(filter.zone?.trim() ?? '');

  const counters = config.counters.filter((c) => {
    if (zone !== undefined && normalise(counterZone(c, config.agencies) ?? '') !== zone) return false;
    if (agencyIds && !agencyIds.has(c.agencyId)) return false;
    if (counterIds && !counterIds.has(c.id)) return false;
    return true;
  });
  const filtered = zone !== undefined || agencyIds !== undefined || counterIds !== undefined;
  const withCounters = new Set(counters.map((c) => c.agencyId));
  const agencies = filtered ? config.agencies.filter((a) => withCounters.has(a.id)) : config.agencies;

  const label = !filtered
    ? undefined
    : (zoneLabel ??
      (agencyIds && !counterIds ? agencies.map((a) => a.shortName).join(' · ') : undefined) ??
      counters.map((c) => c.name).join(', '));
  return { counters, agencies, counterIds: new Set(counters.map((c) => c.id)), label, unknown };
}

/** The zone as the config spells it, found case-insensitively among counters and agencies. */
function findZoneLabel(config: PublicHallConfig, zone: string): string | undefined {
  for (const c of config.counters) {
    const z = counterZone(c, config.agencies);
    if (z !== undefined && normalise(z) === zone) return z;
  }
  return config.agencies.find((a) => a.zone !== undefined && normalise(a.zone) === zone)?.zone;
}
