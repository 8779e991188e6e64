/**
 * `npm run bench:central`: 50 simulated halls shipping to one central node on this machine's PostgreSQL and
 * Redis (ANTRE_CENTRAL_TEST_DATABASE_URL / ANTRE_CENTRAL_TEST_REDIS_URL, as the tests; a fresh database is made
 * and dropped). Figures, each with what it is measured against in the same run:
 * - central_events_per_s: every hall's busy day shipped at full speed through the real shipper, HTTP and ingest,
 *   vs central_baseline_events_per_s: the same rows with a bare `COPY … FROM STDIN` (pg-copy-streams) per hall
 *   on one connection, PostgreSQL's fastest way in; the bare multi-row INSERTs (1000 rows each) are shown too;
 * - central_lag_p99_ms: halls logging at a busy hall's rate, from an event's commit at the hall to a dashboard
 *   hearing of it from the centre;
 * - central_report_ms: the cross-hall overview of a year for 50 halls (median of 3).
 * The last line is JSON.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import { EventStore, LogReader, LogShipper, createLogger } from '@antre/hub';
import { demoHall, startTestHub } from '@antre/hub/testing';
import type { DomainEvent, ShippedEvent } from '@antre/shared';
import { putCentralStaff, registerHall, startCentral } from '@antre/central';
import type { CentralNode } from '@antre/central';
import {
  centralTestEnv,
  freshDatabase,
  freshStream,
  issueTickets,
  localLog,
  serveAll,
} from '@antre/central/testing';

const HALLS = Number(process.env['BENCH_HALLS'] ?? 50);
const TICKETS = Number(process.env['BENCH_TICKETS'] ?? 1500);
const LAG_SECONDS = Number(process.env['BENCH_LAG_SECONDS'] ?? 20);
/** A busy hall at its peak: about 15,000 tickets a day of ~4 events, most in a few hours. */
const EVENTS_PER_HALL_S = 3;

async function main(): Promise<void> {
  const env = centralTestEnv({ ...process.env, ANTRE_REQUIRE_CENTRAL: '1' });
  if (!env) return;
  const db = await freshDatabase(env);
  const silent = createLogger('silent');
  const central = await startCentral({
    databaseUrl: db.url,
    redisUrl: env.redisUrl,
    redisStream: freshStream(),
    port: 0,
    logger: silent,
  });
  const cleanup: Array<() => Promise<void> | void> = [];
  try {
    const { day, config, rows } = await busyDay();
    console.log(`one busy day: ${TICKETS} tickets, ${rows.length} events; ${HALLS} halls`);

    // The baselines first, on a quiet database; then the real path.
    const insert = await bareInsert(central, rows);
    console.log(`bare multi-row INSERT: ${Math.round(insert)} events/s`);
    const baseline = await bareCopy(central, rows);
    console.log(`baseline (bare COPY): ${Math.round(baseline)} events/s`);
    const ingest = await shipAll(central, rows, config, silent);
    console.log(`ingest: ${Math.round(ingest)} events/s`);
    console.log(
      `ingest / COPY: ${(ingest / baseline).toFixed(2)}×, ingest / INSERT: ${(ingest / insert).toFixed(2)}×`,
    );
    // The projection follows ingest off the request; it is let finish before the lag is measured.
    const projecting = performance.now();
    await central.projections.catchUpAll();
    console.log(`projection still behind after ingest: ${Math.round(performance.now() - projecting)} ms`);

    const lagP99 = await lagAtRealRate(central, rows, config, silent, cleanup);
    console.log(`lag p99 at ${EVENTS_PER_HALL_S} events/s per hall: ${lagP99} ms`);

    const reportMs = await yearReport(central, day);
    console.log(`overview of ${HALLS} halls × 1 year: ${reportMs} ms`);

    console.log(
      JSON.stringify({
        halls: HALLS,
        events_per_hall: rows.length,
        central_events_per_s: Math.round(ingest),
        central_baseline_events_per_s: Math.round(baseline),
        central_insert_events_per_s: Math.round(insert),
        central_lag_p99_ms: lagP99,
        central_report_ms: reportMs,
      }),
    );
  } finally {
    for (const c of cleanup.reverse()) await c();
    await central.close();
    await db.drop();
  }
}

/** One hall's busy day, logged by a real hub, closed at the end (its rollups are then written). */
async function busyDay(): Promise<{ day: string; config: string; rows: ShippedEvent[] }> {
  const { config } = await demoHall();
  // A bench day: open around the clock and without quotas, so that any number of tickets fits in it.
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
  for (const service of config.services) {
    delete service.dailyQuota;
    delete service.hours;
  }
  const hub = await startTestHub({ config, rateLimits: { issuePerSecond: 1e6, issueBurst: 1e6 } });
  try {
    const counters: Array<[string, string]> = [
      ['informasi-pengaduan', 'loket-1'],
      ['perekaman-ktp-el', 'loket-2'],
      ['kartu-identitas-anak', 'loket-3'],
    ];
    const rounds = Math.ceil(TICKETS / 30);
    for (let r = 0; r < rounds; r++) {
      for (const [service, counter] of counters) {
        issueTickets(hub, 10, `r${r}-${service}`, service);
        // Five hours of the hall's day in all, inside every service's hours.
        hub.clock.advance(20_000);
        serveAll(hub, counter, `r${r}-${counter}`, () => hub.clock.advance(10_000));
      }
    }
    const day = hub.service.state.day ?? '';
    // Past midnight the day closes: its rollups are written, as every past day of a year has them.
    hub.clock.advance(24 * 60 * 60 * 1000);
    hub.service.closeDayIfDue();
    return { day, config: JSON.stringify(hub.service.config), rows: localLog(hub) };
  } finally {
    await hub.dispose();
  }
}

/** A log in memory for a shipper: the template rows, read as the hub's LogReader reads SQLite. */
function memoryReader(rows: readonly ShippedEvent[]): LogReader {
  const reader: Pick<LogReader, 'eventsAfter' | 'loggedAt' | 'lastSeq' | 'configSeed'> = {
    eventsAfter: (seq, limit) => rows.slice(seq, seq + limit),
    loggedAt: (seq) => rows[seq - 1]?.at,
    lastSeq: () => rows.length,
    configSeed: () => null,
  };
  return reader as LogReader;
}

/** Every hall ships the whole day at once, through the real shipper; events per second until all are stored. */
async function shipAll(
  central: CentralNode,
  rows: readonly ShippedEvent[],
  config: string,
  logger: ReturnType<typeof createLogger>,
): Promise<number> {
  const shippers: LogShipper[] = [];
  for (let i = 0; i < HALLS; i++) {
    const hallId = `hall-${i}`;
    const token = await registerHall(central.pool, hallId, `MPP ${i}`, Date.now());
    shippers.push(
      new LogShipper({
        centralUrl: central.url,
        hallId,
        logId: `day-log-${i}`,
        token,
        reader: memoryReader(rows),
        hello: () => ({ config, configSeed: null }),
        logger,
        batchSize: 1000,
        idleMs: 20,
      }),
    );
  }
  const started = performance.now();
  for (const s of shippers) s.start();
  while (shippers.some((s) => s.status().ackSeq !== rows.length)) await sleep(20);
  const seconds = (performance.now() - started) / 1000;
  for (const s of shippers) await s.stop();
  return (HALLS * rows.length) / seconds;
}

/** The same rows into a table of the same layout, 1000 per INSERT, on one connection: PostgreSQL's own pace. */
async function bareInsert(central: CentralNode, rows: readonly ShippedEvent[]): Promise<number> {
  const pool = central.pool;
  await pool.query('CREATE TABLE bare_events (LIKE events INCLUDING ALL)');
  const client = await pool.connect();
  try {
    const started = performance.now();
    for (let i = 0; i < HALLS; i++) {
      for (let from = 0; from < rows.length; from += 1000) {
        const batch = rows.slice(from, from + 1000);
        await client.query(
          `INSERT INTO bare_events (hall_id, log_id, seq, at, day, type, command_id, actor, payload)
           SELECT $1, $2, * FROM unnest($3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])`,
          [
            `hall-${i}`,
            `day-log-${i}`,
            batch.map((e) => e.seq),
            batch.map((e) => e.at),
            batch.map((e) => e.day),
            batch.map((e) => e.type),
            batch.map((e) => e.commandId),
            batch.map((e) => e.actor),
            batch.map((e) => e.payload),
          ],
        );
      }
    }
    return (HALLS * rows.length) / ((performance.now() - started) / 1000);
  } finally {
    client.release();
    await pool.query('DROP TABLE bare_events');
  }
}

/** The same rows with one `COPY … FROM STDIN` per hall, on one connection: PostgreSQL's fastest way in. */
async function bareCopy(central: CentralNode, rows: readonly ShippedEvent[]): Promise<number> {
  const pool = central.pool;
  await pool.query('CREATE TABLE bare_copy (LIKE events INCLUDING ALL)');
  const client = await pool.connect();
  try {
    const started = performance.now();
    for (let i = 0; i < HALLS; i++) {
      const lines = rows.map((e) =>
        [`hall-${i}`, `day-log-${i}`, e.seq, e.at, e.day, e.type, e.commandId, e.actor, e.payload]
          .map(copyText)
          .join('\t'),
      );
      await pipeline(
        Readable.from([lines.join('\n') + '\n']),
        client.query(
          copyFrom(
            'COPY bare_copy (hall_id, log_id, seq, at, day, type, command_id, actor, payload) FROM STDIN',
          ),
        ),
      );
    }
    const rate = (HALLS * rows.length) / ((performance.now() - started) / 1000);
    const copied = await client.query<{ n: string }>('SELECT count(*) AS n FROM bare_copy');
    if (Number(copied.rows[0]?.n) !== HALLS * rows.length) throw new Error('COPY stored another count');
    return rate;
  } finally {
    client.release();
    await pool.query('DROP TABLE bare_copy');
  }
}

/** A value in COPY's text format: \N for null; backslash, tab, newline and carriage return escaped. */
function copyText(v: string | number | null): string {
  if (v === null) return '\\N';
  return String(v).replace(/[\\\t\n\r]/g, (c) =>
    c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\\\',
  );
}

/** Halls log at a busy rate into their own SQLite; a dashboard times each event from commit to its arrival. */
async function lagAtRealRate(
  central: CentralNode,
  rows: readonly ShippedEvent[],
  config: string,
  logger: ReturnType<typeof createLogger>,
  cleanup: Array<() => Promise<void> | void>,
): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'antre-central-bench-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  await putCentralStaff(central.pool, {
    username: 'bench',
    password: 'bench-password',
    role: 'province_viewer',
  });
  const halls: Array<{ store: EventStore; shipper: LogShipper; seq: number; hallId: string }> = [];
  for (let i = 0; i < HALLS; i++) {
    const hallId = `live-${i}`;
    const token = await registerHall(central.pool, hallId, `MPP live ${i}`, Date.now());
    const store = new EventStore(join(dir, `${hallId}.sqlite`), 'NORMAL');
    const shipper = new LogShipper({
      centralUrl: central.url,
      hallId,
      logId: store.logId,
      token,
      reader: new LogReader(store.db),
      hello: () => ({ config, configSeed: null }),
      logger,
    });
    shipper.start();
    halls.push({ store, shipper, seq: 0, hallId });
    cleanup.push(async () => {
      await shipper.stop();
      store.close();
    });
  }
  const signIn = await fetch(`${central.url}/api/central/v1/session`, {
    method: 'POST',
    body: JSON.stringify({ username: 'bench', password: 'bench-password' }),
  });
  const { token } = (await signIn.json()) as { token: string };
  const lags: number[] = [];
  const { io } = await import('socket.io-client');
  const dashboard = io(central.url, { auth: { token }, transports: ['websocket'] });
  cleanup.push(() => void dashboard.close());
  dashboard.on('central:logged', (logged: { events: Array<{ at: number }> }) => {
    const now = Date.now();
    for (const e of logged.events) lags.push(now - e.at);
  });
  await new Promise<void>((resolve) => dashboard.once('connect', () => resolve()));
  // The halls' logs take the busy day's events in turn, stamped with the real time of their commit.
  const template = rows.filter((r) => r.type !== 'DayClosed');
  const tickMs = 1000 / EVENTS_PER_HALL_S;
  const end = Date.now() + LAG_SECONDS * 1000;
  let sent = 0;
  while (Date.now() < end) {
    const tick = Date.now();
    for (const hall of halls) {
      const row = template[hall.seq % template.length];
      if (!row) continue;
      hall.seq++;
      const at = Date.now();
      hall.store.commit([
        {
          day: row.day,
          at,
          events: [{ seq: hall.seq, at, event: JSON.parse(row.payload) as DomainEvent }],
          ...(row.actor ? { actor: row.actor } : {}),
        },
      ]);
      hall.shipper.notify();
      sent++;
    }
    await sleep(Math.max(0, tickMs - (Date.now() - tick)));
  }
  while (lags.length < sent && Date.now() < end + 30_000) await sleep(50);
  if (lags.length < sent) throw new Error(`the dashboard heard ${lags.length} of ${sent} events`);
  lags.sort((a, b) => a - b);
  return lags[Math.min(lags.length - 1, Math.floor(lags.length * 0.99))] ?? 0;
}

/** The shipped day projected, its rollups copied to every day of the year, then the overview timed. */
async function yearReport(central: CentralNode, day: string): Promise<number> {
  const pool = central.pool;
  const started = performance.now();
  await central.projections.catchUpAll();
  console.log(`projection of ${HALLS * 2} halls' logs: ${Math.round(performance.now() - started)} ms`);
  const year = day.slice(0, 4);
  const dayNo = Number(day.replaceAll('-', ''));
  const days = `SELECT to_char(d, 'YYYYMMDD')::int AS day FROM generate_series('${year}-01-01'::date, '${year}-12-31'::date, '1 day') d`;
  for (const table of [
    'report_leg_stats',
    'report_visit_stats',
    'report_slot_stats',
    'report_hall_leg_days',
    'report_hall_visit_days',
  ]) {
    const cols = (
      await pool.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = $1 AND column_name NOT IN ('hall_id', 'day') ORDER BY ordinal_position`,
        [table],
      )
    ).rows.map((r) => r.column_name);
    await pool.query(
      `INSERT INTO ${table} (hall_id, day, ${cols.join(', ')})
       SELECT t.hall_id, ds.day, ${cols.map((c) => `t.${c}`).join(', ')} FROM ${table} t, (${days}) ds
       WHERE t.day = $1 AND ds.day <> $1 AND t.hall_id LIKE 'hall-%'`,
      [dayNo],
    );
  }
  // The survey day rows (migration 0006) are keyed by the hall day as text.
  await pool.query(
    `INSERT INTO report_ikm_days (hall_id, day, respondents, answered, sums, visitors)
     SELECT t.hall_id, to_char(d, 'YYYY-MM-DD'), t.respondents, t.answered, t.sums, t.visitors
     FROM report_ikm_days t, generate_series('${year}-01-01'::date, '${year}-12-31'::date, '1 day') d
     WHERE t.day = $1 AND to_char(d, 'YYYY-MM-DD') <> $1 AND t.hall_id LIKE 'hall-%'`,
    [day],
  );
  await pool.query(
    `INSERT INTO report_days (hall_id, day, rolled) SELECT h.hall_id, ds.day, true
     FROM (SELECT DISTINCT hall_id FROM report_days WHERE hall_id LIKE 'hall-%') h, (${days}) ds
     ON CONFLICT (hall_id, day) DO NOTHING`,
  );
  await pool.query('ANALYZE');
  await putCentralStaff(pool, { username: 'year', password: 'year-password', role: 'province_viewer' });
  const signIn = await fetch(`${central.url}/api/central/v1/session`, {
    method: 'POST',
    body: JSON.stringify({ username: 'year', password: 'year-password' }),
  });
  const { token } = (await signIn.json()) as { token: string };
  const halls = Array.from({ length: HALLS }, (_, i) => `hall-${i}`).join(',');
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const res = await fetch(
      `${central.url}/api/central/v1/overview?period=year&date=${year}&halls=${halls}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    const body = (await res.json()) as { halls?: Array<{ visits: number }> };
    times.push(performance.now() - t0);
    if (!res.ok || body.halls?.length !== HALLS) throw new Error(`overview failed: ${res.status}`);
    const yearDays = (Date.UTC(Number(year) + 1, 0, 1) - Date.UTC(Number(year), 0, 1)) / 86_400_000;
    if (body.halls[0]?.visits !== TICKETS * yearDays)
      throw new Error(`a year of the first hall: ${body.halls[0]?.visits} visits, not ${TICKETS * yearDays}`);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[1] ?? 0);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
