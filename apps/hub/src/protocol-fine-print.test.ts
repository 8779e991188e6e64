import { join } from 'node:path';
import Database from 'better-sqlite3';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EventEnvelope, HallConfig, Principal } from '@antre/shared';
import { MAX_SYNC_EVENTS, PROTOCOL_VERSION } from '@antre/shared';
import type { TestHub } from '@antre/hub/testing';
import { demoHall, startTestHub } from '@antre/hub/testing';

// The fine print of docs/protocol.md, against a real hub: how lengths and integers are counted (§2),
// `position` in GET /api/tickets/:id (§14), what sync serves of the log and where the rest is (§11), and
// that events arrive on a connection in log order (§6, §11).

let config: HallConfig;
const hubs: TestHub[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  ({ config } = await demoHall());
});

afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  for (const h of hubs.splice(0)) await h.dispose();
});

async function hub(): Promise<TestHub> {
  const h = await startTestHub({ config, durability: 'NORMAL' });
  hubs.push(h);
  return h;
}

function socket(h: TestHub, auth: object = { protocol: PROTOCOL_VERSION }): Socket {
  const s = io(h.url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(s);
  return s;
}

function connectResult(s: Socket): Promise<string> {
  return new Promise((resolve) => {
    s.once('connect', () => resolve('connected'));
    s.once('connect_error', (err: Error & { data?: { code: string } }) => resolve(err.data?.code ?? '?'));
  });
}

type Reply = {
  ok: boolean;
  kind?: string;
  events?: EventEnvelope[];
  error?: { code: string; message: string };
};

function ask(s: Socket, event: string, payload: unknown): Promise<Reply> {
  return s.timeout(5000).emitWithAck(event, payload) as Promise<Reply>;
}

const supervisor: Principal = {
  kind: 'staff',
  staff: { username: 'supervisor', name: 'Supervisor', role: 'supervisor' },
};
const kiosk: Principal = { kind: 'kiosk', kioskId: 'kiosk-1' };

describe('lengths count code points, not UTF-16 code units', () => {
  // 🙂 is one code point and two UTF-16 code units.
  const smiles = (n: number) => '🙂'.repeat(n);

  it('in a request: a deviceId of 64 emoji (128 units) passes, of 65 emoji not', async () => {
    const s = socket(await hub());
    expect(await connectResult(s)).toBe('connected');
    const enrol = (deviceId: string) =>
      ask(s, 'device:enrol', { pairingCode: '000000', kind: 'display', deviceId });
    expect((await enrol(smiles(64))).error?.code).toBe('INVALID_PAIRING_CODE'); // past the schema
    expect((await enrol(smiles(65))).error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Too big: expected string to have <=64 characters',
    });
  });

  it('in the handshake, in the object and the string form of demoDevice alike', async () => {
    const h = await hub();
    const object = (deviceId: string) => ({
      protocol: PROTOCOL_VERSION,
      demoDevice: { kind: 'display', deviceId },
    });
    const text = (deviceId: string) => ({ protocol: PROTOCOL_VERSION, demoDevice: `display:${deviceId}` });
    for (const auth of [object, text]) {
      expect(await connectResult(socket(h, auth(smiles(64))))).toBe('connected');
      expect(await connectResult(socket(h, auth(smiles(65))))).toBe('PROTOCOL_MISMATCH');
    }
  });
});

describe('integers are safe integers: at most 2⁵³−1', () => {
  it('takes sinceSeq up to 2⁵³−1 and refuses 2⁵³ and fractions', async () => {
    const s = socket(await hub());
    expect(await connectResult(s)).toBe('connected');
    expect(await ask(s, 'sync', { sinceSeq: 2 ** 53 - 1 })).toMatchObject({ ok: true, kind: 'snapshot' });
    for (const sinceSeq of [2 ** 53, 1.5, -1]) {
      expect((await ask(s, 'sync', { sinceSeq })).error?.code, String(sinceSeq)).toBe('VALIDATION_FAILED');
    }
  });

  it('refuses an issuedAt of 2⁵³ in a command', async () => {
    const h = await hub();
    const reply = h.service.execute(kiosk, 'fine-print-0001', {
      type: 'syncOfflineTicket',
      ticketId: '0b9c7d2e-1111-4a2b-8c3d-4e5f6a7b8c9d',
      serviceId: 'kartu-keluarga',
      number: 501,
      priority: 'none',
      issuedAt: 2 ** 53,
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('GET /api/tickets/:id', () => {
  it('always has `position`: the place while waiting, null once called and after', async () => {
    const h = await hub();
    const issued = h.service.execute(kiosk, 'fine-print-0002', {
      type: 'issueTicket',
      serviceId: 'kartu-keluarga',
    });
    const ticket =
      issued.ok && issued.events[0]?.event.type === 'TicketIssued'
        ? issued.events[0].event.ticket
        : undefined;
    const read = async () =>
      (await (await fetch(`${h.url}/api/tickets/${ticket?.id ?? ''}`)).json()) as Record<string, unknown>;
    expect((await read())['position']).toEqual({
      ahead: 0,
      minutes: expect.any(Number) as number,
      low: expect.any(Number) as number,
      high: expect.any(Number) as number,
    });
    const counterId = config.counters.find((c) => c.serviceIds.includes('kartu-keluarga'))?.id ?? '';
    h.service.execute(supervisor, 'fine-print-0003', { type: 'setCounterStatus', counterId, status: 'open' });
    expect(h.service.execute(supervisor, 'fine-print-0004', { type: 'callNext', counterId }).ok).toBe(true);
    const called = await read();
    expect(Object.keys(called)).toContain('position');
    expect(called['position']).toBeNull();
    h.service.execute(supervisor, 'fine-print-0005', { type: 'finish', counterId });
    const done = await read();
    expect(Object.keys(done)).toContain('position');
    expect(done['position']).toBeNull();
  });
});

describe('the log through the protocol', () => {
  it('serves at most the last 2000 events; older ones only in the hub database', async () => {
    const h = await hub();
    const open = config.services.filter((s) => s.dailyQuota === undefined && s.hours === undefined);
    for (let i = 0; i <= MAX_SYNC_EVENTS; i++) {
      const serviceId = open[i % open.length]?.id ?? '';
      expect(h.service.execute(kiosk, `fine-print-log-${i}`, { type: 'issueTicket', serviceId }).ok).toBe(
        true,
      );
    }
    const seq = h.service.state.seq;
    expect(seq).toBe(MAX_SYNC_EVENTS + 1);
    const s = socket(h);
    expect(await connectResult(s)).toBe('connected');
    // 2001 behind: a snapshot of today, not the events. 2000 behind: exactly those.
    expect(await ask(s, 'sync', { sinceSeq: seq - MAX_SYNC_EVENTS - 1 })).toMatchObject({ kind: 'snapshot' });
    const recent = await ask(s, 'sync', { sinceSeq: seq - MAX_SYNC_EVENTS });
    expect(recent.events?.map((e) => e.seq)).toEqual(
      Array.from({ length: MAX_SYNC_EVENTS }, (_, i) => seq - MAX_SYNC_EVENTS + 1 + i),
    );
    // The whole history is in the database's events table, read as §11 says.
    const db = new Database(join(h.dataDir, 'antre.sqlite'), { readonly: true });
    try {
      const rows = db.prepare('SELECT seq, at, payload FROM events ORDER BY seq').all() as Array<{
        seq: number;
        at: number;
        payload: string;
      }>;
      expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: seq }, (_, i) => i + 1));
      const last = recent.events?.at(-1);
      expect({
        seq: rows.at(-1)?.seq,
        at: rows.at(-1)?.at,
        event: JSON.parse(rows.at(-1)?.payload ?? '') as unknown,
      }).toEqual(last);
    } finally {
      db.close();
    }
  });

  it('sends a connection its events in log order, batch after batch, with no gap', async () => {
    const h = await hub();
    const display = socket(h);
    const seen: number[] = [];
    display.on('events', (batch: EventEnvelope[]) => seen.push(...batch.map((e) => e.seq)));
    expect(await connectResult(display)).toBe('connected');
    const k = socket(h, { protocol: PROTOCOL_VERSION, demoDevice: { kind: 'kiosk', deviceId: 'kiosk-1' } });
    expect(await connectResult(k)).toBe('connected');
    const open = config.services.filter((s) => s.dailyQuota === undefined && s.hours === undefined);
    // Many commands in flight at once: the hub commits them in batches and broadcasts each batch in order.
    const replies = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        ask(k, 'command', {
          commandId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          command: { type: 'issueTicket', serviceId: open[i % open.length]?.id },
        }),
      ),
    );
    expect(replies.every((r) => r.ok)).toBe(true);
    await expect.poll(() => seen.length).toBe(60);
    expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });
});
