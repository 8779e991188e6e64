// The calls a display shows and speaks: the newest first, for the counters in its scope. A call is a fact of
// the log (`TicketCalled`/`TicketRecalled`, with the ticket's `callIndex`), so the feed reads the envelopes its
// connection applied rather than guessing calls from changes of state:
// - applied live (a broadcast or a command's reply): shown and spoken;
// - applied in a catch-up after a cut (`sync`): shown, and spoken only while still recent;
// - a reset (a snapshot replaced the mirror): the state is read afresh, shown, and nothing in it is spoken.
// Calls that were already made when the display started arrive in its first snapshot: shown, never spoken.

import type { ConnectionChange, HubConnection } from '@antre/client';
import type { DayView, EventEnvelope, ReadonlyTicket, TicketNumber } from '@antre/shared';
import { HubTime } from './hub-time.js';

export interface CallRecord extends TicketNumber {
  /** One per call of a ticket, recalls included: `<ticketId>#<callIndex>`. */
  key: string;
  ticketId: string;
  /** Which call of the ticket this is (its index in `ticket.calls`). */
  callIndex: number;
  displayNumber: string;
  serviceId: string;
  counterId: string;
  /** Hub time of the call. */
  at: number;
  recall: boolean;
  /** Local time it reached this display as a new call; undefined when it predates the display. */
  arrivedAt?: number;
}

/** What the feed needs from a hub connection; a seam for tests. */
export interface FeedSource {
  readonly state: DayView | undefined;
  readonly online: boolean;
  subscribe(listener: (change: ConnectionChange) => void): () => void;
}

export function feedSourceOf(conn: HubConnection): FeedSource {
  return {
    get state() {
      return conn.state;
    },
    get online() {
      return conn.status === 'online';
    },
    subscribe: (listener) => conn.subscribe(listener),
  };
}

export interface CallFeedOptions {
  source: FeedSource;
  /** Local clock (ms). */
  now: () => number;
  /** A call older than this (hub time) when it reaches the display is not spoken. */
  speakWithinMs: number;
  /** How many calls to keep, newest first. */
  keep?: number;
  /** A new call to speak; `deadline` is the local time after which it is too old. */
  onNewCall?: (call: CallRecord, deadline: number) => void;
}

type Listener = () => void;

const ANNOUNCED_KEYS_KEPT = 5000;
const DEFAULT_KEEP = 40;

export class CallFeed {
  /** Newest first. Replaced, never mutated, so it can be a memo key. */
  calls: readonly CallRecord[] = [];
  version = 0;
  private readonly hubTime = new HubTime();
  private readonly listeners = new Set<Listener>();
  /** Calls spoken or known to be old: never spoken (again). */
  private readonly announced = new Set<string>();
  private inScope: ((counterId: string) => boolean) | undefined;
  /** Local time the link was lost; a call caught up after it is at most this old. */
  private offlineSince: number | undefined;
  private readonly unsubscribe: () => void;

  constructor(private readonly options: CallFeedOptions) {
    this.unsubscribe = options.source.subscribe((change) => this.onChange(change));
  }

  /**
   * Which counters this display covers; nothing is shown or spoken before it is set (it needs the config).
   * Calls that a new scope brings into view are old news: they are shown, not spoken.
   */
  setScope(inScope: (counterId: string) => boolean): void {
    this.inScope = inScope;
    const state = this.options.source.state;
    if (state) this.rescan(state);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.unsubscribe();
    this.listeners.clear();
  }

  private onChange(change: ConnectionChange): void {
    const { source } = this.options;
    if (!source.online) this.offlineSince ??= this.options.now();
    const state = source.state;
    if (change.reset) {
      // A mirror dropped (another log) shows the last calls until its snapshot comes and is read here.
      if (state) this.rescan(state);
    } else if (change.applied.length > 0 && state && change.via !== undefined) {
      this.read(change.applied, change.via, state);
    }
    // An answer to the catch-up, or anything live, ends the outage as far as calls are concerned.
    if (source.online && (change.reset || change.via !== undefined)) this.offlineSince = undefined;
  }

  /** The calls among envelopes the mirror has just applied, in sequence order. */
  private read(applied: readonly EventEnvelope[], via: 'broadcast' | 'reply' | 'sync', state: DayView): void {
    const inScope = this.inScope;
    const last = applied.at(-1);
    if (!inScope || !last) return;
    const local = this.options.now();
    const live = via !== 'sync';
    // A live event left the hub milliseconds ago: its stamp is the hub's "now".
    if (live) this.hubTime.observe(last.at, local);
    let calls = this.calls;
    const added: CallRecord[] = [];
    for (const envelope of applied) {
      const { event } = envelope;
      if (event.type === 'DayClosed' && event.nextDay !== event.day) {
        // A new hall day: yesterday's calls leave the screen; calls after it in the batch are today's.
        calls = [];
        added.length = 0;
        continue;
      }
      if (event.type !== 'TicketCalled' && event.type !== 'TicketRecalled') continue;
      if (!inScope(event.counterId)) continue;
      const ticket = state.ticket(event.ticketId);
      if (!ticket) continue;
      added.push({
        ...callRecord(ticket, event.callIndex, event.counterId, envelope.at, event.type === 'TicketRecalled'),
        arrivedAt: local,
      });
    }
    if (added.length === 0 && calls === this.calls) return;
    const newestAt = last.at;
    for (const record of added) {
      const age = live ? newestAtAge(newestAt, record.at) : this.catchUpAge(record, local, newestAt);
      if (live || age <= this.options.speakWithinMs) this.announce(record, local - age);
      else this.remember(record.key);
    }
    const addedKeys = new Set(added.map((r) => r.key));
    this.publish([...added.reverse(), ...calls.filter((c) => !addedKeys.has(c.key))]);
  }

  /** Reads every call from the state: a new scope, the first snapshot, or one after a gap. O(tickets). */
  private rescan(state: DayView): void {
    const inScope = this.inScope;
    if (!inScope) return;
    const previous = new Map(this.calls.map((c) => [c.key, c]));
    const all: CallRecord[] = [];
    for (const ticket of state.allTickets()) {
      ticket.calls.forEach((call, index) => {
        if (!inScope(call.counterId)) return;
        const record = callRecord(ticket, index, call.counterId, call.at, call.recall);
        const before = previous.get(record.key);
        if (before?.arrivedAt !== undefined) record.arrivedAt = before.arrivedAt;
        all.push(record);
      });
    }
    all.sort((a, b) => b.at - a.at || b.callIndex - a.callIndex);
    for (const record of all) this.remember(record.key);
    this.publish(all);
  }

  /**
   * How old a call caught up after a cut is. On the hub's clock when a live event gave a reading (no call is
   * younger than the newest one caught up, so that also bounds the clock from below); otherwise the call
   * happened while the link was down, so it is at most as old as the outage.
   */
  private catchUpAge(record: CallRecord, local: number, newestAt: number): number {
    const estimate = this.hubTime.now(local);
    if (estimate !== undefined) return Math.max(estimate, newestAt) - record.at;
    return this.offlineSince === undefined ? 0 : local - this.offlineSince;
  }

  private announce(record: CallRecord, localCallTime: number): void {
    if (this.announced.has(record.key)) return;
    this.remember(record.key);
    this.options.onNewCall?.(record, localCallTime + this.options.speakWithinMs);
  }

  private remember(key: string): void {
    this.announced.add(key);
    if (this.announced.size > ANNOUNCED_KEYS_KEPT) {
      const oldest = this.announced.values().next();
      if (oldest.done !== true) this.announced.delete(oldest.value);
    }
  }

  private publish(calls: readonly CallRecord[]): void {
    this.calls = calls.slice(0, this.options.keep ?? DEFAULT_KEEP);
    this.version += 1;
    for (const l of this.listeners) l();
  }
}

/** A live call's age by the batch it came in: the batch's last event is "now" on the hub. */
function newestAtAge(newestAt: number, at: number): number {
  return Math.max(0, newestAt - at);
}

function callRecord(
  ticket: ReadonlyTicket,
  callIndex: number,
  counterId: string,
  at: number,
  recall: boolean,
): CallRecord {
  return {
    key: `${ticket.id}#${callIndex}`,
    ticketId: ticket.id,
    callIndex,
    prefix: ticket.prefix,
    number: ticket.number,
    displayNumber: ticket.displayNumber,
    serviceId: ticket.serviceId,
    counterId,
    at,
    recall,
  };
}
