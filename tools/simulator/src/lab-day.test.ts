import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, counterPlans, dayWindow, loadHall } from './day-plan.js';
import { Rng } from './distributions.js';
import { LabDay } from './lab-day.js';
import { loadScenario } from './scenario.js';

async function start(name: string): Promise<LabDay> {
  const scenario = loadScenario(resolve(REPO_ROOT, `tools/simulator/scenarios/${name}.json`));
  const { config, pins } = await loadHall(scenario);
  const plans = counterPlans(scenario, { config, pins }, new Rng(scenario.seed).fork('counters'));
  return LabDay.start(scenario, config, dayWindow(scenario, config), plans);
}

const untilTen = (lab: LabDay) => {
  while (new Date(lab.now).getUTCHours() < 3) lab.step();
};

describe('a lab day and its forks', () => {
  it('plays the same day for the same seed, whether or not forks were played from it meanwhile', async () => {
    const plain = await start('demo-hall-day');
    const forked = await start('demo-hall-day');
    untilTen(plain);
    untilTen(forked);
    const futures = [1, 2].map((i) => forked.fork(new Rng(i)));
    for (const f of futures) while (!f.over) f.step();
    while (!plain.over) plain.step();
    while (!forked.over) forked.step();
    expect(forked.day.snapshot()).toEqual(plain.day.snapshot());
    expect([...forked.firstCall]).toEqual([...plain.firstCall]);
  });

  it('a fork keeps what happened and draws its own future: another seed, another afternoon', async () => {
    const lab = await start('demo-hall-day');
    untilTen(lab);
    const before = lab.day.allTickets().map((t) => t.id);
    const [a, b] = [11, 12].map((i) => lab.fork(new Rng(i)));
    if (!a || !b) throw new Error('two forks');
    for (const f of [a, b]) while (!f.over) f.step();
    for (const f of [a, b]) {
      expect(
        f.day
          .allTickets()
          .slice(0, before.length)
          .map((t) => t.id),
      ).toEqual(before);
      expect(f.day.allTickets().length).toBeGreaterThan(before.length);
      // The afternoon's visitors come and are called, as on a real day.
      const known = new Set(before);
      expect([...f.firstCall.keys()].filter((id) => !known.has(id)).length).toBeGreaterThan(50);
    }
    expect(
      a.day.allTickets().length === b.day.allTickets().length &&
        [...a.firstCall].join() === [...b.firstCall].join(),
    ).toBe(false);
  });
});
