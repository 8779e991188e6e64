import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Where the central tests find PostgreSQL and Redis: `.ci/run` sets both. */
export interface CentralTestEnv {
  /** A PostgreSQL role that may create databases: each test file gets a database of its own. */
  databaseUrl: string;
  redisUrl: string;
}

/**
 * The servers the central integration tests run against, or undefined (they are skipped, with one line) when
 * this machine has none configured. ANTRE_REQUIRE_CENTRAL=1 (CI) makes their absence a failure instead.
 */
export function centralTestEnv(env: NodeJS.ProcessEnv = process.env): CentralTestEnv | undefined {
  const databaseUrl = env['ANTRE_CENTRAL_TEST_DATABASE_URL'];
  const redisUrl = env['ANTRE_CENTRAL_TEST_REDIS_URL'];
  if (databaseUrl && redisUrl) return { databaseUrl, redisUrl };
  const why =
    'central integration tests need ANTRE_CENTRAL_TEST_DATABASE_URL and ANTRE_CENTRAL_TEST_REDIS_URL ' +
    '(PostgreSQL and Redis on this machine; .ci/run sets them)';
  if (env['ANTRE_REQUIRE_CENTRAL'] === '1') throw new Error(`ANTRE_REQUIRE_CENTRAL=1: ${why}`);
  console.warn(`skipped: ${why}`);
  return undefined;
}

/** A fresh, empty database for one test file; `drop` removes it. */
export async function freshDatabase(
  env: CentralTestEnv,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `antre_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: env.databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(env.databaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: env.databaseUrl });
      await c.connect();
      try {
        // An autovacuum worker (not ours to end) may still be on a database just written: wait it out.
        for (let attempt = 0; ; attempt++) {
          try {
            await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            return;
          } catch (err) {
            if (attempt >= 20) throw err;
            await new Promise((r) => setTimeout(r, 500));
          }
        }
      } finally {
        await c.end();
      }
    },
  };
}

/** A stream name no other test file uses: the nodes of one test talk only among themselves. */
export function freshStream(): string {
  return `antre-test-${randomBytes(6).toString('hex')}`;
}
