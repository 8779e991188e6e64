import { describe, expect, it } from 'vitest';
import type { Command, CommandInput, CommandType } from './commands.js';
import { commandSchema } from './commands.js';
import type { Actor } from './queue-engine.js';
import { authorize } from './permissions.js';
import { TestQueue, testHall, testUuid } from './testing/test-hall.js';

const MON_0800 = Date.parse('2026-03-02T08:00:00+07:00');

const KIOSK: Actor = { kind: 'kiosk', kioskId: 'k1' };
const DUKCAPIL: Actor = { kind: 'staff', username: 'dukcapil1', role: 'staff', agencyId: 'disdukcapil' };
const IMIGRASI: Actor = { kind: 'staff', username: 'imigrasi1', role: 'staff', agencyId: 'imigrasi' };
const SUPERVISOR: Actor = { kind: 'staff', username: 'spv', role: 'supervisor' };
const SYSTEM: Actor = { kind: 'system' };

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

function verdict(actor: Actor | undefined, command: Command, q: TestQueue): string {
  return authorize(actor, command, q.config, q.state)?.code ?? 'allowed';
}

/** The verdict for every command type, as a record for readable failures. */
function verdicts(
  actor: Actor | undefined,
  change: (c: Command) => Command = (c) => c,
): Record<string, string> {
  const { q, examples } = setting();
  return Object.fromEntries(ALL_TYPES.map((type) => [type, verdict(actor, change(examples[type]), q)]));
}

const expectAll = (types: readonly string[], outcome: string): Record<string, string> =>
  Object.fromEntries(types.map((t) => [t, outcome]));

describe('authorize', () => {
  it('knows an example of every command', () => {
    expect([...ALL_TYPES].sort()).toEqual(Object.keys(setting().examples).sort());
    expect([...KIOSK_TYPES, ...COUNTER_TYPES, 'cancelTicket', 'closeDay'].sort()).toEqual(
      [...ALL_TYPES].sort(),
    );
  });

  it('refuses everything from someone unknown', () => {
    expect(verdicts(undefined)).toEqual(expectAll(ALL_TYPES, 'UNAUTHENTICATED'));
  });

  it('lets the hub itself do everything', () => {
    expect(verdicts(SYSTEM)).toEqual(expectAll(ALL_TYPES, 'allowed'));
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
      issueTicket: 'allowed',
      cancelTicket: 'FORBIDDEN', // A-001 is Disdukcapil's
      syncOfflineTicket: 'FORBIDDEN',
      leaseNumbers: 'FORBIDDEN',
      reportPrintFailure: 'FORBIDDEN',
      closeDay: 'FORBIDDEN',
    });
    const atC4 = (c: Command): Command => ('counterId' in c ? { ...c, counterId: 'c4' } : c);
    expect(verdicts(IMIGRASI, atC4)).toMatchObject(expectAll(COUNTER_TYPES, 'allowed'));
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
      expect(verdicts(SUPERVISOR, at)).toEqual({ ...expectAll(ALL_TYPES, 'allowed'), ...kioskOnly });
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
    q.must({ type: 'transfer', counterId: 'c1', toServiceId: 'paspor' });
    expect(verdict(DUKCAPIL, cancel('A-001'), q)).toBe('FORBIDDEN');
    expect(verdict(IMIGRASI, cancel('A-001'), q)).toBe('allowed');
  });

  it('leaves an unknown counter to the engine', () => {
    const { q } = setting();
    expect(verdict(DUKCAPIL, commandSchema.parse({ type: 'callNext', counterId: 'c99' }), q)).toBe('allowed');
  });

  it('refuses staff who belong to no agency at every counter', () => {
    const lost: Actor = { kind: 'staff', username: 'lost', role: 'staff' };
    expect(verdicts(lost)).toMatchObject(expectAll(COUNTER_TYPES, 'FORBIDDEN'));
  });
});
