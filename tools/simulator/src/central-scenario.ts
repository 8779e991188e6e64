import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { CentralNode } from '@antre/central';
import { createLogger, registerHall, startCentral } from '@antre/central';
import type { CentralTestEnv } from '@antre/central/testing';
import { CuttableLink, centralLog, freshDatabase, freshStream, localLogOf } from '@antre/central/testing';
import type { Scenario } from './scenario.js';
import type { SimClock } from './sim-clock.js';
import { realSleep } from './sim-clock.js';
import { runSimulation } from './simulation.js';

/** What the central scenario needs from the environment, said when it is missing. */
export const CENTRAL_ENV_NEEDED =
  'the central scenario needs PostgreSQL and Redis: set ANTRE_CENTRAL_TEST_DATABASE_URL (a role that may ' +
  'create databases, e.g. postgres://antre_ci:antre_ci@127.0.0.1:5432/antre_ci) and ANTRE_CENTRAL_TEST_REDIS_URL ' +
  '(e.g. redis://127.0.0.1:6379); .ci/run sets both';

/** PostgreSQL and Redis from the environment, or undefined. */
export function centralScenarioEnv(env: NodeJS.ProcessEnv = process.env): CentralTestEnv | undefined {
  const databaseUrl = env['ANTRE_CENTRAL_TEST_DATABASE_URL'];
  const redisUrl = env['ANTRE_CENTRAL_TEST_REDIS_URL'];
  return databaseUrl && redisUrl ? { databaseUrl, redisUrl } : undefined;
}

export interface CentralScenarioOptions {
  /** Each hall's day (the same scenario, the hall id changed). */
  scenario: Scenario;
  env: CentralTestEnv;
  outDir: string;
  halls?: ReadonlyArray<{ id: string; name: string }>;
  /** The hall whose WAN link is cut (index into `halls`), `outageAfterMinutes` into the day, for `outageHours`. */
  outageHall?: number;
  outageAfterMinutes?: number;
  outageHours?: number;
  progress?: (line: string) => void;
  /** Real time the three halls' hubs and kiosks get to start before the halls open (default 45 s). */
  bootRealMs?: number;
}

export interface CentralHallFigures {
  hallId: string;
  /** Events of the hall's log, and of the centre's copy. */
  localEvents: number;
  centralEvents: number;
  /** The centre's copy equals the hall's log, event for event. */
  equal: boolean;
  /** The hall day's own invariants (the simulator's usual checks). */
  dayOk: boolean;
  /**
   * Shipping lag (time since the oldest event not yet at the centre), sampled outside any outage once the hall
   * has shipped its first batch: in hall seconds, and in real seconds (hall ÷ speed: the shipper works in
   * real time, so at 400× one real second is nearly seven hall minutes).
   */
  lagP99HallS: number;
  lagMaxHallS: number;
  lagP99RealS: number;
  lagMaxRealS: number;
  samples: number;
}

export interface CentralOutageFigures {
  hallId: string;
  /** Hall times the link was cut and restored. */
  from: number;
  to: number;
  /** At the restore: events the centre lacked, and the lag (hall minutes). */
  behindEvents: number;
  lagAtRestoreHallMin: number;
  /** From the restore until the centre held every event logged before it: real ms and hall minutes. */
  catchUpRealMs: number;
  catchUpHallMin: number;
}

export interface CentralScenarioReport {
  ok: boolean;
  halls: CentralHallFigures[];
  outage: CentralOutageFigures | undefined;
  failures: string[];
}

const DEFAULT_HALLS = [
  { id: 'mpp-padang-panjang', name: 'MPP Kota Padang Panjang' },
  { id: 'mpp-bukittinggi', name: 'MPP Kota Bukittinggi' },
  { id: 'mpp-payakumbuh', name: 'MPP Kota Payakumbuh' },
];

const SAMPLE_REAL_MS = 200;
/** Real time the centre gets after the day to hold a hall's whole log. */
const FINAL_CATCH_UP_REAL_MS = 60_000;

/**
 * Several halls' days at once (the simulator's hall day, each with its own hub, kiosks, counters and
 * displays on the accelerated clock), each hub shipping its log to one central node (PostgreSQL and Redis
 * from the environment, a database of its own, dropped afterwards) through a link the scenario can cut; one
 * hall's WAN is out for `outageHours` hall-hours. Afterwards: every hall's central log equals its local log,
 * with the shipping lag sampled through the day and the cut hall's catch-up time.
 */
export async function runCentralScenario(o: CentralScenarioOptions): Promise<CentralScenarioReport> {
  const halls = o.halls ?? DEFAULT_HALLS;
  const outageHall = o.outageHall ?? 1;
  const outageHours = o.outageHours ?? 2;
  const progress = o.progress ?? (() => undefined);
  mkdirSync(o.outDir, { recursive: true });
  const db = await freshDatabase(o.env);
  let central: CentralNode | undefined;
  const links: CuttableLink[] = [];
  try {
    central = await startCentral({
      databaseUrl: db.url,
      redisUrl: o.env.redisUrl,
      redisStream: freshStream(),
      port: 0,
      logger: createLogger('warn'),
    });
    const node = central;
    const failures: string[] = [];
    let outage: CentralOutageFigures | undefined;
    const figures = await Promise.all(
      halls.map(async (hall, i) => {
        const token = await registerHall(node.pool, hall.id, hall.name, Date.now());
        const link = new CuttableLink(() => node.port);
        links.push(link);
        await link.start();
        const lag = new LagSampler(node.pool, hall.id);
        let local: ReturnType<typeof localLogOf> = [];
        let copy: ReturnType<typeof localLogOf> = [];
        const { report } = await runSimulation({
          scenario: o.scenario,
          faults: false,
          soak: false,
          outDir: join(o.outDir, hall.id),
          hall,
          bootRealMs: o.bootRealMs ?? 45_000,
          central: {
            url: `http://127.0.0.1:${link.port}`,
            token,
            idleMs: 100,
            retryMs: 50,
            maxRetryMs: 1000,
          },
          alongside: async ({ clock, window, hubDb }) => {
            // Sampled until the day is closed (`beforeHubStops`); the day does not wait for it.
            void lag.run(clock, hubDb);
            if (i === outageHall) {
              const from = window.start + (o.outageAfterMinutes ?? 60) * 60_000;
              const to = from + outageHours * 60 * 60_000;
              if (to > window.end)
                throw new Error(`the outage (${outageHours} h) ends after the hall closes`);
              await clock.sleepUntil(from);
              link.down = true;
              link.cutAll();
              lag.pause();
              progress(`${hall.id}: WAN link cut for ${outageHours} hall-hours`);
              await clock.sleepUntil(to);
              const behind = await lag.measure(clock, hubDb);
              link.down = false;
              const restoredReal = performance.now();
              const restoredHall = clock.now();
              progress(`${hall.id}: WAN link back, ${behind.behind} events to ship`);
              await lag.until(behind.localSeq, 2 * FINAL_CATCH_UP_REAL_MS);
              const catchUpRealMs = performance.now() - restoredReal;
              outage = {
                hallId: hall.id,
                from,
                to,
                behindEvents: behind.behind,
                lagAtRestoreHallMin: behind.lagMs / 60_000,
                catchUpRealMs,
                catchUpHallMin: (clock.now() - restoredHall) / 60_000,
              };
              lag.resume();
            }
          },
          beforeHubStops: async ({ seq, hubDb }) => {
            lag.stop();
            await lag.until(seq, FINAL_CATCH_UP_REAL_MS).catch(() => undefined);
            const sqlite = new Database(hubDb, { readonly: true });
            try {
              local = localLogOf(sqlite);
              const logId = sqlite.prepare("SELECT value FROM meta WHERE key = 'log_id'").pluck().get();
              copy = await centralLog(node.pool, hall.id, String(logId));
            } finally {
              sqlite.close();
            }
            progress(`${hall.id}: day closed at seq ${seq}, the centre holds ${copy.length} events`);
          },
        }).finally(() => lag.stop());
        const equal = copy.length === local.length && JSON.stringify(copy) === JSON.stringify(local);
        if (!equal)
          failures.push(
            `${hall.id}: the central log (${copy.length}) differs from the local log (${local.length})`,
          );
        if (!report.ok) failures.push(`${hall.id}: an invariant of the hall day failed`);
        if (local.length === 0) failures.push(`${hall.id}: the hall logged nothing`);
        const s = lag.samples.slice().sort((a, b) => a - b);
        const p99 = (s[Math.min(s.length - 1, Math.floor(s.length * 0.99))] ?? 0) / 1000;
        const max = (s.at(-1) ?? 0) / 1000;
        return {
          hallId: hall.id,
          localEvents: local.length,
          centralEvents: copy.length,
          equal,
          dayOk: report.ok,
          lagP99HallS: p99,
          lagMaxHallS: max,
          lagP99RealS: p99 / o.scenario.speed,
          lagMaxRealS: max / o.scenario.speed,
          samples: s.length,
        } satisfies CentralHallFigures;
      }),
    );
    if (outage === undefined && halls.length > outageHall) failures.push('the outage did not happen');
    const report: CentralScenarioReport = { ok: failures.length === 0, halls: figures, outage, failures };
    writeFileSync(join(o.outDir, 'central-report.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(o.outDir, 'central-report.txt'), `${formatCentralReport(report)}\n`);
    return report;
  } finally {
    for (const l of links) await l.stop();
    await central?.close();
    await db.drop();
  }
}

export function formatCentralReport(r: CentralScenarioReport): string {
  const lines = [`Central scenario: ${r.ok ? 'OK' : 'FAILED'}`];
  for (const h of r.halls) {
    lines.push(
      `  ${h.hallId}: ${h.localEvents} events, centre ${h.centralEvents} (${h.equal ? 'equal' : 'DIFFERENT'}); ` +
        `lag p99 ${h.lagP99RealS.toFixed(2)} s (${h.lagP99HallS.toFixed(0)} hall-s), max ${h.lagMaxRealS.toFixed(2)} s ` +
        `(${h.lagMaxHallS.toFixed(0)} hall-s) over ${h.samples} samples` +
        `${h.dayOk ? '' : '; hall day invariant FAILED'}`,
    );
  }
  const o = r.outage;
  if (o) {
    lines.push(
      `  outage of ${o.hallId}: ${((o.to - o.from) / 3_600_000).toFixed(1)} hall-hours, ${o.behindEvents} events behind ` +
        `(lag ${o.lagAtRestoreHallMin.toFixed(0)} hall-min) at the restore; caught up in ${(o.catchUpRealMs / 1000).toFixed(2)} s ` +
        `(${o.catchUpHallMin.toFixed(1)} hall-min)`,
    );
  }
  for (const f of r.failures) lines.push(`  FAILED: ${f}`);
  return lines.join('\n');
}

/**
 * The shipping lag of one hall, sampled from outside: the hub's SQLite (read-only) for its log, the centre's
 * cursor for what it holds. Lag = hall time since the oldest event the centre does not hold yet (0: none).
 */
class LagSampler {
  readonly samples: number[] = [];
  private paused = false;
  private stopped = false;
  private sqlite: Database.Database | undefined;

  constructor(
    private readonly pool: CentralNode['pool'],
    private readonly hallId: string,
  ) {}

  async run(clock: SimClock, hubDb: string): Promise<void> {
    while (!this.stopped) {
      if (!this.paused) {
        const m = await this.measure(clock, hubDb).catch(() => undefined);
        // Before its first batch the hall's shipper is still starting: not a lag of shipping.
        if (m && !this.paused && m.centralSeq > 0) this.samples.push(m.lagMs);
      }
      await realSleep(SAMPLE_REAL_MS);
    }
    this.sqlite?.close();
    this.sqlite = undefined;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
  }

  stop(): void {
    this.stopped = true;
  }

  async measure(
    clock: SimClock,
    hubDb: string,
  ): Promise<{ localSeq: number; centralSeq: number; behind: number; lagMs: number }> {
    const db = this.open(hubDb);
    const localSeq = Number(db.prepare('SELECT COALESCE(MAX(seq), 0) FROM events').pluck().get());
    const centralSeq = await this.centralSeq();
    if (centralSeq >= localSeq) return { localSeq, centralSeq, behind: 0, lagMs: 0 };
    const oldest = Number(
      db
        .prepare('SELECT at FROM events WHERE seq = ?')
        .pluck()
        .get(centralSeq + 1),
    );
    return { localSeq, centralSeq, behind: localSeq - centralSeq, lagMs: Math.max(0, clock.now() - oldest) };
  }

  /** Waits until the centre holds `seq` (throws after `timeoutMs`). */
  async until(seq: number, timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while ((await this.centralSeq()) < seq) {
      if (performance.now() > deadline)
        throw new Error(`${this.hallId}: the centre did not reach seq ${seq}`);
      await realSleep(20);
    }
  }

  private async centralSeq(): Promise<number> {
    const r = await this.pool.query<{ last_seq: number }>(
      `SELECT l.last_seq FROM halls h JOIN hall_logs l ON l.hall_id = h.hall_id AND l.log_id = h.current_log_id
       WHERE h.hall_id = $1`,
      [this.hallId],
    );
    return Number(r.rows[0]?.last_seq ?? 0);
  }

  private open(hubDb: string): Database.Database {
    if (this.sqlite) return this.sqlite;
    if (!existsSync(hubDb)) throw new Error('the hub has no store yet');
    this.sqlite = new Database(hubDb, { readonly: true });
    return this.sqlite;
  }
}
