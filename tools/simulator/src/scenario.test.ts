import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, checkAgainstHall, counterPlans, dayWindow, loadHall } from './day-plan.js';
import { Rng, poissonArrivals, sample } from './distributions.js';
import { clockOf } from './hall-time.js';
import { ScenarioError, loadScenario, parseScenario, soakScenario } from './scenario.js';
import { generateVisitors } from './visitors.js';

const FILE = `${REPO_ROOT}tools/simulator/scenarios/demo-hall-day.json`;
const raw = () => JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>;

describe('the demo hall scenario', () => {
  it('is valid against the demo hall and staffs every counter', async () => {
    const scenario = loadScenario(FILE);
    const hall = await loadHall(scenario);
    const plans = counterPlans(scenario, hall, new Rng(1));
    expect(plans).toHaveLength(hall.config.counters.length);
    expect(plans.find((p) => p.counterId === 'loket-10')?.openAt).toBeGreaterThan(
      plans[0]?.openAt ?? Infinity,
    );
    expect(checkAgainstHall(soakScenario(scenario), hall.config, hall.pins)).toEqual([]);
  });

  it('draws the same visitors from the same seed, peaking in the morning', async () => {
    const scenario = loadScenario(FILE);
    const hall = await loadHall(scenario);
    const window = dayWindow(scenario, hall.config);
    const draw = (seed: number) =>
      generateVisitors(scenario, hall.config, window, new Rng(seed).fork('visitors'));
    const a = draw(scenario.seed);
    expect(draw(scenario.seed)).toEqual(a);
    expect(draw(scenario.seed + 1)).not.toEqual(a);
    expect(a.length).toBeGreaterThan(600);
    expect(a.length).toBeLessThan(900);
    const hour = (h: string) => a.filter((v) => clockOf(v.arrivedAt, 'Asia/Jakarta').startsWith(h)).length;
    expect(hour('10')).toBeGreaterThan(2 * hour('14'));
    // Nobody takes a ticket during the break: they wait for 13:00.
    expect(a.filter((v) => clockOf(v.kioskAt, 'Asia/Jakarta').startsWith('12'))).toEqual([]);
  });
});

describe('scenario validation', () => {
  it('lists every problem with its path', () => {
    const bad = { ...raw(), speed: -1, start: '25:00', kiosks: {} };
    expect(() => parseScenario(bad, 'bad.json')).toThrow(ScenarioError);
    try {
      parseScenario(bad, 'bad.json');
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toMatch(/^scenario bad\.json is not valid:/);
      expect(message).toContain('speed:');
      expect(message).toContain('start: a time of day, HH:MM');
      expect(message).toContain('kiosks: at least one kiosk');
    }
  });

  it('names references the hall does not have', async () => {
    const scenario = loadScenario(FILE);
    const hall = await loadHall(scenario);
    const wrong = parseScenario({
      ...raw(),
      services: {
        ...scenario.services,
        'no-such': scenario.services['skck'],
        skck: { ...scenario.services['skck'], transfer: { probability: 0.1, to: ['skck'] } },
      },
      counters: { 'loket-99': {}, 'loket-2': { staff: 'polres1' } },
    });
    expect(checkAgainstHall(wrong, hall.config, hall.pins)).toEqual([
      'services.skck.transfer.to: a service cannot transfer to itself',
      'services.no-such: no such service in the hall config',
      'counters.loket-99: no such counter in the hall config',
      'counters.loket-2.staff: polres1 works for polres, not disdukcapil',
    ]);
  });
});

describe('distributions', () => {
  it('draws lognormal times with the asked mean, and Poisson arrivals at the asked rate', () => {
    const rng = new Rng(42);
    const times = Array.from({ length: 20_000 }, () => sample(rng, { kind: 'lognormal', mean: 10, cv: 0.5 }));
    expect(times.reduce((a, b) => a + b, 0) / times.length).toBeCloseTo(10, 0);
    const arrivals = poissonArrivals(rng, [{ from: 0, to: 100 * 3_600_000, perHour: 30 }]);
    expect(arrivals.length).toBeGreaterThan(2800);
    expect(arrivals.length).toBeLessThan(3200);
  });
});
