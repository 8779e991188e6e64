// The calls a display shows and speaks: the newest first, for the counters in its scope. Calls that arrive
// live are announced; calls caught up after a reconnect are announced only while still recent; calls that
// were already made when the display started are shown, never spoken.

import type { HubConnection } from '@antre/client';
import type { EventEnvelope, DayView, ReadonlyTicket, TicketCall } from '@antre/shared';
import { HubTime } from './hub-time.js';

export interface CallRecord {
  /** The ticket and which of its calls: `<ticketId>#<index in ticket.calls>`. */
  key: string;
  ticketId: string;
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
  subscribe(listener: () => void): () => void;
  onLiveEvents(listener: (events: readonly EventEnvelope[]) => void): () => void;
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
    onLiveEvents: (listener) => {
      conn.socket.on('events', listener);
      return () => void conn.socket.off('events', listener);
    },
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

export class CallFeed {
  /** Newest first. Replaced, never mutated, so it can be a memo key. */
  calls: readonly CallRecord[] = [];
  version = 0;
  private readonly hubTime = new HubTime();
  private readonly listeners = new Set<Listener>();
  private readonly announced = new Set<string>();
  private inScope: ((counterId: string) => boolean) | undefined;
  private stateRef: DayView | undefined;
  private syncedSeq = -1;
  private reconcileQueued = false;
  /** Local time the link was lost; a call caught up after it is at most this old. */
  private offlineSince: number | undefined;
  private readonly unsubscribe: Array<() => void>;

  constructor(private readonly options: CallFeedOptions) {
    this.unsubscribe = [
      options.source.subscribe(() => {
        if (!options.source.online) this.offlineSince ??= options.now();
        this.queueReconcile();
      }),
      options.source.onLiveEvents((events) => this.onLive(events)),
    ];
  }

  /**
   * Which counters this display covers; nothing is shown or spoken before it is set (it needs the config).
   * Calls that a new scope brings into view are old news: they are shown, not spoken.
   */
  setScope(inScope: (counterId: string) => boolean): void {
    this.inScope = inScope;
    const state = this.options.source.state;
    if (state) this.rescan(state, false);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    for (const u of this.unsubscribe) u();
    this.listeners.clear();
  }

  /**
   * Live events come right after the connection's mirror applied them (its listener was registered first),
   * so when the batch follows on from what the feed reflects, the calls in it are read straight off it.
   * Anything else (a gap, a snapshot, a new day) is left to the rescan.
   */
  private onLive(batch: readonly EventEnvelope[]): void {
    const last = batch.at(-1);
    if (!last) return;
    const local = this.options.now();
    this.hubTime.observe(last.at, local);
    const state = this.options.source.state;
    const fresh = batch.filter((e) => e.seq > this.syncedSeq);
    if (!this.inScope || !state || state !== this.stateRef || state.seq !== last.seq) return;
    if (fresh[0]?.seq !== this.syncedSeq + 1 || fresh.some((e) => e.event.type === 'DayClosed')) return;
    const added: CallRecord[] = [];
    fresh.forEach((envelope, i) => {
      const { event } = envelope;
      if (event.type !== 'TicketCalled' && event.type !== 'TicketRecalled') return;
      const ticket = state.tickets[event.ticketId];
      if (!ticket || !this.inScope?.(event.counterId)) return;
      // The mirror may already hold later calls of this ticket from the same batch.
      const later = fresh
        .slice(i + 1)
        .filter(
          (e) =>
            (e.event.type === 'TicketCalled' || e.event.type === 'TicketRecalled') &&
            e.event.ticketId === event.ticketId,
        ).length;
      const index = ticket.calls.length - 1 - later;
      const call = ticket.calls[index];
      if (call?.at !== envelope.at) return;
      added.push({ ...callRecord(ticket, call, index), arrivedAt: local });
    });
    this.syncedSeq = last.seq;
    this.offlineSince = undefined;
    if (added.length === 0) return;
    for (const record of added) this.announce(record, local - (last.at - record.at));
    this.publish([...added.reverse(), ...this.calls]);
  }

  private queueReconcile(): void {
    if (this.reconcileQueued) return;
    this.reconcileQueued = true;
    // After the socket's other listeners: a live batch is handled by onLive before this runs.
    queueMicrotask(() => {
      this.reconcileQueued = false;
      const state = this.options.source.state;
      if (!state || !this.inScope) return;
      if (state === this.stateRef && state.seq === this.syncedSeq) return;
      this.rescan(state, this.stateRef !== undefined);
    });
  }

  /** Reads every call from the state: after a reconnect, a snapshot, a new day or a new scope. O(tickets). */
  private rescan(state: DayView, speakNew: boolean): void {
    const inScope = this.inScope;
    if (!inScope) return;
    const local = this.options.now();
    const previous = new Map(this.calls.map((c) => [c.key, c]));
    const all: CallRecord[] = [];
    let newestAt = 0;
    for (const ticket of Object.values(state.tickets)) {
      ticket.calls.forEach((call, index) => {
        if (!inScope(call.counterId)) return;
        const record = callRecord(ticket, call, index);
        const before = previous.get(record.key);
        if (before?.arrivedAt !== undefined) record.arrivedAt = before.arrivedAt;
        all.push(record);
        newestAt = Math.max(newestAt, call.at);
      });
    }
    all.sort((a, b) => b.at - a.at || callIndex(b) - callIndex(a));
    const kept = all.slice(0, this.options.keep ?? 40);
    this.stateRef = state;
    this.syncedSeq = state.seq;
    if (speakNew) {
      const missed = kept.filter((c) => !previous.has(c.key) && !this.announced.has(c.key)).reverse();
      for (const record of missed) {
        const age = this.catchUpAge(record, local, newestAt);
        if (age > this.options.speakWithinMs) continue;
        record.arrivedAt = local;
        this.announce(record, local - age);
      }
    } else {
      for (const record of kept) this.remember(record.key);
    }
    if (this.options.source.online) this.offlineSince = undefined;
    this.publish(kept);
  }

  /**
   * How old a call caught up after a gap is. On the hub's clock when a live event gave a reading (no call is
   * younger than the newest one, so that also bounds the clock from below); otherwise the call happened
   * while the link was down, so it is at most as old as the outage.
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

  private publish(calls: CallRecord[]): void {
    this.calls = calls.slice(0, this.options.keep ?? 40);
    this.version += 1;
    for (const l of this.listeners) l();
  }
}

function callRecord(ticket: ReadonlyTicket, call: TicketCall, index: number): CallRecord {
  return {
    key: `${ticket.id}#${index}`,
    ticketId: ticket.id,
    displayNumber: ticket.displayNumber,
    serviceId: ticket.serviceId,
    counterId: call.counterId,
    at: call.at,
    recall: call.recall,
  };
}

function callIndex(record: CallRecord): number {
  return Number(record.key.slice(record.key.lastIndexOf('#') + 1));
}
