import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakePrinter } from '@antre/printer/testing';
import { startFakePrinter } from '@antre/printer/testing';
import type { TestHub } from '@antre/hub/testing';
import { kioskCredentials } from '@antre/hub/testing';
import { silentLog } from '../src/agent/agent-log.js';
import { KioskAgent } from '../src/agent/kiosk-agent.js';

/** A kiosk agent as the Electron main process runs it, headless, on the test hub's clock, with a fake printer. */
export interface TestKiosk {
  agent: KioskAgent;
  printer: FakePrinter;
  dbFile: string;
  /** Stops the agent and starts it again on the same store, as after a power cut of the kiosk. */
  restart(): Promise<KioskAgent>;
  dispose(): Promise<void>;
}

export async function startTestKiosk(hub: TestHub, kioskId: string): Promise<TestKiosk> {
  const dir = mkdtempSync(join(tmpdir(), `antre-${kioskId}-`));
  const dbFile = join(dir, 'kiosk.sqlite');
  const printer = await startFakePrinter();
  const make = () =>
    new KioskAgent({
      hubUrl: hub.url,
      kioskId,
      dbFile,
      credentials: () => kioskCredentials(kioskId),
      printerUrl: printer.url,
      now: hub.clock.now,
      log: silentLog,
      issueTimeoutMs: 3000,
      printerOptions: { statusTimeoutMs: 200, connectTimeoutMs: 1000 },
      connection: { ackTimeoutMs: 2000, socketOptions: { reconnectionDelay: 50, reconnectionDelayMax: 200 } },
    });
  const kiosk: TestKiosk = {
    agent: make(),
    printer,
    dbFile,
    async restart() {
      await kiosk.agent.close();
      kiosk.agent = make();
      return kiosk.agent;
    },
    async dispose() {
      await kiosk.agent.close();
      await printer.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return kiosk;
}

/** Polls until `predicate` holds; the agents' work is asynchronous and comes in several steps. */
export async function until(predicate: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
