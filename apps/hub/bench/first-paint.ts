import type { Page } from 'playwright-core';
import { launchBrowser } from '@antre/hub/testing';
import type { BenchHall } from './bench-hall.js';
import { removeDir, tempDir } from './bench-hall.js';
import { startHubChild } from './hub-child.js';
import { median } from './stats.js';

export interface FirstPaint {
  /** Median first contentful paint of the built kiosk app (`/kiosk/`), cold (ms from navigation start). */
  kioskMs: number;
  /** The same for the hub's landing page (`/`): a static page from the same hub, the baseline. */
  blankMs: number;
  kioskRuns: number[];
  blankRuns: number[];
}

/** The page's first contentful paint, once it has one (ms since navigation start). */
function firstContentfulPaint(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry) resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
}

/** One cold load: a fresh Chromium profile (no HTTP or code cache), the page, its first contentful paint. */
async function coldLoad(url: string): Promise<number> {
  const browser = await launchBrowser({ width: 1920, height: 1080 });
  try {
    const page = await browser.context.newPage();
    await page.goto(url);
    return await firstContentfulPaint(page);
  } finally {
    await browser.close();
  }
}

/**
 * Kiosk first contentful paint against a static page served by the same hub, in headless Chromium, `loads`
 * cold loads each, alternating so that both see the same machine. Needs the apps built (`npm run build`).
 */
export async function firstPaint(hall: BenchHall, loads = 5): Promise<FirstPaint> {
  const dataDir = tempDir('first-paint');
  const hub = await startHubChild(hall, dataDir, 'FULL');
  try {
    const kioskRuns: number[] = [];
    const blankRuns: number[] = [];
    for (let i = 0; i < loads; i += 1) {
      blankRuns.push(await coldLoad(`${hub.url}/`));
      kioskRuns.push(await coldLoad(`${hub.url}/kiosk/?kiosk=${hall.kioskIds[0] ?? 'kiosk-1'}`));
    }
    return { kioskMs: median(kioskRuns), blankMs: median(blankRuns), kioskRuns, blankRuns };
  } finally {
    await hub.close();
    removeDir(dataDir);
  }
}
