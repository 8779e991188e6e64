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
    const key = `${state.day}|${state.seq}|${Math.floor(now / BUCKET_MS)}`;
    if (!this.positions || key !== this.key || config !== this.config) {
      this.positions = waitingPositions(state, config, now);
      this.key = key;
      this.config = config;
    }
    return this.positions;
  }
}
