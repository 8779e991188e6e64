import type {
  AgencyConfig,
  CounterConfig,
  KioskConfig,
  PublicHallConfig,
  ServiceConfig,
} from '@antre/shared';

/** The hall config keyed by id: built once per config, so lookups in renders are O(1). */
export interface HallIndex {
  config: PublicHallConfig;
  services: ReadonlyMap<string, ServiceConfig>;
  counters: ReadonlyMap<string, CounterConfig>;
  agencies: ReadonlyMap<string, AgencyConfig>;
  kiosks: ReadonlyMap<string, KioskConfig>;
  staffNames: ReadonlyMap<string, string>;
}

export function indexHall(config: PublicHallConfig): HallIndex {
  return {
    config,
    services: new Map(config.services.map((s) => [s.id, s])),
    counters: new Map(config.counters.map((c) => [c.id, c])),
    agencies: new Map(config.agencies.map((a) => [a.id, a])),
    kiosks: new Map(config.kiosks.map((k) => [k.id, k])),
    staffNames: new Map(config.staff.map((s) => [s.username, s.name])),
  };
}

/** The counters a staff member may work at: their agency's, or every counter for a supervisor. */
export function countersFor(
  index: HallIndex,
  staff: { role: 'staff' | 'supervisor'; agencyId?: string },
): CounterConfig[] {
  return index.config.counters.filter((c) => staff.role === 'supervisor' || c.agencyId === staff.agencyId);
}
