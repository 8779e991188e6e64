import type pg from 'pg';
import { inTransaction } from './pool.js';
import type { Migration } from './migrations/index.js';
import { MIGRATIONS } from './migrations/index.js';

/** Any fixed number: every central node takes this lock, so two nodes starting at once migrate one after the other. */
const MIGRATION_LOCK = 0x616e747265;

/** Brings the central schema up to the newest migration, all at once or none; returns those applied. */
export async function migrate(
  pool: pg.Pool,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  return inTransaction(pool, async (db) => {
    await db.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await db.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    );
    const done = await db.query<{ version: number }>('SELECT version FROM schema_migrations');
    const current = Math.max(0, ...done.rows.map((r) => r.version));
    const newest = migrations.at(-1)?.version ?? 0;
    if (current > newest) {
      throw new Error(`central schema ${current} is newer than this node (${newest}): upgrade the node`);
    }
    const applied: number[] = [];
    for (const m of migrations) {
      if (m.version <= current) continue;
      await db.query(m.sql);
      await db.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
