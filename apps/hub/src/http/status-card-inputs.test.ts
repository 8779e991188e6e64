import { describe, expect, it } from 'vitest';
import type { CommandInput, DomainEvent } from '@antre/shared';
import { ticketPosition, ticketsNamed } from '@antre/shared';
import { TestQueue, testHall } from '@antre/shared/testing';
import { StatusCardInputs } from './status-card-inputs.js';
import { ticketUpdate } from './ticket-status-page.js';

const config = testHall();
const NOW = Date.UTC(2026, 10, 30, 2);

describe("a status card's inputs", () => {
  it('stay the same only while the card does: a card is never left out of date', () => {
    const q = new TestQueue(config, NOW).open('c1', 'c2');
    const inputs = new StatusCardInputs();
    const read = (id: string) => ({
      inputs: inputs.of(config, q.state, id, q.now, ticketPosition(q.state, config, id, q.now)),
      card: JSON.stringify(ticketUpdate(config, q.state, id, q.now)),
    });
    const ids = Array.from({ length: 6 }, (_, i) => q.advance(30_000).issue(i % 2 ? 'kk' : 'ktp').id);
    ids.push(q.issue('akta').id, 'not-issued-yet');
    const cached = new Map(ids.map((id) => [id, read(id)]));
    let kept = 0;
    let changed = 0;
    const step = (run: () => DomainEvent[]) => {
      const events = run();
      const named = events.flatMap((e) => ticketsNamed(e));
      for (const id of ids) {
        const now = read(id);
        const before = cached.get(id);
        // The streams make a card again when an event names it, or one names none: the rest must be unchanged.
        if (before && !named.includes(id) && named.length > 0 && now.inputs === before.inputs) {
          expect(now.card, `${id} after ${events.map((e) => e.type).join(',')}`).toBe(before.card);
          kept += 1;
        } else changed += 1;
        cached.set(id, now);
      }
    };
    const must = (input: CommandInput) => () => q.must(input);
    step(must({ type: 'callNext', counterId: 'c1' }));
    step(must({ type: 'callNext', counterId: 'c2', previous: 'served' }));
    step(must({ type: 'recall', counterId: 'c1' }));
    step(must({ type: 'startServing', counterId: 'c1' }));
    step(must({ type: 'callNext', counterId: 'c1', previous: 'served' }));
    step(must({ type: 'issueTicket', serviceId: 'ktp' }));
    step(must({ type: 'finish', counterId: 'c2' }));
    step(must({ type: 'setCounterStatus', counterId: 'c2', status: 'closed' }));
    step(() => {
      q.advance(5 * 60_000);
      return q.must({ type: 'callNext', counterId: 'c1', previous: 'served' });
    });
    step(must({ type: 'finish', counterId: 'c1' }));
    step(must({ type: 'setCounterStatus', counterId: 'c1', status: 'closed' }));
    // Both ways happened: cards kept (the saving) and cards made again.
    expect(kept).toBeGreaterThan(0);
    expect(changed).toBeGreaterThan(0);
  });

  it('change with the ticket’s place, the counters open for it and the config', () => {
    const q = new TestQueue(config, NOW).open('c1');
    q.issue('ktp');
    const t = q.advance(60_000).issue('ktp');
    const inputs = new StatusCardInputs();
    const of = (c = config) => inputs.of(c, q.state, t.id, q.now, ticketPosition(q.state, c, t.id, q.now));
    const first = of();
    expect(of()).toBe(first);
    q.must({ type: 'callNext', counterId: 'c1' });
    const moved = of();
    expect(moved).not.toBe(first);
    q.must({ type: 'setCounterStatus', counterId: 'c2', status: 'open' });
    expect(of()).not.toBe(moved);
    const opened = of();
    expect(of(testHall({ hall: { name: 'Lain' } }))).not.toBe(opened);
  });

  it('are none for a visit of several services: its card shows other queues and is made every time', () => {
    const q = new TestQueue(config, NOW).open('c1', 'c3');
    const t = q.issueVisit({ serviceIds: ['ktp', 'akta'] });
    expect(new StatusCardInputs().of(config, q.state, t.id, q.now, undefined)).toBeUndefined();
  });
});
