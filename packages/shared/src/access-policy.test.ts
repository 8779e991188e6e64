import { describe, expect, it } from 'vitest';
import type { Command, CommandInput, CommandType } from './commands.js';
import { commandSchema } from './commands.js';
import type { Actor, Principal } from './access-policy.js';
import {
  actorOf,
  authorizeCommand,
  authorizePrint,
  authorizeSurveyFollowUp,
  authorizeSurveyResponse,
} from './access-policy.js';
import { TestQueue, testHall, testUuid } from './testing/test-hall.js';

const MON_0800 = Date.parse('2026-03-02T08:00:00+07:00');

const staff = (username: string, role: 'staff' | 'supervisor', agencyId?: string): Principal => ({
  kind: 'staff',
  staff:
    agencyId === undefined
      ? { username, name: username, role }
      : { username, name: username, role, agencyId },
});
const PUBLIC: Principal = { kind: 'public' };
const DISPLAY: Principal = { kind: 'display', displayId: 'layar-1' };
const KIOSK: Principal = { kind: 'kiosk', kioskId: 'k1' };
const DUKCAPIL = staff('dukcapil1', 'staff', 'disdukcapil');
const IMIGRASI = staff('imigrasi1', 'staff', 'imigrasi');
const SUPERVISOR = staff('spv', 'supervisor');

/**
 * A queue with A-001 (ktp, Disdukcapil) and P-001 (paspor, Imigrasi) waiting,
 * and one example of every command, acting at counter `c1` of Disdukcapil.
 */
function setting(): { q: TestQueue; examples: Record<CommandType, Command> } {
  const q = new TestQueue(testHall(), MON_0800);
  q.issue('ktp');
  q.issue('paspor');
  const inputs: Record<CommandType, CommandInput> = {
    issueTicket: { type: 'issueTicket', serviceId: 'ktp' },
    syncOfflineTicket: {
      type: 'syncOfflineTicket',
      ticketId: testUuid(900),
      serviceId: 'ktp',
      number: 501,
      priority: 'none',
      issuedAt: MON_0800,
    },
    leaseNumbers: { type: 'leaseNumbers', serviceId: 'ktp' },
    reportPrintFailure: { type: 'reportPrintFailure', ticketId: testUuid(1), reason: 'paper out' },
    callNext: { type: 'callNext', counterId: 'c1' },
    callTicket: { type: 'callTicket', counterId: 'c1', ticket: 'A-001' },
    recall: { type: 'recall', counterId: 'c1' },
    startServing: { type: 'startServing', counterId: 'c1' },
    finish: { type: 'finish', counterId: 'c1' },
    noShow: { type: 'noShow', counterId: 'c1' },
    hold: { type: 'hold', counterId: 'c1' },
    transfer: { type: 'transfer', counterId: 'c1', toCounterId: 'c4' },
    putBack: { type: 'putBack', counterId: 'c1', ticket: 'A-001' },
    cancelTicket: { type: 'cancelTicket', ticket: 'A-001' },
    setCounterStatus: { type: 'setCounterStatus', counterId: 'c1', status: 'open' },
    closeDay: { type: 'closeDay' },
    addVisitLeg: { type: 'addVisitLeg', counterId: 'c1', serviceId: 'jkn' },
    skipVisitLeg: { type: 'skipVisitLeg', counterId: 'c1', ticket: 'A-001', leg: 1 },
    reorderVisitLegs: { type: 'reorderVisitLegs', counterId: 'c1', ticket: 'A-001', legs: [1] },
  };
  const examples = Object.fromEntries(
    Object.entries(inputs).map(([type, input]) => [type, commandSchema.parse(input)]),
  ) as Record<CommandType, Command>;
  return { q, examples };
}

const ALL_TYPES = commandSchema.options.map((o) => o.shape.type.value);
const KIOSK_TYPES: CommandType[] = ['issueTicket', 'syncOfflineTicket', 'leaseNumbers', 'reportPrintFailure'];
const COUNTER_TYPES: CommandType[] = [
  'callNext',
  'callTicket',
  'recall',
  'startServing',
  'finish',
  'noShow',
  'hold',
  'transfer',
  'putBack',
  'setCounterStatus',
];
/** Changes to a visit's legs: at the counter, on its ticket or on the staff's own agency's legs. */
const VISIT_TYPES: CommandType[] = ['addVisitLeg', 'skipVisitLeg', 'reorderVisitLegs'];

function verdict(principal: Principal, command: Command, q: TestQueue): string {
  return authorizeCommand(principal, command, q.config, q.state)?.code ?? 'allowed';
}

/** The verdict for every command type, as a record for readable failures. */
function verdicts(principal: Principal, change: (c: Command) => Command = (c) => c): Record<string, string> {
  const { q, examples } = setting();
  return Object.fromEntries(ALL_TYPES.map((type) => [type, verdict(principal, change(examples[type]), q)]));
}

const expectAll = (types: readonly string[], outcome: string): Record<string, string> =>
  Object.fromEntries(types.map((t) => [t, outcome]));

describe('authorizeCommand', () => {
  it('knows an example of every command', () => {
    expect([...ALL_TYPES].sort()).toEqual(Object.keys(setting().examples).sort());
    expect([...KIOSK_TYPES, ...COUNTER_TYPES, ...VISIT_TYPES, 'cancelTicket', 'closeDay'].sort()).toEqual(
      [...ALL_TYPES].sort(),
    );
  });

  it('refuses everything from someone unknown', () => {
    expect(verdicts(PUBLIC)).toEqual(expectAll(ALL_TYPES, 'UNAUTHENTICATED'));
  });

  it('lets a display send nothing', () => {
    expect(verdicts(DISPLAY)).toEqual(expectAll(ALL_TYPES, 'FORBIDDEN'));
  });

  it('lets a kiosk only issue, sync, lease and report print failures', () => {
    expect(verdicts(KIOSK)).toEqual({
      ...expectAll(ALL_TYPES, 'FORBIDDEN'),
      ...expectAll(KIOSK_TYPES, 'allowed'),
    });
  });

  it('lets staff act at their own agency’s counters, issue tickets, and cancel their agency’s tickets', () => {
    expect(verdicts(DUKCAPIL)).toEqual({
      ...expectAll(COUNTER_TYPES, 'allowed'),
      addVisitLeg: 'allowed',
      skipVisitLeg: 'allowed', // A-001 has no leg 1: the engine says so
      reorderVisitLegs: 'FORBIDDEN', // A-001 is not at c1
      issueTicket: 'allowed',
      cancelTicket: 'allowed',
      syncOfflineTicket: 'FORBIDDEN',
      leaseNumbers: 'FORBIDDEN',
      reportPrintFailure: 'FORBIDDEN',
      closeDay: 'FORBIDDEN',
    });
  });

  it('keeps staff away from another agency’s counters and tickets', () => {
    expect(verdicts(IMIGRASI)).toEqual({
      ...expectAll(COUNTER_TYPES, 'FORBIDDEN'),
      ...expectAll(VISIT_TYPES, 'FORBIDDEN'),
      issueTicket: 'allowed',
      cancelTicket: 'FORBIDDEN', // A-001 is Disdukcapil's
      syncOfflineTicket: 'FORBIDDEN',
      leaseNumbers: 'FORBIDDEN',
      reportPrintFailure: 'FORBIDDEN',
      closeDay: 'FORBIDDEN',
    });
    const atC4 = (c: Command): Command => ('counterId' in c ? { ...c, counterId: 'c4' } : c);
    // At their own counter, except for putting back a Disdukcapil ticket there.
    expect(verdicts(IMIGRASI, atC4)).toMatchObject({
      ...expectAll(COUNTER_TYPES, 'allowed'),
      putBack: 'FORBIDDEN',
    });
    expect(verdicts(DUKCAPIL, atC4)).toMatchObject(expectAll(COUNTER_TYPES, 'FORBIDDEN'));
  });

  it('lets a supervisor act at every counter and close the day, but not send a kiosk’s commands', () => {
    const kioskOnly = {
      syncOfflineTicket: 'FORBIDDEN',
      leaseNumbers: 'FORBIDDEN',
      reportPrintFailure: 'FORBIDDEN',
    };
    expect(verdicts(SUPERVISOR)).toEqual({ ...expectAll(ALL_TYPES, 'allowed'), ...kioskOnly });
    for (const counterId of ['c2', 'c3', 'c4', 'c5']) {
      const at = (c: Command): Command => ('counterId' in c ? { ...c, counterId } : c);
      // A-001 is Disdukcapil's: it comes back through a Disdukcapil desk only, whoever asks.
      const putBack = counterId === 'c4' || counterId === 'c5' ? { putBack: 'FORBIDDEN' } : {};
      expect(verdicts(SUPERVISOR, at)).toEqual({
        ...expectAll(ALL_TYPES, 'allowed'),
        ...kioskOnly,
        ...putBack,
      });
    }
  });

  it('judges a cancel by the agency of the ticket’s service', () => {
    const { q } = setting();
    const cancel = (ticket: string): Command => commandSchema.parse({ type: 'cancelTicket', ticket });
    expect(verdict(DUKCAPIL, cancel('P-001'), q)).toBe('FORBIDDEN');
    expect(verdict(IMIGRASI, cancel('P-001'), q)).toBe('allowed');
    expect(verdict(IMIGRASI, cancel('p1'), q)).toBe('allowed');
    // An unknown ticket is left to the engine, which answers UNKNOWN_TICKET.
    expect(verdict(DUKCAPIL, cancel('A-099'), q)).toBe('allowed');
    // After a transfer to Imigrasi, the ticket is Imigrasi's to cancel.
    q.open('c1').must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'transfer', counterId: 'c1', toServiceId: 'paspor', confirm: true });
    expect(verdict(DUKCAPIL, cancel('A-001'), q)).toBe('FORBIDDEN');
    expect(verdict(IMIGRASI, cancel('A-001'), q)).toBe('allowed');
  });

  it('leaves an unknown counter to the engine', () => {
    const { q } = setting();
    expect(verdict(DUKCAPIL, commandSchema.parse({ type: 'callNext', counterId: 'c99' }), q)).toBe('allowed');
  });

  it('refuses staff who belong to no agency at every counter', () => {
    expect(verdicts(staff('lost', 'staff'))).toMatchObject(
      expectAll([...COUNTER_TYPES, ...VISIT_TYPES], 'FORBIDDEN'),
    );
  });

  it('puts a no-show back only through a desk of its own agency, for staff and supervisors alike', () => {
    const { q } = setting();
    const putBack = (counterId: string): Command =>
      commandSchema.parse({ type: 'putBack', counterId, ticket: 'A-001' });
    expect(verdict(DUKCAPIL, putBack('c1'), q)).toBe('allowed');
    // c3 serves only akta, but belongs to Disdukcapil like A-001's service.
    expect(verdict(DUKCAPIL, putBack('c3'), q)).toBe('allowed');
    expect(verdict(IMIGRASI, putBack('c4'), q)).toBe('FORBIDDEN');
    expect(verdict(SUPERVISOR, putBack('c4'), q)).toBe('FORBIDDEN');
    expect(verdict(SUPERVISOR, putBack('c3'), q)).toBe('allowed');
  });
});

describe('authorizeCommand for the legs of a visit', () => {
  const BPJS = staff('bpjs1', 'staff', 'bpjs');
  /** V: kk → ktp, and jkn, called at c2 (Disdukcapil); its jkn leg is BPJS's. */
  function visit(): { q: TestQueue; number: string; jkn: number } {
    const q = new TestQueue(
      testHall({
        packages: [
          {
            id: 'pindah',
            name: { id: 'Pindah', en: 'Move' },
            serviceIds: ['kk', 'ktp', 'jkn'],
            order: [['kk', 'ktp']],
          },
        ],
      }),
      MON_0800,
    );
    q.open('c2', 'c5');
    const t = q.issueVisit({ packageId: 'pindah', serviceIds: ['kk', 'ktp', 'jkn'] });
    q.must({ type: 'callTicket', counterId: 'c2', ticket: t.displayNumber });
    return { q, number: t.displayNumber, jkn: 2 };
  }
  const parse = (input: CommandInput): Command => commandSchema.parse(input);

  it('lets staff change the legs of the ticket at their own counter', () => {
    const { q, number } = visit();
    expect(verdict(DUKCAPIL, parse({ type: 'addVisitLeg', counterId: 'c2', serviceId: 'paspor' }), q)).toBe(
      'allowed',
    );
    expect(
      verdict(
        DUKCAPIL,
        parse({ type: 'reorderVisitLegs', counterId: 'c2', ticket: number, legs: [2, 1] }),
        q,
      ),
    ).toBe('allowed');
    expect(
      verdict(DUKCAPIL, parse({ type: 'skipVisitLeg', counterId: 'c2', ticket: number, leg: 2 }), q),
    ).toBe('allowed');
  });

  it('lets staff skip their own agency’s leg wherever the ticket is, and nothing else of it', () => {
    const { q, number, jkn } = visit();
    expect(verdict(BPJS, parse({ type: 'skipVisitLeg', counterId: 'c5', ticket: number, leg: jkn }), q)).toBe(
      'allowed',
    );
    expect(verdict(BPJS, parse({ type: 'skipVisitLeg', counterId: 'c5', ticket: number, leg: 1 }), q)).toBe(
      'FORBIDDEN',
    );
    expect(
      verdict(BPJS, parse({ type: 'reorderVisitLegs', counterId: 'c5', ticket: number, legs: [2, 1] }), q),
    ).toBe('FORBIDDEN');
    // Not from another agency's counter, nor by another agency's staff.
    expect(verdict(BPJS, parse({ type: 'skipVisitLeg', counterId: 'c2', ticket: number, leg: jkn }), q)).toBe(
      'FORBIDDEN',
    );
    expect(
      verdict(IMIGRASI, parse({ type: 'skipVisitLeg', counterId: 'c4', ticket: number, leg: jkn }), q),
    ).toBe('FORBIDDEN');
    expect(
      verdict(
        SUPERVISOR,
        parse({ type: 'reorderVisitLegs', counterId: 'c4', ticket: number, legs: [2, 1] }),
        q,
      ),
    ).toBe('allowed');
  });
});

describe('actorOf', () => {
  it('records kiosks and staff, and nobody else', () => {
    const expected: Array<[Principal, Actor | undefined]> = [
      [PUBLIC, undefined],
      [DISPLAY, undefined],
      [KIOSK, { kind: 'kiosk', kioskId: 'k1' }],
      [DUKCAPIL, { kind: 'staff', username: 'dukcapil1', role: 'staff', agencyId: 'disdukcapil' }],
      [SUPERVISOR, { kind: 'staff', username: 'spv', role: 'supervisor' }],
    ];
    for (const [principal, actor] of expected) expect(actorOf(principal)).toEqual(actor);
  });
});

describe('authorizePrint', () => {
  const printVerdict = (principal: Principal, ticketId: string, kioskId?: string): string => {
    const { q } = setting();
    const result = authorizePrint(principal, { ticketId, kioskId }, q.config, q.state);
    return result.ok ? `on ${result.kioskId}` : result.error.code;
  };
  const A001 = testUuid(1);
  const P001 = testUuid(2);

  it('lets a kiosk print on its own printer only', () => {
    expect(printVerdict(KIOSK, A001)).toBe('on k1');
    expect(printVerdict(KIOSK, A001, 'k1')).toBe('on k1');
    expect(printVerdict(KIOSK, A001, 'k2')).toBe('FORBIDDEN');
  });

  it('lets staff reprint their agency’s tickets on a kiosk they name, a supervisor any ticket', () => {
    expect(printVerdict(DUKCAPIL, A001, 'k2')).toBe('on k2');
    expect(printVerdict(DUKCAPIL, P001, 'k2')).toBe('FORBIDDEN');
    expect(printVerdict(IMIGRASI, P001, 'k1')).toBe('on k1');
    expect(printVerdict(SUPERVISOR, P001, 'k1')).toBe('on k1');
    expect(printVerdict(DUKCAPIL, A001)).toBe('VALIDATION_FAILED');
    expect(printVerdict(DUKCAPIL, A001, 'k9')).toBe('VALIDATION_FAILED');
    expect(printVerdict(DUKCAPIL, testUuid(77), 'k1')).toBe('UNKNOWN_TICKET');
  });

  it('lets nobody else print', () => {
    expect(printVerdict(PUBLIC, A001, 'k1')).toBe('UNAUTHENTICATED');
    expect(printVerdict(DISPLAY, A001, 'k1')).toBe('UNAUTHENTICATED');
  });
});

describe('the survey', () => {
  it('is answered by citizens (a public page or a counter-facing screen), never by staff or a kiosk', () => {
    expect(authorizeSurveyResponse(PUBLIC)).toBeUndefined();
    expect(authorizeSurveyResponse(DISPLAY)).toBeUndefined();
    expect(authorizeSurveyResponse(KIOSK)?.code).toBe('FORBIDDEN');
    expect(authorizeSurveyResponse(DUKCAPIL)?.code).toBe('FORBIDDEN');
    expect(authorizeSurveyResponse(SUPERVISOR)?.code).toBe('FORBIDDEN');
  });

  it('has its follow-up recorded by a supervisor only', () => {
    expect(authorizeSurveyFollowUp(SUPERVISOR)).toBeUndefined();
    expect(authorizeSurveyFollowUp(DUKCAPIL)?.code).toBe('FORBIDDEN');
    expect(authorizeSurveyFollowUp(PUBLIC)?.code).toBe('UNAUTHENTICATED');
    expect(authorizeSurveyFollowUp(DISPLAY)?.code).toBe('UNAUTHENTICATED');
    expect(authorizeSurveyFollowUp(KIOSK)?.code).toBe('UNAUTHENTICATED');
  });
});
