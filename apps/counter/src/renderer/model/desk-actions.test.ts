import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  Command,
  CommandInput,
  DayView,
  ErrorCode,
  PriorityGroup,
  Principal,
  QueueConfig,
  ReadonlyTicket,
} from '@antre/shared';
import { actorOf, authorizeCommand, commandSchema, decide, publicHallConfig } from '@antre/shared';
import { TestQueue, testHall } from '@antre/shared/testing';
import { actionReason } from '../text/action-reason-text.js';
import { T } from '../text/ui-text.js';
import type { DeskAction, DeskSituation } from './desk-actions.js';
import {
  DESK_ACTIONS,
  SHORTCUT_KEYS,
  actionForKey,
  currentTicket,
  deskAvailability,
  isArgumentAction,
} from './desk-actions.js';
import { indexHall } from './hall-index.js';
import { transferTargets } from './transfer-targets.js';

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; altKey: boolean; metaKey: boolean; shiftKey: boolean }> = {},
) => ({
  key: k,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('shortcuts', () => {
  it('gives every action its own function key, F1 to F9', () => {
    expect(DESK_ACTIONS.map((a) => SHORTCUT_KEYS[a])).toEqual([
      'F1',
      'F2',
      'F3',
      'F4',
      'F5',
      'F6',
      'F7',
      'F8',
      'F9',
    ]);
    expect(actionForKey(key('F1'))).toBe('callNext');
    expect(actionForKey(key('F9'))).toBe('putBack');
  });

  it('leaves typing and the system shortcuts alone', () => {
    expect(actionForKey(key('1'))).toBeUndefined();
    expect(actionForKey(key('a'))).toBeUndefined();
    expect(actionForKey(key('Enter'))).toBeUndefined();
    expect(actionForKey(key('F10'))).toBeUndefined();
    expect(actionForKey(key('F4', { altKey: true }))).toBeUndefined();
    expect(actionForKey(key('F5', { ctrlKey: true }))).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The hall the tests run in, and who works in it.

const NINE = Date.UTC(2026, 10, 30, 2, 0);
const CONFIG = testHall();
const COUNTERS = CONFIG.counters.map((c) => c.id);
const SERVICES = CONFIG.services.map((s) => s.id);
const staff = (username: string, agencyId: string): Principal => ({
  kind: 'staff',
  staff: { username, name: username, role: 'staff', agencyId },
});
const INDEX = indexHall(publicHallConfig(CONFIG));
const DUKCAPIL = staff('dukcapil1', 'disdukcapil');
const SUPERVISOR: Principal = { kind: 'staff', staff: { username: 'spv', name: 'spv', role: 'supervisor' } };
const PRINCIPALS: Principal[] = [
  DUKCAPIL,
  staff('imigrasi1', 'imigrasi'),
  staff('bpjs1', 'bpjs'),
  SUPERVISOR,
];

function situation(q: TestQueue, counterId: string, over: Partial<DeskSituation> = {}): DeskSituation {
  return {
    principal: DUKCAPIL,
    config: q.config,
    day: q.state,
    now: q.now,
    counterId,
    connection: 'online',
    currentSettled: false,
    ...over,
  };
}

const enabledIn = (a: ReturnType<typeof deskAvailability>) => DESK_ACTIONS.filter((x) => a[x].enabled);

describe('deskAvailability, on the mirror', () => {
  it('at an open counter with nobody at it: call next only while someone waits, a number, a put back only of a no-show', () => {
    const q = new TestQueue(CONFIG, NINE).open('c1');
    const empty = deskAvailability(situation(q, 'c1'));
    expect(enabledIn(empty)).toEqual(['callNumber']);
    expect(empty.callNext.reason).toEqual({ id: 'tidak ada yang menunggu', en: 'nobody waiting' });
    expect(empty.finish.reason).toEqual(T.needsCurrent);
    expect(empty.putBack.reason).toEqual(T.noNoShowToReturn);
    q.issue('ktp');
    q.issue('ktp');
    expect(enabledIn(deskAvailability(situation(q, 'c1')))).toEqual(['callNext', 'callNumber']);
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'noShow', counterId: 'c1', confirm: true });
    expect(enabledIn(deskAvailability(situation(q, 'c1')))).toEqual(['callNext', 'callNumber', 'putBack']);
  });

  it('offers no put back of another agency’s no-show, and says there is none to return', () => {
    const q = new TestQueue(CONFIG, NINE).open('c1').open('c4');
    q.issue('paspor');
    q.must({ type: 'callNext', counterId: 'c4' });
    q.must({ type: 'noShow', counterId: 'c4', confirm: true });
    const a = deskAvailability(situation(q, 'c1'));
    expect(a.putBack).toEqual({ enabled: false, reason: T.noNoShowToReturn });
    expect(deskAvailability(situation(q, 'c4', { principal: SUPERVISOR })).putBack.enabled).toBe(true);
  });

  it('while the visitor is only called: call next asks who came, an early no-show asks to confirm', () => {
    const q = new TestQueue(CONFIG, NINE).open('c1');
    q.issue('ktp');
    q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    const a = deskAvailability(situation(q, 'c1'));
    expect(enabledIn(a)).toEqual([
      'callNext',
      'recall',
      'startServing',
      'finish',
      'noShow',
      'hold',
      'transfer',
    ]);
    expect(a.callNext.asks?.code).toBe('VISITOR_NOT_STARTED');
    // Finish asks too (was the visitor served?): the hub would take it, the screen asks first.
    expect(a.finish.asks).toMatchObject({ code: 'VISITOR_NOT_STARTED', details: { ticket: 'A-001' } });
    expect(a.noShow.asks?.code).toBe('NO_SHOW_TOO_EARLY');
    expect(a.callNumber.reason).toEqual({ id: 'selesaikan dulu A-001', en: 'finish A-001 first' });
    // A minute and a recall later the safeguards are met: the no-show goes without a question.
    q.advance(60_000).must({ type: 'recall', counterId: 'c1' });
    expect(deskAvailability(situation(q, 'c1')).noShow).toEqual({ enabled: true });
  });

  it('once serving: no recall, and call next simply finishes the visit', () => {
    const q = new TestQueue(CONFIG, NINE).open('c1');
    q.issue('ktp');
    q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'startServing', counterId: 'c1' });
    const a = deskAvailability(situation(q, 'c1'));
    expect(a.recall).toEqual({ enabled: false, reason: T.needsCalled });
    expect(a.callNext).toEqual({ enabled: true });
    expect(a.finish).toEqual({ enabled: true });
  });

  it('at another agency’s counter nothing is offered, and it says so', () => {
    const q = new TestQueue(CONFIG, NINE).open('c4');
    q.issue('paspor');
    const a = deskAvailability(situation(q, 'c4'));
    expect(enabledIn(a)).toEqual([]);
    expect(a.callNext.reason?.id).toBe('loket instansi lain');
  });

  it('offline, keeps only finish and no-show, which are queued; the rest needs the connection', () => {
    const q = new TestQueue(CONFIG, NINE).open('c1');
    q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'startServing', counterId: 'c1' });
    const a = deskAvailability(situation(q, 'c1', { connection: 'offline' }));
    expect(enabledIn(a)).toEqual(['finish', 'noShow']);
    expect(a.callNext.reason).toEqual(T.needsConnection);
    const settled = deskAvailability(situation(q, 'c1', { connection: 'offline', currentSettled: true }));
    expect(enabledIn(settled)).toEqual([]);
    expect(settled.finish.reason).toEqual(T.alreadyRecorded);
    // Offline over a visitor only called, finish is still queued, after the same question.
    const called = new TestQueue(CONFIG, NINE).open('c1');
    called.issue('ktp');
    called.must({ type: 'callNext', counterId: 'c1' });
    const offline = deskAvailability(situation(called, 'c1', { connection: 'offline' }));
    expect(offline.finish).toMatchObject({ enabled: true, asks: { code: 'VISITOR_NOT_STARTED' } });
  });

  it('a closed or paused counter calls nobody, but a no-show can still be put back', () => {
    for (const status of ['closed', 'paused'] as const) {
      const q = new TestQueue(CONFIG, NINE).open('c1');
      q.issue('ktp');
      q.must({ type: 'callNext', counterId: 'c1' });
      q.must({ type: 'noShow', counterId: 'c1', confirm: true });
      q.issue('ktp');
      if (status === 'paused') q.must({ type: 'setCounterStatus', counterId: 'c1', status, reason: 'x' });
      else q.must({ type: 'setCounterStatus', counterId: 'c1', status });
      const a = deskAvailability(situation(q, 'c1'));
      expect(a.callNext.enabled).toBe(false);
      expect(a.callNumber.reason).toEqual(T.needsOpenCounter);
      expect(a.putBack.enabled).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Random days, and what the hub itself would say to each action's commands.

type Step =
  | { kind: 'issue'; service: number; priority: PriorityGroup }
  | { kind: 'status'; counter: number; status: 'open' | 'paused' | 'closed' }
  | { kind: 'callNext'; counter: number; previous: number }
  | {
      kind: 'recall' | 'startServing' | 'finish' | 'noShow' | 'hold';
      counter: number;
    }
  | { kind: 'transfer'; counter: number; to: number; byCounter: boolean }
  | { kind: 'callTicket' | 'putBack'; counter: number; pick: number }
  | { kind: 'wait'; seconds: number };

const pick = fc.nat({ max: 30 });
/** Most steps at counters 1 and 2, so that visits there run their course; the rest anywhere. */
const counterPick = fc.oneof(fc.constant(0), fc.constant(1), fc.nat({ max: 4 }));
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('issue' as const),
      service: pick,
      priority: fc.constantFrom<PriorityGroup>('none', 'none', 'elderly'),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('status' as const),
      counter: counterPick,
      status: fc.constantFrom('open' as const, 'open' as const, 'paused' as const, 'closed' as const),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('callNext' as const),
      counter: counterPick,
      previous: fc.nat(2),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'recall' as const,
        'startServing' as const,
        'startServing' as const,
        'finish' as const,
        'noShow' as const,
        'hold' as const,
      ),
      counter: counterPick,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('transfer' as const),
      counter: pick,
      to: pick,
      byCounter: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('callTicket' as const, 'putBack' as const),
      counter: pick,
      pick,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), seconds: fc.nat(150) }) },
);

const at = <T>(list: readonly T[], i: number): T => {
  const x = list[i % list.length];
  if (x === undefined) throw new Error('empty list');
  return x;
};

/** Plays a random script as the hub would (refusals change nothing), and returns the day it leaves. */
function play(steps: readonly Step[]): TestQueue {
  const q = new TestQueue(CONFIG, NINE);
  for (const s of steps) {
    const tickets = q.state.allTickets();
    const counterId = 'counter' in s ? at(COUNTERS, s.counter) : '';
    let input: CommandInput | undefined;
    switch (s.kind) {
      case 'issue':
        input = { type: 'issueTicket', serviceId: at(SERVICES, s.service), priority: s.priority };
        break;
      case 'status':
        input = { type: 'setCounterStatus', counterId, status: s.status };
        break;
      case 'callNext':
        input =
          s.previous === 0
            ? { type: 'callNext', counterId }
            : {
                type: 'callNext',
                counterId,
                previous: s.previous === 1 ? 'served' : 'noShow',
                confirm: true,
              };
        break;
      case 'transfer':
        input = s.byCounter
          ? { type: 'transfer', counterId, toCounterId: at(COUNTERS, s.to), confirm: true }
          : { type: 'transfer', counterId, toServiceId: at(SERVICES, s.to), confirm: true };
        break;
      case 'callTicket':
      case 'putBack':
        input =
          tickets.length === 0 ? undefined : { type: s.kind, counterId, ticket: at(tickets, s.pick).id };
        break;
      case 'wait':
        q.advance(s.seconds * 1000);
        break;
      case 'noShow':
        input = { type: 'noShow', counterId, confirm: true };
        break;
      default:
        input = { type: s.kind, counterId };
    }
    if (input) q.run(input);
  }
  return q;
}

/** The hub's answer to a command, asked the way the hub asks: the policy, then the engine. */
function hubAnswer(
  principal: Principal,
  input: CommandInput,
  config: QueueConfig,
  day: DayView,
  now: number,
) {
  const command: Command = commandSchema.parse(input);
  const forbidden = authorizeCommand(principal, command, config, day);
  if (forbidden) return forbidden;
  const actor = actorOf(principal);
  if (!actor) throw new Error('staff act');
  const decision = decide(day, command, { config, now, actor, newId: () => 'x' });
  return decision.ok ? undefined : decision.error;
}

/**
 * The commands the screen may send for an action, written out here from what each button and dialog sends,
 * so that the availability is held against the hub and not against itself. For the actions that take an
 * argument: every argument the dialog could offer.
 */
function commandsFor(action: DeskAction, counterId: string, day: DayView): CommandInput[] {
  const current = currentTicket(day, counterId);
  const guard = current ? { ticketId: current.id } : {};
  const everyTicket = day.allTickets().flatMap((t: ReadonlyTicket) => [t.id, t.displayNumber]);
  switch (action) {
    case 'callNext':
      // F1, or the arrival dialog's "did not come" (confirmed when early); its "start serving" is F3's.
      return [
        { type: 'callNext', counterId },
        { type: 'callNext', counterId, previous: 'noShow', confirm: true },
      ];
    case 'noShow':
      return [
        { type: 'noShow', counterId, ...guard },
        { type: 'noShow', counterId, ...guard, confirm: true },
      ];
    case 'finish':
      return [{ type: 'finish', counterId, ...guard }];
    case 'recall':
    case 'startServing':
    case 'hold':
      return [{ type: action, counterId }];
    case 'callNumber':
      return [...everyTicket, 'A-999'].map((ticket) => ({ type: 'callTicket', counterId, ticket }));
    case 'putBack':
      return [...everyTicket, 'A-999'].map((ticket) => ({ type: 'putBack', counterId, ticket }));
    case 'transfer':
      return [
        ...SERVICES.map((toServiceId) => ({ type: 'transfer' as const, counterId, toServiceId })),
        ...COUNTERS.map((toCounterId) => ({ type: 'transfer' as const, counterId, toCounterId })),
      ].flatMap((c) => [c, { ...c, confirm: true, note: 'catatan' }]);
  }
}

// Sized by its whole range: fast-check's default size keeps arrays to a handful of steps, too few for a day.
/** What the hub answers when only the argument is wrong: the dialog then says so for that argument. */
const ABOUT_THE_ARGUMENT: ReadonlySet<ErrorCode> = new Set([
  'UNKNOWN_TICKET',
  'TICKET_NOT_CALLABLE',
  'TICKET_NOT_FOR_COUNTER',
  'INVALID_TRANSFER',
  'TARGET_CLOSED',
]);

const scriptArb = fc.array(stepArb, { minLength: 0, maxLength: 45, size: 'max' });

describe('the buttons agree with the hub, on random days', () => {
  it('an action (a put back too) is enabled exactly when the hub accepts one of its commands; a number or a transfer exactly when some argument fails on nothing but itself', () => {
    fc.assert(
      fc.property(scriptArb, fc.nat(PRINCIPALS.length - 1), (steps, who) => {
        const q = play(steps);
        const principal = at(PRINCIPALS, who);
        for (const counterId of COUNTERS) {
          const availability = deskAvailability(situation(q, counterId, { principal }));
          for (const action of DESK_ACTIONS) {
            const answers = commandsFor(action, counterId, q.state).map((c) =>
              hubAnswer(principal, c, q.config, q.state, q.now),
            );
            const accepted = answers.some((a) => a === undefined);
            const a = availability[action];
            const where = `${action} at ${counterId} for ${JSON.stringify(principal)}`;
            // A put back's arguments are the day's no-shows, few and known: it is held exactly.
            if (isArgumentAction(action) && action !== 'putBack') {
              if (!a.enabled) expect(accepted, where).toBe(false);
              // Enabled, some argument gets through every rule but those about the argument itself.
              else
                expect(
                  answers.some((e) => !e || ABOUT_THE_ARGUMENT.has(e.code)),
                  where,
                ).toBe(true);
            } else {
              expect(a.enabled, where).toBe(accepted);
            }
            // A disabled button gives the hub's own reason for its plain command, in words.
            if (!a.enabled) {
              const first = answers[0];
              expect(first, where).toBeDefined();
              if (!isArgumentAction(action) && first) {
                expect(a.reason, where).toEqual(actionReason(first));
              }
            }
          }
        }
      }),
      { numRuns: 120 },
    );
  });

  it('offers a transfer target exactly when the hub would send the visitor there, and warns exactly when it would ask', () => {
    const index = INDEX;
    fc.assert(
      fc.property(scriptArb, (steps) => {
        const q = play(steps);
        for (const counterId of COUNTERS) {
          const current = currentTicket(q.state, counterId);
          if (!current) continue;
          const offered = new Map(transferTargets(q.state, index, counterId, current).map((t) => [t.key, t]));
          const candidates = [
            ...SERVICES.map((id) => ({ key: `service:${id}`, input: { toServiceId: id } })),
            ...COUNTERS.map((id) => ({ key: `counter:${id}`, input: { toCounterId: id } })),
          ];
          for (const c of candidates) {
            const answer = (confirm: boolean) =>
              hubAnswer(
                SUPERVISOR,
                { type: 'transfer', counterId, ...c.input, ...(confirm ? { confirm } : {}) },
                q.config,
                q.state,
                q.now,
              );
            const target = offered.get(c.key);
            expect(target !== undefined, c.key).toBe(answer(true) === undefined);
            if (target) expect(target.closed, c.key).toBe(answer(false)?.code === 'TARGET_CLOSED');
          }
        }
      }),
      { numRuns: 120 },
    );
  });

  it('the random days reach the situations that matter', () => {
    // Guards the properties above against scripts that quietly stop reaching them.
    const seen = new Set<string>();
    fc.assert(
      fc.property(scriptArb, (steps) => {
        const q = play(steps);
        for (const counterId of COUNTERS) {
          for (const principal of [SUPERVISOR, DUKCAPIL]) {
            const a = deskAvailability(situation(q, counterId, { principal }));
            for (const action of DESK_ACTIONS) {
              seen.add(`${action}:${a[action].enabled ? 'on' : 'off'}${a[action].asks ? ':asks' : ''}`);
            }
          }
          const current = currentTicket(q.state, counterId);
          if (!current) continue;
          for (const t of transferTargets(q.state, INDEX, counterId, current)) {
            seen.add(`target:${t.closed ? 'closed' : 'open'}`);
          }
        }
      }),
      { numRuns: 120, seed: 2026 },
    );
    for (const needed of [
      'callNext:on',
      'callNext:on:asks',
      'callNext:off',
      'noShow:on',
      'noShow:on:asks',
      'noShow:off',
      'recall:on',
      'recall:off',
      'callNumber:on',
      'callNumber:off',
      'putBack:on',
      'putBack:off',
      'transfer:on',
      'transfer:off',
      'target:open',
      'target:closed',
    ]) {
      expect([...seen], needed).toContain(needed);
    }
  });
});
