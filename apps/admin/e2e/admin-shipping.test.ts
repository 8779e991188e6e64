import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestBrowser, TestHub } from '@antre/hub/testing';
import { demoHall, launchBrowser, startTestHub } from '@antre/hub/testing';
import { LAPTOP, adminShot, signInAdmin } from './admin-harness.js';

/**
 * The devices page tells how the log ships to the central service (`/api/health`'s `shipping`): here a centre
 * that cannot be reached, so shipping fails and the centre has never answered.
 */
let hub: TestHub;
let browser: TestBrowser;
let pins: Map<string, string>;

beforeAll(async () => {
  const demo = await demoHall();
  pins = demo.pins;
  // Port 9 (discard) on this machine: nothing listens, every attempt fails at once.
  hub = await startTestHub({
    config: demo.config,
    central: { url: 'http://127.0.0.1:9', token: 'hall-token-for-tests', retryMs: 50, maxRetryMs: 200 },
  });
  browser = await launchBrowser(LAPTOP);
});

afterAll(async () => {
  await browser?.close();
  await hub?.dispose();
});

describe('log shipping in the admin console', () => {
  it('shows a failing shipment with its error, and that the centre never answered', async () => {
    const p = await browser.context.newPage();
    p.setDefaultTimeout(10_000);
    await signInAdmin(p, hub.url, 'supervisor', pins.get('supervisor') ?? '');
    await p.getByRole('link', { name: 'Perangkat' }).click();
    const panel = p.getByTestId('shipping');
    await panel.getByText('Pusat belum pernah menjawab.').waitFor();
    // The first attempt may still be on its way when the page loads: a reload reads the health again.
    for (let i = 0; i < 20 && (await panel.getByText('Gagal terkirim').count()) === 0; i += 1) {
      await p.reload();
      await p.getByTestId('shipping').waitFor();
    }
    expect(await panel.getByText('Gagal terkirim').count()).toBe(1);
    expect(await panel.getByText('Galat terakhir:').count()).toBe(1);
    await adminShot(p, '48-devices-shipping-failing');
    await p.close();
  });
});
