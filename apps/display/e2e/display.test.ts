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
    sound(): { locked: boolean; held: boolean };
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
    // Where to go: the counter, and the floor it is on (Disdukcapil's, from the hall config).
    expect(await page.getByTestId('now-calling').innerText()).toContain('Silakan menuju');
    expect(await page.getByTestId('now-zone').innerText()).toBe('Lantai 1');
    expect(await page.getByTestId('counter-loket-4').innerText()).toContain(number);
    expect(await page.locator('.now-calling.fresh').count()).toBe(1);
    // Readable at 15 m on a 55" 1080p screen: capitals at least 120 px tall, the counter as large.
    const number_ = await capHeight(page, '[data-testid="now-number"]');
    const counter = await capHeight(page, '[data-testid="now-counter"]');
    expect(number_).toBeGreaterThanOrEqual(120);
    expect(counter).toBeGreaterThanOrEqual(120);
    expect(await textSmallerThan(page, 20)).toEqual([]);
    expect(await lowContrast(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('display', '1920x1080-new-call') });
    await page.close();
  });

  it('in a burst shows each call large while it is spoken, and every call at its counter at once', async () => {
    const page = await openDisplay();
    await page.waitForFunction(() => !(window as unknown as DisplayWindow).antreDisplay.sound().held);
    // Every change of the big number, with the page's time, beside the log of what was spoken when.
    await page.evaluate(() => {
      const changes: Array<{ text: string; at: number }> = [];
      const read = () => {
        const text = document.querySelector('[data-testid="now-number"]')?.textContent ?? '';
        if (changes.at(-1)?.text !== text) changes.push({ text, at: Date.now() });
      };
      read();
      new MutationObserver(read).observe(document.querySelector('.calls-column') ?? document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
      Object.assign(window, { heroChanges: changes });
    });
    const first = await scene.callNext('loket-5');
    await new Promise((r) => setTimeout(r, 150));
    const second = await scene.callNext('loket-14');
    // While the first is spoken, the second waits its turn in the speech, but is on its counter's tile.
    await expect.poll(() => heard(page)).toEqual([`${first}>5`, `${second}>14`]);
    await page.getByTestId('counter-loket-14').filter({ hasText: second }).waitFor();
    expect(await page.getByTestId('now-number').innerText()).toBe(first);
    await page.screenshot({ path: screenshotPath('display', '1920x1080-burst-first-spoken') });

    const log = (await announced(page, 2)).slice(-2);
    expect(log.map((e) => `${e.displayNumber}:${e.outcome}`)).toEqual([
      `${first}:announced`,
      `${second}:announced`,
    ]);
    const changes = await page.evaluate(
      () => (window as unknown as { heroChanges: Array<{ text: string; at: number }> }).heroChanges,
    );
    const shownAt = (t: number) => changes.filter((c) => c.at <= t).at(-1)?.text;
    for (const entry of log) {
      // From when its speech began to when it ended, the big number became this call and stayed it.
      const during = [
        shownAt(entry.startedAt),
        ...changes.filter((c) => c.at > entry.startedAt && c.at <= entry.endedAt).map((c) => c.text),
      ];
      expect(shownAt(entry.endedAt)).toBe(entry.displayNumber);
      expect(during.slice(during.indexOf(entry.displayNumber))).toEqual([entry.displayNumber]);
    }
    // The second call never took the big panel before its own announcement began.
    const secondStarted = log[1]?.startedAt ?? 0;
    expect(changes.filter((c) => c.text === second && c.at < secondStarted)).toEqual([]);
    await page.screenshot({ path: screenshotPath('display', '1920x1080-burst-second-spoken') });
    await page.close();
  }, 60_000);

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
    // Nine counters upstairs: the four at work have tiles, the five closed ones are named on one line.
    expect(await page.locator('.counter-tile').count()).toBe(4);
    expect(await page.getByTestId('closed-counters').innerText()).toBe('Loket tutup: 19 · 20 · 22 · 23 · 24');
    expect(await page.getByTestId('counter-loket-2').count()).toBe(0);
    const upstairs = await scene.callNext('loket-16');
    await page.getByTestId('now-number').filter({ hasText: upstairs }).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('now-zone').innerText()).toBe('Lantai 2');
    // A ground-floor call is neither shown nor spoken here. The next upstairs call, made after it, reaching
    // the screen proves the display has had the ground-floor one too (events arrive in order).
    const downstairs = await scene.callNext('loket-3');
    const later = await scene.callNext('loket-17');
    await page.getByTestId('now-number').filter({ hasText: later }).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('previous-calls').innerText()).toContain(upstairs);
    expect(await page.getByTestId('previous-calls').innerText()).not.toContain(downstairs);
    await expect.poll(() => heard(page)).toEqual([`${upstairs}>16`, `${later}>17`]);
    expect(await page.getByTestId('waiting').innerText()).not.toContain('Disdukcapil');
    // Imigrasi has visitors waiting and open counters here: an estimate in minutes from the domain.
    expect(await page.getByTestId('estimate-imigrasi').innerText()).toMatch(/^± \d+(–\d+)? mnt$/);
    // One floor on this screen: the previous calls need not repeat it.
    expect(await page.getByTestId('previous-calls').innerText()).not.toContain('Lantai');
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

  it('is clean and readable at 1920×1080, 1280×720 and in portrait', async () => {
    const full = await openDisplay();
    expect(await overflowing(full)).toEqual([]);
    // Closed counters take no tile: they are named on one line.
    expect(await full.getByTestId('closed-counters').innerText()).toMatch(/Loket tutup:.*\b8\b/);
    expect(await full.getByTestId('counter-loket-8').count()).toBe(0);
    expect(await full.getByTestId('counter-loket-10').innerText()).toContain('Istirahat');
    // Visitors waiting at Disdukcapil get an estimate; the whole hall shows each call's floor.
    expect(await full.getByTestId('estimate-disdukcapil').innerText()).toMatch(/^± \d+(–\d+)? mnt$/);
    expect(await full.getByTestId('previous-calls').innerText()).toMatch(/Lantai [12]/);
    expect(await full.getByTestId('zone-disdukcapil').innerText()).toBe('Lantai 1');
    expect(await full.getByTestId('zone-imigrasi').innerText()).toBe('Lantai 2');
    expect(await textSmallerThan(full, 20)).toEqual([]);
    expect(await lowContrast(full)).toEqual([]);
    await full.screenshot({ path: screenshotPath('display', '1920x1080-hall') });
    await full.close();
    // Browser zoom at 200 % on the same screen: half the CSS pixels, each drawn twice as large.
    const zoomed = await openDisplay('', { width: 960, height: 540 });
    const cdp = await zoomed.context().newCDPSession(zoomed);
    await cdp.send('Emulation.setDeviceMetricsOverride', {
      width: 960,
      height: 540,
      deviceScaleFactor: 2,
      mobile: false,
    });
    expect(await zoomed.evaluate(() => window.devicePixelRatio)).toBe(2);
    expect(await overflowing(zoomed)).toEqual([]);
    await zoomed.screenshot({ path: screenshotPath('display', '1920x1080-zoom-200') });
    await zoomed.close();
    const small = await openDisplay('', { width: 1280, height: 720 });
    await small.screenshot({ path: screenshotPath('display', '1280x720') });
    expect(await overflowing(small)).toEqual([]);
    expect(await lowContrast(small)).toEqual([]);
    await small.close();
    const portrait = await openDisplay('', { width: 1080, height: 1920 });
    await portrait.screenshot({ path: screenshotPath('display', 'portrait-1080x1920') });
    expect(await overflowing(portrait)).toEqual([]);
    expect(await capHeight(portrait, '[data-testid="now-number"]')).toBeGreaterThanOrEqual(120);
    expect(await capHeight(portrait, '[data-testid="now-counter"]')).toBeGreaterThanOrEqual(120);
    expect(await textSmallerThan(portrait, 20)).toEqual([]);
    expect(await lowContrast(portrait)).toEqual([]);
    await portrait.close();
    const english = await openDisplay('?lang=en');
    expect(await english.getByTestId('now-calling').innerText()).toMatch(/Queue number/i);
    await english.screenshot({ path: screenshotPath('display', '1920x1080-english') });
    await english.close();
  }, 90_000);

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
      '.now-number, .now-counter, .now-where, .counter-ticket, .counter-name, .counter-word, .counters-closed, .previous-calls li, .hall-time, .waiting li',
    )) {
      const r = el.getBoundingClientRect();
      if (r.right > innerWidth + 1 || r.bottom > innerHeight + 1) problems.push(`${el.className} off screen`);
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`${el.className} "${el.innerText}" cut off`);
    }
    return problems;
  });
}

/** The height of a capital letter in the element's font as the page renders it (px). */
function capHeight(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) throw new Error(`no ${sel}`);
    const style = getComputedStyle(el);
    const context = document.createElement('canvas').getContext('2d');
    if (!context) throw new Error('no canvas');
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    return context.measureText('H').actualBoundingBoxAscent;
  }, selector);
}

/** Visible text drawn smaller than `px`: what cannot be read from across the hall. */
function textSmallerThan(page: Page, px: number): Promise<string[]> {
  return page.evaluate((min) => {
    const small: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('main *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (!own || el.closest('[aria-hidden="true"]')) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < min - 0.05)
        small.push(`${el.className || el.tagName} "${el.innerText}" ${size.toFixed(1)}px`);
    }
    return small;
  }, px);
}

/**
 * Visible text below WCAG AA against what is behind it: 4.5:1, or 3:1 for large text (24 px, or 18.7 px
 * bold). The colours are the computed ones, translucent ones laid over the backgrounds beneath; faded
 * text (opacity, filters) is reported as such, since its contrast cannot be read off the styles.
 */
function lowContrast(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    const parse = (css: string): Rgba => {
      const n = css.match(/[\d.]+/g)?.map(Number) ?? [];
      if (css.startsWith('color(srgb')) return [n[0]! * 255, n[1]! * 255, n[2]! * 255, n[3] ?? 1];
      return [n[0] ?? 0, n[1] ?? 0, n[2] ?? 0, n[3] ?? 1];
    };
    const over = (top: Rgba, below: Rgba): Rgba => {
      const a = top[3];
      return [0, 1, 2].map((i) => top[i]! * a + below[i]! * (1 - a)).concat(1) as Rgba;
    };
    const luminance = ([r, g, b]: Rgba) => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const background = (el: Element | null): Rgba => {
      const layers: Rgba[] = [];
      for (let e = el; e; e = e.parentElement) layers.push(parse(getComputedStyle(e).backgroundColor));
      let colour: Rgba = [255, 255, 255, 1];
      for (const layer of layers.reverse()) colour = over(layer, colour);
      return colour;
    };
    const problems: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('main *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (!own || el.closest('[aria-hidden="true"]') || el.getClientRects().length === 0) continue;
      const label = `${el.className || el.tagName} "${el.innerText.slice(0, 30)}"`;
      for (let e: Element | null = el; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (Number(s.opacity) < 1 || s.filter !== 'none') problems.push(`${label} faded by ${e.className}`);
      }
      const style = getComputedStyle(el);
      const bg = background(el);
      const fg = over(parse(style.color), bg);
      const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a) as [number, number];
      const ratio = (hi + 0.05) / (lo + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) problems.push(`${label} ${ratio.toFixed(2)}:1`);
    }
    return problems;
  });
}
