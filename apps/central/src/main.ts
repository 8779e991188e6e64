import { createLogger } from './logger.js';
import { startCentral } from './central-node.js';
import { databaseUrl } from './db/pool.js';

/**
 * `npm run central`: one central node. ANTRE_CENTRAL_DATABASE_URL (or libpq's PG* variables) names the
 * PostgreSQL, ANTRE_CENTRAL_REDIS_URL the Redis (redis://127.0.0.1:6379 by default), PORT and HOST where it
 * listens (4000 on 127.0.0.1: put it behind the load balancer that terminates HTTPS).
 */
async function main(): Promise<void> {
  const logger = createLogger();
  const node = await startCentral({
    databaseUrl: databaseUrl(),
    redisUrl: process.env['ANTRE_CENTRAL_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    redisStream: process.env['ANTRE_CENTRAL_REDIS_STREAM'] ?? 'antre-central',
    port: Number(process.env['PORT'] ?? 4000),
    host: process.env['HOST'] ?? '127.0.0.1',
    logger,
  });
  const stop = (signal: string) => {
    logger.info({ signal }, 'central node stopping');
    node.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
