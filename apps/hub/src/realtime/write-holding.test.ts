import { Socket as TcpSocket } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { CommandReply, EventEnvelope, HallConfig } from '@antre/shared';
import { PROTOCOL_VERSION } from '@antre/shared';
import type { TestHub } from '@antre/hub/testing';
import { demoHall, startTestHub } from '@antre/hub/testing';
import { holdSocketWrites, socketWritesHeld } from './write-holding.js';

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

async function kioskSocket(url: string): Promise<Socket> {
  const s = io(url, {
    auth: { protocol: PROTOCOL_VERSION, demoDevice: { kind: 'kiosk', deviceId: 'kiosk-1' } },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  sockets.push(s);
  await new Promise<void>((resolve, reject) => {
    s.once('welcome', () => resolve());
    s.once('connect_error', reject);
  });
  return s;
}

/** The server side's TCP socket of every connected client. */
function serverTcpSockets(hub: TestHub): TcpSocket[] {
  return [...hub.io.sockets.sockets.values()].map((s) => {
    const tcp = (s.conn as unknown as { transport: { socket: { _socket: unknown } } }).transport.socket
      ._socket;
    if (!(tcp instanceof TcpSocket)) throw new Error('no TCP socket under the connection');
    return tcp;
  });
}

describe('holding the clients’ writes during a batch', () => {
  it('holds every client’s socket for the rest of the turn, then sends what was written, in order', async () => {
    const hub = await startTestHub({ config });
    hubs.push(hub);
    const a = await kioskSocket(hub.url);
    const b = await kioskSocket(hub.url);
    const seen: string[] = [];
    a.on('events', (events: EventEnvelope[]) => seen.push(`a:${events.map((e) => e.seq).join(',')}`));
    b.on('events', (events: EventEnvelope[]) => seen.push(`b:${events.map((e) => e.seq).join(',')}`));
    const tcp = serverTcpSockets(hub);
    expect(tcp).toHaveLength(2);

    expect(socketWritesHeld(hub.io)).toBe(false);
    holdSocketWrites(hub.io);
    expect(tcp.map((t) => t.writableCorked)).toEqual([1, 1]);
    // The status pages' work waits while this is so.
    expect(socketWritesHeld(hub.io)).toBe(true);
    hub.io.emit('events', [
      {
        seq: 101,
        at: 0,
        event: { type: 'NumbersLeased', kioskId: 'kiosk-1', serviceId: 's', from: 1, to: 2 },
      },
    ]);
    hub.io.emit('events', [
      {
        seq: 102,
        at: 0,
        event: { type: 'NumbersLeased', kioskId: 'kiosk-1', serviceId: 's', from: 3, to: 4 },
      },
    ]);
    // Nothing has left yet: it leaves after this turn.
    expect(tcp.every((t) => t.writableLength > 0)).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(tcp.map((t) => t.writableCorked)).toEqual([0, 0]);
    expect(socketWritesHeld(hub.io)).toBe(false);
    await expect.poll(() => seen.length).toBe(4);
    expect(seen.filter((s) => s.startsWith('a:'))).toEqual(['a:101', 'a:102']);
    expect(seen.filter((s) => s.startsWith('b:'))).toEqual(['b:101', 'b:102']);
  });

  it('answers every command of a batch sent at once by one kiosk, each with its own reply', async () => {
    const hub = await startTestHub({ config });
    hubs.push(hub);
    const kiosk = await kioskSocket(hub.url);
    const serviceId = config.services[0]?.id ?? '';
    const replies = (await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        kiosk.timeout(3000).emitWithAck('command', {
          commandId: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
          command: { type: 'issueTicket', serviceId },
        }),
      ),
    )) as CommandReply[];
    const seqs = replies.map((r) => (r.ok ? r.seq : -1));
    expect(seqs.every((s) => s > 0)).toBe(true);
    expect(new Set(seqs).size).toBe(6);
  });
});
