import Database from 'better-sqlite3';
import type { CommandReply, ConfigChangeReply, DomainEvent, EventEnvelope } from '@antre/shared';
import { AUDIT_EVENT_TYPES } from '@antre/shared';
import { DaySnapshots } from './day-snapshots.js';
import { MIGRATIONS } from './migrations/index.js';
import { migrate } from './migrate.js';

/** `FULL` survives a power cut (fsync at every commit); `NORMAL` survives a process crash only. */
export type Durability = 'FULL' | 'NORMAL' | 'OFF';

/** What one command leaves in the log: its events (possibly none) and the answer a retry gets. */
export interface CommandRecord {
  /** Absent for the hub's own events (the day closing at midnight). */
  commandId?: string;
  /** The hall day the events belong to. */
  day: string;
  at: number;
  /** Numbered by the caller, which knows the last sequence number: the log has no gaps. */
  events: EventEnvelope[];
  reply?: StoredReply;
  /** Who sent the command (`actorTag`), kept beside each of its events. */
  actor?: string;
}

/** An event as the log holds it, with the tag of who made it (none for events logged before tags). */
export interface StoredEvent extends EventEnvelope {
  actor?: string;
}

/** The answers the log keeps for retries: to queue commands and to config changes. */
export type StoredReply = CommandReply | ConfigChangeReply;

/** The event types that make the hall config: replayed over the seed at start. */
const CONFIG_EVENT_TYPES = ['ConfigChanged', 'StaffChanged'] as const;

/** The SQLite event log: the hub's only durable state. All writes are synchronous and transactional. */
export class EventStore {
  readonly db: Database.Database;
  /** Names this log; it changes only when the store is replaced. */
  readonly logId: string;
  /** Snapshots of the live day, so that a restart need not replay all of it. */
  readonly snapshots: DaySnapshots;
  private readonly insertEvent: Database.Statement;
  private readonly insertReply: Database.Statement;
  private readonly selectReply: Database.Statement<[string], { reply: string }>;
  private readonly selectSince: Database.Statement<[number, number], EventRow>;
  private readonly selectLoggedSince: Database.Statement<
    [number, number],
    EventRow & { actor: string | null }
  >;

  constructor(file: string, durability: Durability = 'FULL') {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${durability}`);
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db, MIGRATIONS);
    this.logId = (
      this.db.prepare("SELECT value FROM meta WHERE key = 'log_id'").get() as { value: string }
    ).value;
    this.snapshots = new DaySnapshots(this.db);
    this.insertEvent = this.db.prepare(
      'INSERT INTO events (seq, at, day, type, command_id, payload, actor) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertReply = this.db.prepare(
      'INSERT INTO command_replies (command_id, at, reply) VALUES (?, ?, ?)',
    );
    this.selectReply = this.db.prepare('SELECT reply FROM command_replies WHERE command_id = ?');
    this.selectSince = this.db.prepare(
      'SELECT seq, at, payload FROM events WHERE seq > ? ORDER BY seq LIMIT ?',
    );
    this.selectLoggedSince = this.db.prepare(
      'SELECT seq, at, payload, actor FROM events WHERE seq > ? ORDER BY seq LIMIT ?',
    );
  }

  /**
   * Writes the records of several commands in one transaction: one fsync for all of them (group commit),
   * and all of them durable, or none.
   */
  commit(records: readonly CommandRecord[]): void {
    this.db.transaction(() => {
      for (const r of records) {
        for (const e of r.events) {
          const day = e.event.type === 'DayClosed' ? e.event.day : r.day;
          this.insertEvent.run(
            e.seq,
            e.at,
            day,
            e.event.type,
            r.commandId ?? null,
            JSON.stringify(e.event),
            r.actor ?? null,
          );
        }
        if (r.commandId !== undefined && r.reply !== undefined) {
          this.insertReply.run(r.commandId, r.at, JSON.stringify(storedReply(r.reply, r.events)));
        }
      }
    })();
  }

  /** The answer given to `commandId`; the caller knows which kind of request the id belongs to. */
  findReply<R extends StoredReply = CommandReply>(commandId: string): R | undefined {
    const row = this.selectReply.get(commandId);
    if (!row) return undefined;
    const { eventSeqs, ...reply } = JSON.parse(row.reply) as R & { eventSeqs?: [number, number] };
    if (eventSeqs === undefined) return reply as R;
    // The events of the answer are the log's own: read back from it (`storedReply`).
    const [from, to] = eventSeqs;
    return { ...reply, events: this.selectSince.all(from - 1, to - from + 1).map(toEnvelope) } as R;
  }

  /** The config the store started from (JSON), if it has one yet. */
  configSeed(): string | undefined {
    const row = this.db.prepare('SELECT config FROM config_seed WHERE id = 1').get() as
      { config: string } | undefined;
    return row?.config;
  }

  saveConfigSeed(config: string, at: number): void {
    this.db.prepare('INSERT INTO config_seed (id, at, config) VALUES (1, ?, ?)').run(at, config);
  }

  /** Every config event in the log, in order: few, since people make them by hand. */
  configEvents(): EventEnvelope[] {
    return this.eventsOfTypes(CONFIG_EVENT_TYPES, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER).reverse();
  }

  /** Up to `limit` events of the audit trail before `beforeSeq`, newest first. */
  auditEvents(beforeSeq: number, limit: number): EventEnvelope[] {
    return this.eventsOfTypes(AUDIT_EVENT_TYPES, beforeSeq, limit);
  }

  private eventsOfTypes(types: readonly string[], beforeSeq: number, limit: number): EventEnvelope[] {
    const marks = types.map(() => '?').join(', ');
    return (
      this.db
        .prepare(
          `SELECT seq, at, payload FROM events WHERE type IN (${marks}) AND seq < ? ORDER BY seq DESC LIMIT ?`,
        )
        .all(...types, beforeSeq, limit) as EventRow[]
    ).map(toEnvelope);
  }

  /** Up to `limit` events after `seq`, in order. */
  eventsSince(seq: number, limit: number): EventEnvelope[] {
    return this.selectSince.all(seq, limit).map(toEnvelope);
  }

  /** Up to `limit` events after `seq` with who made them: what the reports' projection reads. */
  storedEventsSince(seq: number, limit: number): StoredEvent[] {
    return this.selectLoggedSince.all(seq, limit).map((row) => {
      const e: StoredEvent = toEnvelope(row);
      if (row.actor !== null) e.actor = row.actor;
      return e;
    });
  }

  /**
   * Where the current hall day starts in the log: after the last day close that began a new day (`fromSeq`,
   * 0 if none), and its name (that close's next day, or the day of the first event; none in an empty log).
   */
  currentDayStart(): { day: string | undefined; fromSeq: number } {
    // A close by hand before midnight keeps the day: replay starts after the last close that began a new one.
    const lastClose = this.db
      .prepare(
        `SELECT seq, payload FROM events WHERE type = 'DayClosed' AND json_extract(payload, '$.nextDay') != day
         ORDER BY seq DESC LIMIT 1`,
      )
      .get() as { seq: number; payload: string } | undefined;
    if (lastClose) {
      const close = JSON.parse(lastClose.payload) as Extract<DomainEvent, { type: 'DayClosed' }>;
      return { day: close.nextDay, fromSeq: lastClose.seq };
    }
    const first = this.db.prepare('SELECT day FROM events ORDER BY seq LIMIT 1').get() as
      { day: string } | undefined;
    return { day: first?.day, fromSeq: 0 };
  }

  /** The sequence number of the last event logged, 0 in an empty log. */
  lastSeq(): number {
    const row = this.db.prepare('SELECT max(seq) AS seq FROM events').get() as { seq: number | null };
    return row.seq ?? 0;
  }

  /**
   * Every event after `seq`, in order, streamed: the rows are read and parsed one at a time while the caller
   * applies them, so that replaying a day of 300,000 events never holds them all (a restart's peak memory,
   * which the process keeps as RSS). Only those of `types` when given.
   */
  streamAfter(seq: number, types?: readonly string[]): IterableIterator<EventEnvelope> {
    const only = types ? ` AND type IN (${types.map(() => '?').join(', ')})` : '';
    const rows = this.db
      .prepare(`SELECT seq, at, payload FROM events WHERE seq > ?${only} ORDER BY seq`)
      .iterate(seq, ...(types ?? [])) as IterableIterator<EventRow>;
    return mapIterator(rows, toEnvelope);
  }

  /** A value the migrations put in `meta` (the log id, the survey key). */
  meta(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row?.value;
  }

  /**
   * Every event logged at or after `at`, in order, streamed (what the survey's window must know); only those of
   * `types` when given.
   */
  streamSince(at: number, types?: readonly string[]): IterableIterator<EventEnvelope> {
    const only = types ? ` AND type IN (${types.map(() => '?').join(', ')})` : '';
    const rows = this.db
      .prepare(`SELECT seq, at, payload FROM events WHERE at >= ?${only} ORDER BY seq`)
      .iterate(at, ...(types ?? [])) as IterableIterator<EventRow>;
    return mapIterator(rows, toEnvelope);
  }

  /**
   * What an IKM report of the hall days `from`…`to` reads, streamed in order: the period's issued, transferred
   * and finished tickets and their visits' legs (its visitors), the survey responses logged up to `answerDays` after it (a visit
   * is rated within the window, after its day), and every follow-up plan (the newest record of a plan wins).
   */
  streamSurveyPeriod(from: string, to: string, answerDays: number): IterableIterator<EventEnvelope> {
    const rows = this.db
      .prepare(
        `SELECT seq, at, payload FROM events
         WHERE (type IN ('TicketIssued', 'TicketTransferred', 'TicketFinished', 'VisitLegAdded', 'VisitRouted')
                AND day BETWEEN ? AND ?)
            OR (type = 'SurveyAnswered' AND day BETWEEN ? AND date(?, ?))
            OR type = 'SurveyFollowUpRecorded'
         ORDER BY seq`,
      )
      .iterate(from, to, from, to, `+${Math.ceil(answerDays)} days`) as IterableIterator<EventRow>;
    return mapIterator(rows, toEnvelope);
  }

  /** Forgets answers to commands older than `before`: a retry comes within seconds, not days. */
  pruneReplies(before: number): void {
    this.db.prepare('DELETE FROM command_replies WHERE at < ?').run(before);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

interface EventRow {
  seq: number;
  at: number;
  payload: string;
}

function* mapIterator<A, B>(items: Iterable<A>, f: (a: A) => B): IterableIterator<B> {
  for (const a of items) yield f(a);
}

/**
 * A reply as the store keeps it: an accepted command's events are in the log already, under their own
 * numbers, so its reply names their range (`eventSeqs`) instead of holding a second copy of each (half the
 * bytes each command writes). Replies logged before this hold their events, and are read back as they are.
 */
function storedReply(reply: StoredReply, events: readonly EventEnvelope[]): object {
  if (!('events' in reply) || reply.events !== events || events.length === 0) return reply;
  const { events: _inLog, ...rest } = reply;
  return { ...rest, eventSeqs: [events[0]?.seq, events.at(-1)?.seq] };
}

function toEnvelope(row: EventRow): EventEnvelope {
  return { seq: row.seq, at: row.at, event: JSON.parse(row.payload) as DomainEvent };
}
