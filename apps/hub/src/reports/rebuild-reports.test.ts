import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Projector } from '@antre/reporting';
import { fixtureDay } from '@antre/reporting/testing';
import { EventStore } from '../store/event-store.js';
import { REPORTS_FILE } from './hub-reports.js';
import { rebuildReports } from './rebuild-reports.js';
import { SqliteReportStore } from './sqlite-report-store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'antre-rebuild-'));
  dirs.push(dir);
  return dir;
}

const TABLES = ['visits', 'visit_transactions', 'counter_sessions', 'leg_stats', 'visit_stats', 'slot_stats'];
const dump = (s: SqliteReportStore) =>
  TABLES.map((t) =>
    s.db
      .prepare(`SELECT * FROM ${t}`)
      .all()
      .map((r) => JSON.stringify(r, (_k, v: unknown) => (v instanceof Uint8Array ? [...v] : v)))
      .sort(),
  );

describe('rebuildReports (npm run reports:rebuild)', () => {
  const { config, log } = fixtureDay();

  /** The fixture day written into a hub's log, with who made each event. */
  function dataDirWithLog(): string {
    const dir = tempDir();
    const store = new EventStore(join(dir, 'antre.sqlite'), 'OFF');
    store.commit(
      log.map((e) => ({
        day: '2026-11-30',
        at: e.at,
        events: [{ seq: e.seq, at: e.at, event: e.event }],
        ...(e.actor === undefined ? {} : { actor: e.actor }),
      })),
    );
    store.close();
    return dir;
  }

  it('projects the whole log anew: the tables equal the live projection, also over a damaged file', async () => {
    const dir = dataDirWithLog();
    const live = new SqliteReportStore(join(tempDir(), 'reports.sqlite'));
    const projector = new Projector(live, config, { logId: 'live', eventsAfter: () => [] });
    await projector.start();
    for (const e of log) projector.push([e]);
    await projector.settled();

    const first = await rebuildReports(dir, config, 7);
    expect(first.events).toBe(log.length);
    // Tables of the first rebuild emptied by hand: a second rebuild starts from the log, not from them.
    const damaged = new SqliteReportStore(join(dir, REPORTS_FILE));
    damaged.db.exec('DELETE FROM visits; DELETE FROM leg_stats');
    damaged.close();
    const second = await rebuildReports(dir, config);
    expect(second).toMatchObject({
      events: log.length,
      visits: first.visits,
      transactions: first.transactions,
    });
    expect(first.visits).toBeGreaterThan(0);

    const rebuilt = new SqliteReportStore(join(dir, REPORTS_FILE));
    expect(dump(rebuilt)).toEqual(dump(live));
    rebuilt.close();
    live.close();
  });

  it('refuses a folder without a log, and creates nothing there', async () => {
    const dir = tempDir();
    await expect(rebuildReports(dir, config)).rejects.toThrow(/no event log/);
    expect(existsSync(join(dir, 'antre.sqlite'))).toBe(false);
    expect(existsSync(join(dir, REPORTS_FILE))).toBe(false);
  });
});
