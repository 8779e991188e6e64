import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { TestBrowser, TestHub } from '@antre/hub/testing';
import { demoHall, launchBrowser, screenshotPath, startTestHub } from '@antre/hub/testing';

/**
 * The ticket of a visit lists its services on the kiosk's screen: the whole list must be readable above the
 * footer, at the kiosk's own size in landscape and portrait, and at 200 % zoom (where the screen may scroll,
 * but nothing may stay hidden under the footer).
 */
let hub: TestHub;
let browser: TestBrowser;

beforeAll(async () => {
  const demo = await demoHall();
  hub = await startTestHub({ config: demo.config });
  browser = await launchBrowser({ width: 1920, height: 1080 });
});

afterAll(async () => {
  await browser?.close();
  await hub?.dispose();
});

async function kioskPage(width: number, height: number, scale: number): Promise<Page> {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(10_000);
  await page.setViewportSize({ width, height });
  if (scale !== 1) {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', {
      width,
      height,
      deviceScaleFactor: scale,
      mobile: false,
    });
  }
  await page.clock.install({ time: hub.clock.now() });
  await page.goto(`${hub.url}/kiosk/?kiosk=kiosk-1`);
  return page;
}

/** The element is inside the viewport and nothing (the footer) covers its top, middle or bottom. */
async function visibleWhole(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth)
      return false;
    const x = r.left + Math.min(24, r.width / 2);
    return [r.top + 2, (r.top + r.bottom) / 2, r.bottom - 2].every((y) => {
      const top = document.elementFromPoint(x, y);
      return top !== null && (top === el || el.contains(top));
    });
  });
}

const SIZES = [
  { name: 'landscape', width: 1920, height: 1080, scale: 1, scrolls: false },
  { name: 'portrait', width: 1080, height: 1920, scale: 1, scrolls: false },
  { name: 'zoom200-landscape', width: 960, height: 540, scale: 2, scrolls: true },
  { name: 'zoom200-portrait', width: 540, height: 960, scale: 2, scrolls: true },
] as const;

for (const size of SIZES) {
  it(`shows every service of the visit above the footer: ${size.name}`, async () => {
    const page = await kioskPage(size.width, size.height, size.scale);
    await page.getByTestId('visit-entry').click();
    await page.getByTestId('package-pindah-datang').click();
    await page.getByTestId('visit-take').click();
    await page.getByTestId('ticket-screen').waitFor();
    const legs = page.getByTestId('ticket-legs').locator('li');
    await expect.poll(() => legs.count()).toBe(4);
    await page.screenshot({ path: screenshotPath('kiosk', `visit-ticket-${size.name}`) });
    if (size.scrolls) {
      // Zoomed, the screen scrolls: the list comes into view whole, above the footer.
      await page.getByTestId('ticket-legs').evaluate((el) => el.scrollIntoView({ block: 'end' }));
      await page.screenshot({ path: screenshotPath('kiosk', `visit-ticket-${size.name}-scrolled`) });
    } else {
      // At the kiosk's own size the number and the list are both on screen without scrolling.
      expect(await visibleWhole(page.getByTestId('ticket-number'))).toBe(true);
    }
    for (let i = 0; i < 4; i++) expect(await visibleWhole(legs.nth(i)), `leg ${i + 1}`).toBe(true);
    await page.close();
  });
}
