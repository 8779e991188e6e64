import type { DeepReadonly } from './deep-readonly.js';
import type { EventEnvelope } from './domain-events.js';
import type {
  NumberLease,
  QueueSnapshot,
  ReadonlyCounterState,
  ReadonlyServiceDay,
  ReadonlyTicket,
  Ticket,
} from './domain-types.js';
import type { EndedDeskTime } from './desk-times.js';
import { DeskTimes } from './desk-times.js';
import type { QueueConfig } from './hall-config.js';
import { reduceDay } from './queue-reducer.js';
import { emptySnapshot } from './queue-state.js';
import type { WaitingCounts } from './waiting-index.js';
import { WaitingIndex, ticketIdsOf, waitingPlace } from './waiting-index.js';

/** A hall day as everyone but its owner sees it: read-only, with the day's indexes. */
export interface DayView {
  readonly day: string;
  /** Sequence number of the last event applied. */
  readonly seq: number;
  readonly tickets: { readonly [id: string]: ReadonlyTicket };
  readonly counters: { readonly [id: string]: ReadonlyCounterState };
  readonly services: { readonly [id: string]: ReadonlyServiceDay };
  readonly leases: readonly Readonly<NumberLease>[];
  /** The ticket id per number in use today (`serviceId:number`), to refuse a duplicate. */
  readonly numbersUsed: { readonly [key: string]: string };
  /** Today's tickets in the order they were first issued; scanning it costs no copy. */
  allTickets(): readonly ReadonlyTicket[];
  /**
   * Today's waiting tickets, in the order they were first issued: what `allTickets()` filtered on `waiting`
   * gives, kept up to date as tickets move, so that choosing the next ticket reads the queue, not the day.
   */
  waitingTickets(): readonly ReadonlyTicket[];
  /** Today's ticket with this id (own keys only: "constructor" finds nothing). */
  ticket(id: string): ReadonlyTicket | undefined;
  /** How many tickets wait where, kept up to date as they move. */
  waiting(): WaitingCounts;
  /** The service's recent desk times (call → desk free again, ms) and when each ended, newest last (`DeskTimes`). */
  deskTimes(serviceId: string): readonly EndedDeskTime[];
  /** The day as plain data, for the wire (`sync`'s snapshot) and for comparing two days. */
  snapshot(): DeepReadonly<QueueSnapshot>;
}

/**
 * One hall day of the queue: its tickets, counters and services, and the indexes kept over them. It is the
 * only place the day changes — `apply` runs the reducer on one logged event and brings the indexes along —
 * and it hands out read-only views of itself. The hub holds one, every client mirrors one, and both run the
 * same reducer, so a day rebuilt from the log equals the live one.
 */
export class QueueDay implements DayView {
  private data: QueueSnapshot;
  /** Tickets in issue order; the record holds them in dictionary mode, where `Object.values` is slow. */
  private list: ReadonlyTicket[] = [];
  /** Each ticket's place in `list`: the order `queue` keeps. */
  private position = new Map<string, number>();
  /** The waiting tickets, in `list` order. */
  private queue: ReadonlyTicket[] = [];
  private index = new WaitingIndex();
  private desks = new DeskTimes();

  private constructor(data: QueueSnapshot, list?: ReadonlyTicket[]) {
    this.data = data;
    this.reindex(list);
  }

  /** A day before anything happened in it. */
  static empty(config: QueueConfig, day: string, seq = 0): QueueDay {
    return new QueueDay(emptySnapshot(config, day, seq));
  }

  /** A day from a snapshot (a sync answer), copied so that nothing else shares its data. */
  static fromSnapshot(snapshot: DeepReadonly<QueueSnapshot>): QueueDay {
    // A snapshot is JSON data (it crossed the wire as JSON): a JSON copy is exact and shares nothing.
    return new QueueDay(JSON.parse(JSON.stringify(snapshot)) as QueueSnapshot);
  }

  /**
   * A day over data that nobody else holds (a stored snapshot, just decoded): taken as it is, not copied, so
   * the caller must drop its reference. `list`: its tickets in issue order (the record's own order), when the
   * caller has them so, which spares reading them back from a record of 100,000 keys.
   */
  static own(data: QueueSnapshot, list?: ReadonlyTicket[]): QueueDay {
    return new QueueDay(data, list);
  }

  /** A day from its snapshot as JSON text (a stored snapshot): parsed once, shared with nothing. */
  static fromJson(json: string): QueueDay {
    return new QueueDay(JSON.parse(json) as QueueSnapshot);
  }

  get day(): string {
    return this.data.day;
  }

  get seq(): number {
    return this.data.seq;
  }

  get tickets(): DayView['tickets'] {
    return this.data.tickets;
  }

  get counters(): DayView['counters'] {
    return this.data.counters;
  }

  get services(): DayView['services'] {
    return this.data.services;
  }

  get leases(): DayView['leases'] {
    return this.data.leases;
  }

  get numbersUsed(): DayView['numbersUsed'] {
    return this.data.numbersUsed;
  }

  allTickets(): readonly ReadonlyTicket[] {
    return this.list;
  }

  waitingTickets(): readonly ReadonlyTicket[] {
    return this.queue;
  }

  ticket(id: string): ReadonlyTicket | undefined {
    return Object.hasOwn(this.data.tickets, id) ? this.data.tickets[id] : undefined;
  }

  waiting(): WaitingCounts {
    return this.index;
  }

  deskTimes(serviceId: string): readonly EndedDeskTime[] {
    return this.desks.of(serviceId);
  }

  snapshot(): DeepReadonly<QueueSnapshot> {
    return this.data;
  }

  /** A day written as JSON is its snapshot, never its private indexes. */
  toJSON(): DeepReadonly<QueueSnapshot> {
    return this.data;
  }

  /** Applies one logged event: the reducer changes the data, and the indexes follow the tickets it moved. */
  apply(envelope: EventEnvelope): void {
    const { event } = envelope;
    const tickets = this.data.tickets;
    const moved = ticketIdsOf(event);
    const before = moved.map((id) => waitingPlace(this.ticket(id)));
    const known = event.type === 'TicketIssued' ? this.ticket(event.ticket.id) : undefined;
    const deskTime =
      'ticketId' in event ? DeskTimes.ended(event, envelope.at, this.ticket(event.ticketId)) : undefined;
    reduceDay(this.data, envelope);
    if (this.data.tickets !== tickets) {
      // A new day: a new record of tickets, and new indexes over it.
      this.reindex();
      return;
    }
    if (event.type === 'TicketIssued') this.noteIssued(event.ticket.id, known);
    this.desks.add(deskTime);
    moved.forEach((id, i) => {
      const now = this.ticket(id);
      this.index.add(before[i], -1);
      this.index.add(waitingPlace(now), 1);
      this.requeue(id, before[i] !== undefined, now);
    });
  }

  /** Brings `queue` along for a ticket that waited (or not) before an event and now is `now`. */
  private requeue(id: string, waited: boolean, now: ReadonlyTicket | undefined): void {
    const waits = now?.status === 'waiting';
    if (!waited && !waits) return;
    const place = this.position.get(id);
    if (place === undefined) return;
    // The first entry at or after the ticket's place in issue order.
    let lo = 0;
    let hi = this.queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.position.get(this.queue[mid]?.id ?? '') ?? -1;
      if (at < place) lo = mid + 1;
      else hi = mid;
    }
    const there = this.queue[lo]?.id === id;
    if (waits && now) {
      if (there) this.queue[lo] = now;
      else this.queue.splice(lo, 0, now);
    } else if (there) {
      this.queue.splice(lo, 1);
    }
  }

  private noteIssued(id: string, replaced: ReadonlyTicket | undefined): void {
    const ticket: Ticket | undefined = this.data.tickets[id];
    if (!ticket) return;
    if (replaced === undefined) {
      this.position.set(id, this.list.length);
      this.list.push(ticket);
    } else this.list[this.list.indexOf(replaced)] = ticket;
  }

  private reindex(list?: ReadonlyTicket[]): void {
    this.list = list ?? Object.values(this.data.tickets);
    this.position = new Map(this.list.map((t, i) => [t.id, i]));
    this.queue = this.list.filter((t) => t.status === 'waiting');
    this.index = WaitingIndex.of(this.list);
    this.desks = DeskTimes.fromTickets(this.list);
  }
}
