import type { ErrorCode } from '@antre/shared';
import { MAX_PAYLOAD_BYTES, PROTOCOL_VERSION } from '@antre/shared';

export type FuzzCategory =
  'wrong-type' | 'hostile-command' | 'unknown-event' | 'huge' | 'handshake' | 'flood' | 'replay' | 'no-ack';

/** Who the hostile client claims to be at connect. */
export type FuzzIdentity = 'public' | 'kiosk' | 'display';

/** One hostile message: an event and its arguments (an ack is added), sent as `as`. */
export interface MessageCase {
  name: string;
  category: Exclude<FuzzCategory, 'handshake' | 'replay' | 'flood' | 'no-ack'>;
  as: FuzzIdentity;
  event: string;
  args: unknown[];
  /** The codes the contract leads one to expect; any error code counts as answered, these as expected. */
  expect: ErrorCode[];
  /** Sent on a connection of its own, since the hub drops the connection for it. */
  ownConnection?: boolean;
}

/** A hostile handshake: refused at connect with a code. */
export interface HandshakeCase {
  name: string;
  auth: unknown;
  expect: ErrorCode[];
}

const uuid = () => crypto.randomUUID();
const envelope = (command: unknown) => ({ commandId: uuid(), command });
const KIOSK_ONLY = 'pembayaran-pajak-retribusi';

/**
 * The hostile messages of one burst: wrong types, hostile but well-formed commands, unknown events and
 * oversized payloads. None of them may change the queue; each must get an error code or lose its connection.
 */
export function messageCases(now: number): MessageCase[] {
  const wrongType = (name: string, as: FuzzIdentity, event: string, payload: unknown): MessageCase => ({
    name,
    category: 'wrong-type',
    as,
    event,
    args: [payload],
    expect: ['VALIDATION_FAILED'],
  });
  const hostile = (name: string, as: FuzzIdentity, command: unknown, expect: ErrorCode[]): MessageCase => ({
    name,
    category: 'hostile-command',
    as,
    event: 'command',
    args: [envelope(command)],
    expect,
  });
  const unknown = (name: string, event: string): MessageCase => ({
    name,
    category: 'unknown-event',
    as: 'public',
    event,
    args: [{}],
    expect: ['VALIDATION_FAILED'],
  });
  const huge = (name: string, event: string, payload: unknown, expect: ErrorCode[] = []): MessageCase => ({
    name,
    category: 'huge',
    as: 'kiosk',
    event,
    args: [payload],
    expect,
    ownConnection: true,
  });
  return [
    wrongType('envelope is a string', 'kiosk', 'command', 'issueTicket'),
    wrongType('envelope is a number', 'kiosk', 'command', 42),
    wrongType('envelope is null', 'kiosk', 'command', null),
    wrongType('envelope is an array', 'kiosk', 'command', [1, 2, 3]),
    wrongType('commandId is a number', 'kiosk', 'command', {
      commandId: 12345678,
      command: { type: 'issueTicket' },
    }),
    wrongType('command is a string', 'kiosk', 'command', envelope('issueTicket')),
    wrongType('serviceId is a number', 'kiosk', 'command', envelope({ type: 'issueTicket', serviceId: 123 })),
    wrongType(
      'unknown priority',
      'kiosk',
      'command',
      envelope({ type: 'issueTicket', serviceId: KIOSK_ONLY, priority: 'vip' }),
    ),
    wrongType(
      'extra field in a strict command',
      'kiosk',
      'command',
      envelope({ type: 'issueTicket', serviceId: KIOSK_ONLY, free: true }),
    ),
    wrongType('unknown command type', 'kiosk', 'command', envelope({ type: 'selfDestruct' })),
    wrongType('counterId is an object', 'kiosk', 'command', envelope({ type: 'callNext', counterId: {} })),
    wrongType(
      'offline ticket with nonsense fields',
      'kiosk',
      'command',
      envelope({
        type: 'syncOfflineTicket',
        ticketId: 'not-a-uuid',
        serviceId: KIOSK_ONLY,
        number: -1,
        priority: 'none',
        issuedAt: 'yesterday',
      }),
    ),
    wrongType(
      '__proto__ key in a command',
      'kiosk',
      'command',
      JSON.parse(
        `{"commandId":"${uuid()}","command":{"type":"callTicket","counterId":"loket-1","ticket":"A-001","__proto__":{"polluted":true}}}`,
      ),
    ),
    wrongType('sync with a negative seq', 'display', 'sync', { sinceSeq: -1 }),
    wrongType('sync with a string seq', 'display', 'sync', { sinceSeq: 'abc' }),
    wrongType('sync with a fractional seq', 'display', 'sync', { sinceSeq: 1.5 }),
    wrongType('sync with an extra field', 'display', 'sync', { sinceSeq: 0, all: true }),
    wrongType('sign-in with wrong types', 'public', 'staff:signIn', { username: 42, pin: [] }),
    wrongType('enrol as a printer', 'public', 'device:enrol', {
      pairingCode: 'x',
      kind: 'printer',
      deviceId: '',
    }),
    wrongType('config request with junk', 'public', 'config:get', { junk: 1 }),
    wrongType('whoami with a string', 'public', 'whoami', 'me'),
    wrongType('print with a numeric ticket', 'kiosk', 'ticket:print', { ticketId: 5 }),
    {
      name: 'two payloads and an ack',
      category: 'wrong-type',
      as: 'display',
      event: 'sync',
      args: [{ sinceSeq: 0 }, { sinceSeq: 0 }],
      expect: ['VALIDATION_FAILED'],
    },
    hostile('a stranger closes the day', 'public', { type: 'closeDay' }, ['UNAUTHENTICATED']),
    hostile('a stranger calls next', 'public', { type: 'callNext', counterId: 'loket-2' }, [
      'UNAUTHENTICATED',
    ]),
    hostile('a kiosk calls next', 'kiosk', { type: 'callNext', counterId: 'loket-2' }, ['FORBIDDEN']),
    hostile('a kiosk closes the day', 'kiosk', { type: 'closeDay' }, ['FORBIDDEN']),
    hostile('a kiosk cancels "__proto__"', 'kiosk', { type: 'cancelTicket', ticket: '__proto__' }, [
      'FORBIDDEN',
    ]),
    hostile('a display calls next', 'display', { type: 'callNext', counterId: 'loket-2' }, ['FORBIDDEN']),
    hostile('ticket for an unknown service', 'kiosk', { type: 'issueTicket', serviceId: 'no-such-service' }, [
      'UNKNOWN_SERVICE',
    ]),
    hostile(
      'offline ticket on a number never leased',
      'kiosk',
      {
        type: 'syncOfflineTicket',
        ticketId: uuid(),
        serviceId: KIOSK_ONLY,
        number: 99_999,
        priority: 'none',
        issuedAt: now,
      },
      ['LEASE_INVALID'],
    ),
    hostile(
      'print failure of an unknown ticket',
      'kiosk',
      { type: 'reportPrintFailure', ticketId: uuid(), reason: 'x' },
      ['UNKNOWN_TICKET'],
    ),
    {
      name: 'sign-in with a wrong PIN',
      category: 'hostile-command',
      as: 'public',
      event: 'staff:signIn',
      // A made-up name: the throttle counts per name and address, and real counters share the address.
      args: [{ username: 'fuzz-nobody', pin: '000000' }],
      expect: ['INVALID_CREDENTIALS', 'RATE_LIMITED'],
    },
    {
      name: 'enrol with a wrong pairing code',
      category: 'hostile-command',
      as: 'public',
      event: 'device:enrol',
      args: [{ pairingCode: '000000', kind: 'display', deviceId: 'fuzz' }],
      expect: ['INVALID_PAIRING_CODE', 'RATE_LIMITED'],
    },
    unknown('unknown event', 'hack'),
    unknown('admin-looking event', 'admin:dropTables'),
    unknown('"__proto__" event', '__proto__'),
    unknown('"constructor" event', 'constructor'),
    unknown('a server event sent by a client', 'events'),
    unknown('5 kB event name', 'x'.repeat(5000)),
    huge('70 kB service id', 'command', envelope({ type: 'issueTicket', serviceId: 'a'.repeat(70_000) })),
    huge('100 kB sync padding', 'sync', { sinceSeq: 0, pad: 'x'.repeat(100_000) }),
    huge(
      '60 kB service id (under the limit)',
      'command',
      envelope({ type: 'issueTicket', serviceId: 'a'.repeat(MAX_PAYLOAD_BYTES - 5000) }),
      ['VALIDATION_FAILED'],
    ),
    huge('10,000-element command', 'command', envelope(Array.from({ length: 10_000 }, (_, i) => i)), [
      'VALIDATION_FAILED',
    ]),
    huge('3,000-deep nesting', 'command', envelope(JSON.parse(`${'['.repeat(3000)}${']'.repeat(3000)}`)), [
      'VALIDATION_FAILED',
    ]),
  ];
}

/** Hostile handshakes: each must be refused at connect with a code. */
export const HANDSHAKE_CASES: HandshakeCase[] = [
  { name: 'no protocol', auth: {}, expect: ['PROTOCOL_MISMATCH'] },
  { name: 'a later protocol', auth: { protocol: PROTOCOL_VERSION + 1 }, expect: ['PROTOCOL_MISMATCH'] },
  { name: 'an earlier protocol', auth: { protocol: PROTOCOL_VERSION - 1 }, expect: ['PROTOCOL_MISMATCH'] },
  { name: 'protocol as an object', auth: { protocol: { v: 1 } }, expect: ['PROTOCOL_MISMATCH'] },
  {
    name: 'forged device token',
    auth: { protocol: PROTOCOL_VERSION, deviceToken: 'forged-device-token-123' },
    expect: ['UNAUTHENTICATED'],
  },
  {
    name: 'forged session token',
    auth: { protocol: PROTOCOL_VERSION, sessionToken: 'forged-session-token-1' },
    expect: ['UNAUTHENTICATED'],
  },
  {
    name: 'unknown demo kiosk',
    auth: { protocol: PROTOCOL_VERSION, demoDevice: { kind: 'kiosk', deviceId: 'kiosk-99' } },
    expect: ['UNAUTHENTICATED'],
  },
];
