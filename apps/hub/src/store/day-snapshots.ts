import type Database from 'better-sqlite3';

/**
 * The shape of a snapshot's `state` (2: a packed day, `day-snapshot-codec.ts`; 1 was a `QueueSnapshot` as JSON).
 * Raise it when the packed form or `QueueSnapshot` changes shape: a restart then ignores the older snapshots
 * and replays the log, which every version can read.
 */
export const DAY_SNAPSHOT_FORMAT = 2;

/** One stored snapshot of the hall day, as the table holds it. */
export interface StoredDaySnapshot {
  /** The sequence number of the last event the snapshot includes. */
  seq: number;
  day: string;
  at: number;
  format: number;
  state: Uint8Array;
  /** The survey's ledger at the same event (`survey-snapshot-codec.ts`), when the hub keeps one. */
  survey?: Uint8Array | undefined;
}

/** The survey's ledger as the newest snapshot that holds one keeps it. */
export interface StoredSurveySnapshot {
  seq: number;
  format: number;
  survey: Uint8Array;
}

/** The `day_snapshots` table: the newest snapshot is all a restart needs, so saving one drops the older. */
export class DaySnapshots {
  private readonly insert: Database.Statement<
    [number, string, number, number, Uint8Array, Uint8Array | null]
  >;
  private readonly dropBefore: Database.Statement<[number]>;
  private readonly selectLatest: Database.Statement<[number], StoredDaySnapshot>;
  private readonly selectSurvey: Database.Statement<[], StoredSurveySnapshot>;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(
      'INSERT OR REPLACE INTO day_snapshots (seq, day, at, format, state, survey) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.dropBefore = db.prepare('DELETE FROM day_snapshots WHERE seq < ?');
    this.selectLatest = db.prepare(
      'SELECT seq, day, at, format, state FROM day_snapshots WHERE seq > ? ORDER BY seq DESC LIMIT 1',
    );
    this.selectSurvey = db.prepare(
      'SELECT seq, format, survey FROM day_snapshots WHERE survey IS NOT NULL ORDER BY seq DESC LIMIT 1',
    );
  }

  /** Stores one whole snapshot and drops the older ones, in one transaction: all of it, or nothing. */
  save(snapshot: StoredDaySnapshot): void {
    this.db.transaction(() => {
      this.insert.run(
        snapshot.seq,
        snapshot.day,
        snapshot.at,
        snapshot.format,
        snapshot.state,
        snapshot.survey ?? null,
      );
      this.dropBefore.run(snapshot.seq);
    })();
  }

  /** The newest snapshot taken after event `afterSeq` (the day's start), if any. */
  latestAfter(afterSeq: number): StoredDaySnapshot | undefined {
    return this.selectLatest.get(afterSeq);
  }

  /** The survey's ledger of the newest snapshot that holds one (of any day: the ledger spans days), if any. */
  latestSurvey(): StoredSurveySnapshot | undefined {
    return this.selectSurvey.get();
  }
}
