import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { CentralClientToServer, CentralServerToClient } from '@antre/shared';
import type { TestBrowser, TestHub } from '@antre/hub/testing';
import { demoHall, launchBrowser, screenshotPath, stablePort, startTestHub } from '@antre/hub/testing';
import type { HallConfig } from '@antre/shared';
import { putCentralStaff } from '../auth/central-sessions.js';
import { registerHall } from '../auth/hall-credentials.js';
import { migrate } from '../db/migrate.js';
import { createPool } from '../db/pool.js';
import type { CentralProcess, CentralTestEnv } from '../testing/index.js';
import {
  CuttableLink,
  DashboardFeed,
  centralLog,
  centralTestEnv,
  freshDatabase,
  freshStream,
  issueTickets,
  spawnCentral,
} from '../testing/index.js';

const env = centralTestEnv();

describe.skipIf(!env)('several central nodes on one PostgreSQL and one Redis', () => {
  const e = env as CentralTestEnv;
  let db: { url: string; drop: () => Promise<void> };
  let pool: pg.Pool;
  let config: HallConfig;
  let hub: TestHub;
  let feed: DashboardFeed | undefined;
  let browser: TestBrowser | undefined;
  const nodes: CentralProcess[] = [];
  // The dashboard page reaches the nodes through a load balancer: a TCP proxy to one node at a time.
  let balanced = 0;
  const balancer = new CuttableLink(() => balanced);

  beforeAll(async () => {
    db = await freshDatabase(e);
    pool = createPool(db.url, 2);
    await migrate(pool);
    ({ config } = await demoHall());
    // The page shows the hall's today by the centre's clock (the real one): the hall runs at the real time,
    // open around the clock.
    const allDay: Array<[string, string]> = [['00:00', '24:00']];
    config.hall.hours = {
      sun: allDay,
      mon: allDay,
      tue: allDay,
      wed: allDay,
      thu: allDay,
      fri: allDay,
      sat: allDay,
    };
    const token = await registerHall(pool, config.hall.id, config.hall.name, Date.now());
    await putCentralStaff(pool, { username: 'prov', password: 'rahasia-prov', role: 'province_viewer' });
    const stream = freshStream();
    for (let i = 0; i < 2; i++) {
      nodes.push(
        await spawnCentral({
          port: await stablePort(),
          databaseUrl: db.url,
          redisUrl: e.redisUrl,
          redisStream: stream,
        }),
      );
    }
    // The hall ships to the second node; the dashboard starts on the first: live events cross through Redis.
    hub = await startTestHub({
      config,
      central: { url: nodes[1]?.url ?? '', token, idleMs: 50, retryMs: 20 },
    });
    hub.clock.t = Date.now();
    balanced = Number(new URL(nodes[0]?.url ?? '').port);
    await balancer.start();
    browser = await launchBrowser({ width: 1366, height: 768 });
  });

  afterAll(async () => {
    feed?.close();
    await browser?.close();
    await balancer.stop();
    await hub?.dispose();
    for (const n of nodes) await n.kill();
    await pool?.end();
    await db?.drop();
  });

  it('moves a dashboard to another node when its node is killed, and it misses nothing', async () => {
    const [a, b] = nodes as [CentralProcess, CentralProcess];
    const res = await fetch(`${a.url}/api/central/v1/session`, {
      method: 'POST',
      body: JSON.stringify({ username: 'prov', password: 'rahasia-prov' }),
    });
    const { token } = (await res.json()) as { token: string };
    feed = new DashboardFeed([a.url, b.url], token, config.hall.id);
    feed.start();
    await expect.poll(() => feed?.visits.length).toBe(1);
    // A socket without a session (the public page's) on the first node: it hears how far the hall got, and
    // nothing of its events.
    const anonymous: Socket<CentralServerToClient, CentralClientToServer> = io(a.url, {
      transports: ['websocket'],
      reconnection: false,
    });
    const moved: number[] = [];
    const heard: string[] = [];
    anonymous.onAny((name: string) => heard.push(name));
    anonymous.on('central:moved', (m) => {
      if (m.hallId === config.hall.id) moved.push(m.seq);
    });
    await expect.poll(() => anonymous.connected).toBe(true);

    // The dashboard page in Chromium, through the balancer, on the first node.
    const page = await (browser as TestBrowser).context.newPage();
    await page.goto(`http://127.0.0.1:${balancer.port}/dasbor/`);
    await page.getByLabel('Nama pengguna').fill('prov');
    await page.getByLabel('Kata sandi').fill('rahasia-prov');
    await page.getByRole('button', { name: /Masuk/ }).click();
    const row = page.locator(`tr[data-hall="${config.hall.id}"]`);
    const status = page.locator('#status');
    const shown = async () => ({
      seq: Number(await row.getAttribute('data-seq')),
      visits: (await row.getByRole('cell').allInnerTexts())[3],
    });
    await expect.poll(() => status.innerText()).toContain('Langsung');

    issueTickets(hub, 20, 'before');
    const seqBefore = hub.service.state.seq;
    await expect.poll(() => feed?.cursor).toBe(seqBefore);
    // Live, not by sync alone: the first node told the dashboard what the hall shipped to the second.
    expect(feed.visits).toEqual([a.url]);
    expect(feed.live).toBeGreaterThan(0);
    // The page too, live (while connected it does not poll).
    await expect.poll(shown).toEqual({ seq: seqBefore, visits: '20' });
    await expect.poll(() => moved.at(-1)).toBe(seqBefore);
    expect(new Set(heard)).toEqual(new Set(['central:moved']));
    const refused = await anonymous
      .timeout(3000)
      .emitWithAck('central:sync', { hallId: config.hall.id, logId: null, afterSeq: 0 });
    expect(refused).toEqual({ ok: false, error: 'FORBIDDEN' });
    anonymous.close();

    balancer.down = true;
    await a.kill('SIGKILL');
    await expect.poll(() => status.innerText()).toContain('Terputus');
    issueTickets(hub, 15, 'while-moving');
    await expect.poll(() => feed?.visits.length).toBe(2);
    // Stored at the centre while the page had no node: it has not seen it yet.
    const seqGap = hub.service.state.seq;
    await expect
      .poll(async () => (await centralLog(pool, config.hall.id, hub.store.logId)).length)
      .toBe(seqGap);
    expect((await shown()).seq).toBe(seqBefore);

    // The balancer sends the page to the second node: it resyncs from PostgreSQL, then follows live.
    balanced = Number(new URL(b.url).port);
    balancer.down = false;
    await expect.poll(shown, { timeout: 20_000 }).toEqual({ seq: seqGap, visits: '35' });
    await expect.poll(() => status.innerText()).toContain('Langsung');
    issueTickets(hub, 10, 'after');
    await expect.poll(() => feed?.cursor).toBe(hub.service.state.seq);
    expect(feed.visits).toEqual([a.url, b.url]);
    expect(feed.applied).toEqual(Array.from({ length: hub.service.state.seq }, (_, i) => i + 1));
    await expect.poll(shown).toEqual({ seq: hub.service.state.seq, visits: '45' });
    await page.screenshot({ path: screenshotPath('central', '1366x768-dashboard-after-failover') });
    await page.close();
  });
});
