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
    await expect.poll(() => page.locator('#status').innerText()).toContain('Langsung');
    // Live: two more tickets at hall A show up without a reload (the page polls only while disconnected).
    issueTickets(hubs[0] as TestHub, 2, 'a-live');
    await expect.poll(() => cells(rowA)).toEqual(['6', '5']);
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
    // Waiting 6 (two came after the public page's check), the longest for 10 minutes; 11 visits, 5 served.
    expect(texts.slice(1, 5)).toEqual(['6', '10', '11', '5']);
    await expect.poll(() => page.getByLabel('Nama pengguna').isVisible()).toBe(false);
    // The charts: waits, targets met and IKM, halls side by side, every value written beside its bar.
    const charts = page.getByRole('figure');
    await expect.poll(() => charts.count()).toBe(3);
    const session = await page.evaluate(() => sessionStorage.getItem('antre-central-token'));
    const today = await fetch(`${central.url}/api/central/v1/today`, {
      headers: { authorization: `Bearer ${session ?? ''}` },
    });
    const { halls: lines } = (await today.json()) as {
      halls: Array<{ name: string; waitMeanMin: number; waitP90Min: number; waitTargetMetPct: number }>;
    };
    const lineA = lines.find((l) => l.name === 'MPP Kota Padang Panjang');
    const lineB = lines.find((l) => l.name === 'MPP Kota Bukittinggi');
    const fmt = (v: number, digits: number) =>
      v.toLocaleString('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    const waits = await charts.nth(0).locator('svg title').textContent();
    expect(waits).toContain(
      `MPP Kota Padang Panjang: Rata-rata · Mean ${fmt(lineA?.waitMeanMin ?? NaN, 1)}, ` +
        `Persentil ke-90 · 90th percentile ${fmt(lineA?.waitP90Min ?? NaN, 1)}`,
    );
    expect(waits).toContain(`MPP Kota Bukittinggi: Rata-rata · Mean ${fmt(lineB?.waitMeanMin ?? NaN, 1)}`);
    expect(await charts.nth(1).locator('svg title').textContent()).toContain(
      `MPP Kota Padang Panjang: Sesuai target · Within target ${fmt(lineA?.waitTargetMetPct ?? NaN, 0)} %`,
    );
    // No survey answered yet: the IKM chart says so instead of drawing a bar.
    expect(await charts.nth(2).locator('svg rect').count()).toBe(0);
    expect(await charts.nth(2).locator('svg text.value').allTextContents()).toEqual([
      'IKM: belum ada · none yet',
      'IKM: belum ada · none yet',
    ]);
    await page.screenshot({ path: screenshotPath('central', '1366x768-dashboard'), fullPage: true });
    await page.setViewportSize({ width: LAPTOP.width / 2, height: LAPTOP.height / 2 });
    // At 200 % zoom the three charts stack, each as wide as the page.
    const widths = await charts.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    const left = await charts.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().left));
    expect(new Set(left).size).toBe(1);
    expect(Math.min(...widths)).toBeGreaterThan(LAPTOP.width / 2 / 2);
    await page.screenshot({ path: screenshotPath('central', '683x384-dashboard-200pct'), fullPage: true });
    await page.close();
  });
});
