import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HallConfig, Handshake } from '@antre/shared';
import { HubConnection } from '@antre/client';
import type { Hub, HubOptions } from '@antre/hub';
import { createLogger, prepareHallConfig, startHub } from '@antre/hub';
import { stablePort } from './stable-port.js';

const DEMO_HALL_FILE = new URL('../config/demo-hall.json', import.meta.url);

/** Monday 30 November 2026, 09:00 WIB: inside every demo service's hours. */
export const MONDAY_9AM_WIB = Date.UTC(2026, 10, 30, 2, 0);

/** The demo hall's config with its plain PINs hashed, and the PINs to sign in with. */
export async function demoHall(): Promise<{ config: HallConfig; pins: Map<string, string> }> {
  const { config, demoPins } = await prepareHallConfig(JSON.parse(readFileSync(DEMO_HALL_FILE, 'utf8')), {
    demoMode: true,
  });
  return { config, pins: new Map(demoPins.map((p) => [p.username, p.pin])) };
}

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public t = MONDAY_9AM_WIB) {}
  readonly now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface TestHub extends Hub {
  dataDir: string;
  clock: TestClock;
  options: HubOptions;
  /** Stops the hub and starts it again on the same data, as after a crash or an update. */
  restart(): Promise<TestHub>;
  /** Stops the hub and removes its data. */
  dispose(): Promise<void>;
}

/**
 * A real hub on 127.0.0.1 with a real SQLite file in a fresh folder, silent, and a hand-moved clock. Its port
 * is one that nobody else is given while the hub restarts (see stablePort).
 */
export async function startTestHub(
  overrides: Partial<HubOptions> & { config: HallConfig },
): Promise<TestHub> {
  const clock = new TestClock();
  const options: HubOptions = {
    dataDir: mkdtempSync(join(tmpdir(), 'antre-hub-')),
    host: '127.0.0.1',
    port: await stablePort(),
    demoMode: true,
    logger: createLogger('silent'),
    now: clock.now,
    rateLimits: { issuePerSecond: 1000, issueBurst: 1000 },
    ...overrides,
  };
  return wrap(await startHub(options), options, clock);
}

function wrap(hub: Hub, options: HubOptions, clock: TestClock): TestHub {
  return {
    ...hub,
    dataDir: options.dataDir,
    clock,
    options,
    async restart() {
      await hub.close();
      // Same port, so clients reconnect by themselves as they would to a restarted hub.
      return wrap(await startHub({ ...options, port: hub.port }), options, clock);
    },
    async dispose() {
      await hub.close();
      rmSync(options.dataDir, { recursive: true, force: true });
    },
  };
}

/** A client as the apps make it, with fast reconnects for tests. */
export function connect(url: string, credentials: Omit<Handshake, 'protocol'> = {}): HubConnection {
  return new HubConnection({
    url,
    credentials: () => credentials,
    ackTimeoutMs: 3000,
    socketOptions: { reconnectionDelay: 50, reconnectionDelayMax: 200 },
  });
}

export function kioskCredentials(kioskId = 'kiosk-1'): Omit<Handshake, 'protocol'> {
  return { demoDevice: { kind: 'kiosk', deviceId: kioskId } };
}

/** Resolves when `predicate` holds for the connection, or rejects after `timeoutMs`. */
export function waitFor(conn: HubConnection, predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (predicate()) return resolve();
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error('timed out waiting for the connection'));
    }, timeoutMs);
    const unsubscribe = conn.subscribe(() => {
      if (!predicate()) return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    });
  });
}

/** Signs a connection in as staff; the session token is kept for reconnects. */
export async function signIn(conn: HubConnection, username: string, pin: string): Promise<string> {
  const reply = await conn.request('staff:signIn', { username, pin });
  if (!reply.ok) throw new Error(`sign-in failed: ${reply.error.code}`);
  return reply.sessionToken;
}
