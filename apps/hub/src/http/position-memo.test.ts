import { describe, expect, it } from 'vitest';
import { ticketPosition } from '@antre/shared';
import { TestQueue, testHall } from '@antre/shared/testing';
import { PositionMemo } from './position-memo.js';

const MON_0800 = Date.parse('2026-03-02T08:00:00+07:00');

describe('the positions shared by a refresh of every status page', () => {
  it('are computed once per moment of the day, and again once the day or the config moves on', () => {
    const q = new TestQueue(testHall(), MON_0800).open('c1');
    const tickets = [q.issue('ktp'), q.issue('ktp'), q.issue('kk')];
    const memo = new PositionMemo();
    expect(memo.fresh(q.state, q.config, q.now)).toBeUndefined();
    const first = memo.of(q.state, q.config, q.now);
    expect(memo.fresh(q.state, q.config, q.now)).toBe(first);
    expect(memo.of(q.state, q.config, q.now + 1_000)).toBe(first);
    for (const t of tickets) expect(first.get(t.id)).toEqual(ticketPosition(q.state, q.config, t.id, q.now));

    // A call: a new event, new places.
    q.must({ type: 'callNext', counterId: 'c1' });
    expect(memo.fresh(q.state, q.config, q.now)).toBeUndefined();
    const after = memo.of(q.state, q.config, q.now);
    expect(after).not.toBe(first);
    expect(after.get(tickets[0]?.id ?? '')).toBeUndefined();
    expect(after.get(tickets[1]?.id ?? '')).toEqual(
      ticketPosition(q.state, q.config, tickets[1]?.id ?? '', q.now),
    );
    // The clock moves on (the estimate reads it), and a new config.
    expect(memo.of(q.state, q.config, q.now + 10_000)).not.toBe(after);
    const later = memo.of(q.state, q.config, q.now + 10_000);
    expect(memo.of(q.state, { ...q.config }, q.now + 10_000)).not.toBe(later);
  });
});
