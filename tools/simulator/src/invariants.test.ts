import { describe, expect, it } from 'vitest';
import type { Actor, EventEnvelope } from '@antre/shared';
import { hallDay } from '@antre/shared';
import { TestQueue, testHall } from '@antre/shared/testing';
import type { DayEvidence } from './evidence.js';
import { stateDigest } from './evidence.js';
import { checkInvariants } from './invariants.js';
import { replayLog } from './log-replay.js';
import { callKey, callsInState } from './simulated-display.js';
import type { HandedOutTicket } from './simulated-kiosk.js';

const MONDAY_9AM_WIB = Date.UTC(2026, 10, 30, 2, 0);
const KIOSK: Actor = { kind: 'kiosk', kioskId: 'k1' };

/** A small day through the real engine: three tickets, two served, the day closed with one left. */
function smallDay(): { queue: TestQueue; handedOut: HandedOutTicket[] } {
  const queue = new TestQueue(testHall(), MONDAY_9AM_WIB);
  const handedOut = ['ktp', 'ktp', 'kk'].map((serviceId, i): HandedOutTicket => {
    const t = queue.issue(serviceId, 'none', KIOSK);
    queue.advance(60_000);
    return {
      ticketId: t.id,
      kioskId: 'k1',
      visitorIndex: i,
      serviceId,
      displayNumber: t.displayNumber,
      offline: false,
      issuedAt: t.issuedAt,
      ahead: t.estimate.ahead,
      estimateMinutes: t.estimate.minutes,
    };
  });
  queue.open('c1');
  for (let i = 0; i < 2; i++) {
    queue.must({ type: 'callNext', counterId: 'c1' });
    queue.advance(5 * 60_000);
    queue.must({ type: 'finish', counterId: 'c1' });
  }
  queue.must({ type: 'closeDay' });
  return { queue, handedOut };
}

function evidence(events: EventEnvelope[], queue: TestQueue, handedOut: HandedOutTicket[]): DayEvidence {
  const config = queue.config;
  const window = { start: MONDAY_9AM_WIB, end: queue.now };
  const calls = callsInState(queue.state);
  return {
    config,
    window,
    events,
    hubState: queue.state,
    hubDigest: stateDigest(queue.state),
    replay: replayLog(events, config, hallDay(MONDAY_9AM_WIB, config.hall.timeZone), window, callKey),
    kiosks: [
      {
        kioskId: 'k1',
        handedOut,
        refusals: [],
        stored: (id) =>
          handedOut.some((t) => t.ticketId === id) ? { syncState: 'hub', offline: false } : undefined,
        unsynced: 0,
        logCounts: {},
        outages: [],
      },
    ],
    displays: [
      {
        displayId: 'd1',
        live: calls,
        caughtUp: new Set(),
        seq: queue.state.seq,
        digest: stateDigest(queue.state),
        drops: [],
      },
    ],
    counters: [],
    hub: { crashes: [], restarts: [], errorLines: [], stderrLines: [] },
    fuzz: undefined,
    visitors: [],
    visitorOutcomes: new Map(),
  };
}

const failing = (d: DayEvidence) =>
  checkInvariants(d)
    .filter((i) => !i.ok)
    .map((i) => i.name);

/** The log with `extra` inserted after position `at`, renumbered so that it stays gap-free. */
function withInserted(log: readonly EventEnvelope[], at: number, extra: EventEnvelope): EventEnvelope[] {
  return [...log.slice(0, at + 1), extra, ...log.slice(at + 1)].map((e, i) => ({ ...e, seq: i + 1 }));
}

describe('checkInvariants', () => {
  it('passes a clean day, and says what it counted', () => {
    const { queue, handedOut } = smallDay();
    const results = checkInvariants(evidence(queue.log, queue, handedOut));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.find((r) => r.name === 'every ticket ends in one final state')?.detail).toMatch(
      /3 tickets: done 2, expired 1/,
    );
  });

  it('catches a ticket handed out that the hub never logged', () => {
    const { queue, handedOut } = smallDay();
    const lost = { ...handedOut[0], ticketId: '00000000-0000-4000-8000-00000000ffff' } as HandedOutTicket;
    expect(failing(evidence(queue.log, queue, [...handedOut, lost]))).toContain(
      'every ticket handed out is issued exactly once',
    );
  });

  it('catches a ticket issued twice and a number given twice', () => {
    const { queue, handedOut } = smallDay();
    const issued = queue.log.find((e) => e.event.type === 'TicketIssued');
    if (issued?.event.type !== 'TicketIssued') throw new Error('no ticket');
    const again = withInserted(queue.log, 0, issued);
    const other = withInserted(queue.log, 0, {
      ...issued,
      event: {
        ...issued.event,
        ticket: { ...issued.event.ticket, id: '00000000-0000-4000-8000-0000000000aa' },
      },
    });
    expect(failing(evidence(again, queue, handedOut))).toContain(
      'every ticket handed out is issued exactly once',
    );
    expect(failing(evidence(other, queue, handedOut))).toEqual(
      expect.arrayContaining(['no number is given twice in a day', 'no ticket exists that no kiosk issued']),
    );
  });

  it('catches a call of a ticket that is already at a counter', () => {
    const { queue, handedOut } = smallDay();
    const i = queue.log.findIndex((e) => e.event.type === 'TicketCalled');
    const called = queue.log[i];
    if (called?.event.type !== 'TicketCalled') throw new Error('no call');
    const twice = withInserted(queue.log, i, { ...called, event: { ...called.event, counterId: 'c2' } });
    expect(failing(evidence(twice, queue, handedOut))).toContain('no ticket is called twice at once');
  });

  it('catches a display that missed a call and a gap in the log', () => {
    const { queue, handedOut } = smallDay();
    const d = evidence(queue.log, queue, handedOut);
    const display = d.displays[0];
    if (!display) throw new Error('no display');
    display.live = new Set([...display.live].slice(1));
    expect(failing(d)).toContain('every call is seen by every display');
    const gap = queue.log.filter((_, i) => i !== 3);
    expect(failing(evidence(gap, queue, handedOut))).toContain('event log has no gaps');
  });
});
