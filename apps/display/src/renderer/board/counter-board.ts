import type { AgencyConfig, CounterConfig, DayView, ReadonlyTicket } from '@antre/shared';

/** What a counter's tile shows. */
export type CounterActivity = 'called' | 'serving' | 'idle' | 'paused' | 'closed';

export interface CounterRow {
  counter: CounterConfig;
  agency: AgencyConfig | undefined;
  activity: CounterActivity;
  /** The visitor called to or served at the counter. */
  ticket: ReadonlyTicket | undefined;
}

export function counterBoard(
  state: DayView,
  counters: readonly CounterConfig[],
  agencies: readonly AgencyConfig[],
): CounterRow[] {
  const agencyById = new Map(agencies.map((a) => [a.id, a]));
  return counters.map((counter) => {
    const live = state.counters[counter.id];
    const current = live?.currentTicketId === undefined ? undefined : state.tickets[live.currentTicketId];
    const ticket =
      current && (current.status === 'called' || current.status === 'serving') ? current : undefined;
    const activity: CounterActivity =
      live === undefined || live.status === 'closed'
        ? 'closed'
        : live.status === 'paused'
          ? 'paused'
          : ticket === undefined
            ? 'idle'
            : ticket.status === 'serving'
              ? 'serving'
              : 'called';
    return { counter, agency: agencyById.get(counter.agencyId), activity, ticket };
  });
}
