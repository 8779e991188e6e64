import { deserialize, serialize } from 'node:v8';
import type { FinishedVisit, LedgerVisit, SurveyLedgerState } from '@antre/shared';

/**
 * The stored form of the survey's ledger (`SurveyLedgerState`), kept beside the day's snapshot: its visits as
 * columns (times in typed arrays, repeated strings — days, services, counters — once in a string table), so
 * that a restart reads a few arrays instead of replaying the window's issued and finished tickets.
 */
interface PackedLedger {
  /** `PACKED_LEDGER_SHAPE`: anything else is not one of these. */
  shape: string;
  windowMs: number;
  seq: number;
  lastSweep: number;
  strings: string[];
  openIds: string[];
  /** Per open visit: its day and service (indexes into `strings`), its ended flag (0 absent, 1 false, 2 true). */
  openDays: Int32Array;
  openServices: Int32Array;
  openEnded: Uint8Array;
  /** Per open visit, how many legs; the legs' services (indexes) follow one another in `legs`. */
  legCounts: Uint32Array;
  legs: Int32Array;
  /** Per finished visit, the open visit of the same ticket (its id is there); -1: see `finishedIdsElse`. */
  finishedOpen: Int32Array;
  /** The ids of the finished visits not open any more (yesterday's), as JSON by entry. */
  finishedIdsElse: string;
  finishedDays: Int32Array;
  finishedServices: Int32Array;
  finishedCounters: Int32Array;
  finishedAts: Float64Array;
  ratedKeys: string[];
  ratedAts: Float64Array;
  /** A few entries, one per counter: as JSON. */
  lastAtCounter: string;
}

export const PACKED_LEDGER_SHAPE = 'antre-survey-ledger/1';

/** The ledger's state as bytes for the store; `seq`: the last event it had applied. */
export function encodeLedger(state: SurveyLedgerState, seq: number): Buffer {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const intern = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const { open, finished, rated } = state;
  const openDays = new Int32Array(open.length);
  const openServices = new Int32Array(open.length);
  const openEnded = new Uint8Array(open.length);
  const legCounts = new Uint32Array(open.length);
  const legs: number[] = [];
  open.forEach((v, i) => {
    openDays[i] = intern(v.day);
    openServices[i] = intern(v.serviceId);
    openEnded[i] = v.ended === undefined ? 0 : v.ended ? 2 : 1;
    legCounts[i] = v.legs.length;
    for (const leg of v.legs) legs.push(intern(leg));
  });
  const openAt = new Map<string, number>();
  open.forEach((v, i) => openAt.set(v.ticketId, i));
  const finishedOpen = new Int32Array(finished.length);
  const finishedIdsElse: Record<number, string> = {};
  const finishedDays = new Int32Array(finished.length);
  const finishedServices = new Int32Array(finished.length);
  const finishedCounters = new Int32Array(finished.length);
  const finishedAts = new Float64Array(finished.length);
  finished.forEach((v, i) => {
    const at = openAt.get(v.ticketId);
    finishedOpen[i] = at ?? -1;
    if (at === undefined) finishedIdsElse[i] = v.ticketId;
    finishedDays[i] = intern(v.day);
    finishedServices[i] = intern(v.serviceId);
    finishedCounters[i] = intern(v.counterId);
    finishedAts[i] = v.finishedAt;
  });
  const packed: PackedLedger = {
    shape: PACKED_LEDGER_SHAPE,
    windowMs: state.windowMs,
    seq,
    lastSweep: state.lastSweep,
    strings,
    openIds: open.map((v) => v.ticketId),
    openDays,
    openServices,
    openEnded,
    legCounts,
    legs: Int32Array.from(legs),
    finishedOpen,
    finishedIdsElse: JSON.stringify(finishedIdsElse),
    finishedDays,
    finishedServices,
    finishedCounters,
    finishedAts,
    ratedKeys: rated.map((r) => r.visitKey),
    ratedAts: Float64Array.from(rated, (r) => r.at),
    lastAtCounter: JSON.stringify(state.lastAtCounter),
  };
  return serialize(packed);
}

/**
 * The ledger's state from its stored bytes, owned by nobody else. Throws on anything that is not a whole packed
 * ledger (bytes cut short, another shape, columns of the wrong length): the caller then replays the log.
 */
export function decodeLedger(bytes: Uint8Array): { seq: number; state: SurveyLedgerState } {
  const p = deserialize(bytes) as PackedLedger;
  if (p.shape !== PACKED_LEDGER_SHAPE) throw new Error('not a packed survey ledger');
  const n = p.openIds.length;
  const f = p.finishedOpen.length;
  let legTotal = 0;
  for (const c of p.legCounts) legTotal += c;
  if (
    p.openDays.length !== n ||
    p.openServices.length !== n ||
    p.openEnded.length !== n ||
    p.legCounts.length !== n ||
    p.legs.length !== legTotal ||
    p.finishedDays.length !== f ||
    p.finishedServices.length !== f ||
    p.finishedCounters.length !== f ||
    p.finishedAts.length !== f ||
    p.ratedAts.length !== p.ratedKeys.length
  ) {
    throw new Error('a packed survey ledger with columns of the wrong length');
  }
  const { strings } = p;
  const str = (i: number | undefined): string => {
    const s = i === undefined ? undefined : strings[i];
    if (s === undefined) throw new Error('a packed survey ledger naming a string it does not hold');
    return s;
  };
  const open: LedgerVisit[] = new Array<LedgerVisit>(n);
  let leg = 0;
  for (let i = 0; i < n; i += 1) {
    const count = p.legCounts[i] ?? 0;
    const legs: string[] = new Array<string>(count);
    for (let l = 0; l < count; l += 1, leg += 1) legs[l] = str(p.legs[leg]);
    const v: LedgerVisit = {
      ticketId: p.openIds[i] ?? '',
      day: str(p.openDays[i]),
      serviceId: str(p.openServices[i]),
      legs,
    };
    const ended = p.openEnded[i];
    if (ended !== 0) v.ended = ended === 2;
    open[i] = v;
  }
  const idsElse = JSON.parse(p.finishedIdsElse) as Record<number, string>;
  const finished: FinishedVisit[] = new Array<FinishedVisit>(f);
  for (let i = 0; i < f; i += 1) {
    const at = p.finishedOpen[i] ?? -1;
    const ticketId = at >= 0 ? p.openIds[at] : idsElse[i];
    if (ticketId === undefined) throw new Error('a packed finished visit without its ticket');
    finished[i] = {
      ticketId,
      day: str(p.finishedDays[i]),
      serviceId: str(p.finishedServices[i]),
      counterId: str(p.finishedCounters[i]),
      finishedAt: p.finishedAts[i] ?? 0,
    };
  }
  const state: SurveyLedgerState = {
    windowMs: p.windowMs,
    lastSweep: p.lastSweep,
    open,
    finished,
    rated: p.ratedKeys.map((visitKey, i) => ({ visitKey, at: p.ratedAts[i] ?? 0 })),
    lastAtCounter: JSON.parse(p.lastAtCounter) as FinishedVisit[],
  };
  return { seq: p.seq, state };
}
