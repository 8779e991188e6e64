import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';

/** Debian's Chromium (installed by `.ci/run`); CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/lib/chromium/chromium';

export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile, kept off the network but for loopback. */
export async function launchBrowser(viewport = { width: 1920, height: 1080 }): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'antre-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Where e2e screenshots go, to be looked at: `artifacts/screenshots/<app>/`. */
export function screenshotPath(app: string, name: string): string {
  return join(new URL('../../../artifacts/screenshots', import.meta.url).pathname, app, `${name}.png`);
}
