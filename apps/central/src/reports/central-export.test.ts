import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { TestHub } from '@antre/hub/testing';
import { demoHall, startTestHub } from '@antre/hub/testing';
import { LEG_COLUMNS_RAW, VISIT_COLUMNS, csvLine, dayNumber } from '@antre/reporting';
import type { HallConfig } from '@antre/shared';
import { putCentralStaff } from '../auth/central-sessions.js';
import { registerHall } from '../auth/hall-credentials.js';
import type { CentralNode } from '../central-node.js';
import { startCentral } from '../central-node.js';
import { createLogger } from '../logger.js';
import type { CentralTestEnv } from '../testing/index.js';
import {
  answerSurveys,
  centralLog,
  centralTestEnv,
  freshDatabase,
  freshStream,
  issueTickets,
  serveAll,
} from '../testing/index.js';
import type { CsvOut } from './central-export.js';
import { streamCentralCsv } from './central-export.js';
import { hallOverview } from './hall-overview.js';

const env = centralTestEnv();

/** A reader that is slow: every other write says "wait", and the drain comes a moment later. */
class SlowReader implements CsvOut {
  text = '';
  writes = 0;
  destroyed = false;
  private drain: (() => void) | undefined;
  write(chunk: string): boolean {
    this.text += chunk;
    this.writes++;
    if (this.writes % 2 === 0) {
      setTimeout(() => this.drain?.(), 1);
      return false;
    }
    return true;
  }
  once(event: 'drain' | 'close', listener: () => void): unknown {
    if (event === 'drain') this.drain = listener;
    return this;
  }
}

const lines = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);

describe.skipIf(!env)('cross-hall exports streamed from PostgreSQL', () => {
  const e = env as CentralTestEnv;
  let db: { url: string; drop: () => Promise<void> };
  let central: CentralNode;
  let pool: pg.Pool;
  const halls: Array<{ hub: TestHub; config: HallConfig }> = [];

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
    const { config: base } = await demoHall();
    for (const [id, name] of [
      ['mpp-padang-panjang', 'MPP Kota Padang Panjang'],
      ['mpp-bukittinggi', 'MPP Kota Bukittinggi'],
    ] as const) {
      const config = structuredClone(base);
      config.hall = { ...config.hall, id, name };
      const token = await registerHall(pool, id, name, Date.now());
      const hub = await startTestHub({
        config,
        central: { url: central.url, token, idleMs: 50, retryMs: 20 },
      });
      halls.push({ hub, config });
    }
    await putCentralStaff(pool, { username: 'prov', password: 'rahasia-prov', role: 'province_viewer' });
    await putCentralStaff(pool, {
      username: 'spv-bukittinggi',
      password: 'rahasia-spv',
      role: 'hall_supervisor',
      hallId: 'mpp-bukittinggi',
    });
    // Two days in each hall, a few visits more in the second; some visitors answer the survey.
    for (const [i, { hub }] of halls.entries()) {
      for (const day of ['d1', 'd2']) {
        issueTickets(hub, 7 + i * 3 + (day === 'd2' ? 4 : 0), day);
        hub.clock.advance(3 * 60_000);
        serveAll(hub, 'loket-1', day, () => hub.clock.advance(50_000));
        answerSurveys(
          hub,
          Array.from({ length: 3 }, () => [4, 3, 3, 4, 3, 4, 4, 3, 3]),
        );
        if (day === 'd1') {
          hub.clock.advance(24 * 60 * 60_000);
          hub.service.closeDayIfDue();
        }
      }
    }
    for (const { hub, config } of halls) {
      for (
        let i = 0;
        (await centralLog(pool, config.hall.id, hub.store.logId)).length < hub.service.state.seq;
        i++
      ) {
        if (i > 200) throw new Error(`${config.hall.id} did not ship its log`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  });

  afterAll(async () => {
    for (const { hub } of halls) await hub.dispose();
    await central?.close();
    await db?.drop();
  });

  const period = () => {
    const last = halls[0]?.hub.service.state.day ?? '';
    const first = new Date(Date.parse(`${last}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    return { kind: 'custom' as const, from: first, to: last, days: 2 };
  };

  it("writes every hall's raw rows of the period, as each hall's own rows, a fetch at a time", async () => {
    const logs = await central.projections.catchUpAll();
    const p = period();
    const range = { from: dayNumber(p.from), to: dayNumber(p.to) };
    for (const [kind, columns] of [
      ['visits', VISIT_COLUMNS],
      ['transactions', LEG_COLUMNS_RAW],
    ] as const) {
      const expected: string[] = [];
      for (const { hub, config } of [...halls].sort((a, b) =>
        a.config.hall.id.localeCompare(b.config.hall.id),
      )) {
        await hub.reports.ready();
        const rows =
          kind === 'visits' ? await hub.reports.store.visits(range) : await hub.reports.store.legs(range);
        expect(rows.length).toBeGreaterThan(10);
        for (const row of rows) {
          const cells = (columns as ReadonlyArray<{ value: (r: typeof row, c: HallConfig) => unknown }>).map(
            (c) => c.value(row, config),
          );
          expected.push(csvLine([config.hall.id, ...(cells as Array<string | number | null>)]).trimEnd());
        }
      }
      const reader = new SlowReader();
      const n = await streamCentralCsv(pool, kind, logs, p, Date.now(), reader, { fetchRows: 4 });
      const [header, ...body] = lines(reader.text);
      expect(header?.split(',')[0]).toBe('Kode MPP');
      expect(body).toEqual(expected);
      expect(n).toBe(expected.length);
      // Written as fetched: several chunks, not one.
      expect(reader.writes).toBeGreaterThan(expected.length / 4);
    }
  });

  it('writes the cross-hall report, a line per hall and day, with the figures of the overview', async () => {
    const logs = await central.projections.catchUpAll();
    const p = period();
    const reader = new SlowReader();
    await streamCentralCsv(pool, 'halls', logs, p, Date.now(), reader);
    const [header, ...body] = lines(reader.text);
    expect(header).toContain('IKM');
    expect(body).toHaveLength(4);
    for (const log of logs) {
      for (const day of [p.from, p.to]) {
        const [line] = await hallOverview(
          pool,
          [log],
          { kind: 'day', from: day, to: day, days: 1 },
          Date.now(),
        );
        const row = body.find((l) => l.startsWith(`${log.hallId},`) && l.includes(`,${day},`));
        expect(row?.split(',').slice(3, 5)).toEqual([String(line?.visits), String(line?.served)]);
        expect(line?.ikmRespondents).toBe(3);
      }
    }
  });

  it('serves exports to a staff session of the right scope only', async () => {
    const signIn = async (username: string, password: string) =>
      (
        (await (
          await fetch(`${central.url}/api/central/v1/session`, {
            method: 'POST',
            body: JSON.stringify({ username, password }),
          })
        ).json()) as { token: string }
      ).token;
    const p = period();
    const get = (kind: string, token: string | undefined, query = '') =>
      fetch(
        `${central.url}/api/central/v1/export/${kind}.csv?period=custom&from=${p.from}&to=${p.to}${query}`,
        {
          headers: token ? { authorization: `Bearer ${token}` } : {},
        },
      );
    expect((await get('visits', undefined)).status).toBe(401);
    const spv = await signIn('spv-bukittinggi', 'rahasia-spv');
    expect((await get('visits', spv, '&halls=mpp-padang-panjang')).status).toBe(403);
    expect((await get('nothing', spv)).status).toBe(404);

    const own = await get('transactions', spv);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const ownRows = lines(await own.text()).slice(1);
    expect(ownRows.length).toBeGreaterThan(10);
    expect(new Set(ownRows.map((l) => l.split(',')[0]))).toEqual(new Set(['mpp-bukittinggi']));

    const prov = await signIn('prov', 'rahasia-prov');
    const all = lines(await (await get('transactions', prov)).text()).slice(1);
    expect(new Set(all.map((l) => l.split(',')[0]))).toEqual(
      new Set(['mpp-bukittinggi', 'mpp-padang-panjang']),
    );
    expect(all.filter((l) => l.startsWith('mpp-bukittinggi,'))).toEqual(ownRows);
    const report = lines(await (await get('halls', spv)).text()).slice(1);
    expect(report.map((l) => l.split(',')[0])).toEqual(['mpp-bukittinggi', 'mpp-bukittinggi']);
  });
});
