import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { restoreFromCentral } from '@antre/hub';
import type { TestHub } from '@antre/hub/testing';
import { demoHall, startTestHub } from '@antre/hub/testing';
import type { FigureContext } from '@antre/reporting';
import { dayNumber, legStats, rollupRows, sumLegs, sumVisits, visitStats } from '@antre/reporting';
import type { HallConfig } from '@antre/shared';
import { putCentralStaff } from '../auth/central-sessions.js';
import { registerHall } from '../auth/hall-credentials.js';
import type { CentralNode } from '../central-node.js';
import { startCentral } from '../central-node.js';
import { currentLogs } from '../ingest/log-ingest.js';
import { createLogger } from '../logger.js';
import type { HallOverview } from '../reports/hall-overview.js';
import { hallOverview } from '../reports/hall-overview.js';
import type { CentralTestEnv } from '../testing/index.js';
import {
  centralLog,
  centralTestEnv,
  freshDatabase,
  freshStream,
  issueTickets,
  localLog,
  serveAll,
} from '../testing/index.js';
import { PgReportStore } from './pg-report-store.js';

const env = centralTestEnv();

describe.skipIf(!env)('the central copy: the same reports, and a hall restored from it', () => {
  const e = env as CentralTestEnv;
  let db: { url: string; drop: () => Promise<void> };
  let central: CentralNode;
  let pool: pg.Pool;
  let config: HallConfig;
  let other: HallConfig;
  const hubs: TestHub[] = [];
  const dirs: string[] = [];

  const ship = async (hub: TestHub, hallId: string) =>
    expect
      .poll(async () => (await centralLog(pool, hallId, hub.store.logId)).length)
      .toBe(hub.service.state.seq);

  beforeAll(async () => {
    db = await freshDatabase(e);
    central = await startCentral({
      databaseUrl: db.url,
      redisUrl: e.redisUrl,
      redisStream: freshStream(),
      port: 0,
      logger: createLogger('silent'),
    });
    pool = central.pool;
    ({ config } = await demoHall());
    other = structuredClone(config);
    other.hall = { ...other.hall, id: 'mpp-bukittinggi', name: 'MPP Kota Bukittinggi' };
    for (const c of [config, other]) {
      const token = await registerHall(pool, c.hall.id, c.hall.name, Date.now());
      const hub = await startTestHub({
        config: c,
        central: { url: central.url, token, idleMs: 50, retryMs: 20 },
      });
      hubs.push(hub);
    }
    await putCentralStaff(pool, { username: 'prov', password: 'rahasia-prov', role: 'province_viewer' });
    await putCentralStaff(pool, {
      username: 'spv-padang',
      password: 'rahasia-spv',
      role: 'hall_supervisor',
      hallId: config.hall.id,
    });
  });

  afterAll(async () => {
    for (const h of hubs) await h.dispose();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    await central?.close();
    await db?.drop();
  });

  it('projects each hall into the same rows and figures as the hall itself', async () => {
    const [a, b] = hubs as [TestHub, TestHub];
    issueTickets(a, 12, 'a');
    a.clock.advance(5 * 60_000);
    serveAll(a, 'loket-1', 'a', () => a.clock.advance(90_000));
    issueTickets(a, 4, 'a2', 'perekaman-ktp-el');
    issueTickets(b, 7, 'b');
    b.clock.advance(20 * 60_000);
    serveAll(b, 'loket-1', 'b', () => b.clock.advance(30_000));
    await ship(a, config.hall.id);
    await ship(b, other.hall.id);
    // Ingest answered without projecting; the projection follows by itself, no read asks for it.
    for (const [hub, hall] of [
      [a, config],
      [b, other],
    ] as const) {
      await expect
        .poll(async () => await new PgReportStore(pool, hall.hall.id).position(), { timeout: 10_000 })
        .toEqual({ seq: hub.service.state.seq, logId: hub.store.logId });
    }

    const day = dayNumber(a.service.state.day ?? '');
    const range = { from: day, to: day };
    for (const [hub, hall] of [
      [a, config],
      [b, other],
    ] as const) {
      await hub.reports.ready();
      const hallStore = hub.reports.store;
      const centralStore = new PgReportStore(pool, hall.hall.id);
      expect(await centralStore.visits(range)).toEqual(await hallStore.visits(range));
      expect(await centralStore.legs(range)).toEqual(await hallStore.legs(range));
      expect(await centralStore.sessions(range)).toEqual(await hallStore.sessions(range));
      const period = {
        kind: 'day' as const,
        from: hub.service.state.day ?? '',
        to: hub.service.state.day ?? '',
        days: 1,
      };
      const ctx = (store: FigureContext['store']): FigureContext => ({
        store,
        config: hall,
        query: { period, filters: {} },
        now: hub.clock.now(),
      });
      for (const g of ['total', 'service', 'counter'] as const) {
        expect(await legStats(ctx(centralStore), g)).toEqual(await legStats(ctx(hallStore), g));
        expect(await visitStats(ctx(centralStore), g)).toEqual(await visitStats(ctx(hallStore), g));
      }
    }
  });

  it('serves the halls side by side to staff of the right scope only', async () => {
    const signIn = async (username: string, password: string) => {
      const res = await fetch(`${central.url}/api/central/v1/session`, {
        method: 'POST',
        body: JSON.stringify({ username, password }),
      });
      return ((await res.json()) as { token?: string }).token ?? '';
    };
    const overview = (token: string, query = '') =>
      fetch(`${central.url}/api/central/v1/overview?period=day&date=2026-11-30${query}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    expect((await overview('')).status).toBe(401);
    expect(await signIn('prov', 'salah-sandi')).toBe('');

    const prov = await signIn('prov', 'rahasia-prov');
    const all = (await (await overview(prov)).json()) as { halls: HallOverview[] };
    expect(all.halls.map((h) => [h.hallId, h.visits, h.served])).toEqual([
      [other.hall.id, 7, 7],
      [config.hall.id, 16, 12],
    ]);
    const padang = all.halls.find((h) => h.hallId === config.hall.id);
    expect(padang?.waitMeanMin).toBeGreaterThan(0);
    expect(padang?.waitTargetMetPct).not.toBeNull();

    const spv = await signIn('spv-padang', 'rahasia-spv');
    const own = (await (await overview(spv)).json()) as { halls: HallOverview[] };
    expect(own.halls.map((h) => h.hallId)).toEqual([config.hall.id]);
    expect(own.halls[0]).toEqual(padang);
    expect((await overview(spv, `&halls=${other.hall.id}`)).status).toBe(403);
  });

  it('restores a hall whose disk died: the same log id, seq and events, and it ships on', async () => {
    const hub = hubs[0] as TestHub;
    const before = localLog(hub);
    const logId = hub.store.logId;
    const seedBefore = hub.store.db.prepare('SELECT at, config FROM config_seed').get();
    const stateBefore = hub.service.state.snapshot();
    const [log] = await currentLogs(pool, [config.hall.id]);
    const token = hub.options.central?.token ?? '';
    await hub.close();

    const dataDir = mkdtempSync(join(tmpdir(), 'antre-restored-'));
    dirs.push(dataDir);
    const r = await restoreFromCentral({
      centralUrl: central.url,
      token,
      hallId: config.hall.id,
      dataDir,
      pageSize: 7,
    });
    expect(r).toEqual({ logId, lastSeq: log?.lastSeq, events: before.length });
    const restored = new Database(join(dataDir, 'antre.sqlite'), { readonly: true });
    expect(restored.prepare("SELECT value FROM meta WHERE key = 'log_id'").pluck().get()).toBe(logId);
    expect(restored.prepare('SELECT at, config FROM config_seed').get()).toEqual(seedBefore);
    restored.close();
    await expect(
      restoreFromCentral({ centralUrl: central.url, token, hallId: config.hall.id, dataDir }),
    ).rejects.toThrow(/exists/);

    const back = await startTestHub({ ...hub.options, dataDir, config, port: 0 });
    hubs[0] = back;
    expect(back.store.logId).toBe(logId);
    expect(localLog(back)).toEqual(before);
    expect(back.service.state.snapshot()).toEqual(stateBefore);
    issueTickets(back, 3, 'after-restore');
    await ship(back, config.hall.id);
    expect(await centralLog(pool, config.hall.id, logId)).toEqual(localLog(back));
  });

  it("reads the overview from the halls' day totals: the figures of the per-service statistics and of the raw rows", async () => {
    const b = hubs[1] as TestHub;
    const day = b.service.state.day ?? '';
    issueTickets(b, 5, 'b-late', 'perekaman-ktp-el');
    b.clock.advance(3 * 60_000);
    serveAll(b, 'loket-2', 'b-late', () => b.clock.advance(45_000));
    // Past midnight the day closes: its rollups, and with them the hall's day totals, are written.
    b.clock.advance(24 * 60 * 60 * 1000);
    b.service.closeDayIfDue();
    await ship(b, other.hall.id);
    const logs = await central.projections.catchUpAll([other.hall.id]);
    const totals = await pool.query<{ legs: number }>(
      'SELECT legs FROM report_hall_leg_days WHERE hall_id = $1 AND day = $2',
      [other.hall.id, dayNumber(day)],
    );
    expect(totals.rows[0]?.legs).toBeGreaterThan(0);

    const period = { kind: 'day' as const, from: day, to: day, days: 1 };
    const now = b.clock.now();
    const fromTotals = await hallOverview(pool, logs, period, now);
    const perService = await hallOverview(pool, logs, period, now, { hallTotals: false });
    expect(fromTotals).toEqual(perService);
    expect(fromTotals[0]?.served).toBe(12);

    // The same whole-hall statistics as the hall's own store computes from its rows.
    await b.reports.ready();
    const ctx = (store: FigureContext['store']): FigureContext => ({
      store,
      config: other,
      query: { period, filters: {} },
      now,
    });
    const totalsStore = new PgReportStore(pool, other.hall.id, { hallTotals: true });
    const raw = await b.reports.store.legs({ from: dayNumber(day), to: dayNumber(day) });
    expect(raw.length).toBe(12);
    expect(sumLegs(await legStats(ctx(totalsStore), 'total'), 'total', other)).toEqual(
      sumLegs(rollupRows(raw, [], ['all'], []).legStats, 'total', other),
    );
    expect(sumVisits(await visitStats(ctx(totalsStore), 'total'), 'total', other)).toEqual(
      sumVisits(await visitStats(ctx(b.reports.store), 'total'), 'total', other),
    );
  });
});
