import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHub } from '@antre/hub/testing';
import { demoHall, startTestHub } from '@antre/hub/testing';
import type { HallConfig } from '@antre/shared';
import { registerHall } from '../auth/hall-credentials.js';
import type { CentralNode } from '../central-node.js';
import { startCentral } from '../central-node.js';
import { createLogger } from '../logger.js';
import type { CentralTestEnv } from '../testing/index.js';
import {
  CuttableLink,
  centralLog,
  centralTestEnv,
  freshDatabase,
  freshStream,
  issueTickets,
  localLog,
  serveAll,
} from '../testing/index.js';

const env = centralTestEnv();

describe.skipIf(!env)('three halls shipping at once, one of them cut off for two hall-hours', () => {
  const e = env as CentralTestEnv;
  let db: { url: string; drop: () => Promise<void> };
  let central: CentralNode;
  const halls: Array<{ hub: TestHub; link: CuttableLink; config: HallConfig }> = [];

  beforeAll(async () => {
    db = await freshDatabase(e);
    central = await startCentral({
      databaseUrl: db.url,
      redisUrl: e.redisUrl,
      redisStream: freshStream(),
      port: 0,
      logger: createLogger('silent'),
    });
    const { config: base } = await demoHall();
    for (const id of ['mpp-padang-panjang', 'mpp-bukittinggi', 'mpp-payakumbuh']) {
      const config = structuredClone(base);
      config.hall = { ...config.hall, id, name: id };
      const token = await registerHall(central.pool, id, id, Date.now());
      const link = new CuttableLink(() => central.port);
      await link.start();
      const hub = await startTestHub({
        config,
        central: { url: `http://127.0.0.1:${link.port}`, token, idleMs: 50, retryMs: 20, maxRetryMs: 100 },
      });
      halls.push({ hub, link, config });
    }
  });

  afterAll(async () => {
    for (const h of halls) {
      await h.hub.dispose();
      await h.link.stop();
    }
    await central?.close();
    await db?.drop();
  });

  it("keeps every hall's central log equal to its local log", async () => {
    const cut = halls[1]!;
    cut.link.down = true;
    cut.link.cutAll();
    // Two hall-hours of work in 8 rounds of 15 minutes: tickets issued and served in every hall.
    for (let round = 0; round < 8; round++) {
      for (const { hub } of halls) {
        issueTickets(hub, 6, `r${round}`);
        hub.clock.advance(5 * 60_000);
        serveAll(hub, 'loket-1', `r${round}`, () => hub.clock.advance(60_000));
        hub.clock.advance(4 * 60_000);
      }
    }
    // The others shipped all along; the cut hall shipped nothing and knows how far behind it is.
    for (const { hub, config } of [halls[0]!, halls[2]!]) {
      await expect
        .poll(async () => (await centralLog(central.pool, config.hall.id, hub.store.logId)).length)
        .toBe(hub.service.state.seq);
    }
    expect(await centralLog(central.pool, cut.config.hall.id, cut.hub.store.logId)).toEqual([]);
    const behind = cut.hub.shipper?.status();
    expect(behind?.lagEvents).toBe(cut.hub.service.state.seq);
    expect(behind?.lagMs).toBeGreaterThanOrEqual(2 * 60 * 60_000 - 15 * 60_000);

    cut.link.down = false;
    for (const { hub, config } of halls) {
      await expect
        .poll(async () => (await centralLog(central.pool, config.hall.id, hub.store.logId)).length)
        .toBe(hub.service.state.seq);
      expect(await centralLog(central.pool, config.hall.id, hub.store.logId)).toEqual(localLog(hub));
    }
    await expect.poll(() => cut.hub.shipper?.status().lagEvents).toBe(0);
  });
});
