import type {
  CounterState,
  QueueSnapshot,
  ReadonlyTicket,
  ServiceDayState,
  TicketStatus,
} from './domain-types.js';
import { FINAL_STATUSES } from './domain-types.js';
import type { QueueConfig } from './hall-config.js';

export function emptyCounter(id: string): CounterState {
  return { id, status: 'closed', priorityStreak: 0, servedToday: 0, serviceMsToday: 0 };
}

export function emptyServiceDay(): ServiceDayState {
  return { issued: 0, lastNumber: 0, leaseCursor: 0, recentServiceMs: [] };
}

/** The data of a hall day before anything happened in it. */
export function emptySnapshot(config: QueueConfig, day: string, seq = 0): QueueSnapshot {
  const counters: Record<string, CounterState> = {};
  for (const c of config.counters) counters[c.id] = emptyCounter(c.id);
  const services: Record<string, ServiceDayState> = {};
  for (const s of config.services) services[s.id] = emptyServiceDay();
  return { day, seq, tickets: {}, counters, services, leases: [], numbersUsed: {} };
}

export function isFinal(ticket: { readonly status: TicketStatus } | ReadonlyTicket): boolean {
  return FINAL_STATUSES.has(ticket.status);
}

export function numberKey(serviceId: string, number: number): string {
  return `${serviceId}:${number}`;
}
