import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { HubConnection } from '@antre/client';
import { PROTOCOL_VERSION } from '@antre/shared';
import { StubbornClient, connect, kioskCredentials, stablePort, waitFor } from '@antre/hub/testing';
import { HubProcess } from './hub-process.js';

// A hub started from source on a loaded machine: generous bounds on waiting, never on the figure.
const PROCESS_TEST_MS = 120_000;

// How long the stop takes is a figure for `npm run bench` (shutdown_ms); here: what the hub did to stop.

const cleanup: Array<() => void | Promise<unknown>> = [];

afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function startHub(): Promise<HubProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'antre-stop-'));
  const hub = new HubProcess(await stablePort(), { DATA_DIR: dataDir, LOG_LEVEL: 'info' });
  cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
  cleanup.push(() => hub.kill9());
  await hub.start();
  return hub;
}

it(
  'on SIGTERM cuts the connections of clients that ignore the WebSocket close, and exits',
  async () => {
    const hub = await startHub();
    const stubborn = await Promise.all(
      ['display', 'display', 'display'].map((kind, i) =>
        StubbornClient.connect(hub.url, {
          protocol: PROTOCOL_VERSION,
          demoDevice: { kind, deviceId: `layar-${i}` },
        }),
      ),
    );
    cleanup.push(() => stubborn.forEach((s) => s.destroy()));

    expect(await hub.stop()).toBe(0);

    const stopped = hub.log.find((l) => l.msg === 'hub stopped');
    // Three Socket.IO clients; every TCP connection still open after the grace was cut (theirs).
    expect(stopped).toMatchObject({ clients: 3, forceClosed: 3 });
  },
  PROCESS_TEST_MS,
);

it(
  'on SIGTERM lets clients that answer the close go by themselves, cutting nobody',
  async () => {
    const hub = await startHub();
    const clients: HubConnection[] = ['kiosk-1', 'kiosk-2'].map((id) =>
      connect(hub.url, kioskCredentials(id)),
    );
    cleanup.push(() => clients.forEach((c) => c.close()));
    await Promise.all(clients.map((c) => waitFor(c, () => c.status === 'online', 10_000)));

    expect(await hub.stop()).toBe(0);

    expect(hub.log.find((l) => l.msg === 'hub stopped')).toMatchObject({ clients: 2, forceClosed: 0 });
  },
  PROCESS_TEST_MS,
);
