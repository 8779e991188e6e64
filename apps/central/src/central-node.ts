import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { createClient } from 'redis';
import type { RedisClientType } from 'redis';
import type { Logger } from './logger.js';
import { createLogger } from './logger.js';
import { createPool } from './db/pool.js';
import { migrate } from './db/migrate.js';
import { createCentralHandler } from './http/central-routes.js';
import { HallProjections } from './projection/hall-projections.js';
import type { CentralSocketServer } from './realtime/central-sockets.js';
import { announceStored, attachCentralSockets } from './realtime/central-sockets.js';

export interface CentralOptions {
  /** PostgreSQL connection string (`ANTRE_CENTRAL_DATABASE_URL`); libpq's PG* variables when absent. */
  databaseUrl?: string | undefined;
  /** Redis (`ANTRE_CENTRAL_REDIS_URL`), e.g. redis://127.0.0.1:6379. */
  redisUrl: string;
  /** The Redis stream the nodes share (one per deployment; tests give each their own). */
  redisStream?: string;
  port?: number;
  host?: string;
  now?: () => number;
  logger?: Logger;
}

export interface CentralNode {
  url: string;
  port: number;
  nodeId: string;
  pool: pg.Pool;
  io: CentralSocketServer;
  projections: HallProjections;
  close(): Promise<void>;
}

/**
 * One central node: the schema migrated, HTTP (log shipping, sign-in, overview) and the dashboards' Socket.IO
 * on one port. Any number of nodes share one PostgreSQL and one Redis; none keeps state another needs.
 */
export async function startCentral(options: CentralOptions): Promise<CentralNode> {
  const logger = options.logger ?? createLogger();
  const now = options.now ?? Date.now;
  const nodeId = randomUUID().slice(0, 8);
  const pool = createPool(options.databaseUrl);
  pool.on('error', (err) => logger.warn({ err }, 'central: idle PostgreSQL connection failed'));
  await migrate(pool);
  const redis: RedisClientType = createClient({ url: options.redisUrl });
  redis.on('error', (err: unknown) => logger.warn({ err }, 'central: Redis connection failed'));
  await redis.connect();
  // Three halls projected at once: each run holds a lock connection of its own and queries on `pool`.
  const locks = createPool(options.databaseUrl, 3);
  locks.on('error', (err) => logger.warn({ err }, 'central: idle PostgreSQL connection failed'));
  const projections = new HallProjections(pool, locks, {
    onError: (err, hallId) => logger.error({ err, hallId }, 'central: projection failed'),
  });
  const http = createServer(
    createCentralHandler({
      pool,
      projections,
      nodeId,
      now,
      // Called only for requests, which come after `io` is made below.
      onStored: (hallId, logId, events) => {
        announceStored(io, hallId, logId, events);
        projections.follow(hallId);
      },
      onError: (err, url) => logger.error({ err, url }, 'central: request failed'),
    }),
  );
  const io = attachCentralSockets(http, { pool, redis, now, stream: options.redisStream ?? 'antre-central' });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 4000, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  logger.info({ port, nodeId }, 'central node listening');
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    nodeId,
    pool,
    io,
    projections,
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => void io.close(() => resolve()));
        http.closeAllConnections();
        await projections.close();
        await locks.end();
        await redis.quit().catch(() => undefined);
        await pool.end();
      })()),
  };
}
