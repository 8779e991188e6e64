import { Socket as TcpSocket } from 'node:net';
import type { HubSocketServer } from './socket-server.js';

/**
 * Holds back the connected clients' socket writes until the end of this turn of the event loop (`cork`),
 * then lets them go (`uncork`): a batch's broadcast and its answers (several to a kiosk or counter with
 * commands in flight) then leave in one write per client, one system call, instead of one per message.
 * Each client still gets its messages in the order they were sent; they leave a turn later at most.
 */
export function holdSocketWrites(io: HubSocketServer): void {
  const held: TcpSocket[] = [];
  for (const socket of io.sockets.sockets.values()) {
    const tcp = tcpSocketOf(socket.conn);
    if (!tcp || tcp.destroyed) continue;
    tcp.cork();
    held.push(tcp);
  }
  if (held.length === 0) return;
  holds.set(io, (holds.get(io) ?? 0) + 1);
  setImmediate(() => {
    for (const tcp of held) tcp.uncork();
    holds.set(io, (holds.get(io) ?? 1) - 1);
  });
}

/** Holds not yet let go, per server. */
const holds = new WeakMap<HubSocketServer, number>();

/**
 * Whether a batch's messages to the clients (counters, displays, kiosks) are still held: work that can wait
 * (the status pages') waits for the next turn, so that it never runs between a call and its broadcast.
 */
export function socketWritesHeld(io: HubSocketServer): boolean {
  return (holds.get(io) ?? 0) > 0;
}

/**
 * The TCP socket under an engine.io connection on the WebSocket transport (`ws`'s `_socket`); none for
 * long-polling, whose writes are HTTP responses.
 */
function tcpSocketOf(conn: unknown): TcpSocket | undefined {
  const transport = (conn as { transport?: { name?: string; socket?: { _socket?: unknown } } }).transport;
  const tcp = transport?.name === 'websocket' ? transport.socket?._socket : undefined;
  return tcp instanceof TcpSocket ? tcp : undefined;
}
