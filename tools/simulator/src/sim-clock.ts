/**
 * The accelerated clock of a simulated day, shared by the simulator and the hub's child process:
 * `now = simStart + (wall - realStart) × speed`. Both sides compute it from the same three numbers and
 * the machine's wall clock, so the hall's time runs on across a hub restart as it would in a real hall.
 */
export interface ClockParams {
  /** Simulated time (ms since the epoch) at `realStart`. */
  simStart: number;
  /** Wall-clock time (ms since the epoch) when the simulated day started. */
  realStart: number;
  /** Simulated milliseconds per real millisecond. */
  speed: number;
}

/** Wall-clock milliseconds with sub-millisecond resolution: at 600× a whole millisecond is 0.6 s of hall time. */
function wallNow(): number {
  return performance.timeOrigin + performance.now();
}

export class SimClock {
  constructor(readonly params: ClockParams) {
    if (!(params.speed > 0)) throw new Error(`clock speed must be positive, not ${params.speed}`);
  }

  /** A clock that shows `simStart` now and runs `speed` times faster than the wall clock. */
  static startingAt(simStart: number, speed: number): SimClock {
    return new SimClock({ simStart, realStart: wallNow(), speed });
  }

  /** Whole milliseconds: the hub validates issue times of offline tickets as integers. */
  readonly now = (): number => {
    const { simStart, realStart, speed } = this.params;
    return Math.floor(simStart + (wallNow() - realStart) * speed);
  };

  /** Real milliseconds that `simMs` of hall time take. */
  realMs(simMs: number): number {
    return Math.max(0, simMs / this.params.speed);
  }

  /** Waits `simMs` of hall time. */
  sleep(simMs: number): Promise<void> {
    return realSleep(this.realMs(simMs));
  }

  /** Waits until the hall clock shows `simTime` (at once when it already has). */
  sleepUntil(simTime: number): Promise<void> {
    return this.sleep(simTime - this.now());
  }
}

export function realSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
