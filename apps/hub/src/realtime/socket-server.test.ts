import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { HallConfig } from '@antre/shared';
import { MAX_PAYLOAD_BYTES, PROTOCOL_VERSION, requestSchemas } from '@antre/shared';
import type { TestHub } from '@antre/hub/testing';
import { demoHall, startTestHub } from '@antre/hub/testing';

let config: HallConfig;
let pins: Map<string, string>;
const hubs: TestHub[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  ({ config, pins } = await demoHall());
});

afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  for (const h of hubs.splice(0)) await h.dispose();
});

async function hub(overrides: Parameters<typeof startTestHub>[0] extends infer O ? Partial<O> : never = {}) {
  const h = await startTestHub({ config, ...overrides });
  hubs.push(h);
  return h;
}

/** A raw Socket.IO client, as a hostile or foreign client would be. */
function raw(url: string, auth: Record<string, unknown> = { protocol: PROTOCOL_VERSION }): Socket {
  const s = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(s);
  return s;
}

function connected(s: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve());
    s.once('connect_error', reject);
  });
}

function refused(s: Socket): Promise<{ code?: string }> {
  return new Promise((resolve) =>
    s.once('connect_error', (err: Error & { data?: { code?: string } }) => resolve(err.data ?? {})),
  );
}

type Reply = { ok: boolean; error?: { code: string; details?: Record<string, unknown> } };

function ask(s: Socket, event: string, ...args: unknown[]): Promise<Reply> {
  return s.timeout(3000).emitWithAck(event, ...args) as Promise<Reply>;
}

const kiosk = { protocol: PROTOCOL_VERSION, demoDevice: { kind: 'kiosk', deviceId: 'kiosk-1' } };
let n = 0;
const commandId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

describe('the hub boundary', () => {
  it('refuses a client of another protocol version, or with no handshake', async () => {
    const h = await hub();
    expect(await refused(raw(h.url, { protocol: PROTOCOL_VERSION + 1 }))).toMatchObject({
      code: 'PROTOCOL_MISMATCH',
    });
    expect(await refused(raw(h.url, {}))).toMatchObject({ code: 'PROTOCOL_MISMATCH' });
    expect(
      await refused(raw(h.url, { protocol: PROTOCOL_VERSION, deviceToken: 'x'.repeat(32) })),
    ).toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('answers every malformed command with VALIDATION_FAILED and changes nothing', async () => {
    const h = await hub();
    const s = raw(h.url, kiosk);
    await connected(s);
    const before = structuredClone(h.service.state);
    const bad: unknown[] = [
      null,
      'issueTicket',
      42,
      [],
      { commandId: 1, command: { type: 'issueTicket', serviceId: 'skck' } },
      { commandId: 'short', command: { type: 'issueTicket', serviceId: 'skck' } },
      { commandId: commandId() },
      { commandId: commandId(), command: { type: 'launchMissiles' } },
      { commandId: commandId(), command: { type: 'issueTicket', serviceId: 123 } },
      { commandId: commandId(), command: { type: 'issueTicket', serviceId: 'skck', priority: 'vip' } },
      { commandId: commandId(), command: { type: 'issueTicket', serviceId: 'skck', extra: true } },
      { commandId: commandId(), command: { type: 'issueTicket', serviceId: 'x'.repeat(5000) } },
      { commandId: commandId(), command: { type: 'callNext' } },
      {
        commandId: commandId(),
        command: JSON.parse('{"type":"issueTicket","serviceId":"skck","__proto__":{"x":1}}'),
      },
      {
        commandId: commandId(),
        command: { type: 'syncOfflineTicket', ticketId: 'not-a-uuid', serviceId: 'skck' },
      },
    ];
    for (const payload of bad) {
      const reply = await ask(s, 'command', payload);
      expect(reply.ok, JSON.stringify(payload).slice(0, 80)).toBe(false);
      expect(reply.error?.code).toBe('VALIDATION_FAILED');
    }
    expect(h.service.state).toEqual(before);
    // The same connection still works afterwards.
    const ok = await ask(s, 'command', {
      commandId: commandId(),
      command: { type: 'issueTicket', serviceId: 'skck' },
    });
    expect(ok.ok).toBe(true);
  });

  it('answers every event of the contract, each through its own schema, and no other', async () => {
    const h = await hub();
    const s = raw(h.url, kiosk);
    await connected(s);
    for (const event of Object.keys(requestSchemas)) {
      // A field no schema knows: the event's own strict schema refuses the payload, not the gate the event.
      const reply = await ask(s, event, { surplus: 1 });
      expect(reply, event).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED', message: expect.not.stringMatching(/^unknown event/) },
      });
    }
    for (const event of [
      'Sync',
      'command ',
      'config',
      'staff:signin',
      'toString',
      '__proto__',
      'hasOwnProperty',
    ]) {
      expect(await ask(s, event, {}), event).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED', message: `unknown event ${event}` },
      });
    }
  });

  it('answers unknown events, ignores messages without an ack, and keeps serving', async () => {
    const h = await hub();
    const s = raw(h.url, kiosk);
    await connected(s);
    expect((await ask(s, 'dropTables', {})).error?.code).toBe('VALIDATION_FAILED');
    s.emit('command', { commandId: commandId(), command: { type: 'issueTicket', serviceId: 'skck' } });
    s.emit('sync');
    expect((await ask(s, 'sync', { sinceSeq: -5 })).error?.code).toBe('VALIDATION_FAILED');
    expect((await ask(s, 'sync', 'all')).error?.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(h.service.state.tickets)).toHaveLength(0);
    expect((await ask(s, 'whoami', {})).ok).toBe(true);
  });

  it('drops a connection that sends an oversized payload; others are unaffected', async () => {
    const h = await hub();
    const bystander = raw(h.url, kiosk);
    const attacker = raw(h.url, kiosk);
    await Promise.all([connected(bystander), connected(attacker)]);
    const gone = new Promise<string>((resolve) => attacker.once('disconnect', (reason) => resolve(reason)));
    attacker.emit(
      'command',
      {
        commandId: commandId(),
        command: { type: 'issueTicket', serviceId: 'x'.repeat(MAX_PAYLOAD_BYTES * 2) },
      },
      () => undefined,
    );
    expect(await gone).toBe('transport close');
    const ok = await ask(bystander, 'command', {
      commandId: commandId(),
      command: { type: 'issueTicket', serviceId: 'skck' },
    });
    expect(ok.ok).toBe(true);
    const health = (await (await fetch(`${h.url}/api/health`)).json()) as { status: string };
    expect(health.status).toBe('ok');
  });

  it('refuses a flood of messages from one connection', async () => {
    const h = await hub({ rateLimits: { messagesPerSecond: 5, messageBurst: 10 } });
    const s = raw(h.url, kiosk);
    await connected(s);
    const replies = await Promise.all(Array.from({ length: 30 }, () => ask(s, 'whoami', {})));
    const limited = replies.filter((r) => r.error?.code === 'RATE_LIMITED').length;
    expect(limited).toBeGreaterThanOrEqual(15);
    expect(replies.filter((r) => r.ok).length).toBeGreaterThanOrEqual(10);
  });

  it('limits how fast one kiosk issues tickets', async () => {
    const h = await hub({ rateLimits: { issuePerSecond: 0.5, issueBurst: 3 } });
    const s = raw(h.url, kiosk);
    await connected(s);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await ask(s, 'command', {
        commandId: commandId(),
        command: { type: 'issueTicket', serviceId: 'skck' },
      });
      codes.push(r.ok ? 'ok' : (r.error?.code ?? '?'));
    }
    expect(codes).toEqual(['ok', 'ok', 'ok', 'RATE_LIMITED', 'RATE_LIMITED']);
    expect(Object.keys(h.service.state.tickets)).toHaveLength(3);
  });

  it('slows PIN guessing and does not tell which user names exist', async () => {
    const h = await hub();
    const s = raw(h.url);
    await connected(s);
    expect((await ask(s, 'staff:signIn', { username: 'nobody', pin: '000000' })).error?.code).toBe(
      'INVALID_CREDENTIALS',
    );
    for (let i = 0; i < 3; i++) {
      expect((await ask(s, 'staff:signIn', { username: 'dukcapil1', pin: '111111' })).error?.code).toBe(
        'INVALID_CREDENTIALS',
      );
    }
    const throttled = await ask(s, 'staff:signIn', { username: 'dukcapil1', pin: pins.get('dukcapil1') });
    expect(throttled.error?.code).toBe('RATE_LIMITED');
    expect(Number(throttled.error?.details?.['retryAfterMs'])).toBeGreaterThan(0);
    h.clock.advance(60_000);
    expect((await ask(s, 'staff:signIn', { username: 'dukcapil1', pin: pins.get('dukcapil1') })).ok).toBe(
      true,
    );
    expect((await ask(s, 'staff:signIn', { username: 'dukcapil1' })).error?.code).toBe('VALIDATION_FAILED');
  });

  it('enrols a device with the pairing code, and trusts nothing else outside demo mode', async () => {
    const h = await hub({ demoMode: false, pairingCode: '424242' });
    const pretender = raw(h.url, kiosk);
    await connected(pretender);
    const denied = await ask(pretender, 'command', {
      commandId: commandId(),
      command: { type: 'issueTicket', serviceId: 'skck' },
    });
    expect(denied.error?.code).toBe('UNAUTHENTICATED');
    expect(
      (await ask(pretender, 'device:enrol', { pairingCode: '000000', kind: 'kiosk', deviceId: 'kiosk-1' }))
        .error?.code,
    ).toBe('INVALID_PAIRING_CODE');
    expect(
      (await ask(pretender, 'device:enrol', { pairingCode: '424242', kind: 'kiosk', deviceId: 'kiosk-99' }))
        .error?.code,
    ).toBe('VALIDATION_FAILED');
    const enrolled = (await ask(pretender, 'device:enrol', {
      pairingCode: '424242',
      kind: 'kiosk',
      deviceId: 'kiosk-2',
    })) as Reply & {
      deviceToken?: string;
    };
    expect(enrolled.ok).toBe(true);
    const device = raw(h.url, { protocol: PROTOCOL_VERSION, deviceToken: enrolled.deviceToken });
    await connected(device);
    expect(await ask(device, 'whoami', {})).toEqual({
      ok: true,
      principal: { kind: 'kiosk', kioskId: 'kiosk-2' },
    });
    expect(
      (
        await ask(device, 'command', {
          commandId: commandId(),
          command: { type: 'issueTicket', serviceId: 'skck' },
        })
      ).ok,
    ).toBe(true);
  });

  it('lets nobody but staff act at a counter, and only their agency', async () => {
    const h = await hub();
    const k = raw(h.url, kiosk);
    await connected(k);
    const asKiosk = await ask(k, 'command', {
      commandId: commandId(),
      command: { type: 'callNext', counterId: 'loket-2' },
    });
    expect(asKiosk.error?.code).toBe('FORBIDDEN');
    const s = raw(h.url);
    await connected(s);
    expect((await ask(s, 'staff:signIn', { username: 'supervisor', pin: pins.get('supervisor') })).ok).toBe(
      true,
    );
    const open = await ask(s, 'command', {
      commandId: commandId(),
      command: { type: 'setCounterStatus', counterId: 'loket-20', status: 'open' },
    });
    expect(open.ok).toBe(true);
    expect((await ask(s, 'staff:signOut', {})).ok).toBe(true);
    const after = await ask(s, 'command', { commandId: commandId(), command: { type: 'closeDay' } });
    expect(after.error?.code).toBe('UNAUTHENTICATED');
  });

  it('survives events sent with only an ack, or with extra arguments', async () => {
    const h = await hub();
    const s = raw(h.url, kiosk);
    await connected(s);
    const ackOnly = (await s.timeout(3000).emitWithAck('whoami')) as Reply;
    expect(ackOnly.ok).toBe(true);
    const noPayloadCommand = (await s.timeout(3000).emitWithAck('command')) as Reply;
    expect(noPayloadCommand.error?.code).toBe('VALIDATION_FAILED');
    const extra = (await s.timeout(3000).emitWithAck('sync', { sinceSeq: 0 }, 'more', 1)) as Reply;
    expect(extra.error?.code).toBe('VALIDATION_FAILED');
    expect((await fetch(`${h.url}/api/health`)).ok).toBe(true);
  });

  it('accepts a handshake from clients whose auth holds only strings', async () => {
    const h = await hub();
    const s = raw(h.url, { protocol: String(PROTOCOL_VERSION), demoDevice: 'kiosk:kiosk-2' });
    await connected(s);
    expect(await ask(s, 'whoami', {})).toEqual({
      ok: true,
      principal: { kind: 'kiosk', kioskId: 'kiosk-2' },
    });
    expect(await refused(raw(h.url, { protocol: 'one' }))).toMatchObject({ code: 'PROTOCOL_MISMATCH' });
  });

  it('refuses commands from a display as forbidden', async () => {
    const h = await hub();
    const s = raw(h.url, { protocol: PROTOCOL_VERSION, demoDevice: { kind: 'display', deviceId: 'lobi' } });
    await connected(s);
    const r = await ask(s, 'command', {
      commandId: commandId(),
      command: { type: 'issueTicket', serviceId: 'skck' },
    });
    expect(r.error?.code).toBe('FORBIDDEN');
  });

  it('answers a retry with its first answer even when the kiosk is over its rate limit', async () => {
    const h = await hub({ rateLimits: { issuePerSecond: 0.01, issueBurst: 1 } });
    const s = raw(h.url, kiosk);
    await connected(s);
    const envelope = { commandId: commandId(), command: { type: 'issueTicket', serviceId: 'skck' } };
    const first = await ask(s, 'command', envelope);
    expect(first.ok).toBe(true);
    expect(await ask(s, 'command', envelope)).toEqual(first);
    const fresh = await ask(s, 'command', { ...envelope, commandId: commandId() });
    expect(fresh.error?.code).toBe('RATE_LIMITED');
  });

  it('limits pairing-code guesses per address', async () => {
    const h = await hub({ demoMode: false, pairingCode: '135790' });
    const s = raw(h.url);
    await connected(s);
    const codes: string[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await ask(s, 'device:enrol', {
        pairingCode: String(100000 + i),
        kind: 'display',
        deviceId: 'tv',
      });
      codes.push(r.error?.code ?? 'ok');
    }
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('INVALID_PAIRING_CODE'));
    expect(codes.slice(5)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    // Even the right code waits now: guessing has to slow down.
    expect(
      (await ask(s, 'device:enrol', { pairingCode: '135790', kind: 'display', deviceId: 'tv' })).error?.code,
    ).toBe('RATE_LIMITED');
  });
});
