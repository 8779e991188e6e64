import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { createLogger } from '../logger.js';
import type { TestHub } from '@antre/hub/testing';
import { demoHall, startTestHub } from '@antre/hub/testing';
import type { HallConfig } from '@antre/shared';
import type { CentralNode } from '../central-node.js';
import { startCentral } from '../central-node.js';
import { createPool } from '../db/pool.js';
import { registerHall, rotateHallToken } from '../auth/hall-credentials.js';
import { migrate } from '../db/migrate.js';
import type { CentralTestEnv } from '../testing/index.js';
import {
  CuttableLink,
  centralLog,
  centralTestEnv,
  freshDatabase,
  freshStream,
  issueTickets,
  localLog,
} from '../testing/index.js';

const env = centralTestEnv();

describe.skipIf(!env)('log shipping to a real PostgreSQL', () => {
  const e = env as CentralTestEnv;
  let db: { url: string; drop: () => Promise<void> };
  let pool: pg.Pool;
  let central: CentralNode | undefined;
  let centralPort = 0;
  let link: CuttableLink;
  let config: HallConfig;
  let token: string;
  let hub: TestHub;
  const stream = freshStream();

  const startNode = async () => {
    central = await startCentral({
      databaseUrl: db.url,
      redisUrl: e.redisUrl,
      redisStream: stream,
      port: centralPort,
      logger: createLogger('silent'),
    });
    centralPort = central.port;
  };

  /** The hub's shipped events are at the centre, and exactly its local log. */
  const shipped = async (h: TestHub) => {
    await expect
      .poll(async () => (await centralLog(pool, config.hall.id, h.store.logId)).length)
      .toBe(h.service.state.seq);
    expect(await centralLog(pool, config.hall.id, h.store.logId)).toEqual(localLog(h));
  };

  beforeAll(async () => {
    db = await freshDatabase(e);
    pool = createPool(db.url, 2);
    await migrate(pool);
    ({ config } = await demoHall());
    token = await registerHall(pool, config.hall.id, config.hall.name, Date.now());
    await startNode();
    link = new CuttableLink(() => centralPort);
    await link.start();
    hub = await startTestHub({
      config,
      central: {
        url: `http://127.0.0.1:${link.port}`,
        token,
        idleMs: 50,
        retryMs: 20,
        maxRetryMs: 200,
        batchSize: 7,
      },
    });
  });

  afterAll(async () => {
    await hub?.dispose();
    await link?.stop();
    await central?.close();
    await pool?.end();
    await db?.drop();
  });

  it('ships the log in order, once, across a hall restart and a centre restart', async () => {
    issueTickets(hub, 30, 'a');
    await shipped(hub);
    // The centre commits before it answers: the hall learns of the acknowledgement a moment after.
    await expect.poll(() => hub.shipper?.status().lagEvents).toBe(0);
    expect(hub.shipper?.status()).toMatchObject({ lagEvents: 0, lagMs: 0, lastError: null });

    hub = await hub.restart();
    issueTickets(hub, 20, 'b');
    await shipped(hub);

    // The centre goes down: the hall serves on, and the lag it reports grows.
    await central?.close();
    central = undefined;
    issueTickets(hub, 10, 'c');
    hub.clock.advance(60_000);
    await expect.poll(() => hub.shipper?.status().lastError ?? null).not.toBeNull();
    const status = hub.shipper?.status();
    expect(status?.lagEvents).toBeGreaterThanOrEqual(10);
    expect(status?.lagMs).toBeGreaterThanOrEqual(60_000);
    const health = (await (await fetch(`${hub.url}/api/health`)).json()) as {
      shipping: { lagEvents: number };
    };
    expect(health.shipping.lagEvents).toBe(status?.lagEvents);

    await startNode();
    await shipped(hub);
    await expect.poll(() => hub.shipper?.status().lagEvents).toBe(0);
  });

  it('stores a batch whose answer was cut once, and ships on', async () => {
    link.cutAfterRequest = 3;
    issueTickets(hub, 25, 'd');
    await shipped(hub);
    expect(link.cuts).toBe(3);
  });

  it('survives the link cut at any moment', async () => {
    for (let round = 0; round < 5; round++) {
      issueTickets(hub, 9, `e${round}`);
      link.cutAll();
    }
    await shipped(hub);
  });

  it('skips a replayed batch, refuses a batch past the cursor, and keeps each hall to its own log', async () => {
    const logUrl = `${central?.url}/api/central/v1/halls/${config.hall.id}/logs/${hub.store.logId}`;
    const post = (body: unknown, bearer = token) =>
      fetch(`${logUrl}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
        body: JSON.stringify(body),
      });
    const all = localLog(hub);
    const seq = all.length;
    const replay = await post({ afterSeq: 10, events: all.slice(10, 20) });
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ ackSeq: seq });
    const future = { ...all[0]!, seq: seq + 2 };
    const gap = await post({ afterSeq: seq + 1, events: [future] });
    expect(gap.status).toBe(409);
    expect(await gap.json()).toEqual({ error: 'LOG_GAP', ackSeq: seq });
    const holed = await post({ afterSeq: seq, events: [{ ...future, seq: seq + 2 }] });
    expect(holed.status).toBe(400);
    expect(await centralLog(pool, config.hall.id, hub.store.logId)).toEqual(all);

    const other = await registerHall(pool, 'mpp-lain', 'MPP Lain', Date.now());
    expect((await post({ afterSeq: seq, events: [{ ...future, seq: seq + 1 }] }, other)).status).toBe(403);
    expect(
      (await post({ afterSeq: seq, events: [{ ...future, seq: seq + 1 }] }, 'no-such-token')).status,
    ).toBe(401);

    // Rotation: the old token stops at once, the new one ships.
    const rotated = await rotateHallToken(pool, config.hall.id, Date.now());
    expect((await post({ afterSeq: 0, events: all.slice(0, 1) })).status).toBe(401);
    expect((await post({ afterSeq: 0, events: all.slice(0, 1) }, rotated)).status).toBe(200);
    expect(await centralLog(pool, config.hall.id, hub.store.logId)).toEqual(all);
  });
});
