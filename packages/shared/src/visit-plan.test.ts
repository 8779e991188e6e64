import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VisitPlan } from './visit-plan.js';
import { findCycle, newVisitPlan, orderAmong, readyLegs } from './visit-plan.js';

describe('findCycle', () => {
  it('finds none in a consistent order and names the one in a contradiction', () => {
    expect(
      findCycle(
        ['a', 'b', 'c'],
        [
          ['a', 'b'],
          ['b', 'c'],
          ['a', 'c'],
        ],
      ),
    ).toBeUndefined();
    expect(
      findCycle(
        ['a', 'b', 'c'],
        [
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'b'],
        ],
      ),
    ).toEqual(['b', 'c', 'b']);
    expect(findCycle([1, 2], [[2, 2]])).toEqual([2, 2]);
  });

  it('agrees with a topological sort on random orders', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 7 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.array(fc.tuple(fc.nat({ max: n - 1 }), fc.nat({ max: n - 1 })), { maxLength: 12 }),
            ),
          ),
        ([n, edges]) => {
          const nodes = Array.from({ length: n }, (_, i) => i);
          // Kahn's algorithm: every node is removed exactly when there is no cycle.
          const indegree = nodes.map((v) => edges.filter(([, b]) => b === v).length);
          const queue = nodes.filter((v) => indegree[v] === 0);
          let removed = 0;
          while (queue.length > 0) {
            const v = queue.pop() ?? 0;
            removed += 1;
            for (const [a, b] of edges) {
              if (a !== v) continue;
              indegree[b] = (indegree[b] ?? 0) - 1;
              if (indegree[b] === 0) queue.push(b);
            }
          }
          const cycle = findCycle(nodes, edges);
          expect(cycle === undefined).toBe(removed === n);
          if (!cycle) return;
          // A real cycle: it closes, and each step is an edge.
          expect(cycle[0]).toBe(cycle.at(-1));
          for (let i = 0; i + 1 < cycle.length; i++) {
            expect(edges.some(([a, b]) => a === cycle[i] && b === cycle[i + 1])).toBe(true);
          }
        },
      ),
    );
  });
});

describe('orderAmong', () => {
  it('keeps the package’s order through services left out', () => {
    const chain: Array<[string, string]> = [
      ['akta', 'kk'],
      ['kk', 'kia'],
      ['kia', 'jkn'],
    ];
    expect(orderAmong(['jkn', 'akta'], chain)).toEqual([{ before: 1, after: 0 }]);
    expect(orderAmong(['kk', 'kia', 'x'], chain)).toEqual([{ before: 0, after: 1 }]);
    expect(orderAmong(['a', 'b'], [])).toEqual([]);
  });
});

describe('readyLegs', () => {
  it('lists the pending legs whose legs before are done or skipped', () => {
    const plan: VisitPlan = newVisitPlan(['kk', 'ktp', 'jkn'], [{ before: 0, after: 1 }], 0, 0);
    expect(readyLegs(plan)).toEqual([2]);
    const legs = plan.legs;
    if (legs[0]) legs[0].status = 'missed';
    expect(readyLegs(plan)).toEqual([2]);
    if (legs[0]) legs[0].status = 'skipped';
    expect(readyLegs(plan)).toEqual([1, 2]);
  });
});
