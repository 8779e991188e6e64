import pg from 'pg';

// int8 (seq, epoch milliseconds) as numbers: every value the centre stores is far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** The connection string: ANTRE_CENTRAL_DATABASE_URL, else the libpq variables (PGHOST, PGUSER…). */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env['ANTRE_CENTRAL_DATABASE_URL'] || undefined;
}

export function createPool(connectionString: string | undefined, max = 10): pg.Pool {
  return new pg.Pool({ ...(connectionString ? { connectionString } : {}), max });
}

/** Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
