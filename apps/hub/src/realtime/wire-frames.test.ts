import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HallConfig } from '@antre/shared';
import { PROTOCOL_VERSION } from '@antre/shared';
import type { TestHub } from '@antre/hub/testing';
import { WireClient, demoHall, startTestHub } from '@antre/hub/testing';

// What docs/protocol.md §3.4 and §4.1 promise, frame by frame, as a client in another language sends them.

let config: HallConfig;
const hubs: TestHub[] = [];
const clients: WireClient[] = [];

beforeAll(async () => {
  ({ config } = await demoHall());
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const h of hubs.splice(0)) await h.dispose();
});

async function hub(): Promise<TestHub> {
  const h = await startTestHub({ config });
  hubs.push(h);
  return h;
}

const kioskAuth = { protocol: PROTOCOL_VERSION, demoDevice: { kind: 'kiosk', deviceId: 'kiosk-1' } };

async function connected(h: TestHub): Promise<WireClient> {
  const c = await WireClient.connected(h.url, kioskAuth);
  clients.push(c);
  return c;
}

async function opened(h: TestHub): Promise<WireClient> {
  const c = await WireClient.open(h.url);
  clients.push(c);
  return c;
}

let nextId = 100;

/** Sends `42<id><payload>` and returns the hub's answer. */
async function request(c: WireClient, payload: string): Promise<unknown> {
  const id = nextId++;
  const from = c.received.length;
  c.send(`42${id}${payload}`);
  return c.ack(id, from);
}

/** The connection still answers: whoami comes back with the kiosk. */
async function expectServing(c: WireClient): Promise<void> {
  expect(await request(c, '["whoami",{}]')).toEqual({
    ok: true,
    principal: { kind: 'kiosk', kioskId: 'kiosk-1' },
  });
  expect(c.closeCode).toBeUndefined();
}

const validationFailed = (message: string) => ({ ok: false, error: { code: 'VALIDATION_FAILED', message } });

describe('frames the standard Socket.IO parser refuses', () => {
  it('answers reserved event names with VALIDATION_FAILED and keeps the connection', async () => {
    const c = await connected(await hub());
    for (const name of [
      'disconnect',
      'connect',
      'connect_error',
      'disconnecting',
      'newListener',
      'removeListener',
    ]) {
      expect(await request(c, `["${name}",{}]`), name).toEqual(
        validationFailed(`the event name ${name} is reserved`),
      );
    }
    await expectServing(c);
  });

  it('answers an event frame with no name, an object as name or a payload that is not JSON', async () => {
    const c = await connected(await hub());
    expect(await request(c, '[]')).toEqual(validationFailed('the frame names no event'));
    expect(await request(c, '[{"event":"whoami"},{}]')).toEqual(
      validationFailed('the event name is not a string'),
    );
    expect(await request(c, '[null]')).toEqual(validationFailed('the event name is not a string'));
    expect(await request(c, '{"whoami":{}}')).toEqual(validationFailed('the frame is not a JSON array'));
    expect(await request(c, '["whoami",{}')).toEqual(validationFailed('the frame is not a JSON array'));
    expect(await request(c, '[7,{}]')).toEqual(validationFailed('unknown event 7'));
    await expectServing(c);
  });

  it('drops such frames without an ack id, a negative ack id included, and keeps the connection', async () => {
    const c = await connected(await hub());
    const from = c.received.length;
    for (const frame of ['42["disconnect",{}]', '42[]', '42-1["whoami",{}]', '42{nonsense']) c.send(frame);
    c.send('430[{"ok":true}]'); // an ACK the hub never asked for: ignored
    await expectServing(c);
    // Nothing but the whoami answer (and perhaps a ping) came back.
    expect(c.received.slice(from).filter((f) => f !== '2')).toHaveLength(1);
  });

  it('answers a binary event with its payload refused by the schema', async () => {
    const c = await connected(await hub());
    const id = nextId++;
    const from = c.received.length;
    c.send(`451-${id}["sync",{"_placeholder":true,"num":0}]`);
    c.send(Buffer.from([1, 2, 3]));
    expect(await c.ack(id, from)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    await expectServing(c);
  });
});

describe('a handshake whose auth is not an object', () => {
  it('is refused with PROTOCOL_MISMATCH as a connect error, and the client may connect again', async () => {
    const h = await hub();
    const c = await opened(h);
    for (const auth of ['"string"', '[1,2]', 'null', '7', '{"protocol":']) {
      const from = c.received.length;
      c.send(`40${auth}`);
      const refusal = await c.next((f) => f.startsWith('44'), from);
      expect(JSON.parse(refusal.slice(2)), auth).toEqual({
        message: `this hub speaks protocol ${PROTOCOL_VERSION}`,
        data: { code: 'PROTOCOL_MISMATCH', message: `this hub speaks protocol ${PROTOCOL_VERSION}` },
      });
    }
    const from = c.received.length;
    c.send(`40${JSON.stringify(kioskAuth)}`);
    await c.next((f) => f.startsWith('40{"sid"'), from);
    await expectServing(c);
  });
});

describe('a CONNECT to another namespace', () => {
  it("gets socket.io's own connect error, not a DomainError, and the connection stays", async () => {
    const c = await opened(await hub());
    c.send('40/admin,{"protocol":1}');
    expect(await c.next((f) => f.startsWith('44'))).toBe('44/admin,{"message":"Invalid namespace"}');
    const from = c.received.length;
    c.send(`40${JSON.stringify(kioskAuth)}`);
    await c.next((f) => f.startsWith('40{"sid"'), from);
    await expectServing(c);
  });
});

describe('frames that close the connection (docs/protocol.md §4.1)', () => {
  const closes: Array<[string, (c: WireClient) => void, boolean]> = [
    ['an event before CONNECT', (c) => c.send('420["whoami",{}]'), false],
    ['a second CONNECT', (c) => c.send(`40${JSON.stringify(kioskAuth)}`), true],
    ['an unknown Socket.IO packet type', (c) => c.send('47["whoami"]'), true],
    ['an unknown Engine.IO packet type', (c) => c.send('x'), true],
    ['a malformed ACK', (c) => c.send('431"not an array"'), true],
    ['binary data with no binary event before it', (c) => c.send(Buffer.from([1, 2, 3])), true],
    ['a binary event announcing more than 10 attachments', (c) => c.send('4511-5["sync",{}]'), true],
    [
      'text while a binary event awaits its attachments',
      (c) => {
        c.send('451-5["sync",{"_placeholder":true,"num":0}]');
        c.send('425["whoami",{}]');
      },
      true,
    ],
  ];
  for (const [what, send, afterConnect] of closes) {
    it(`closes on ${what}`, async () => {
      const h = await hub();
      const c = afterConnect ? await connected(h) : await opened(h);
      const from = c.received.length;
      send(c);
      // A close frame without a status code (1005): engine.io closes the WebSocket with no reason given.
      expect(await c.closed()).toBe(1005);
      // Closed without an answer.
      expect(c.received.slice(from).filter((f) => f.startsWith('43') || f.startsWith('44'))).toEqual([]);
    });
  }
});
