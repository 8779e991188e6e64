import type { CounterStatus, ReadonlyTicket } from './domain-types.js';
import type { QueueConfig, ServiceConfig } from './hall-config.js';
import { openPrintFaults } from './print-faults.js';
import type { DayView } from './queue-day.js';

/**
 * The supervisor's live board: per agency how many wait and how long the longest has waited against the
 * service's target, each counter's state and who is at it, and the alerts (a wait past its target, a print
 * fault). Computed from the day and the config alone, so the admin console shows what the log says.
 */

const MINUTE_MS = 60_000;

export interface ServiceBoardRow {
  serviceId: string;
  waiting: number;
  /** How long the longest-waiting visitor of this service has waited, ms; 0 when nobody waits. */
  longestWaitMs: number;
  targetMs: number;
  overTarget: boolean;
}

export interface CounterBoardRow {
  counterId: string;
  name: string;
  status: CounterStatus;
  pauseReason?: string;
  /** Who opened it (a user name); absent when closed. */
  staff?: string;
  /** The number at the counter now. */
  current?: string;
}

export interface AgencyBoard {
  agencyId: string;
  waiting: number;
  longestWaitMs: number;
  /** Any of its services has a visitor waiting past the target. */
  overTarget: boolean;
  services: ServiceBoardRow[];
  counters: CounterBoardRow[];
}

export interface WaitAlert {
  agencyId: string;
  serviceId: string;
  /** The longest waiting ticket's number. */
  displayNumber: string;
  waitedMs: number;
  targetMs: number;
}

export interface PrintAlert {
  ticketId: string;
  displayNumber: string;
  kioskId: string;
  reason: string;
  at: number;
}

export interface SupervisorBoard {
  agencies: AgencyBoard[];
  /** Waits past their service's target, longest over first. */
  waitAlerts: WaitAlert[];
  printAlerts: PrintAlert[];
  counts: Record<CounterStatus, number>;
}

/** The longest a visitor of this service should wait: its own target, else the hall's. */
export function waitTargetMs(service: Pick<ServiceConfig, 'waitTargetMinutes'>, config: QueueConfig): number {
  return (service.waitTargetMinutes ?? config.settings.waitTargetMinutes) * MINUTE_MS;
}

/** Since when a waiting ticket has waited in its current queue: its issue, or its last transfer. */
export function waitingSince(ticket: ReadonlyTicket): number {
  return ticket.transfers.at(-1)?.at ?? ticket.issuedAt;
}

/**
 * The board for the whole hall, or for one agency (`agencyId`: an agency's supervisor sees only theirs).
 * A service or counter the config no longer has is left out; tickets of such a service still count for
 * nobody, which is what the config says.
 */
export function supervisorBoard(
  day: DayView,
  config: QueueConfig,
  now: number,
  agencyId?: string,
): SupervisorBoard {
  const inScope = (a: string) => agencyId === undefined || a === agencyId;
  const oldest = new Map<string, ReadonlyTicket>();
  const waiting = new Map<string, number>();
  for (const t of day.allTickets()) {
    if (t.status !== 'waiting') continue;
    waiting.set(t.serviceId, (waiting.get(t.serviceId) ?? 0) + 1);
    const before = oldest.get(t.serviceId);
    if (!before || waitingSince(t) < waitingSince(before)) oldest.set(t.serviceId, t);
  }

  const waitAlerts: WaitAlert[] = [];
  const counts: Record<CounterStatus, number> = { open: 0, paused: 0, closed: 0 };
  const agencies = config.agencies
    .filter((a) => inScope(a.id))
    .map((agency): AgencyBoard => {
      const services = config.services
        .filter((s) => s.agencyId === agency.id)
        .map((s): ServiceBoardRow => {
          const first = oldest.get(s.id);
          const longestWaitMs = first ? Math.max(0, now - waitingSince(first)) : 0;
          const targetMs = waitTargetMs(s, config);
          const overTarget = first !== undefined && longestWaitMs > targetMs;
          if (first && overTarget) {
            waitAlerts.push({
              agencyId: agency.id,
              serviceId: s.id,
              displayNumber: first.displayNumber,
              waitedMs: longestWaitMs,
              targetMs,
            });
          }
          return { serviceId: s.id, waiting: waiting.get(s.id) ?? 0, longestWaitMs, targetMs, overTarget };
        });
      const counters = config.counters
        .filter((c) => c.agencyId === agency.id)
        .map((c): CounterBoardRow => {
          const state = day.counters[c.id];
          const status = state?.status ?? 'closed';
          counts[status] += 1;
          const current = state?.currentTicketId ? day.ticket(state.currentTicketId) : undefined;
          return {
            counterId: c.id,
            name: c.name,
            status,
            ...(state?.pauseReason === undefined ? {} : { pauseReason: state.pauseReason }),
            ...(state?.staff === undefined || status === 'closed' ? {} : { staff: state.staff }),
            ...(current ? { current: current.displayNumber } : {}),
          };
        });
      return {
        agencyId: agency.id,
        waiting: services.reduce((n, s) => n + s.waiting, 0),
        longestWaitMs: Math.max(0, ...services.map((s) => s.longestWaitMs)),
        overTarget: services.some((s) => s.overTarget),
        services,
        counters,
      };
    });

  const agencyOfService = new Map(config.services.map((s) => [s.id, s.agencyId]));
  const printAlerts = openPrintFaults(day)
    .filter((t) => inScope(agencyOfService.get(t.serviceId) ?? ''))
    .map((t) => ({
      ticketId: t.id,
      displayNumber: t.displayNumber,
      kioskId: t.printFault.kioskId,
      reason: t.printFault.reason,
      at: t.printFault.at,
    }));
  waitAlerts.sort((a, b) => b.waitedMs - b.targetMs - (a.waitedMs - a.targetMs));
  return { agencies, waitAlerts, printAlerts, counts };
}

/**
 * A kiosk or display that has been away this long is an alert on the board: shorter gaps are a reconnect
 * (a Wi-Fi hiccup, a restart of the app), not a device that needs a hand.
 */
export const DEVICE_OFFLINE_GRACE_MS = 60_000;

export interface DeviceAlert {
  kind: 'kiosk' | 'display';
  deviceId: string;
  /** Its name in the config. */
  name: string;
  /** When it was last seen (connected or left); absent: not seen since the hub started. */
  lastSeenAt?: number;
}

/** What the board needs to know of a device's presence (the hub's `device:list`). */
export interface DevicePresenceRow {
  kind: 'kiosk' | 'display';
  deviceId: string;
  online: boolean;
  lastSeenAt?: number;
  revokedAt?: number;
}

/**
 * The config's kiosks that are offline and displays that are disconnected, for the board: not connected now
 * and away for longer than the grace (or never seen since the hub started). A revoked device is not missed:
 * a supervisor took it out. Kiosks first, then displays, each by id.
 */
export function deviceAlerts(
  devices: readonly DevicePresenceRow[],
  config: {
    kiosks: ReadonlyArray<{ id: string; name: string }>;
    displays: ReadonlyArray<{ id: string; name: string }>;
  },
  now: number,
): DeviceAlert[] {
  const byKey = new Map(devices.map((d) => [`${d.kind}:${d.deviceId}`, d]));
  const expected = [
    ...config.kiosks.map((k) => ({ kind: 'kiosk' as const, deviceId: k.id, name: k.name })),
    ...config.displays.map((d) => ({ kind: 'display' as const, deviceId: d.id, name: d.name })),
  ];
  const alerts: DeviceAlert[] = [];
  for (const e of expected) {
    const seen = byKey.get(`${e.kind}:${e.deviceId}`);
    if (seen?.online || seen?.revokedAt !== undefined) continue;
    if (seen?.lastSeenAt !== undefined && now - seen.lastSeenAt < DEVICE_OFFLINE_GRACE_MS) continue;
    alerts.push(seen?.lastSeenAt === undefined ? e : { ...e, lastSeenAt: seen.lastSeenAt });
  }
  return alerts.sort((a, b) =>
    a.kind === b.kind ? a.deviceId.localeCompare(b.deviceId) : a.kind === 'kiosk' ? -1 : 1,
  );
}
