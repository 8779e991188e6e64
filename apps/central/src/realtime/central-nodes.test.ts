import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { TestHub } from '@antre/hub/testing';
import { demoHall, stablePort, startTestHub } from '@antre/hub/testing';
import type { HallConfig } from '@antre/shared';
import { putCentralStaff } from '../auth/central-sessions.js';
import { registerHall } from '../auth/hall-credentials.js';
import { migrate } from '../db/migrate.js';
import { createPool } from '../db/pool.js';
import type { CentralProcess, CentralTestEnv } from '../testing/index.js';
import {
  DashboardFeed,
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
  const nodes: CentralProcess[] = [];

  beforeAll(async () => {
    db = await freshDatabase(e);
    pool = createPool(db.url, 2);
    await migrate(pool);
    ({ config } = await demoHall());
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
  });

  afterAll(async () => {
    feed?.close();
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

    issueTickets(hub, 20, 'before');
    const seqBefore = hub.service.state.seq;
    await expect.poll(() => feed?.cursor).toBe(seqBefore);
    // Live, not by sync alone: the first node told the dashboard what the hall shipped to the second.
    expect(feed.visits).toEqual([a.url]);
    expect(feed.live).toBeGreaterThan(0);

    await a.kill('SIGKILL');
    issueTickets(hub, 15, 'while-moving');
    await expect.poll(() => feed?.visits.length).toBe(2);
    issueTickets(hub, 10, 'after');
    await expect.poll(() => feed?.cursor).toBe(hub.service.state.seq);
    expect(feed.visits).toEqual([a.url, b.url]);
    expect(feed.applied).toEqual(Array.from({ length: hub.service.state.seq }, (_, i) => i + 1));
  });
});
