import type { EventEnvelope, DayView } from '@antre/shared';

/**
 * The hub's time as seen from this machine. Waits and service times are differences between the
 * hub's timestamps and "now"; a counter laptop's own clock is often minutes off (and a test hub runs
 * on a hand-moved clock), so "now" is the local clock shifted by the offset of the latest live event.
 */
export class HubClock {
  private offset = 0;
  private observed = false;

  constructor(private readonly localNow: () => number = Date.now) {}

  now(): number {
    return this.localNow() + this.offset;
  }

  /** An event that has just happened at the hub: its `at` is the hub's now, give or take the network. */
  observe(events: readonly EventEnvelope[]): void {
    const last = events.at(-1);
    if (!last) return;
    this.offset = last.at - this.localNow();
    this.observed = true;
  }

  /**
   * Before any live event: the newest timestamp in the state is a lower bound of the hub's now,
   * which keeps the first seconds after a load from showing negative or absurd durations.
   */
  seed(state: DayView): void {
    if (this.observed) return;
    let newest = 0;
    for (const t of Object.values(state.tickets)) {
      newest = Math.max(
        newest,
        t.issuedAt,
        t.calledAt ?? 0,
        t.servingAt ?? 0,
        t.endedAt ?? 0,
        t.printFault?.at ?? 0,
      );
    }
    const local = this.localNow();
    if (newest > local + this.offset) this.offset = newest - local;
  }
}
