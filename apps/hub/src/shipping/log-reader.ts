import type Database from 'better-sqlite3';
import type { ShippedEvent } from '@antre/shared';

interface Row {
  seq: number;
  at: number;
  day: string;
  type: string;
  command_id: string | null;
  actor: string | null;
  payload: string;
}

/** Reads the hall's log rows as they are shipped: every column a restore needs, the payload as stored. */
export class LogReader {
  private readonly after: Database.Statement<[number, number], Row>;
  private readonly atOf: Database.Statement<[number], { at: number }>;
  private readonly last: Database.Statement<[], { seq: number | null }>;
  private readonly seed: Database.Statement<[], { at: number; config: string }>;

  constructor(db: Database.Database) {
    this.after = db.prepare(
      'SELECT seq, at, day, type, command_id, actor, payload FROM events WHERE seq > ? ORDER BY seq LIMIT ?',
    );
    this.atOf = db.prepare('SELECT at FROM events WHERE seq = ?');
    this.last = db.prepare('SELECT MAX(seq) AS seq FROM events');
    this.seed = db.prepare('SELECT at, config FROM config_seed WHERE id = 1');
  }

  eventsAfter(seq: number, limit: number): ShippedEvent[] {
    return this.after.all(seq, limit).map((r) => ({
      seq: r.seq,
      at: r.at,
      day: r.day,
      type: r.type,
      commandId: r.command_id,
      actor: r.actor,
      payload: r.payload,
    }));
  }

  /** When the event `seq` was logged, if it is in the log. */
  loggedAt(seq: number): number | undefined {
    return this.atOf.get(seq)?.at;
  }

  /** The config the log started from, with its time: a restore writes it back as it was. */
  configSeed(): { at: number; config: string } | null {
    return this.seed.get() ?? null;
  }

  lastSeq(): number {
    return this.last.get()?.seq ?? 0;
  }
}
