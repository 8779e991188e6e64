// Where in the hall a counter is: the floor or wing that tells a visitor where to walk ("Lantai 1").

import type { AgencyConfig, CounterConfig } from './hall-config.js';

/** The counter's own zone, or else its agency's (a floor is usually set once per agency); none if neither. */
export function counterZone(
  counter: Pick<CounterConfig, 'agencyId' | 'zone'>,
  agencies: readonly Pick<AgencyConfig, 'id' | 'zone'>[],
): string | undefined {
  return counter.zone ?? agencies.find((a) => a.id === counter.agencyId)?.zone;
}
