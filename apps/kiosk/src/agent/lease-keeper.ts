import type { HubConnection } from '@antre/client';
import type { PublicHallConfig, DayView } from '@antre/shared';
import { WEEKDAYS } from '@antre/shared';
import type { AgentLog } from './agent-log.js';
import type { KioskStore } from './kiosk-store.js';

/** Copies the blocks the hub leased to this kiosk into its store, so they outlive a restart without the hub. */
export function importLeases(state: DayView, kioskId: string, store: KioskStore): number {
  let added = 0;
  for (const l of state.leases) {
    if (l.kioskId !== kioskId) continue;
    if (store.addLease({ day: state.day, serviceId: l.serviceId, from: l.from, to: l.to })) added += 1;
  }
  return added;
}

/**
 * Keeps at least `reserve` offline numbers per service for today, leasing another block from the hub where
 * fewer are left: numbers the hub never gives out itself, so the kiosk can issue without it.
 * Services closed all day are skipped.
 */
export async function topUpLeases(
  conn: HubConnection,
  config: PublicHallConfig,
  store: KioskStore,
  reserve: number,
  log: AgentLog,
): Promise<void> {
  const state = conn.state;
  if (!state) return;
  const left = store.offlineNumbersLeft(state.day);
  // Noon UTC falls on the same date in every Indonesian zone.
  const day = WEEKDAYS[new Date(`${state.day}T12:00:00Z`).getUTCDay()] ?? 'mon';
  for (const service of config.services) {
    if ((service.hours ?? config.hall.hours)[day].length === 0) continue;
    let remaining = left.get(service.id) ?? 0;
    while (remaining < reserve) {
      const reply = await conn.command({ type: 'leaseNumbers', serviceId: service.id });
      if (!reply.ok) {
        log.warn('could not lease offline numbers', { service: service.id, error: reply.error.code });
        return;
      }
      const leased = reply.events.find((e) => e.event.type === 'NumbersLeased')?.event;
      if (leased?.type !== 'NumbersLeased') return;
      store.addLease({ day: state.day, serviceId: leased.serviceId, from: leased.from, to: leased.to });
      remaining += leased.to - leased.from + 1;
    }
  }
}
