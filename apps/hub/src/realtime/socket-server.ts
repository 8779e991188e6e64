import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { ClientToServerEvents, DomainError, ServerToClientEvents, Welcome } from '@antre/shared';
import { MAX_PAYLOAD_BYTES, PROTOCOL_VERSION } from '@antre/shared';
import { TokenBucket } from '../auth/token-bucket.js';
import type { Logger } from '../logger.js';
import { DevicePresence, deviceOf } from '../auth/device-presence.js';
import type { Device } from '../auth/device-registry.js';
import { authenticateHandshake } from './authentication.js';
import type { Connection, SocketData } from './connection.js';
import { hubParser } from './packet-decoder.js';
import { requestGate } from './request-gate.js';
import type { RequestHandlerDeps } from './request-handlers.js';
import { requestHandlers } from './request-handlers.js';
import { holdSocketWrites } from './write-holding.js';

export type HubSocketServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

export interface RateLimits {
  /** Tickets a kiosk may issue per second, sustained, and at once. */
  issuePerSecond: number;
  issueBurst: number;
  /** Messages one connection may send per second, sustained, and at once. */
  messagesPerSecond: number;
  messageBurst: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  issuePerSecond: 0.5,
  issueBurst: 10,
  messagesPerSecond: 50,
  messageBurst: 100,
};

export interface SocketDeps extends Omit<
  RequestHandlerDeps,
  'issuePerSecond' | 'issueBurst' | 'presence' | 'cutDevice'
> {
  logger: Logger;
  version: string;
  rateLimits: RateLimits;
  /** The hub's address as visitors' phones reach it, told to every client in `welcome`. */
  publicUrl: () => string;
}

/** Socket.IO on the hub's HTTP server: the handshake, the welcome, and every request through the gate. */
export function attachSocketServer(http: HttpServer, deps: SocketDeps): HubSocketServer {
  const io: HubSocketServer = new Server(http, {
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    serveClient: false,
    cors: { origin: true },
    pingInterval: 10_000,
    pingTimeout: 8_000,
    parser: hubParser,
  });
  const presence = new DevicePresence();
  // A revoked device's connections stay open but act as the public: its next issue is refused by the policy,
  // and its next connect by the handshake.
  const cutDevice = (device: Device) => {
    for (const socket of io.sockets.sockets.values()) {
      const held = deviceOf(socket.data.principal);
      if (held?.kind !== device.kind || held.deviceId !== device.deviceId) continue;
      presence.disconnected(socket.data.principal, deps.now());
      socket.data.principal = { kind: 'public' };
    }
  };
  const handlers = requestHandlers({
    ...deps,
    ...deps.rateLimits,
    presence,
    cutDevice,
    beforeBatch: () => holdSocketWrites(io),
  });
  const messageLimiter = new TokenBucket(
    deps.rateLimits.messagesPerSecond,
    deps.rateLimits.messageBurst,
    deps.now,
  );

  io.use((socket, next) => {
    const accepted = authenticateHandshake(socket.handshake.auth, socket.handshake.address, deps);
    if ('code' in accepted) return next(connectError(accepted));
    socket.data = accepted;
    next();
  });

  io.on('connection', (socket) => {
    const connection: Connection = {
      data: socket.data,
      address: socket.handshake.address,
      log: deps.logger.child({ socket: socket.id }),
    };
    connection.log.debug({ principal: socket.data.principal }, 'connected');
    socket.emit('welcome', welcome(deps, socket.data));
    // The gate answers every message itself and never calls `next`: no listener is needed, none is reached.
    const gate = requestGate(connection, handlers, messageLimiter, socket.id);
    socket.use((message) => gate(message));
    presence.connected(socket.data.principal, deps.now());
    socket.on('disconnect', () => presence.disconnected(socket.data.principal, deps.now()));
  });

  return io;
}

/**
 * Ends a staff member's open connections (deactivated, new PIN, new role): each acts as the public at once, and
 * its transport is closed, so that the client connects again with its session, which the hub refuses.
 */
export function cutStaff(io: HubSocketServer, username: string): void {
  for (const socket of io.sockets.sockets.values()) {
    const { principal } = socket.data;
    if (principal.kind !== 'staff' || principal.staff.username !== username) continue;
    socket.data.principal = { kind: 'public' };
    delete socket.data.sessionToken;
    socket.conn.close();
  }
}

function welcome(deps: SocketDeps, data: SocketData): Welcome {
  return {
    protocol: PROTOCOL_VERSION,
    hubVersion: deps.version,
    hallId: deps.config().hall.id,
    logId: deps.service.logId,
    now: deps.now(),
    day: deps.service.state.day,
    seq: deps.service.state.seq,
    principal: data.principal,
    publicUrl: deps.publicUrl(),
  };
}

function connectError(error: DomainError): Error & { data: DomainError } {
  return Object.assign(new Error(error.message), { data: error });
}
