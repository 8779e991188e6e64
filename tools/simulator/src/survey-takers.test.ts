import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Principal } from '@antre/shared';
import type { TestHub } from '@antre/hub/testing';
import { demoHall, startTestHub } from '@antre/hub/testing';
import { Rng } from './distributions.js';
import { SurveyTakers, surveyLineOf } from './survey-takers.js';

const SUPERVISOR: Principal = {
  kind: 'staff',
  staff: { username: 'supervisor', name: 'Supervisor', role: 'supervisor' },
};
let hub: TestHub;
let n = 0;

function run(command: Record<string, unknown>) {
  const reply = hub.service.execute(SUPERVISOR, `takers-${++n}`, command);
  if (!reply.ok) throw new Error(`${String(command['type'])}: ${reply.error.code}`);
}

function finishOne(): void {
  run({ type: 'issueTicket', serviceId: 'kartu-keluarga' });
  run({ type: 'callNext', counterId: 'loket-4' });
  run({ type: 'finish', counterId: 'loket-4' });
}

beforeEach(async () => {
  hub = await startTestHub({ config: (await demoHall()).config });
  run({ type: 'setCounterStatus', counterId: 'loket-4', status: 'open' });
});

afterEach(async () => {
  await hub.dispose();
});

describe('simulated survey takers', () => {
  it("answer on the counter screen's offer with its key, and the hub's index counts them", async () => {
    // Everyone answers 4: the index is 100, an A.
    const takers = new SurveyTakers(hub.url, { share: 1, answers: [0, 0, 0, 1] }, new Rng(7));
    for (let i = 0; i < 3; i++) {
      finishOne();
      takers.afterFinish('loket-4');
      // One at a time, as visitors at one counter: the screen offers the visit that ended last.
      await takers.figures('2026-11');
    }
    const figures = await takers.figures('2026-11');
    expect(figures).toMatchObject({ share: 1, asked: 3, answered: 3, failed: {} });
    expect(figures.ikm).toEqual({ respondents: 3, ikm: 100, grade: 'A', sampleNeeded: 3 });
    expect(surveyLineOf(figures)).toContain('IKM 100.00 (A)');
  });

  it('asks nobody at share 0, and counts a visit already rated as not taken', async () => {
    const none = new SurveyTakers(hub.url, { share: 0, answers: [0, 0, 1, 0] }, new Rng(7));
    finishOne();
    none.afterFinish('loket-4');
    expect(await none.figures('2026-11')).toMatchObject({ asked: 0, answered: 0, ikm: undefined });

    const twice = new SurveyTakers(hub.url, { share: 1, answers: [0, 0, 1, 0] }, new Rng(7));
    twice.afterFinish('loket-4');
    await twice.figures('2026-11');
    twice.afterFinish('loket-4');
    const figures = await twice.figures('2026-11');
    expect(figures).toMatchObject({ asked: 2, answered: 1, failed: { 'no-offer': 1 } });
    expect(figures.ikm?.ikm).toBe(75);
  });
});
