import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestBrowser, TestHub } from '@antre/hub/testing';
import { demoHall, launchBrowser, screenshotPath, startTestHub } from '@antre/hub/testing';

let hub: TestHub;
let browser: TestBrowser;

beforeAll(async () => {
  hub = await startTestHub({ config: (await demoHall()).config });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await hub?.dispose();
});

it('serves the display and it connects to the hub', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${hub.url}/display/`);
  await page.getByText('MPP Kota Padang Panjang').waitFor();
  await page.getByText('online').waitFor();
  await page.screenshot({ path: screenshotPath('display', 'smoke') });
  expect(await page.title()).toContain('Antre');
});
