import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@antre/shared';
import { parseReportQuery, runReport } from '@antre/reporting';
import type { TestHub } from '@antre/hub/testing';
import { MONDAY_9AM_WIB, demoHall, startTestHub } from '@antre/hub/testing';

/**
 * The reports' projection runs after a command's turn (a short timer), not on its path, and reports stay live:
 * a report asked after `reports.ready()` has every event committed before.
 */

const SUPERVISOR: Principal = {
  kind: 'staff',
  staff: { username: 'supervisor', name: 'Supervisor', role: 'supervisor' },
};

let hub: TestHub;

beforeAll(async () => {
  const demo = await demoHall();
  hub = await startTestHub({ config: demo.config });
  await hub.reports.ready();
});

afterAll(async () => {
  await hub?.dispose();
});

/** Lets every promise callback queued so far run (and those they queue), but no I/O or timer phase. */
async function drainMicrotasks(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

async function transactionsOf(serviceId: string): Promise<number> {
  const query = parseReportQuery({ period: 'day', date: '2026-11-30' }, hub.service.config, '2026-11-30');
  const report = await runReport('services', {
    store: hub.reports.store,
    config: hub.service.config,
    query,
    now: MONDAY_9AM_WIB,
  });
  const row = report.tables[0]?.rows.find((r) => r['key'] === serviceId);
  return Number(row?.['transactions'] ?? 0);
}

describe('the reports projection, live', () => {
  it('writes after the commands of the turn, together, and a report then counts them', async () => {
    const serviceId = hub.service.config.services[0]?.id ?? '';
    const before = await transactionsOf(serviceId);
    const { seq: seqBefore } = await hub.reports.store.position();

    const replies = [1, 2, 3].map((i) =>
      hub.service.execute(SUPERVISOR, `live-projection-${i}`, { type: 'issueTicket', serviceId }),
    );
    expect(replies.every((r) => r.ok)).toBe(true);
    const lastSeq = hub.store.lastSeq();
    expect(lastSeq).toBeGreaterThan(seqBefore);
    // The command's turn is over and its promise callbacks have run: nothing is projected yet.
    await drainMicrotasks();
    expect((await hub.reports.store.position()).seq).toBe(seqBefore);

    await hub.reports.ready();
    expect((await hub.reports.store.position()).seq).toBe(lastSeq);
    expect(await transactionsOf(serviceId)).toBe(before + 3);
  });

  it('catches up by itself soon after, without anyone waiting for it', async () => {
    const serviceId = hub.service.config.services[0]?.id ?? '';
    const before = await transactionsOf(serviceId);
    const reply = hub.service.execute(SUPERVISOR, 'live-projection-4', { type: 'issueTicket', serviceId });
    expect(reply.ok).toBe(true);
    const lastSeq = hub.store.lastSeq();
    // Written with what else comes in the next moment (a timer), by itself: nothing here asks for it.
    await expect.poll(async () => (await hub.reports.store.position()).seq, { timeout: 5000 }).toBe(lastSeq);
    expect(await transactionsOf(serviceId)).toBe(before + 1);
  });
});
