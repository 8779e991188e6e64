import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { io } from 'socket.io-client';
import { afterEach, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@antre/shared';
import { stablePort } from '@antre/hub/testing';
import { hashPin } from '../src/auth/pin-hash.js';
import { HubProcess } from './hub-process.js';

// A real hall (ANTRE_DEMO=0): the demo's known PINs must neither sign in nor appear anywhere.

const DEMO_FILE = fileURLToPath(new URL('../config/demo-hall.json', import.meta.url));
const PIN_COMMAND = fileURLToPath(new URL('../src/pin-command.ts', import.meta.url));
const DEMO_PINS = (
  JSON.parse(readFileSync(DEMO_FILE, 'utf8')) as { staff: Array<{ pin: string }> }
).staff.map((s) => s.pin);

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'antre-real-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function realHub(hallFile: string): Promise<HubProcess> {
  const hub = new HubProcess(await stablePort(), {
    HALL_CONFIG: hallFile,
    ANTRE_DEMO: '0',
    DATA_DIR: tempDir(),
    LOG_LEVEL: 'info',
  });
  cleanup.push(() => hub.stop());
  return hub;
}

it('refuses to start a real hall whose config holds plain PINs, printing none of them', async () => {
  const hub = await realHub(DEMO_FILE);
  expect(await hub.run()).toBe(1);
  const printed = [...hub.stderr, ...hub.log.map((l) => JSON.stringify(l))].join('\n');
  expect(printed).toMatch(/holds plain PINs \(`pin`\) for info1, dukcapil1,/);
  expect(printed).toMatch(/npm run pin -- <username>/);
  for (const pin of DEMO_PINS) expect(printed).not.toContain(pin);
});

it('starts once `npm run pin` has replaced the plain PIN, and signs in with the new PIN only', async () => {
  // Every account hashed already, but dukcapil1 still with its demo PIN.
  const hall = JSON.parse(readFileSync(DEMO_FILE, 'utf8')) as {
    staff: Array<{ username: string; pin?: string; pinHash?: string }>;
  };
  const otherHash = await hashPin('135790');
  for (const s of hall.staff) {
    if (s.username === 'dukcapil1') continue;
    delete s.pin;
    s.pinHash = otherHash;
  }
  const hallFile = join(tempDir(), 'hall.json');
  writeFileSync(hallFile, JSON.stringify(hall));

  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', PIN_COMMAND, 'dukcapil1'],
    { env: { ...process.env, HALL_CONFIG: hallFile } },
  );
  const pin = /new PIN for dukcapil1: (\d{6})/.exec(stdout)?.[1];
  expect(pin).toMatch(/^\d{6}$/);

  const hub = await realHub(hallFile);
  await hub.start();
  const socket = io(hub.url, { auth: { protocol: PROTOCOL_VERSION }, transports: ['websocket'] });
  cleanup.push(() => socket.close());
  const signIn = (p: string) =>
    socket.timeout(5000).emitWithAck('staff:signIn', { username: 'dukcapil1', pin: p }) as Promise<{
      ok: boolean;
      error?: { code: string };
    }>;
  expect((await signIn('381047')).error?.code).toBe('INVALID_CREDENTIALS');
  expect((await signIn(pin ?? '')).ok).toBe(true);

  const printed = hub.log.map((l) => JSON.stringify(l)).join('\n');
  expect(printed).not.toMatch(/PIN/);
  expect(printed).not.toContain(pin);
});
