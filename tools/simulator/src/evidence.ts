import type { DeepReadonly, EventEnvelope, HallConfig, QueueSnapshot } from '@antre/shared';
import type { CounterPlan, DayWindow } from './day-plan.js';
import type { FuzzResult } from './fuzzer.js';
import type { HubCrash, HubRestart } from './hub-runner.js';
import type { ReplayResult } from './log-replay.js';
import type { CounterStats } from './simulated-counter.js';
import type { HandedOutTicket, KioskRefusal } from './simulated-kiosk.js';
import type { Visitor } from './visitors.js';

/** What one kiosk did and still holds at the end of the day. */
export interface KioskEvidence {
  kioskId: string;
  handedOut: HandedOutTicket[];
  refusals: KioskRefusal[];
  /** The kiosk store's record of a ticket (whether the hub has it), if the kiosk knows it. */
  stored: (ticketId: string) => { syncState: string; offline: boolean } | undefined;
  unsynced: number;
  logCounts: Record<string, number>;
  outages: Array<{ from: number; to: number }>;
}

export interface DisplayEvidence {
  displayId: string;
  live: Set<string>;
  caughtUp: Set<string>;
  seq: number;
  /** Canonical JSON of the display's mirror, to compare with the hub's state. */
  digest: string;
  drops: Array<{ from: number; to: number }>;
}

export interface CounterEvidence {
  plan: CounterPlan;
  stats: CounterStats;
  seq: number;
  /** Commands still waiting for an answer at the end. */
  pending: number;
}

export interface HubEvidence {
  crashes: HubCrash[];
  restarts: HubRestart[];
  errorLines: string[];
  stderrLines: string[];
}

export interface FuzzEvidence {
  bursts: number;
  skippedBursts: number;
  results: FuzzResult[];
}

/** What became of a visitor at the kiosks: a ticket, or the reason none was given. */
export type VisitorOutcome = { ticketId: string; kioskId: string } | { refused: string };

/** Everything observed during a simulated day, from the hub's log and from every client. */
export interface DayEvidence {
  config: HallConfig;
  window: DayWindow;
  events: EventEnvelope[];
  hubState: DeepReadonly<QueueSnapshot>;
  hubDigest: string;
  replay: ReplayResult;
  kiosks: KioskEvidence[];
  displays: DisplayEvidence[];
  counters: CounterEvidence[];
  hub: HubEvidence;
  fuzz: FuzzEvidence | undefined;
  visitors: Visitor[];
  visitorOutcomes: Map<number, VisitorOutcome>;
}

/** JSON with object keys sorted: two states equal in content give the same text. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** The parts of a queue state that must be equal everywhere: the hub, its log replayed, every mirror. */
export function stateDigest(state: DeepReadonly<QueueSnapshot> | undefined): string {
  if (!state) return 'no state';
  const { day, seq, tickets, counters, services, leases, numbersUsed } = state;
  return canonicalJson({ day, seq, tickets, counters, services, leases, numbersUsed });
}
