import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

/** A central node in a process of its own (`main.ts` from source), so that a test can SIGKILL it. */
export interface CentralProcess {
  url: string;
  child: ChildProcess;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function spawnCentral(options: {
  port: number;
  databaseUrl: string;
  redisUrl: string;
  redisStream: string;
}): Promise<CentralProcess> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      ANTRE_CENTRAL_DATABASE_URL: options.databaseUrl,
      ANTRE_CENTRAL_REDIS_URL: options.redisUrl,
      ANTRE_CENTRAL_REDIS_STREAM: options.redisStream,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${options.port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`central node exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/central/v1/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (i > 600) throw new Error('central node did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
