import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubConnection } from '@antre/client';
import type { Principal } from '@antre/shared';
import type { TestHub } from '@antre/hub/testing';
import { connect, demoHall, signIn, startTestHub, waitFor } from '@antre/hub/testing';
import { REPORTS_FILE } from './hub-reports.js';
import { rebuildReports } from './rebuild-reports.js';

/**
 * The reports' projection runs in a thread of its own: reports asked over HTTP right after a command count it,
 * a thread that dies is started again and resumes from its watermark (nothing lost, nothing counted twice), a
 * stopping hub writes the log's last events first, and what the thread wrote live equals a rebuild.
 */

const SUPERVISOR: Principal = {
  kind: 'staff',
  staff: { username: 'supervisor', name: 'Supervisor', role: 'supervisor' },
};
const TABLES = ['visits', 'visit_transactions', 'counter_sessions', 'leg_stats', 'visit_stats', 'slot_stats'];

let hub: TestHub;
let token: string;
let conn: HubConnection | undefined;
let n = 0;

beforeAll(async () => {
  const demo = await demoHall();
  hub = await startTestHub({ config: demo.config });
  conn = connect(hub.url);
  await waitFor(conn, () => conn?.status === 'online');
  token = await signIn(conn, 'supervisor', demo.pins.get('supervisor') ?? '');
});

afterAll(async () => {
  conn?.close();
  await hub?.dispose();
});

function issue(count: number): void {
  const serviceId = hub.service.config.services[0]?.id ?? '';
  for (let i = 0; i < count; i++) {
    const reply = hub.service.execute(SUPERVISOR, `projection-thread-${++n}`, {
      type: 'issueTicket',
      serviceId,
    });
    if (!reply.ok) throw new Error(`issue refused: ${reply.error.code}`);
  }
}

/** Today's visits as the summary report over HTTP counts them. */
async function visitsReported(): Promise<number> {
  const res = await fetch(`${hub.url}/api/reports/summary?period=day`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { tables: Array<{ rows: Array<Record<string, unknown>> }> };
  return Number(body.tables[0]?.rows.find((r) => r['key'] === 'visits')?.['value']);
}

/** The reporting tables of `dir`, row by row, and the seq they were written up to. */
function tables(dir: string): { seq: number; rows: string[][] } {
  const db = new Database(join(dir, REPORTS_FILE), { readonly: true });
  try {
    const meta = db.prepare("SELECT value FROM meta WHERE key = 'last_seq'").get() as { value: string };
    const rows = TABLES.map((t) =>
      db
        .prepare(`SELECT * FROM ${t}`)
        .all()
        .map((r) => JSON.stringify(r, (_k, v: unknown) => (v instanceof Uint8Array ? [...v] : v)))
        .sort(),
    );
    return { seq: Number(meta.value), rows };
  } finally {
    db.close();
  }
}

describe('the reports projection thread', () => {
  it('counts a ticket in a report asked for right after it was issued', async () => {
    const before = await visitsReported();
    issue(1);
    // No wait of any kind: the report waits for the thread to reach the log's last seq.
    expect(await visitsReported()).toBe(before + 1);
    issue(2);
    expect(await visitsReported()).toBe(before + 3);
  });

  it('is started again when it dies, and resumes from its watermark: nothing lost, nothing twice', async () => {
    await hub.reports.ready();
    const before = await visitsReported();
    const first = hub.reports.thread;
    expect(first).toBeDefined();
    issue(3);
    // Dies with three tickets told but not written (the thread waits a moment to write them together).
    await first?.terminate();
    issue(2);
    expect(await visitsReported()).toBe(before + 5);
    const second = hub.reports.thread;
    expect(second).toBeDefined();
    expect(second?.threadId).not.toBe(first?.threadId);

    // Dies again right after writing: the restarted thread must not apply those events a second time.
    issue(1);
    await hub.reports.ready();
    await second?.terminate();
    expect(await visitsReported()).toBe(before + 6);
    expect(hub.reports.thread?.threadId).not.toBe(second?.threadId);
  });

  it('writes the log to its end when the hub stops, and what it wrote live equals a rebuild', async () => {
    issue(2);
    await hub.reports.ready();
    // Stopping while the thread is down (waiting to be started again) and two tickets are not written.
    await hub.reports.thread?.terminate();
    issue(2);
    const lastSeq = hub.store.lastSeq();
    await hub.close();
    const live = tables(hub.dataDir);
    expect(live.seq).toBe(lastSeq);
    expect(live.rows[0]?.length).toBe(n);

    await rebuildReports(hub.dataDir, hub.options.config);
    const rebuilt = tables(hub.dataDir);
    expect(rebuilt).toEqual(live);
    hub = await hub.restart();
  });
});
