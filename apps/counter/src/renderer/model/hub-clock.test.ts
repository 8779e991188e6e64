import { describe, expect, it } from 'vitest';
import type { DayView } from '@antre/shared';
import { HubClock } from './hub-clock.js';

const envelope = (at: number) => ({
  seq: 1,
  at,
  event: { type: 'PrintFailed' as const, ticketId: 'x', kioskId: 'k', reason: 'r' },
});

describe('HubClock', () => {
  it("follows the hub's clock, not the laptop's", () => {
    let local = 1_000_000;
    const clock = new HubClock(() => local);
    clock.observe([envelope(5_000_000)]);
    expect(clock.now()).toBe(5_000_000);
    local += 65_000;
    expect(clock.now()).toBe(5_065_000);
  });

  it('takes the newest timestamp of a loaded state as a lower bound until a live event arrives', () => {
    const clock = new HubClock(() => 1_000);
    const state = {
      tickets: { a: { issuedAt: 50_000, calledAt: 80_000 }, b: { issuedAt: 70_000 } },
    } as unknown as DayView;
    clock.seed(state);
    expect(clock.now()).toBe(80_000);
    clock.observe([envelope(60_000)]);
    clock.seed(state); // a live event is better evidence than a lower bound
    expect(clock.now()).toBe(60_000);
  });

  it('ignores an empty batch', () => {
    const clock = new HubClock(() => 42);
    clock.observe([]);
    expect(clock.now()).toBe(42);
  });
});
