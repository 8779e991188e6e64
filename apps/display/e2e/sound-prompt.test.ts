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

interface DisplayWindow {
  antreDisplay: { sound(): { locked: boolean; held: boolean } };
}

it('asks for sound with a small prompt in the corner by the clock, covering nothing, and any click turns it on', async () => {
  const page = await browser.context.newPage();
  await page.addInitScript(AUTOPLAY_POLICY);
  await page.clock.install({ time: hub.clock.now() });
  await page.goto(`${hub.url}/display/`);
  const button = page.getByRole('button', { name: /Aktifkan suara/ });
  await button.waitFor({ timeout: 10_000 });
  expect(await page.getByTestId('sound-prompt').innerText()).toContain('Turn on sound');
  // Nothing dims the screen: the big call and the panels are what is on top where they are drawn, and
  // the prompt keeps to the top-right corner, in the header.
  const covered = await page.evaluate(() => {
    const hits: string[] = [];
    for (const sel of [
      '[data-testid="now-calling"]',
      '.counters',
      '.previous-calls',
      '.waiting',
      '.hall-clock',
    ]) {
      const box = document.querySelector(sel)?.getBoundingClientRect();
      if (!box) throw new Error(`no ${sel}`);
      const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      if (!top?.closest(sel)) hits.push(sel);
    }
    return hits;
  });
  expect(covered).toEqual([]);
  const prompt = await page.getByTestId('sound-prompt').boundingBox();
  expect(prompt).not.toBeNull();
  if (prompt) {
    const header = await page.locator('.hall-header').boundingBox();
    expect(prompt.x).toBeGreaterThan(1920 / 2);
    expect(prompt.y + prompt.height).toBeLessThanOrEqual((header?.y ?? 0) + (header?.height ?? 0));
    expect(prompt.width * prompt.height).toBeLessThan(0.03 * 1920 * 1080);
  }
  await page.screenshot({ path: screenshotPath('display', '1920x1080-sound-prompt') });
  // A click anywhere, here on the big call, is the gesture the browser wants.
  await page.getByTestId('now-calling').click();
  await page.getByTestId('sound-prompt').waitFor({ state: 'detached' });
  await page.waitForFunction(() => !(window as unknown as DisplayWindow).antreDisplay.sound().locked);
  await page.close();
});

it('plays at once where sound is allowed (Electron, or a browser set up for a hall TV)', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${hub.url}/display/`);
  await page.getByTestId('now-calling').waitFor();
  await page.waitForFunction(() => !(window as unknown as DisplayWindow).antreDisplay.sound().held);
  expect(await page.getByTestId('sound-prompt').count()).toBe(0);
  await page.close();
});

it('never shows the prompt inside its Electron shell, even if sound were held back', async () => {
  const page = await browser.context.newPage();
  await page.addInitScript(AUTOPLAY_POLICY);
  // The display's preload puts the shell's bridge on window.antre.
  await page.addInitScript(() => Object.assign(window, { antre: { kind: 'display', version: 'test' } }));
  await page.goto(`${hub.url}/display/`);
  await page.getByTestId('now-calling').waitFor();
  await page.waitForFunction(() => (window as unknown as DisplayWindow).antreDisplay.sound().locked);
  expect(await page.getByTestId('sound-prompt').count()).toBe(0);
  await page.close();
});
