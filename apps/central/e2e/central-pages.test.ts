import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TestBrowser, TestHub } from '@antre/hub/testing';
import { demoHall, launchBrowser, screenshotPath, startTestHub } from '@antre/hub/testing';
import type { HallConfig } from '@antre/shared';
import { putCentralStaff } from '../src/auth/central-sessions.js';
import { registerHall } from '../src/auth/hall-credentials.js';
import type { CentralNode } from '../src/central-node.js';
import { startCentral } from '../src/central-node.js';
import { createLogger } from '../src/logger.js';
import type { CentralTestEnv } from '../src/testing/index.js';
import {
  centralLog,
  centralTestEnv,
  freshDatabase,
  freshStream,
  issueTickets,
  serveAll,
} from '../src/testing/index.js';

const env = centralTestEnv();
const LAPTOP = { width: 1366, height: 768 };

describe.skipIf(!env)('the province dashboard and the public page', () => {
  const e = env as CentralTestEnv;
  let db: { url: string; drop: () => Promise<void> };
  let central: CentralNode;
  let browser: TestBrowser;
  const hubs: TestHub[] = [];
  const halls: HallConfig[] = [];

  beforeAll(async () => {
    db = await freshDatabase(e);
    const { config } = await demoHall();
    const other = structuredClone(config);
    other.hall = { ...other.hall, id: 'mpp-bukittinggi', name: 'MPP Kota Bukittinggi' };
    halls.push(config, other);
    // The centre's today is the halls' (their clocks are the tests').
    let clock = (): number => Date.now();
    central = await startCentral({
      databaseUrl: db.url,
      redisUrl: e.redisUrl,
      redisStream: freshStream(),
      port: 0,
      logger: createLogger('silent'),
      now: () => clock(),
    });
    for (const c of halls) {
      const token = await registerHall(central.pool, c.hall.id, c.hall.name, Date.now());
      hubs.push(
        await startTestHub({ config: c, central: { url: central.url, token, idleMs: 50, retryMs: 20 } }),
      );
    }
    const [a, b] = hubs as [TestHub, TestHub];
    clock = () => a.clock.now();
    // Hall A: 9 tickets, 5 served, 4 waiting for 10 minutes; hall B: 3 served, nobody waiting.
    issueTickets(a, 5, 'a');
    a.clock.advance(7 * 60_000);
    serveAll(a, 'loket-1', 'a', () => a.clock.advance(60_000));
    issueTickets(a, 4, 'a-later');
    a.clock.advance(10 * 60_000);
    issueTickets(b, 3, 'b');
    b.clock.advance(2 * 60_000);
    serveAll(b, 'loket-1', 'b', () => b.clock.advance(30_000));
    for (const [hub, c] of [
      [a, config],
      [b, other],
    ] as const) {
      await vi.waitFor(
        async () =>
          expect((await centralLog(central.pool, c.hall.id, hub.store.logId)).length).toBe(
            hub.service.state.seq,
          ),
        { timeout: 10_000, interval: 50 },
      );
    }
    await putCentralStaff(central.pool, {
      username: 'prov',
      password: 'rahasia-prov',
      role: 'province_viewer',
    });
    browser = await launchBrowser(LAPTOP);
  });

  afterAll(async () => {
    await browser?.close();
    for (const h of hubs) await h.dispose();
    await central?.close();
    await db?.drop();
  });

  it('shows every hall today to anyone, with figures only', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${central.url}/publik/`);
    const rowA = page.getByRole('row').filter({ hasText: 'MPP Kota Padang Panjang' });
    await expect.poll(() => rowA.count()).toBe(1);
    const cells = async (row: typeof rowA) => (await row.getByRole('cell').allInnerTexts()).slice(1, 3);
    expect(await cells(rowA)).toEqual(['4', '5']);
    const rowB = page.getByRole('row').filter({ hasText: 'MPP Kota Bukittinggi' });
    expect(await cells(rowB)).toEqual(['0', '3']);
    await page.screenshot({ path: screenshotPath('central', '1366x768-public') });
    // Figures only in the public answer: no ticket, number, counter or staff.
    const { halls: lines } = (await (await fetch(`${central.url}/api/central/v1/public/today`)).json()) as {
      halls: object[];
    };
    for (const line of lines)
      expect(Object.keys(line)).toEqual(['name', 'day', 'waiting', 'served', 'longestWaitMin', 'ikm']);
    await page.close();
  });

  it('signs a province viewer in and shows the halls side by side, also at 200 % zoom', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${central.url}/dasbor/`);
    await page.getByLabel('Nama pengguna').fill('prov');
    await page.getByLabel('Kata sandi').fill('salah');
    await page.getByRole('button', { name: /Masuk/ }).click();
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toContain('Nama pengguna atau kata sandi salah');
    await page.getByLabel('Kata sandi').fill('rahasia-prov');
    await page.getByRole('button', { name: /Masuk/ }).click();
    const rowA = page.getByRole('row').filter({ hasText: 'MPP Kota Padang Panjang' });
    await expect.poll(() => rowA.count()).toBe(1);
    const texts = await rowA.getByRole('cell').allInnerTexts();
    // Waiting 4, the longest for 10 minutes; 9 visits, 5 served.
    expect(texts.slice(1, 5)).toEqual(['4', '10', '9', '5']);
    await expect.poll(() => page.getByLabel('Nama pengguna').isVisible()).toBe(false);
    await page.screenshot({ path: screenshotPath('central', '1366x768-dashboard') });
    await page.setViewportSize({ width: LAPTOP.width / 2, height: LAPTOP.height / 2 });
    await page.screenshot({ path: screenshotPath('central', '683x384-dashboard-200pct'), fullPage: true });
    await page.close();
  });
});
