import { describe, expect, it } from 'vitest';
import type { Principal } from './access-policy.js';
import { commandVerdict } from './command-verdict.js';
import { commandSchema } from './commands.js';
import type { CommandInput } from './commands.js';
import { TestQueue, testHall } from './testing/test-hall.js';

const NINE = Date.UTC(2026, 2, 2, 2, 0);
const staff = (username: string, agencyId: string): Principal => ({
  kind: 'staff',
  staff: { username, name: username, role: 'staff', agencyId },
});
const DUKCAPIL = staff('dukcapil1', 'disdukcapil');
const IMIGRASI = staff('imigrasi1', 'imigrasi');

function verdictOf(q: TestQueue, principal: Principal, input: CommandInput): string {
  const before = structuredClone(q.state.snapshot());
  const refusal = commandVerdict(principal, commandSchema.parse(input), {
    config: q.config,
    day: q.state,
    now: q.now,
  });
  // A dry run: nothing changes, whatever the answer.
  expect(q.state.snapshot()).toEqual(before);
  return refusal?.code ?? 'accepted';
}

describe('commandVerdict', () => {
  it('answers as the hub would: the policy first, then the queue rules', () => {
    const q = new TestQueue(testHall(), NINE).open('c1');
    q.issue('ktp');
    expect(verdictOf(q, IMIGRASI, { type: 'callNext', counterId: 'c1' })).toBe('FORBIDDEN');
    expect(verdictOf(q, DUKCAPIL, { type: 'callNext', counterId: 'c1' })).toBe('accepted');
    expect(verdictOf(q, DUKCAPIL, { type: 'callNext', counterId: 'c2' })).toBe('COUNTER_NOT_OPEN');
    expect(verdictOf(q, DUKCAPIL, { type: 'recall', counterId: 'c1' })).toBe('NO_CURRENT_TICKET');
    expect(verdictOf(q, { kind: 'display', displayId: 'd1' }, { type: 'closeDay' })).toBe('FORBIDDEN');
    expect(verdictOf(q, { kind: 'public' }, { type: 'closeDay' })).toBe('UNAUTHENTICATED');
  });

  it('matches what the engine then does with the command', () => {
    const q = new TestQueue(testHall(), NINE).open('c1');
    q.issue('ktp');
    q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    expect(verdictOf(q, DUKCAPIL, { type: 'callNext', counterId: 'c1' })).toBe('VISITOR_NOT_STARTED');
    expect(q.run({ type: 'callNext', counterId: 'c1' }).ok).toBe(false);
    expect(verdictOf(q, DUKCAPIL, { type: 'callNext', counterId: 'c1', previous: 'served' })).toBe(
      'accepted',
    );
    expect(q.run({ type: 'callNext', counterId: 'c1', previous: 'served' }).ok).toBe(true);
  });
});
