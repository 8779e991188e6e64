import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CentralTestEnv } from '@antre/central/testing';
import { centralTestEnv } from '@antre/central/testing';
import { formatCentralReport, runCentralScenario } from './central-scenario.js';
import { REPO_ROOT } from './day-plan.js';
import { loadScenario, parseScenario } from './scenario.js';

const env = centralTestEnv();
const out = mkdtempSync(join(tmpdir(), 'antre-sim-central-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/**
 * The CI version of `npm run simulate -- --central`: three halls' mornings (07:45–11:00 of the demo day, few
 * visitors, 400×) shipping to one central node, the second hall's WAN cut from 08:30 for two hall-hours.
 */
describe.skipIf(!env)('three halls shipping to the centre, one of them cut off for two hall-hours', () => {
  it("keeps every hall's central log equal to its local log, and reports the lag and the catch-up", async () => {
    const base = loadScenario(join(REPO_ROOT, 'tools/simulator/scenarios/demo-hall-day.json'));
    const scenario = parseScenario({ ...base, name: 'ci-central', end: '11:00', speed: 400, scale: 0.15 });
    const report = await runCentralScenario({
      scenario,
      env: env as CentralTestEnv,
      outDir: out,
      outageAfterMinutes: 45,
      outageHours: 2,
    });

    console.log(formatCentralReport(report));
    expect(report.failures).toEqual([]);
    expect(report.halls.map((h) => h.equal)).toEqual([true, true, true]);
    for (const h of report.halls) {
      expect(h.localEvents).toBeGreaterThan(50);
      expect(h.centralEvents).toBe(h.localEvents);
      expect(h.samples).toBeGreaterThan(10);
    }
    const outage = report.outage;
    expect(outage?.hallId).toBe('mpp-bukittinggi');
    expect(outage?.behindEvents).toBeGreaterThan(5);
    // The oldest event the centre lacked at the restore was logged in the outage (or just before it).
    expect(outage?.lagAtRestoreHallMin).toBeGreaterThan(30);
    expect(outage?.catchUpRealMs).toBeGreaterThan(0);
  }, 240_000);
});
