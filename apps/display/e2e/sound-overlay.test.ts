import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestBrowser, TestHub } from '@antre/hub/testing';
import { demoHall, launchBrowser, screenshotPath, startTestHub } from '@antre/hub/testing';

let hub: TestHub;
let browser: TestBrowser;

beforeAll(async () => {
  hub = await startTestHub({ config: (await demoHall()).config });
  browser = await launchBrowser({ width: 1920, height: 1080 });
});

afterAll(async () => {
  await browser?.close();
  await hub?.dispose();
});

/**
 * Headless Chromium never enforces the autoplay policy, whatever its flags, so the page gets the policy a
 * desktop browser or smart TV applies: an AudioContext stays suspended until the user has clicked.
 */
const AUTOPLAY_POLICY = `
  const Native = window.AudioContext;
  window.AudioContext = class extends Native {
    constructor(options) {
      super(options);
      void super.suspend();
    }
    resume() {
      return navigator.userActivation.hasBeenActive ? super.resume() : new Promise(() => {});
    }
  };
`;

it('asks for a click before it may play sound, in both languages, and goes away after one', async () => {
  const page = await browser.context.newPage();
  await page.addInitScript(AUTOPLAY_POLICY);
  await page.clock.install({ time: hub.clock.now() });
  await page.goto(`${hub.url}/display/`);
  const button = page.getByRole('button', { name: 'Aktifkan suara' });
  await button.waitFor({ timeout: 10_000 });
  expect(await page.getByRole('dialog').innerText()).toContain('Turn on sound');
  await page.screenshot({ path: screenshotPath('display', '1920x1080-enable-sound') });
  await button.click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  expect(await page.evaluate(() => document.querySelector('.sound-overlay'))).toBeNull();
  await page.close();
});

it('plays at once where sound is allowed (Electron, or a browser set up for a hall TV)', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${hub.url}/display/`);
  await page.getByTestId('now-calling').waitFor();
  await page.waitForTimeout(1000);
  expect(await page.getByRole('dialog').count()).toBe(0);
  await page.close();
});
