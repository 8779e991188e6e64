import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { TestHub } from '@antre/hub/testing';
import { demoHall, startTestHub } from '@antre/hub/testing';
import type { HallConfig, SkmAnswer } from '@antre/shared';
import { computeIkm } from '@antre/shared';
import { registerHall } from '../auth/hall-credentials.js';
import type { CentralNode } from '../central-node.js';
import { startCentral } from '../central-node.js';
import { createLogger } from '../logger.js';
import { ikmByDay, ikmFromLog } from '../reports/hall-ikm.js';
import { hallOverview } from '../reports/hall-overview.js';
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

const env = centralTestEnv();

/** Answer sets of the nine elements, varied, with a few skipped answers. */
const ANSWERS: SkmAnswer[][] = Array.from({ length: 20 }, (_, i) =>
  Array.from({ length: 9 }, (_, e) =>
    i === 3 && e === 7 ? null : ((((i * 7 + e * 3) % 4) + 1) as SkmAnswer),
  ),
);

describe.skipIf(!env)("the hall's survey per day at the centre", () => {
  const e = env as CentralTestEnv;
  let db: { url: string; drop: () => Promise<void> };
  let central: CentralNode;
  let pool: pg.Pool;
  let hub: TestHub;
  let config: HallConfig;

  const shipAndProject = async () => {
    await expect
      .poll(async () => (await centralLog(pool, config.hall.id, hub.store.logId)).length)
      .toBe(hub.service.state.seq);
    return central.projections.catchUpAll([config.hall.id]);
  };

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
    const token = await registerHall(pool, config.hall.id, config.hall.name, Date.now());
    hub = await startTestHub({ config, central: { url: central.url, token, idleMs: 50, retryMs: 20 } });
  });

  afterAll(async () => {
    await hub?.dispose();
    await central?.close();
    await db?.drop();
  });

  it('keeps per day the figures the raw log gives, rewriting only the days new events touch', async () => {
    const monday = hub.service.state.day ?? '';
    issueTickets(hub, 10, 'mon');
    hub.clock.advance(4 * 60_000);
    serveAll(hub, 'loket-1', 'mon', () => hub.clock.advance(60_000));
    const mondayAnswers = answerSurveys(hub, ANSWERS.slice(0, 4));
    expect(mondayAnswers).toHaveLength(4);
    let logs = await shipAndProject();

    const rows = async () =>
      (
        await pool.query<{ day: string; respondents: number; visitors: number }>(
          'SELECT day, respondents, visitors FROM report_ikm_days WHERE hall_id = $1 ORDER BY day',
          [config.hall.id],
        )
      ).rows;
    expect(await rows()).toEqual([{ day: monday, respondents: 4, visitors: 10 }]);

    // The next morning: Monday's visitors may still answer (the survey window), Tuesday's visit the hall.
    hub.clock.advance(23 * 60 * 60_000);
    hub.service.closeDayIfDue();
    const tuesday = hub.service.state.day ?? '';
    expect(tuesday > monday).toBe(true);
    issueTickets(hub, 6, 'tue');
    hub.clock.advance(2 * 60_000);
    serveAll(hub, 'loket-1', 'tue', () => hub.clock.advance(90_000));
    logs = await shipAndProject();
    // A tampered Monday row shows whether Tuesday's events rewrite Monday: they must not.
    await pool.query('UPDATE report_ikm_days SET respondents = 999 WHERE hall_id = $1 AND day = $2', [
      config.hall.id,
      monday,
    ]);
    const later = answerSurveys(hub, ANSWERS.slice(4, 14));
    expect(later.length).toBeGreaterThan(6);
    logs = await shipAndProject();
    const byDay = new Map((await rows()).map((r) => [r.day, r]));
    // Monday's late answers touched Monday: rewritten from the log, the tampering gone.
    expect(byDay.get(monday)?.respondents).toBe(4 + 6);
    expect(byDay.get(tuesday)?.respondents).toBe(later.length - 6);
    expect(byDay.get(tuesday)?.visitors).toBe(6);

    await pool.query('UPDATE report_ikm_days SET respondents = 999 WHERE hall_id = $1 AND day = $2', [
      config.hall.id,
      monday,
    ]);
    issueTickets(hub, 2, 'tue-late');
    serveAll(hub, 'loket-1', 'tue-late', () => hub.clock.advance(60_000));
    logs = await shipAndProject();
    expect((await rows()).find((r) => r.day === monday)?.respondents).toBe(999);
    await pool.query('UPDATE report_ikm_days SET respondents = 10 WHERE hall_id = $1 AND day = $2', [
      config.hall.id,
      monday,
    ]);

    // Each day's row is the raw log's figure for that day...
    const [log] = logs;
    if (!log) throw new Error('no log');
    const days = await ikmByDay(pool, config.hall.id, monday, tuesday);
    for (const day of [monday, tuesday]) {
      const raw = (await ikmFromLog(pool, config.hall.id, log.logId, config, day, day)).build().overall;
      expect(days.get(day)).toEqual({ ...raw.ikm, visitors: raw.visitors });
    }
    // ...and the overview over both days, summed from the rows, the raw log's figure over the period and the
    // index of the answers given, computed by hand's rule.
    const period = { kind: 'custom' as const, from: monday, to: tuesday, days: 2 };
    const now = hub.clock.now();
    const [fromRows] = await hallOverview(pool, logs, period, now);
    const [fromLog] = await hallOverview(pool, logs, period, now, { hallTotals: false });
    expect(fromRows?.ikmRespondents).toBe(4 + later.length);
    expect(fromRows?.ikm).toBeCloseTo(fromLog?.ikm ?? -1, 10);
    expect(fromRows?.ikmRespondents).toBe(fromLog?.ikmRespondents);
    const expected = computeIkm(ANSWERS.slice(0, 4 + later.length)).ikm;
    expect(expected).toBeGreaterThan(25);
    expect(fromRows?.ikm).toBeCloseTo(expected ?? -1, 10);
  });
});
