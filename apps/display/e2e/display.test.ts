import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestBrowser, TestHub } from '@antre/hub/testing';
import { demoHall, launchBrowser, screenshotPath, startTestHub } from '@antre/hub/testing';
import type { AnnouncementLogEntry } from '../src/renderer/display-controller.js';
import { readWav } from '../src/renderer/announcement/wav-file.js';
import type { HallScene } from './hall-scene.js';
import { busyMorning, hallScene } from './hall-scene.js';

let hub: TestHub;
let browser: TestBrowser;
let scene: HallScene;

beforeAll(async () => {
  const demo = await demoHall();
  hub = await startTestHub({ config: demo.config });
  scene = await hallScene(() => hub, demo.pins);
  await busyMorning(scene, () => hub);
  browser = await launchBrowser({ width: 1920, height: 1080 });
});

afterAll(async () => {
  scene?.close();
  await browser?.close();
  await hub?.dispose();
});

interface DisplayWindow {
  antreDisplay: {
    renderAnnouncementWav(displayNumber: string, counterName: string): Promise<string>;
    announcements(): AnnouncementLogEntry[];
    queuedAnnouncements(): Array<{ displayNumber: string; counterName: string; recall: boolean }>;
  };
}

async function openDisplay(query = '', viewport = { width: 1920, height: 1080 }): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  // The browser's clock shows the hub's (hand-moved) day, so the header agrees with the tickets.
  await page.clock.install({ time: hub.clock.now() });
  await page.goto(`${hub.url}/display/${query}`);
  await page.getByTestId('now-calling').waitFor();
  return page;
}

const announcements = (page: Page) =>
  page.evaluate(() => (window as unknown as DisplayWindow).antreDisplay.announcements());

/** Calls announced, being announced or waiting their turn: everything the display means to say. */
const heard = (page: Page) =>
  page.evaluate(() => {
    const d = (window as unknown as DisplayWindow).antreDisplay;
    return [...d.announcements(), ...d.queuedAnnouncements()].map(
      (a) => `${a.displayNumber}>${a.counterName}`,
    );
  });

async function announced(page: Page, count: number): Promise<AnnouncementLogEntry[]> {
  await page.waitForFunction(
    (n) => (window as unknown as DisplayWindow).antreDisplay.announcements().length >= n,
    count,
    { timeout: 60_000 },
  );
  return announcements(page);
}

describe('the hall display', () => {
  // How fast a call reaches the screen is a figure of `npm run bench` (display_call_p50_ms), not a test.
  it('shows a call made through the contract, large and at its counter', async () => {
    const page = await openDisplay();
    const number = await scene.callNext('loket-4');
    await page.getByTestId('now-number').filter({ hasText: number }).waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId('now-counter').innerText()).toMatch(/Loket\s+4/);
    expect(await page.getByTestId('counter-loket-4').innerText()).toContain(number);
    expect(await page.locator('.now-calling.fresh').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('display', '1920x1080-new-call') });
    await page.close();
  });

  it('announces every call in order, a recall again, one after another without overlap', async () => {
    // Without the chime each announcement takes ~5 s instead of ~7.5 s: the order is what this checks.
    const page = await openDisplay('?chime=0');
    const first = await scene.callNext('loket-5');
    const second = await scene.callNext('loket-15');
    await scene.recall('loket-5');
    await page.getByText('Panggilan ulang').waitFor();
    // Whoever sets the screen up moves the mouse: the sound and language controls appear.
    await page.mouse.move(900, 500);
    await page.mouse.move(960, 540);
    await page.locator('.display-controls.visible').waitFor();
    await page.screenshot({ path: screenshotPath('display', '1920x1080-recall-and-controls') });
    const log = await announced(page, 3);
    expect(
      log.map((e) => `${e.displayNumber}>${e.counterName}${e.recall ? ' again' : ''}:${e.outcome}`),
    ).toEqual([`${first}>5:announced`, `${second}>15:announced`, `${first}>5 again:announced`]);
    for (const [i, entry] of log.entries()) {
      // Speech of a few seconds each, and each starting only after the one before has ended.
      expect(entry.endedAt - entry.startedAt).toBeGreaterThan(2500);
      const before = log[i - 1];
      if (before) expect(entry.startedAt).toBeGreaterThanOrEqual(before.endedAt);
    }
    // The screen showed the newest at once, while the speech worked through the queue.
    expect(await page.getByTestId('now-number').innerText()).toBe(first);
    expect(await page.getByText('Panggilan ulang').count()).toBe(1);
    expect(await page.getByTestId('previous-calls').innerText()).toContain(second);
    await page.close();
  }, 45_000);

  it('does not speak calls made before it was switched on', async () => {
    const number = await scene.callNext('loket-12');
    const page = await openDisplay();
    await page.getByTestId('now-number').filter({ hasText: number }).waitFor();
    expect(await page.locator('.now-calling.fresh').count()).toBe(0);
    // A call made now is the first thing it says: a wrongly spoken backlog would have come before it.
    const next = await scene.callNext('loket-12');
    const log = await announced(page, 1);
    expect(log.map((e) => e.displayNumber)).toEqual([next]);
    await page.close();
  });

  it('keeps its last state while the hub is away, says it is reconnecting, and catches up without a reload', async () => {
    const page = await openDisplay();
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    const shown = await page.getByTestId('now-number').innerText();
    await hub.close();
    await page.getByTestId('reconnecting').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('reconnecting').innerText()).toContain('Menghubungkan kembali');
    expect(await page.getByTestId('now-number').innerText()).toBe(shown);
    await page.screenshot({ path: screenshotPath('display', '1920x1080-reconnecting') });

    hub = await hub.restart();
    await scene.signInAll();
    const number = await scene.callNext('loket-2');
    await page.getByTestId('now-number').filter({ hasText: number }).waitFor({ timeout: 15_000 });
    await page.getByTestId('reconnecting').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
      true,
    );
    // Missed while the hub was away, and only seconds old: it is still announced.
    await expect.poll(() => heard(page)).toEqual([`${number}>2`]);
    await page.close();
  });

  it('limits itself to a floor by URL and says which', async () => {
    const page = await openDisplay('?zone=Lantai%202');
    expect(await page.locator('.hall-scope').innerText()).toBe('Lantai 2');
    expect(await page.locator('.counter-tile').count()).toBe(9);
    expect(await page.getByTestId('counter-loket-2').count()).toBe(0);
    const upstairs = await scene.callNext('loket-16');
    await page.getByTestId('now-number').filter({ hasText: upstairs }).waitFor({ timeout: 15_000 });
    // A ground-floor call is neither shown nor spoken here. The next upstairs call, made after it, reaching
    // the screen proves the display has had the ground-floor one too (events arrive in order).
    const downstairs = await scene.callNext('loket-3');
    const later = await scene.callNext('loket-17');
    await page.getByTestId('now-number').filter({ hasText: later }).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('previous-calls').innerText()).toContain(upstairs);
    expect(await page.getByTestId('previous-calls').innerText()).not.toContain(downstairs);
    await expect.poll(() => heard(page)).toEqual([`${upstairs}>16`, `${later}>17`]);
    expect(await page.getByTestId('waiting').innerText()).not.toContain('Disdukcapil');
    await page.screenshot({ path: screenshotPath('display', '1920x1080-zone-lantai-2') });
    await page.close();
  });

  it('names a zone or agency that the hall does not have', async () => {
    const page = await openDisplay('?zone=Lantai%209');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toContain('Lantai 9');
    await page.close();
    const agencies = await openDisplay('?agencies=disdukcapil,samsat,dukcapil');
    expect(await agencies.getByRole('alert').innerText()).toContain('dukcapil');
    expect(await agencies.locator('.counter-tile').count()).toBe(6);
    await agencies.close();
  });

  it('says so when its part of the hall has had no call yet today', async () => {
    const page = await openDisplay('?agencies=kemenag');
    expect(await page.getByTestId('now-calling').innerText()).toContain('Belum ada panggilan');
    expect(await page.getByTestId('previous-calls').innerText()).toContain('Belum ada panggilan lain');
    await page.screenshot({ path: screenshotPath('display', '1920x1080-no-calls-yet') });
    await page.close();
  });

  it('is clean at 1280×720 and in portrait', async () => {
    const small = await openDisplay('', { width: 1280, height: 720 });
    await small.screenshot({ path: screenshotPath('display', '1280x720') });
    expect(await overflowing(small)).toEqual([]);
    await small.close();
    const portrait = await openDisplay('', { width: 1080, height: 1920 });
    await portrait.screenshot({ path: screenshotPath('display', 'portrait-1080x1920') });
    expect(await overflowing(portrait)).toEqual([]);
    await portrait.close();
    const english = await openDisplay('?lang=en');
    expect(await english.getByTestId('now-calling').innerText()).toMatch(/Queue number/i);
    await english.screenshot({ path: screenshotPath('display', '1920x1080-english') });
    await english.close();
  });

  it('renders one announcement to a WAV file of the right length that is not silent', async () => {
    const page = await openDisplay();
    const base64 = await page.evaluate(() =>
      (window as unknown as DisplayWindow).antreDisplay.renderAnnouncementWav('A-123', '5'),
    );
    const bytes = Buffer.from(base64, 'base64');
    const file = new URL('../../../artifacts/audio/announcement-A-123-loket-5.wav', import.meta.url).pathname;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    const wav = readWav(bytes);
    // Chime (2.2 s) + "nomor antrean, a, seratus, dua puluh, tiga, silakan menuju loket, lima".
    expect(wav.seconds).toBeGreaterThan(5);
    expect(wav.seconds).toBeLessThan(10);
    expect(wav.rms).toBeGreaterThan(0.03);
    expect(wav.peak).toBeGreaterThan(0.3);
    expect(wav.peak).toBeLessThanOrEqual(1);
    // The speech after the chime is there too, not just the bell.
    const speech = readWav(wavTail(bytes, 2.5));
    expect(speech.rms).toBeGreaterThan(0.03);
    await page.close();
  });
});

/** The same WAV without its first `seconds`. */
function wavTail(bytes: Buffer, seconds: number): Uint8Array {
  const rate = bytes.readUInt32LE(24);
  const skip = Math.floor(seconds * rate) * 2;
  const out = Buffer.concat([bytes.subarray(0, 44), bytes.subarray(44 + skip)]);
  out.writeUInt32LE(out.length - 44, 40);
  out.writeUInt32LE(out.length - 8, 4);
  return out;
}

/** Elements whose text is cut off or that stick out of the screen: what a person would call broken. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const { innerWidth, innerHeight } = window;
    for (const el of document.querySelectorAll<HTMLElement>(
      '.now-number, .now-counter, .counter-ticket, .counter-name, .previous-calls li, .hall-time, .waiting li',
    )) {
      const r = el.getBoundingClientRect();
      if (r.right > innerWidth + 1 || r.bottom > innerHeight + 1) problems.push(`${el.className} off screen`);
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`${el.className} "${el.innerText}" cut off`);
    }
    return problems;
  });
}
