import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PROTOCOL_VERSION } from '@antre/shared';
import { StubbornClient, stablePort } from '@antre/hub/testing';
import { removeDir, sleep, tempDir } from './bench-hall.js';
import { closeSockets, openSockets } from './sockets.js';
import { median } from './stats.js';

export interface ShutdownTime {
  /** Median over runs: SIGTERM until the process exited, with `clients` Socket.IO clients and `stubborn` bare ones. */
  ms: number;
  /** The same for a hub with no clients at all. */
  baselineMs: number;
  clients: number;
  stubborn: number;
  runs: number[];
  baselineRuns: number[];
}

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/**
 * The built hub (`npm start`'s main.js) as an operator stops it: SIGTERM, timed until the process is gone.
 * Loaded: `clients` socket.io-client connections, which answer the WebSocket close, and `stubborn` bare
 * WebSocket clients that ignore it and keep their TCP connection open. Baseline: the same hub with no client.
 */
export async function shutdownTime(runs = 3, clients = 50, stubborn = 3): Promise<ShutdownTime> {
  const loaded: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    baseline.push(await stopOnce(0, 0));
    loaded.push(await stopOnce(clients, stubborn));
  }
  return {
    ms: median(loaded),
    baselineMs: median(baseline),
    clients,
    stubborn,
    runs: loaded,
    baselineRuns: baseline,
  };
}

async function stopOnce(clients: number, stubborn: number): Promise<number> {
  const dataDir = tempDir('stop');
  const port = await stablePort();
  const url = `http://127.0.0.1:${port}`;
  const hub = spawn(process.execPath, ['--max-semi-space-size=4', MAIN], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => hub.once('exit', () => resolve()));
  try {
    await listening(url);
    const sockets = await openSockets(url, clients, { demoDevice: { kind: 'display', deviceId: 'bench' } });
    const bare = await Promise.all(
      Array.from({ length: stubborn }, (_, i) =>
        StubbornClient.connect(url, {
          protocol: PROTOCOL_VERSION,
          demoDevice: { kind: 'display', deviceId: `stubborn-${i}` },
        }),
      ),
    );
    const t0 = performance.now();
    hub.kill('SIGTERM');
    await exited;
    const ms = performance.now() - t0;
    closeSockets(sockets);
    for (const b of bare) b.destroy();
    return ms;
  } finally {
    if (hub.exitCode === null && hub.signalCode === null) hub.kill('SIGKILL');
    await exited;
    removeDir(dataDir);
  }
}

async function listening(url: string): Promise<void> {
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    try {
      const res = await fetch(`${url}/api/health`);
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not yet
    }
    await sleep(50);
  }
  throw new Error('the hub did not start within 60 s');
}
