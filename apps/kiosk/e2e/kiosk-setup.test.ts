import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestBrowser, TestHub } from '@antre/hub/testing';
import { demoHall, launchBrowser, screenshotPath, startTestHub } from '@antre/hub/testing';

/** A kiosk the hub does not know yet (no demo mode): staff enrol it once with the pairing code. */
let hub: TestHub;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  hub = await startTestHub({ config: (await demoHall()).config, demoMode: false });
  browser = await launchBrowser({ width: 1920, height: 1080 });
  page = await browser.context.newPage();
  page.setDefaultTimeout(10_000);
  await page.clock.install({ time: hub.clock.now() });
});

afterAll(async () => {
  await browser?.close();
  await hub?.dispose();
});

async function typeCode(code: string): Promise<void> {
  for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Hapus' }).click();
  for (const digit of code) await page.getByRole('button', { name: digit, exact: true }).click();
}

it('asks staff to enrol an unknown kiosk, refuses a wrong code, and remembers a good one', async () => {
  await page.goto(`${hub.url}/kiosk/`);
  await page.getByTestId('setup').waitFor();
  await page.getByRole('radio', { name: /Kios Lantai 2/ }).click();
  await typeCode(hub.pairingCode === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Daftarkan kios' }).click();
  await page.getByText('Kode pemasangan salah.').waitFor();
  await page.screenshot({ path: screenshotPath('kiosk', '20-setup') });

  await typeCode(hub.pairingCode);
  await page.getByRole('button', { name: 'Daftarkan kios' }).click();
  await page.getByTestId('agency-disdukcapil').waitFor();
  expect(await page.getByText('Kios Lantai 2').textContent()).toContain('Kios Lantai 2');

  // The token is kept: after a reload the kiosk is known at once.
  await page.reload();
  await page.getByTestId('agency-disdukcapil').waitFor();
  expect(await page.evaluate(() => localStorage.getItem('antre.kiosk.deviceToken'))).toMatch(/\S{10,}/);
});
