import { HubConnection } from '@antre/client';
import type { EventEnvelope, DayView } from '@antre/shared';
import { cutConnection } from './connection-wait.js';
import type { SimClock } from './sim-clock.js';

/** Names one call of a ticket, the same way in the hub's log, in a live event and in a ticket's `calls`. */
export function callKey(ticketId: string, counterId: string, at: number, recall: boolean): string {
  return `${ticketId}|${counterId}|${at}|${recall ? 'recall' : 'call'}`;
}

/** Every call recorded in a state's tickets. */
export function callsInState(state: DayView | undefined): Set<string> {
  const keys = new Set<string>();
  for (const t of Object.values(state?.tickets ?? {})) {
    for (const c of t.calls) keys.add(callKey(t.id, c.counterId, c.at, c.recall));
  }
  return keys;
}

/**
 * A wall display: a read-only connection that counts every call (TicketCalled, TicketRecalled) it is
 * told of live — the ones it would announce — and keeps the queue mirror it catches up with after a
 * reconnect, where the calls it missed live show up in the tickets' `calls`.
 */
export class SimulatedDisplay {
  readonly conn: HubConnection;
  /** Calls received as live events. */
  readonly live = new Set<string>();
  readonly drops: Array<{ from: number; to: number }> = [];

  constructor(
    readonly displayId: string,
    url: string,
    private readonly clock: SimClock,
  ) {
    this.conn = new HubConnection({
      url,
      credentials: () => ({ demoDevice: { kind: 'display', deviceId: displayId } }),
      ackTimeoutMs: 4000,
      socketOptions: { reconnectionDelay: 100, reconnectionDelayMax: 500 },
    });
    this.conn.socket.on('events', (events: EventEnvelope[]) => {
      for (const { event, at } of events) {
        if (event.type === 'TicketCalled') this.live.add(callKey(event.ticketId, event.counterId, at, false));
        if (event.type === 'TicketRecalled')
          this.live.add(callKey(event.ticketId, event.counterId, at, true));
      }
    });
  }

  /** Calls this display has: seen live, or caught up through sync. */
  seen(): { live: Set<string>; caughtUp: Set<string> } {
    const caughtUp = new Set<string>();
    for (const key of callsInState(this.conn.state)) if (!this.live.has(key)) caughtUp.add(key);
    return { live: this.live, caughtUp };
  }

  async drop(simMs: number): Promise<void> {
    const from = this.clock.now();
    const reconnect = cutConnection(this.conn);
    await this.clock.sleep(simMs);
    reconnect();
    this.drops.push({ from, to: this.clock.now() });
  }

  close(): void {
    this.conn.close();
  }
}
