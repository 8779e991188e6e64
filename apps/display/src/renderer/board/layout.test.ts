import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../feed/call-feed.js';
import { gridShape } from './grid-shape.js';
import { previousCalls } from './recent-calls.js';

describe('gridShape', () => {
  it('fills a landscape panel with wide tiles', () => {
    expect(gridShape(24, 900, 780)).toEqual({ columns: 4, rows: 6 });
    expect(gridShape(15, 900, 780)).toEqual({ columns: 3, rows: 5 });
    expect(gridShape(1, 900, 780)).toEqual({ columns: 1, rows: 1 });
  });

  it('uses more columns in a wide strip, as in portrait', () => {
    expect(gridShape(24, 1000, 500).columns).toBeGreaterThanOrEqual(5);
  });

  it('copes with nothing to lay out', () => {
    expect(gridShape(0, 900, 780)).toEqual({ columns: 1, rows: 1 });
    expect(gridShape(5, 0, 0)).toEqual({ columns: 1, rows: 1 });
  });
});

describe('previousCalls', () => {
  const call = (ticketId: string, index: number): CallRecord => ({
    key: `${ticketId}#${index}`,
    ticketId,
    displayNumber: ticketId.toUpperCase(),
    serviceId: 's',
    counterId: 'c',
    at: 0,
    recall: index > 0,
  });

  it('lists each ticket once, without the newest call, up to the limit', () => {
    const calls = [call('a', 1), call('b', 0), call('a', 0), call('c', 1), call('c', 0), call('d', 0)];
    expect(previousCalls(calls, 5).map((c) => c.key)).toEqual(['b#0', 'c#1', 'd#0']);
    expect(previousCalls(calls, 2).map((c) => c.key)).toEqual(['b#0', 'c#1']);
    expect(previousCalls([], 5)).toEqual([]);
  });
});
