import Database from 'better-sqlite3';
import type { CommandReply, DomainEvent, EventEnvelope } from '@antre/shared';
import { MIGRATIONS } from './migrations/index.js';
import { migrate } from './migrate.js';

/** `FULL` survives a power cut (fsync at every commit); `NORMAL` survives a process crash only. */
export type Durability = 'FULL' | 'NORMAL' | 'OFF';

export interface AppendBatch {
  commandId?: string;
  day: string;
  at: number;
  /** Sequence number of the first event: the caller knows the last one and the log has no gaps. */
  firstSeq: number;
  events: DomainEvent[];
}

export interface StoredDay {
  /** The hall day the log is in after its last `DayClosed`, or the day of its first event. */
  day: string | undefined;
  /** Events of that day, in order. */
  events: EventEnvelope[];
  lastSeq: number;
}

/** The SQLite event log: the hub's only durable state. All writes are synchronous and transactional. */
export class EventStore {
  readonly db: Database.Database;
  private readonly insertEvent: Database.Statement;
  private readonly insertReply: Database.Statement;
  private readonly selectReply: Database.Statement<[string], { reply: string }>;
  private readonly selectSince: Database.Statement<[number, number], EventRow>;

  constructor(file: string, durability: Durability = 'FULL') {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${durability}`);
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db, MIGRATIONS);
    this.insertEvent = this.db.prepare(
      'INSERT INTO events (seq, at, day, type, command_id, payload) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.insertReply = this.db.prepare('INSERT INTO command_replies (command_id, at, reply) VALUES (?, ?, ?)');
    this.selectReply = this.db.prepare('SELECT reply FROM command_replies WHERE command_id = ?');
    this.selectSince = this.db.prepare(
      'SELECT seq, at, payload FROM events WHERE seq > ? ORDER BY seq LIMIT ?',
    );
  }

  /** Appends a command's events and its reply in one transaction: both are durable, or neither. */
  append(batch: AppendBatch, reply?: CommandReply): EventEnvelope[] {
    const envelopes = batch.events.map((event, i) => ({ seq: batch.firstSeq + i, at: batch.at, event }));
    this.db.transaction(() => {
      for (const e of envelopes) {
        const day = e.event.type === 'DayClosed' ? e.event.day : batch.day;
        this.insertEvent.run(e.seq, e.at, day, e.event.type, batch.commandId ?? null, JSON.stringify(e.event));
      }
      if (batch.commandId !== undefined && reply !== undefined) {
        this.insertReply.run(batch.commandId, batch.at, JSON.stringify(reply));
      }
    })();
    return envelopes;
  }

  /** Records the answer to a refused command, so that a retry gets the same answer. */
  recordReply(commandId: string, at: number, reply: CommandReply): void {
    this.insertReply.run(commandId, at, JSON.stringify(reply));
  }

  findReply(commandId: string): CommandReply | undefined {
    const row = this.selectReply.get(commandId);
    return row ? (JSON.parse(row.reply) as CommandReply) : undefined;
  }

  /** Up to `limit` events after `seq`, in order. */
  eventsSince(seq: number, limit: number): EventEnvelope[] {
    return this.selectSince.all(seq, limit).map(toEnvelope);
  }

  lastSeq(): number {
    const row = this.db.prepare('SELECT MAX(seq) AS seq FROM events').get() as { seq: number | null };
    return row.seq ?? 0;
  }

  /** What a restart replays: the events since the last day close. Earlier days are history, kept for reports. */
  loadCurrentDay(): StoredDay {
    const lastClose = this.db
      .prepare("SELECT seq, payload FROM events WHERE type = 'DayClosed' ORDER BY seq DESC LIMIT 1")
      .get() as { seq: number; payload: string } | undefined;
    const fromSeq = lastClose?.seq ?? 0;
    let day: string | undefined;
    if (lastClose) {
      day = (JSON.parse(lastClose.payload) as Extract<DomainEvent, { type: 'DayClosed' }>).nextDay;
    } else {
      const first = this.db.prepare('SELECT day FROM events ORDER BY seq LIMIT 1').get() as { day: string } | undefined;
      day = first?.day;
    }
    const rows = this.db.prepare('SELECT seq, at, payload FROM events WHERE seq > ? ORDER BY seq').all(fromSeq) as EventRow[];
    return { day, events: rows.map(toEnvelope), lastSeq: rows.at(-1)?.seq ?? fromSeq };
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

function toEnvelope(row: EventRow): EventEnvelope {
  return { seq: row.seq, at: row.at, event: JSON.parse(row.payload) as DomainEvent };
}
