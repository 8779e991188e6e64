import { createInterface } from 'node:readline/promises';
import type { CentralRole } from '@antre/shared';
import { putCentralStaff } from './auth/central-sessions.js';
import { registerHall, rotateHallToken } from './auth/hall-credentials.js';
import { migrate } from './db/migrate.js';
import { createPool, databaseUrl } from './db/pool.js';

const USAGE = `npm run central:admin -- <command>
  hall add <hall-id> <name>       registers a hall and prints its token (ANTRE_CENTRAL_TOKEN at the hall)
  hall rotate <hall-id>           gives the hall a new token; the old one stops working at once
  staff add <username> province_viewer
  staff add <username> hall_supervisor <hall-id>
                                  adds (or resets) a dashboard account; the password is read from stdin`;

/** Registers halls, rotates their tokens, adds dashboard staff: what the centre's operator does by hand. */
async function main(args: string[]): Promise<void> {
  const pool = createPool(databaseUrl(), 1);
  try {
    await migrate(pool);
    const [what, verb, id, extra, hall] = args;
    if (what === 'hall' && verb === 'add' && id && extra) {
      console.log(await registerHall(pool, id, extra, Date.now()));
    } else if (what === 'hall' && verb === 'rotate' && id) {
      const token = await rotateHallToken(pool, id, Date.now());
      if (!token) throw new Error(`no hall ${id}`);
      console.log(token);
    } else if (
      what === 'staff' &&
      verb === 'add' &&
      id &&
      (extra === 'province_viewer' || extra === 'hall_supervisor')
    ) {
      if (extra === 'hall_supervisor' && !hall) throw new Error('a hall supervisor needs a hall id');
      const password = await readPassword();
      if (password.length < 8) throw new Error('a password has at least 8 characters');
      await putCentralStaff(pool, { username: id, password, role: extra as CentralRole, hallId: hall });
      console.log(`staff ${id} saved`);
    } else {
      console.error(USAGE);
      process.exitCode = 2;
    }
  } finally {
    await pool.end();
  }
}

async function readPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  try {
    return (await rl.question('password: ')).trim();
  } finally {
    rl.close();
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
