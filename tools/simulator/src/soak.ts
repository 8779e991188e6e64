import type { HubRunner } from './hub-runner.js';
import type { SimClock } from './sim-clock.js';
import { slope } from './stats.js';

export interface RssSample {
  /** Hall time. */
  at: number;
  /** The hub's RSS from /proc. */
  rssMb: number;
  /** Tickets the hub held then (from a display's mirror). */
  tickets: number;
  /** The hub's live heap after a full GC, on the few samples that ask for it. */
  heapLiveMb?: number;
}

export interface SoakFigures {
  samples: RssSample[];
  minMb: number;
  maxMb: number;
  /** Mean RSS over the second hall hour (the first is warm-up: clients connect, JIT, caches) and the last. */
  baselineMb: number;
  lastHourMb: number;
  afterCloseMb: number;
  /** Last hour − baseline. */
  growthMb: number;
  /** Least-squares slope after the first hall hour. */
  slopeMbPerHour: number;
  tickets: number;
  /** The live heap after a full GC: first and last reading, and its growth per ticket held. */
  heapLiveFirstMb: number;
  heapLiveLastMb: number;
  heapKbPerTicket: number;
  flatLimitMb: number;
  heapLimitKbPerTicket: number;
  flat: boolean;
}

const MB = 1024 * 1024;
const HOUR = 3_600_000;
/**
 * What "flat" allows between the second and the last hour of the day. The day's tickets stay in memory
 * until the day closes (the live heap shows how much each takes), and V8 grows its heap in steps; a leak
 * per message, per event or per reconnect would grow with the hours, far past this over a 12-hour day.
 */
const FLAT_LIMIT_MB = 25;
/**
 * The live heap may grow with the tickets held (a ticket with its calls is about 1–2 kB), not with time:
 * three times that per ticket, over the day, is the most "flat" allows.
 */
const HEAP_LIMIT_KB_PER_TICKET = 4;
/** A full GC now and then, to read the live heap; rarely, since it also shrinks the RSS being measured. */
const GC_EVERY_MS = 2 * HOUR;

/** Reads the hub's RSS from /proc every `everyRealMs`, and its live heap every two hall hours. */
export class RssSampler {
  readonly samples: RssSample[] = [];
  private timer: NodeJS.Timeout | undefined;
  private nextGc: number;

  constructor(
    private readonly hub: HubRunner,
    private readonly clock: SimClock,
    private readonly tickets: () => number,
    dayStart: number,
  ) {
    this.nextGc = dayStart + HOUR;
  }

  start(everyRealMs: number): void {
    void this.sample();
    this.timer = setInterval(() => void this.sample(), everyRealMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async sample(withHeap = false): Promise<RssSample | undefined> {
    const rss = this.hub.rssBytes();
    if (rss === undefined) return undefined;
    const s: RssSample = { at: this.clock.now(), rssMb: rss / MB, tickets: this.tickets() };
    this.samples.push(s);
    if (withHeap || s.at >= this.nextGc) {
      this.nextGc = s.at + GC_EVERY_MS;
      try {
        s.heapLiveMb = (await this.hub.memory()).heapUsed / MB;
      } catch {
        // The hub is going away: the RSS sample stands alone.
      }
    }
    return s;
  }
}

export function soakFigures(
  samples: readonly RssSample[],
  dayStart: number,
  afterCloseMb: number,
): SoakFigures {
  const values = samples.map((s) => s.rssMb);
  const end = samples.at(-1)?.at ?? dayStart;
  const mean = (xs: readonly RssSample[]) =>
    xs.length === 0 ? 0 : xs.reduce((a, s) => a + s.rssMb, 0) / xs.length;
  const baseline = mean(samples.filter((s) => s.at >= dayStart + HOUR && s.at < dayStart + 2 * HOUR));
  const lastHour = mean(samples.filter((s) => s.at >= end - HOUR));
  const warm = samples.filter((s) => s.at >= dayStart + HOUR);
  const heap = samples.filter((s): s is RssSample & { heapLiveMb: number } => s.heapLiveMb !== undefined);
  const heapKbPerTicket = slope(heap.map((s) => ({ x: s.tickets, y: s.heapLiveMb }))) * 1024;
  return {
    samples: [...samples],
    minMb: Math.min(...values),
    maxMb: Math.max(...values),
    baselineMb: baseline,
    lastHourMb: lastHour,
    afterCloseMb,
    growthMb: lastHour - baseline,
    slopeMbPerHour: slope(warm.map((s) => ({ x: s.at / HOUR, y: s.rssMb }))),
    tickets: Math.max(0, ...samples.map((s) => s.tickets)),
    heapLiveFirstMb: heap[0]?.heapLiveMb ?? 0,
    heapLiveLastMb: heap.at(-1)?.heapLiveMb ?? 0,
    heapKbPerTicket,
    flatLimitMb: FLAT_LIMIT_MB,
    heapLimitKbPerTicket: HEAP_LIMIT_KB_PER_TICKET,
    flat:
      lastHour - baseline <= FLAT_LIMIT_MB && heap.length >= 2 && heapKbPerTicket <= HEAP_LIMIT_KB_PER_TICKET,
  };
}
