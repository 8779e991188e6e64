import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Actor } from '@antre/shared';
import { QueueDay, decide } from '@antre/shared';
import type { Durability } from '@antre/hub';
import type { BenchHall } from './bench-hall.js';
import { removeDir, tempDir } from './bench-hall.js';
import { MONDAY_9AM_WIB } from '@antre/hub/testing';

export interface IssueBaseline {
  durability: Durability;
  perSecond: number;
  rows: number;
  payloadBytes: number;
  /** The separate runs this one averages (see `meanBaseline`). */
  runs: number[];
}

const MAX_ROWS = 1_000_000;

/**
 * What the disk allows: one row per transaction into a table shaped like the hub's event log, with a
 * real TicketIssued event as its JSON payload, under the hub's pragmas (WAL, the same `synchronous`).
 */
export function issueBaseline(hall: BenchHall, durability: Durability, durationMs = 2500): IssueBaseline {
  const dir = tempDir('sqlite');
  const db = new Database(join(dir, 'baseline.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${durability}`);
    db.exec(`CREATE TABLE events (
      seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, day TEXT NOT NULL, type TEXT NOT NULL,
      command_id TEXT, payload TEXT NOT NULL) STRICT;
      CREATE INDEX events_type ON events(type);`);
    const insert = db.prepare(
      'INSERT INTO events (seq, at, day, type, command_id, payload) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const payload = JSON.stringify(sampleIssue(hall));
    const write = db.transaction((seq: number) => {
      insert.run(seq, MONDAY_9AM_WIB, '2026-11-30', 'TicketIssued', crypto.randomUUID(), payload);
    });
    let rows = 0;
    const t0 = performance.now();
    while (rows < MAX_ROWS && performance.now() - t0 < durationMs) {
      rows += 1;
      write(rows);
    }
    const seconds = (performance.now() - t0) / 1000;
    const perSecond = rows / seconds;
    return { durability, perSecond, rows, payloadBytes: Buffer.byteLength(payload), runs: [perSecond] };
  } finally {
    db.close();
    removeDir(dir);
  }
}

/** Runs taken between the hub's windows, averaged: the disk of a shared machine drifts. */
export function meanBaseline(runs: readonly IssueBaseline[]): IssueBaseline {
  const first = runs[0];
  if (!first) throw new Error('no baseline runs');
  return {
    ...first,
    perSecond: runs.reduce((a, r) => a + r.perSecond, 0) / runs.length,
    rows: runs.reduce((a, r) => a + r.rows, 0),
    runs: runs.map((r) => r.perSecond),
  };
}

/** A TicketIssued event exactly as the engine makes it for a kiosk. */
function sampleIssue(hall: BenchHall): unknown {
  const state = QueueDay.empty(hall.config, '2026-11-30');
  const actor: Actor = { kind: 'kiosk', kioskId: 'kiosk-1' };
  const serviceId = hall.openServiceIds[0] ?? '';
  const ctx = { config: hall.config, now: MONDAY_9AM_WIB, actor, newId: () => crypto.randomUUID() };
  const decision = decide(state, { type: 'issueTicket', serviceId, priority: 'none' }, ctx);
  if (!decision.ok) throw new Error(`sample issue refused: ${decision.error.code}`);
  return decision.events[0];
}
