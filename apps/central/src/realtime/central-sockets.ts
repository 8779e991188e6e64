import type { Server as HttpServer } from 'node:http';
import type pg from 'pg';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { RedisClientType } from 'redis';
import { Server } from 'socket.io';
import type {
  CentralClientToServer,
  CentralPrincipal,
  CentralServerToClient,
  CentralSyncReply,
  ShippedEvent,
} from '@antre/shared';
import { CENTRAL_SYNC_LIMIT, authorizeCentralRead, centralSyncSchema } from '@antre/shared';
import { principalOf } from '../auth/central-sessions.js';
import { hallIds } from '../auth/hall-credentials.js';
import { currentLogs, eventsAfter } from '../ingest/log-ingest.js';

export type CentralSocketServer = Server<
  CentralClientToServer,
  CentralServerToClient,
  Record<string, never>,
  SocketData
>;

interface SocketData {
  /** Null for a socket connected without a session: the public page, which hears `central:moved` only. */
  principal: CentralPrincipal | null;
  halls: string[];
}

const room = (hallId: string) => `hall:${hallId}`;
const PUBLIC_ROOM = 'public';

/**
 * The dashboards' live feed on every central node. Broadcasts go through Redis Streams (the official
 * adapter), so a node tells the dashboards connected to any node. Connection state recovery is off on
 * purpose: a client resyncs from PostgreSQL by its cursor after every reconnect (`central:sync`, or the
 * pages' reload of their figures). A socket without a token is the public page's: it joins the public room
 * only. The node serves the official browser client (`/socket.io/socket.io.min.js`) to its two pages.
 */
export function attachCentralSockets(
  http: HttpServer,
  deps: { pool: pg.Pool; redis: RedisClientType; now: () => number; stream: string },
): CentralSocketServer {
  const io: CentralSocketServer = new Server(http, {
    adapter: createAdapter(deps.redis, { streamName: deps.stream }),
    serveClient: true,
  });
  io.use((socket, next) => {
    const token: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.['token'];
    if (token === undefined || token === null) {
      socket.data = { principal: null, halls: [] };
      return next();
    }
    if (typeof token !== 'string') return next(new Error('UNAUTHENTICATED'));
    void (async () => {
      const principal = await principalOf(deps.pool, token, deps.now());
      const allowed = authorizeCentralRead(principal, undefined, await hallIds(deps.pool));
      if (!principal || !allowed.ok)
        return next(new Error(allowed.ok ? 'UNAUTHENTICATED' : allowed.error.code));
      socket.data = { principal, halls: allowed.hallIds };
      next();
    })().catch((err: unknown) => next(err instanceof Error ? err : new Error(String(err))));
  });
  io.on('connection', (socket) => {
    void socket.join(socket.data.principal ? socket.data.halls.map(room) : [PUBLIC_ROOM]);
    socket.on('central:sync', (request, reply) => {
      if (typeof reply !== 'function') return;
      const parsed = centralSyncSchema.safeParse(request);
      if (!parsed.success) return reply({ ok: false, error: 'VALIDATION_FAILED' });
      const { hallId, logId, afterSeq } = parsed.data;
      if (!socket.data.halls.includes(hallId)) return reply({ ok: false, error: 'FORBIDDEN' });
      sync(deps.pool, hallId, logId, afterSeq).then(reply, () => reply({ ok: false, error: 'INTERNAL' }));
    });
  });
  return io;
}

/**
 * Tells every dashboard allowed to see the hall what it just shipped (summaries: no payload), and the public
 * pages how far the hall's log now goes.
 */
export function announceStored(
  io: CentralSocketServer,
  hallId: string,
  logId: string,
  events: readonly ShippedEvent[],
): void {
  io.to(room(hallId)).emit('central:logged', {
    hallId,
    logId,
    events: events.map((e) => ({ seq: e.seq, at: e.at, type: e.type })),
  });
  const last = events.at(-1);
  if (last) io.to(PUBLIC_ROOM).emit('central:moved', { hallId, seq: last.seq });
}

async function sync(
  pool: pg.Pool,
  hallId: string,
  logId: string | null,
  afterSeq: number,
): Promise<CentralSyncReply> {
  const [current] = await currentLogs(pool, [hallId]);
  if (!current) return { ok: true, hallId, logId: '', events: [], more: false };
  const from = current.logId === logId ? afterSeq : 0;
  const events = await eventsAfter(pool, hallId, current.logId, from, CENTRAL_SYNC_LIMIT);
  return {
    ok: true,
    hallId,
    logId: current.logId,
    events: events.map((e) => ({ seq: e.seq, at: e.at, type: e.type })),
    more: events.length === CENTRAL_SYNC_LIMIT,
  };
}
