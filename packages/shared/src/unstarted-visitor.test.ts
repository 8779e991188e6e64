import { describe, expect, it } from 'vitest';
import { TestQueue, testHall } from './testing/test-hall.js';
import { unstartedVisitor } from './unstarted-visitor.js';

const MON_0800 = Date.parse('2026-03-02T08:00:00+07:00');

describe('a visitor called but never started', () => {
  it('is named while only called, and no longer once started, finished or back in the queue', () => {
    const q = new TestQueue(testHall(), MON_0800).open('c1');
    const t = q.issue('ktp');
    expect(unstartedVisitor(q.ticket(t.id))).toBeUndefined();
    q.must({ type: 'callNext', counterId: 'c1' });
    expect(unstartedVisitor(q.ticket(t.id))).toMatchObject({
      code: 'VISITOR_NOT_STARTED',
      details: { ticket: 'A-001' },
    });
    q.must({ type: 'startServing', counterId: 'c1' });
    expect(unstartedVisitor(q.ticket(t.id))).toBeUndefined();
    q.must({ type: 'finish', counterId: 'c1' });
    expect(unstartedVisitor(q.ticket(t.id))).toBeUndefined();
  });

  it('is the same refusal call next gives without saying what happened', () => {
    const q = new TestQueue(testHall(), MON_0800).open('c1');
    const t = q.issue('ktp');
    q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    const decision = q.run({ type: 'callNext', counterId: 'c1' });
    expect(decision.ok).toBe(false);
    if (!decision.ok) expect(decision.error).toEqual(unstartedVisitor(q.ticket(t.id)));
  });
});
