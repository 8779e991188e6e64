import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestBrowser, TestHub } from '@antre/hub/testing';
import { demoHall, launchBrowser, startTestHub } from '@antre/hub/testing';

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

describe('the kiosk first paint', () => {
  it('starts without the later screens, then fetches them once the first screen is up', async () => {
    const html = await (await fetch(`${hub.url}/kiosk/`)).text();
    // The page asks for its entry chunk (and what that shares), never for the service, priority or ticket screen.
    expect(html).toMatch(/<script type="module"[^>]+src="\/kiosk\/assets\/index-[^"]+\.js"/);
    expect(html).not.toMatch(/ticket-screen|service-screen|priority-screen/);

    const page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
    await page.clock.install({ time: hub.clock.now() });
    const later = ['ticket-screen', 'service-screen', 'priority-screen'].map((name) =>
      page.waitForRequest((r) => r.url().includes(`/kiosk/assets/${name}-`) && r.url().endsWith('.js')),
    );
    await page.goto(`${hub.url}/kiosk/?kiosk=kiosk-1`);
    await page.getByTestId('agency-disdukcapil').waitFor();
    const requests = await Promise.all(later);
    expect(requests.map((r) => r.method())).toEqual(['GET', 'GET', 'GET']);
    // Loaded: the service screen opens at once, from memory.
    await page.getByTestId('agency-polres').click();
    await page.getByTestId('service-skck').click();
    await page.getByTestId('take-number').waitFor();
    await page.close();
  });
});
