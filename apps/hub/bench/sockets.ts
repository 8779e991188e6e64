import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { CommandReply, Handshake } from '@antre/shared';
import { PROTOCOL_VERSION } from '@antre/shared';
import { HubConnection } from '@antre/client';
import { waitFor } from '@antre/hub/testing';

/** Connections opened at once while connecting many: keeps the accept queue and handshakes sane. */
const CONNECT_BATCH = 50;
const CONNECT_TIMEOUT_MS = 30_000;

/**
 * Plain socket.io-client connections (websocket transport, no reconnects) that the hub has accepted:
 * each has had its `welcome`. Public principals by default, as a display or a ticket page.
 */
export async function openSockets(
  url: string,
  count: number,
  credentials: Omit<Handshake, 'protocol'> = {},
): Promise<Socket[]> {
  const sockets: Socket[] = [];
  try {
    for (let i = 0; i < count; i += CONNECT_BATCH) {
      const batch = Array.from({ length: Math.min(CONNECT_BATCH, count - i) }, () =>
        openSocket(url, credentials),
      );
      for (const s of batch) sockets.push(s.socket);
      await Promise.all(batch.map((s) => s.welcomed));
    }
    return sockets;
  } catch (err) {
    closeSockets(sockets);
    throw err;
  }
}

function openSocket(
  url: string,
  credentials: Omit<Handshake, 'protocol'>,
): { socket: Socket; welcomed: Promise<void> } {
  const socket = io(url, {
    auth: { protocol: PROTOCOL_VERSION, ...credentials },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: CONNECT_TIMEOUT_MS,
  });
  const welcomed = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no welcome from the server')), CONNECT_TIMEOUT_MS);
    socket.once('welcome', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('connect_error', (err: Error) => {
      clearTimeout(timer);
      reject(err);
    });
  });
  return { socket, welcomed };
}

/** Like `openSockets`, for the bare baseline server, which sends no welcome: resolves on connect. */
export async function openBareSockets(url: string, count: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  try {
    for (let i = 0; i < count; i += CONNECT_BATCH) {
      const batch = Array.from({ length: Math.min(CONNECT_BATCH, count - i) }, () => {
        const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
        sockets.push(socket);
        return new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', reject);
        });
      });
      await Promise.all(batch);
    }
    return sockets;
  } catch (err) {
    closeSockets(sockets);
    throw err;
  }
}

export function closeSockets(sockets: readonly Socket[]): void {
  for (const s of sockets) s.close();
}

/** A kiosk as the kiosk app connects (HubConnection: mirror, commands with ids), trusted in demo mode. */
async function openKiosk(url: string, kioskId: string): Promise<HubConnection> {
  const conn = new HubConnection({
    url,
    credentials: () => ({ demoDevice: { kind: 'kiosk', deviceId: kioskId } }),
    ackTimeoutMs: 30_000,
    socketOptions: { forceNew: true },
  });
  try {
    await waitFor(
      conn,
      () => conn.status === 'online' && conn.state !== undefined && conn.config !== undefined,
      30_000,
    );
  } catch (err) {
    conn.close();
    throw err;
  }
  return conn;
}

export async function openKiosks(
  url: string,
  count: number,
  kioskIds: readonly string[],
): Promise<HubConnection[]> {
  const conns: HubConnection[] = [];
  try {
    for (let i = 0; i < count; i += 1)
      conns.push(await openKiosk(url, kioskIds[i % kioskIds.length] ?? 'kiosk-1'));
    return conns;
  } catch (err) {
    for (const c of conns) c.close();
    throw err;
  }
}

/** A command over a plain socket, with a fresh id, as a counter sends it. */
export async function command(socket: Socket, command: object): Promise<CommandReply> {
  const envelope = { commandId: crypto.randomUUID(), command };
  return (await socket.timeout(10_000).emitWithAck('command', envelope)) as CommandReply;
}
