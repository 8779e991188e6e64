import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestHub } from '@antre/hub/testing';
import { demoHall, screenshotPath, startTestHub } from '@antre/hub/testing';
import type { CounterBridge } from '../src/preload/counter-bridge.js';
import { counterMachine, launchCounterBrowser } from './counter-harness.js';

/**
 * The counter's renderer as the Electron shell opens it the first time on a machine: `window.antre` is
 * the counter's bridge and no hub is named yet, so it asks for one and hands it to the main process.
 */
let hub: TestHub;
let browser: Browser;
let page: Page;
const saved: string[] = [];

declare global {
  interface Window {
    antre?: CounterBridge | { kind: string; version: string };
    antreSetHubUrl(url: string): Promise<void>;
  }
}

beforeAll(async () => {
  hub = await startTestHub({ config: (await demoHall()).config });
  browser = await launchCounterBrowser();
  page = await counterMachine(browser);
  await page.exposeFunction('antreSetHubUrl', (url: string) => void saved.push(url));
});

afterAll(async () => {
  await browser?.close();
  await hub?.dispose();
});

it('asks for the hub on a first start in its shell, refuses a non-http address, and saves a good one', async () => {
  await page.addInitScript(() => {
    window.antre = { kind: 'counter', version: '0.0.0-test', setHubUrl: (url) => window.antreSetHubUrl(url) };
  });
  await page.goto(`${hub.url}/counter/`);
  const field = page.getByLabel('Alamat server antrean');
  await field.fill('192.168.1.10:3000');
  await page.getByRole('button', { name: 'Simpan dan hubungkan' }).click();
  await page.getByRole('alert').getByText('Alamat harus diawali http:// atau https://').waitFor();
  await page.screenshot({ path: screenshotPath('counter', '40-electron-hub-setup') });
  expect(saved).toEqual([]);

  await field.fill('http://192.168.1.10:3000/counter/');
  await page.getByRole('button', { name: 'Simpan dan hubungkan' }).click();
  await expect.poll(() => saved).toEqual(['http://192.168.1.10:3000']);
});

it("is a plain browser page under another app's bridge: it signs in to the hub that serves it", async () => {
  const other = await counterMachine(browser);
  await other.addInitScript(() => {
    window.antre = { kind: 'display', version: '0.0.0-test' };
  });
  await other.goto(`${hub.url}/counter/`);
  await other.getByLabel('Nama pengguna').waitFor();
  expect(await other.getByLabel('Alamat server antrean').count()).toBe(0);
});
