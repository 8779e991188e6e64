// Where a visitor goes: the counters that call a ticket and their floor while it waits, the one counter once
// it is called. The kiosk's screen, the printed ticket and the status page all say it with these functions.

import type { TicketStatus } from './domain-types.js';
import type { HallLanguage } from './hall-date-text.js';
import type { LocalizedText, QueueConfig } from './hall-config.js';

/** What directions read of the hall config. */
export type DirectionsConfig = Pick<QueueConfig, 'agencies' | 'services' | 'counters'>;

/** What directions read of a ticket (an issued one, or one about to be: a service alone). */
export interface TicketPlace {
  serviceId: string;
  status?: TicketStatus;
  /** The counter that called, serves or holds it. */
  counterId?: string | undefined;
  /** Set when it was sent to one counter: only that counter calls it. */
  targetCounterId?: string | undefined;
}

export interface WhereToGo {
  /** `go`: called (or served, or held) at `counters[0]`; `wait`: any of `counters` will call it. */
  kind: 'go' | 'wait';
  /** Counter names, in counting order: `["2", "3"]`. Empty when no counter serves the service. */
  counters: readonly string[];
  /** The floors or zones of those counters (their agency's when a counter names none), in config order. */
  zones: readonly string[];
}

const GO_STATUSES: ReadonlySet<TicketStatus> = new Set(['called', 'serving', 'held']);

/** Where the ticket's visitor goes now, or waits to be called. */
export function whereToGo(config: DirectionsConfig, ticket: TicketPlace): WhereToGo {
  const at = ticket.status !== undefined && GO_STATUSES.has(ticket.status) ? ticket.counterId : undefined;
  const one = at ?? (ticket.status === 'waiting' ? ticket.targetCounterId : undefined);
  const counters =
    one !== undefined
      ? config.counters.filter((c) => c.id === one)
      : config.counters.filter((c) => c.serviceIds.includes(ticket.serviceId));
  const zones: string[] = [];
  for (const c of counters) {
    const zone = c.zone ?? config.agencies.find((a) => a.id === c.agencyId)?.zone;
    if (zone !== undefined && !zones.includes(zone)) zones.push(zone);
  }
  if (counters.length === 0) {
    // No counter serves it (a config being built): the agency's floor still helps.
    const service = config.services.find((s) => s.id === ticket.serviceId);
    const zone = config.agencies.find((a) => a.id === service?.agencyId)?.zone;
    if (zone !== undefined) zones.push(zone);
  }
  return {
    kind: at !== undefined ? 'go' : 'wait',
    counters: counters.map((c) => c.name).sort(byCounterName),
    zones,
  };
}

/** "2", "3", "12A": by the number, then the letter. */
function byCounterName(a: string, b: string): number {
  return parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b);
}

/** "2–3", "2, 5, 7–9": runs of consecutive plain numbers joined by an en dash. */
export function counterRange(names: readonly string[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < names.length) {
    const first = names[i] ?? '';
    let j = i;
    while (
      /^\d+$/.test(names[j + 1] ?? '') &&
      /^\d+$/.test(names[j] ?? '') &&
      Number(names[j + 1]) === Number(names[j]) + 1
    ) {
      j += 1;
    }
    parts.push(j > i ? `${first}–${names[j] ?? ''}` : first);
    i = j + 1;
  }
  return parts.join(', ');
}

/** "Loket 2–3" / "Counters 2–3"; "Loket 2" / "Counter 2". */
export function countersText(names: readonly string[], lang: HallLanguage): string {
  if (names.length === 0) return lang === 'id' ? 'Loket' : 'Counter';
  const range = counterRange(names);
  if (lang === 'id') return `Loket ${range}`;
  return `${names.length === 1 ? 'Counter' : 'Counters'} ${range}`;
}

/** "Loket 2–3 · Lantai 1": the counters and their floor. */
export function placeText(where: WhereToGo, lang: HallLanguage): string {
  return [countersText(where.counters, lang), ...where.zones].join(' · ');
}

/** "Silakan menuju Loket 2 · Lantai 1": what a called visitor reads, large. */
export function goText(where: WhereToGo, lang: HallLanguage): string {
  return `${lang === 'id' ? 'Silakan menuju' : 'Please go to'} ${placeText(where, lang)}`;
}

/** The hint under a waiting ticket's place. */
export const WATCH_CALL_SCREEN: LocalizedText = {
  id: 'Perhatikan layar panggilan',
  en: 'Watch the call screen',
};
