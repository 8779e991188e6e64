import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../feed/call-feed.js';
import { callStage } from './call-stage.js';

describe('callStage', () => {
  const call = (ticketId: string, index: number): CallRecord => ({
    key: `${ticketId}#${index}`,
    ticketId,
    callIndex: index,
    prefix: 'A',
    number: ticketId.charCodeAt(0),
    displayNumber: ticketId.toUpperCase(),
    serviceId: 's',
    counterId: 'c',
    at: 0,
    recall: index > 0,
  });
  const silent = { speaking: undefined, waiting: new Set<string>(), paused: false };
  const keys = (calls: readonly CallRecord[]) => calls.map((c) => c.key);

  it('shows the newest call large and each other ticket once below it, up to the limit', () => {
    const calls = [call('a', 1), call('b', 0), call('a', 0), call('c', 1), call('c', 0), call('d', 0)];
    const stage = callStage(calls, silent, 5);
    expect(stage.hero?.key).toBe('a#1');
    expect(stage.heroSpoken).toBe(false);
    expect(keys(stage.previous)).toEqual(['b#0', 'c#1', 'd#0']);
    expect(keys(callStage(calls, silent, 2).previous)).toEqual(['b#0', 'c#1']);
    expect(callStage([], silent, 5)).toEqual({ hero: undefined, heroSpoken: false, previous: [] });
  });

  it('in a burst shows the call being spoken, and none of those still waiting their turn', () => {
    // A-010 came 150 ms after A-009, whose announcement is playing; A-011 waits too.
    const calls = [call('k', 0), call('j', 0), call('i', 0), call('h', 0)];
    const stage = callStage(calls, { speaking: 'i#0', waiting: new Set(['j#0', 'k#0']), paused: false }, 5);
    expect(stage.hero?.key).toBe('i#0');
    expect(stage.heroSpoken).toBe(true);
    expect(keys(stage.previous)).toEqual(['h#0']);
    // Between two announcements the last one spoken stays up.
    const between = callStage(calls, { speaking: undefined, waiting: new Set(['k#0']), paused: false }, 5);
    expect(between.hero?.key).toBe('j#0');
    expect(keys(between.previous)).toEqual(['i#0', 'h#0']);
  });

  it('waits for no speech while sound is held back: the newest call is large at once', () => {
    const calls = [call('b', 0), call('a', 0)];
    const stage = callStage(calls, { speaking: 'a#0', waiting: new Set(['b#0']), paused: true }, 5);
    expect(stage.hero?.key).toBe('b#0');
    expect(stage.heroSpoken).toBe(false);
    expect(keys(stage.previous)).toEqual(['a#0']);
  });

  it('shows the newest call rather than nothing when every call waits its turn', () => {
    const calls = [call('b', 0), call('a', 0)];
    const stage = callStage(
      calls,
      { speaking: undefined, waiting: new Set(['a#0', 'b#0']), paused: false },
      5,
    );
    expect(stage.hero?.key).toBe('b#0');
    expect(stage.previous).toEqual([]);
  });

  it('ignores a sample announcement that is no call of the feed (the sound test)', () => {
    const calls = [call('a', 0)];
    expect(callStage(calls, { speaking: 'test-1', waiting: new Set(), paused: false }, 5).hero?.key).toBe(
      'a#0',
    );
  });
});
