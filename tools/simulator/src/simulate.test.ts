import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { REPO_ROOT } from './day-plan.js';
import { loadScenario, parseScenario } from './scenario.js';
import { runSimulation } from './simulation.js';

const out = mkdtempSync(join(tmpdir(), 'antre-sim-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/**
 * The CI version of `npm run simulate -- --faults`: a hall morning (07:45–10:00) of the demo scenario at
 * 400× with fewer visitors, the hub killed with SIGKILL once, a kiosk cut off for 15 minutes (it issues
 * from its leases), counters and a display dropping, and a hostile client fuzzing the contract.
 */
it('keeps every invariant through a hall morning with a hub kill, a kiosk outage, drops and fuzzing', async () => {
  const base = loadScenario(join(REPO_ROOT, 'tools/simulator/scenarios/demo-hall-day.json'));
  const scenario = parseScenario({
    ...base,
    name: 'ci-morning',
    end: '10:00',
    speed: 400,
    scale: 0.6,
    faults: {
      hubKills: ['09:00'],
      hubRestartDelaySeconds: 30,
      kioskOutages: [{ kiosk: 'kiosk-1', at: '08:25', minutes: 15 }],
      counterDrops: { count: 3, minMinutes: 1, maxMinutes: 5 },
      displayDrops: [{ display: 'layar-lantai-2', at: '08:50', minutes: 15 }],
      fuzz: { from: '08:05', to: '09:50', everyMinutes: 35 },
    },
  });
  const { report } = await runSimulation({ scenario, faults: true, soak: false, outDir: out });

  expect(report.invariants.filter((i) => !i.ok)).toEqual([]);
  expect(report.invariants.map((i) => i.name)).toContain('each bad message got an error code');
  expect(report.metrics.total.issued).toBeGreaterThan(100);
  expect(report.metrics.total.served).toBeGreaterThan(50);
  expect(report.run.hubRestarts).toHaveLength(1);
  expect(report.kiosks.find((k) => k.kioskId === 'kiosk-1')?.offline).toBeGreaterThan(0);
  expect(report.fuzz?.messages).toBeGreaterThan(500);
  for (const file of ['report.json', 'report.txt', 'wait-distribution.svg', 'queue-length.svg']) {
    expect(readFileSync(join(out, file), 'utf8').length).toBeGreaterThan(100);
  }
}, 120_000);
