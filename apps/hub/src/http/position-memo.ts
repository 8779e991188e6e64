import type { DayView, HallConfig, WaitingPositions } from '@antre/shared';
import { waitingPositions } from '@antre/shared';

/** A refresh's positions are read at most this far behind the hall clock. */
const BUCKET_MS = 5_000;

/**
 * Every waiting ticket's place, computed once for all the status pages a refresh renders (2,000 phones after
 * a call) rather than once per page, and again only when the day has moved on (a new event, a new config,
 * a few seconds of the clock).
 */
export class PositionMemo {
  private key = '';
  private config: HallConfig | undefined;
  private positions: WaitingPositions | undefined;

  of(state: DayView, config: HallConfig, now: number): WaitingPositions {
    const fresh = this.fresh(state, config, now);
    if (fresh) return fresh;
    this.positions = waitingPositions(state, config, now);
    this.key = keyOf(state, now);
    this.config = config;
    return this.positions;
  }

  /**
   * The positions already read for this moment of the day, or undefined: a page opened between two events
   * (2,000 phones reconnecting after a restart) takes its place from there instead of reading the queue again.
   */
  fresh(state: DayView, config: HallConfig, now: number): WaitingPositions | undefined {
    return this.positions && config === this.config && keyOf(state, now) === this.key
      ? this.positions
      : undefined;
  }
}

function keyOf(state: DayView, now: number): string {
  return `${state.day}|${state.seq}|${Math.floor(now / BUCKET_MS)}`;
}
