import { visitFigures } from './visit-figures.js';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HubConnection } from '@antre/client';
import { stablePort } from '@antre/hub/testing';
import type { EventEnvelope, QueueSnapshot } from '@antre/shared';
import { whenConnection } from './connection-wait.js';
import { within } from './deadline.js';
import type { DayWindow, Hall } from './day-plan.js';
import { counterPlans, dayWindow, loadHall, supervisorOf } from './day-plan.js';
import { Rng } from './distributions.js';
import type { DayEvidence, FuzzEvidence, KioskEvidence, VisitorOutcome } from './evidence.js';
import { stateDigest } from './evidence.js';
import { mmcModel } from './erlang-c.js';
import { runFaults } from './faults.js';
import { Fuzzer } from './fuzzer.js';
import { clockOf } from './hall-time.js';
import type { CentralShipping } from './hub-messages.js';
import { HubRunner, SIM_RATE_LIMITS } from './hub-runner.js';
import { checkInvariants } from './invariants.js';
import { replayLog } from './log-replay.js';
import { dayMetrics } from './metrics.js';
import { ReplayPool } from './replay-pool.js';
import type { SimulationReport } from './report.js';
import { formatReport } from './report.js';
import type { Scenario } from './scenario.js';
import { SimClock, realSleep } from './sim-clock.js';
import { SimulatedCounter } from './simulated-counter.js';
import { SimulatedDisplay, callKey } from './simulated-display.js';
import { SimulatedKiosk } from './simulated-kiosk.js';
import type { SoakFigures } from './soak.js';
import { RssSampler, soakFigures } from './soak.js';
import { writePlots } from './plots.js';
import { SurveyTakers } from './survey-takers.js';
import { VisitorDesk } from './visitor-desk.js';
import type { Visitor } from './visitors.js';
import { generateVisitors } from './visitors.js';

export interface SimulationOptions {
  scenario: Scenario;
  faults: boolean;
  soak: boolean;
  /** Where report.json, report.txt, the plots, the hub log and the event log go. */
  outDir: string;
  /** Progress lines (one per hall hour); silent when absent. */
  progress?: (line: string) => void;
  /** Keep the hub's and kiosks' SQLite files (in the OS temp folder) for inspection. */
  keepData?: boolean;
  /** The hall as another one: its id and name replace the scenario config's (several halls in one run). */
  hall?: { id: string; name: string };
  /**
   * Real time the hub and kiosks get to start before the hall opens (the clock starts that much hall time
   * early, uncapped): several halls booting at once on a busy machine need more than the default.
   */
  bootRealMs?: number;
  /** The hub ships its log to this central service. */
  central?: CentralShipping;
  /** Runs during the day beside the visitors (the central scenario cuts a hall's WAN link). */
  alongside?: (day: { clock: SimClock; window: DayWindow; hubDb: string }) => Promise<void>;
  /**
   * Called once the day is closed and the hub's log written, while the hub still runs: `seq` is its last
   * event, `hubDb` its SQLite file (the central scenario waits for the centre to hold the whole log).
   */
  beforeHubStops?: (hub: { seq: number; hubDb: string; clock: SimClock }) => Promise<void>;
}

export interface SimulationResult {
  report: SimulationReport;
  text: string;
}

/** Real seconds the hub gets to boot before the first visitor, as hall time at the run's speed (capped). */
const BOOT_LEAD_REAL_MS = 5000;
/** Real time the kiosks get to come online (with their leases) after the hub started. */
const KIOSK_READY_REAL_MS = 30_000;
const SETTLE_REAL_MS = 30_000;
/**
 * Real time past the hall's closing that the day's participants get to finish what they were doing: enough
 * for a hub restarted late in the day to come back (a restart waits up to a minute for it), no more.
 */
const DAY_GRACE_REAL_MS = 75_000;
const CLOSE_DAY_REAL_MS = 20_000;

/**
 * A whole hall day against the real hub: the hub in its own process on an accelerated clock, the real
 * kiosk agent for each kiosk, counters and displays over the real client, visitors drawn from the scenario,
 * faults when asked. Afterwards the hub's log and every client's view are checked and reported.
 */
export async function runSimulation(o: SimulationOptions): Promise<SimulationResult> {
  const { scenario } = o;
  const t0 = performance.now();
  const hall = await loadHall(scenario);
  if (o.hall) hall.config.hall = { ...hall.config.hall, id: o.hall.id, name: o.hall.name };
  const zone = hall.config.hall.timeZone;
  const window = dayWindow(scenario, hall.config);
  const rng = new Rng(scenario.seed);
  const visitors = generateVisitors(scenario, hall.config, window, rng.fork('visitors'));
  const plans = counterPlans(scenario, hall, rng.fork('counters'));
  mkdirSync(o.outDir, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), `antre-sim-${scenario.name}-`));
  const bootRealMs = o.bootRealMs ?? KIOSK_READY_REAL_MS;
  const lead =
    o.bootRealMs === undefined
      ? Math.min(BOOT_LEAD_REAL_MS * scenario.speed, 30 * 60_000)
      : o.bootRealMs * scenario.speed;
  const clock = SimClock.startingAt(window.start - lead, scenario.speed);
  writeFileSync(join(o.outDir, 'hub.log'), '');
  const hub = new HubRunner({
    config: hall.config,
    dataDir: join(dataDir, 'hub'),
    // The hub is killed and started again on this port: one nobody else can be given meanwhile.
    port: await stablePort(),
    clock,
    durability: scenario.durability,
    logFile: join(o.outDir, 'hub.log'),
    ...(o.central ? { central: o.central } : {}),
  });
  const hubDb = join(dataDir, 'hub', 'antre.sqlite');
  const pool = new ReplayPool();
  const desk = new VisitorDesk();
  const kiosks = new Map<string, SimulatedKiosk>();
  const displays = new Map<string, SimulatedDisplay>();
  const counters: SimulatedCounter[] = [];
  let supervisor: HubConnection | undefined;
  let sampler: RssSampler | undefined;
  let surveys: SurveyTakers | undefined;
  try {
    await hub.start();
    for (const id of Object.keys(scenario.kiosks))
      kiosks.set(id, new SimulatedKiosk(id, hub.url, clock, dataDir, pool));
    for (const id of scenario.displays) displays.set(id, new SimulatedDisplay(id, hub.url, clock));
    await kioskReady([...kiosks.values()], bootRealMs);
    const watcher = [...displays.values()][0];
    if (o.soak) {
      sampler = new RssSampler(
        hub,
        clock,
        () => Object.keys(watcher?.conn.state?.tickets ?? {}).length,
        window.start,
      );
      sampler.start((scenario.soak?.sampleEverySeconds ?? 1) * 1000);
    }

    surveys = new SurveyTakers(hub.url, scenario.survey, rng.fork('survey'));
    const takers = surveys;
    const behaviour = {
      recallAfterMs: scenario.visitor.recallAfterSeconds * 1000,
      maxRecalls: scenario.visitor.maxRecalls,
      hardStop: window.end - 60_000,
      onFinished: (counterId: string) => takers.afterFinish(counterId),
    };
    for (const plan of plans)
      counters.push(new SimulatedCounter(plan, hub.url, clock, desk, behaviour, pool));
    const fuzzer =
      o.faults && scenario.faults.fuzz ? new Fuzzer(hub.url, clock, pool, rng.fork('fuzz')) : undefined;

    const outcomes = new Map<number, VisitorOutcome>();
    const still = new Set<string>();
    const track = (name: string, work: Promise<unknown>) => {
      still.add(name);
      return work.finally(() => still.delete(name));
    };
    const day = Promise.all([
      ...counters.map((c) => c.run()),
      track('the visitors', admitVisitors(visitors, kiosks, desk, outcomes, clock)),
      track('the central link', o.alongside?.({ clock, window, hubDb }) ?? Promise.resolve()),
      track(
        'the faults',
        o.faults
          ? runFaults(scenario.faults, {
              date: scenario.date,
              zone,
              clock,
              hub,
              kiosks,
              counters,
              displays,
              fuzzer,
              rng: rng.fork('faults'),
              until: window.end - 5 * 60_000,
            })
          : Promise.resolve(),
      ),
    ]);
    const progress = reportProgress(o.progress, clock, zone, window, watcher, hub);
    try {
      await within(day, clock.realMs(window.end - clock.now()) + DAY_GRACE_REAL_MS, () => {
        const busy = counters.filter((c) => c.running).map((c) => c.describe());
        return `the day did not end: still running ${[...still, ...busy].join('; ')}; hub ${hub.pid === undefined ? 'down' : 'up'}`;
      });
      await clock.sleepUntil(window.end);
    } finally {
      progress.stop();
    }

    // The day is over: offline tickets reach the hub, queued finishes are delivered, then the supervisor closes it.
    await settle(kiosks, counters);
    const session: { token?: string } = {};
    supervisor = new HubConnection({
      url: hub.url,
      ackTimeoutMs: 4000,
      credentials: () => (session.token === undefined ? {} : { sessionToken: session.token }),
    });
    const closeSeq = await within(
      closeDay(supervisor, hall, session),
      CLOSE_DAY_REAL_MS,
      () => `the supervisor could not close the day: ${supervisor?.status ?? 'no connection'}`,
    );
    await caughtUp(
      [...displays.values()].map((d) => d.conn),
      closeSeq,
    );
    await caughtUp(
      counters.map((c) => c.conn),
      closeSeq,
    );
    sampler?.stop();
    const afterCloseMb = (await sampler?.sample(true))?.rssMb ?? 0;

    const eventsFile = join(o.outDir, 'events.jsonl');
    const stateFile = join(o.outDir, 'hub-state.json');
    await hub.dump(eventsFile, stateFile);
    const events = readFileSync(eventsFile, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as EventEnvelope);
    const hubState = JSON.parse(readFileSync(stateFile, 'utf8')) as QueueSnapshot;
    await o.beforeHubStops?.({ seq: events.at(-1)?.seq ?? 0, hubDb, clock });
    const hubDigest = stateDigest(hubState);

    const evidence: DayEvidence = {
      config: hall.config,
      window,
      events,
      hubState,
      hubDigest,
      replay: replayLog(events, hall.config, hubState.day, window, callKey),
      kiosks: [...kiosks.values()].map(kioskEvidence),
      displays: [...displays.values()].map((d) => {
        const seen = d.seen();
        return {
          displayId: d.displayId,
          live: seen.live,
          caughtUp: seen.caughtUp,
          seq: d.conn.state?.seq ?? 0,
          digest: stateDigest(d.conn.state),
          drops: d.drops,
        };
      }),
      counters: counters.map((c) => ({
        plan: c.plan,
        stats: c.stats,
        seq: c.conn.state?.seq ?? 0,
        pending: c.conn.pendingCount,
      })),
      hub: {
        crashes: hub.crashes,
        restarts: hub.restarts,
        errorLines: hub.errorLines,
        stderrLines: hub.stderrLines,
      },
      fuzz: fuzzer
        ? ({
            bursts: fuzzer.bursts,
            skippedBursts: fuzzer.skippedBursts,
            results: fuzzer.results,
          } satisfies FuzzEvidence)
        : undefined,
      visitors,
      visitorOutcomes: outcomes,
    };
    const soak = o.soak && sampler ? soakFigures(sampler.samples, window.start, afterCloseMb) : undefined;
    const report = buildReport(o, evidence, (performance.now() - t0) / 1000, soak);
    // The month of the simulated day, as a hall reads its index.
    if (surveys && scenario.survey.share > 0)
      report.survey = await surveys.figures(scenario.date.slice(0, 7));
    const text = formatReport(report);
    writeFileSync(join(o.outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(o.outDir, 'report.txt'), `${text}\n`);
    writePlots(o.outDir, evidence, hall, soak);
    return { report, text };
  } finally {
    sampler?.stop();
    supervisor?.close();
    for (const c of counters) c.close();
    for (const d of displays.values()) d.close();
    await Promise.allSettled([...kiosks.values()].map((k) => k.close()));
    await hub.stop();
    if (!o.keepData) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Each visitor at their time: a ticket at their kiosk, or at another one when theirs cannot issue. */
async function admitVisitors(
  visitors: readonly Visitor[],
  kiosks: ReadonlyMap<string, SimulatedKiosk>,
  desk: VisitorDesk,
  outcomes: Map<number, VisitorOutcome>,
  clock: SimClock,
): Promise<void> {
  const visits: Array<Promise<void>> = [];
  for (const v of visitors) {
    await clock.sleepUntil(v.kioskAt);
    visits.push(
      (async () => {
        const order = [v.kioskId, ...[...kiosks.keys()].filter((k) => k !== v.kioskId)];
        let refused = 'HUB_UNREACHABLE';
        for (const kioskId of order) {
          const kiosk = kiosks.get(kioskId);
          if (!kiosk) continue;
          const result = await kiosk.issue(v);
          if (result.ok) {
            desk.handOut(result.ticket.id, v);
            outcomes.set(v.index, { ticketId: result.ticket.id, kioskId });
            return;
          }
          refused = result.error.code;
          // Closed or full is the same at every kiosk; a kiosk out of offline numbers is not.
          if (refused !== 'HUB_UNREACHABLE') break;
        }
        outcomes.set(v.index, { refused });
      })(),
    );
  }
  await Promise.all(visits);
}

/** Kiosks online with their offline number blocks leased before the first visitor. */
async function kioskReady(kiosks: readonly SimulatedKiosk[], withinMs: number): Promise<void> {
  const deadline = performance.now() + withinMs;
  for (const k of kiosks) {
    await whenConnection(
      k.agent.conn,
      () => k.agent.conn.status === 'online' && k.agent.conn.state !== undefined,
      withinMs,
    );
    await k.agent.maintain();
  }
  if (performance.now() > deadline) throw new Error('kiosks did not come online');
}

/** Waits until every kiosk has sent its offline tickets and every counter its queued actions. */
async function settle(
  kiosks: ReadonlyMap<string, SimulatedKiosk>,
  counters: readonly SimulatedCounter[],
): Promise<void> {
  const deadline = performance.now() + SETTLE_REAL_MS;
  while (performance.now() < deadline) {
    for (const k of kiosks.values()) {
      await within(k.agent.maintain(), deadline - performance.now(), () => `kiosk ${k.kioskId} did not sync`);
    }
    const unsynced = [...kiosks.values()].reduce((n, k) => n + k.unsynced(), 0);
    const pending = counters.reduce((n, c) => n + c.conn.pendingCount, 0);
    if (unsynced === 0 && pending === 0) return;
    await realSleep(200);
  }
}

/** The supervisor closes the day: what still waits expires. Answers the log's sequence number after it. */
async function closeDay(conn: HubConnection, hall: Hall, session: { token?: string }): Promise<number> {
  const username = supervisorOf(hall.config) ?? 'supervisor';
  await whenConnection(conn, () => conn.status === 'online', 20_000);
  const signIn = await conn.request('staff:signIn', { username, pin: hall.pins.get(username) ?? '' });
  if (!signIn.ok) throw new Error(`supervisor sign-in failed: ${signIn.error.code}`);
  session.token = signIn.sessionToken;
  // One command id for every attempt: however often it is sent, the day closes once.
  const reply = await conn.command(
    { type: 'closeDay' },
    { queueWhileOffline: true, commandId: crypto.randomUUID() },
  );
  if (!reply.ok) throw new Error(`the day could not be closed: ${reply.error.code} ${reply.error.message}`);
  return reply.seq;
}

async function caughtUp(conns: readonly HubConnection[], seq: number): Promise<void> {
  await Promise.all(conns.map((c) => whenConnection(c, () => (c.state?.seq ?? 0) >= seq, 15_000)));
}

function kioskEvidence(k: SimulatedKiosk): KioskEvidence {
  return {
    kioskId: k.kioskId,
    handedOut: k.handedOut,
    refusals: k.refusals,
    stored: (id) => {
      const t = k.stored(id);
      return t ? { syncState: t.syncState, offline: t.offline } : undefined;
    },
    unsynced: k.unsynced(),
    logCounts: Object.fromEntries(k.logCounts),
    outages: k.outages,
  };
}

/** One line per hall hour, so that a run of minutes shows it is alive. */
function reportProgress(
  out: ((line: string) => void) | undefined,
  clock: SimClock,
  zone: Parameters<typeof clockOf>[1],
  window: { start: number; end: number },
  watcher: SimulatedDisplay | undefined,
  hub: HubRunner,
): { stop(): void } {
  if (!out) return { stop: () => undefined };
  let next = Math.ceil(window.start / 3_600_000) * 3_600_000;
  const timer = setInterval(() => {
    if (clock.now() < next) return;
    next += 3_600_000;
    const tickets = Object.values(watcher?.conn.state?.tickets ?? {});
    const count = (s: string) => tickets.filter((t) => t.status === s).length;
    const rss = hub.rssBytes();
    out(
      `${clockOf(clock.now(), zone)}  tickets ${tickets.length}, waiting ${count('waiting')}, at a desk ${count('called') + count('serving')}, done ${count('done')}, hub seq ${watcher?.conn.state?.seq ?? 0}${rss === undefined ? ', hub down' : `, hub RSS ${(rss / 1048576).toFixed(0)} MB`}`,
    );
  }, 200);
  return { stop: () => clearInterval(timer) };
}

function buildReport(
  o: SimulationOptions,
  d: DayEvidence,
  realSeconds: number,
  soak: SoakFigures | undefined,
): SimulationReport {
  const s = o.scenario;
  const zone = d.config.hall.timeZone;
  const hhmm = (t: number) => clockOf(t, zone);
  const invariants = checkInvariants(d);
  if (soak) {
    invariants.push({
      name: "the hub's memory stays flat",
      ok: soak.flat,
      detail: `RSS ${soak.baselineMb.toFixed(1)} MB in the second hour, ${soak.lastHourMb.toFixed(1)} MB in the last (limit +${soak.flatLimitMb} MB); live heap ${soak.heapLiveFirstMb.toFixed(1)} → ${soak.heapLiveLastMb.toFixed(1)} MB, ${soak.heapKbPerTicket.toFixed(2)} kB per ticket held (limit ${soak.heapLimitKbPerTicket})`,
    });
  }
  const fuzz = d.fuzz;
  const visits = visitFigures(d.hubState);
  if (s.visits.share > 0) {
    invariants.push({
      name: 'no visit plans a service twice or is at two desks at once',
      ok: visits.legsConsistent,
      detail: `${visits.visits} visits, ${visits.legs} legs`,
    });
  }
  return {
    visits,
    scenario: {
      name: s.name,
      seed: s.seed,
      date: s.date,
      start: s.start,
      end: s.end,
      speed: s.speed,
      scale: s.scale,
      durability: s.durability,
      faults: o.faults,
      soak: o.soak,
    },
    run: {
      realSeconds,
      events: d.events.length,
      hubRateLimits: SIM_RATE_LIMITS,
      hubRestarts: d.hub.restarts.map((r) => ({
        killedAt: hhmm(r.killedAt),
        downMinutes: (r.readyAt - r.killedAt) / 60_000,
        realMs: r.realMs,
      })),
      kioskOutages: d.kiosks.flatMap((k) =>
        k.outages.map((x) => ({ kioskId: k.kioskId, from: hhmm(x.from), to: hhmm(x.to) })),
      ),
      counterDrops: d.counters.flatMap((c) =>
        c.stats.drops.map((x) => ({ counterId: c.plan.counterId, from: hhmm(x.from), to: hhmm(x.to) })),
      ),
      displayDrops: d.displays.flatMap((x) =>
        x.drops.map((y) => ({ displayId: x.displayId, from: hhmm(y.from), to: hhmm(y.to) })),
      ),
    },
    metrics: dayMetrics(d, (t) => hhmm(t).slice(0, 2), mmcModel(s)),
    kiosks: d.kiosks.map((k) => {
      const refusals: Record<string, number> = {};
      for (const r of k.refusals) refusals[r.code] = (refusals[r.code] ?? 0) + 1;
      return {
        kioskId: k.kioskId,
        handedOut: k.handedOut.length,
        offline: k.handedOut.filter((t) => t.offline).length,
        refusals,
        log: k.logCounts,
      };
    }),
    displays: d.displays.map((x) => ({
      displayId: x.displayId,
      live: x.live.size,
      caughtUp: x.caughtUp.size,
      drops: x.drops.length,
    })),
    ...(fuzz
      ? {
          fuzz: {
            bursts: fuzz.bursts,
            skippedBursts: fuzz.skippedBursts,
            messages: fuzz.results.length,
            byCategory: fuzz.results.reduce<NonNullable<SimulationReport['fuzz']>['byCategory']>((acc, r) => {
              const key = r.outcome.kind === 'error' ? r.outcome.code : r.outcome.kind;
              const cat = (acc[r.category] ??= {});
              cat[key] = (cat[key] ?? 0) + 1;
              return acc;
            }, {}),
            expectedCodes: `${fuzz.results.filter((r) => r.outcome.kind === 'error' && r.expectedCode).length}/${fuzz.results.filter((r) => r.outcome.kind === 'error').length}`,
          },
        }
      : {}),
    hub: {
      crashes: d.hub.crashes.length,
      errorLines: d.hub.errorLines.slice(0, 20),
      stderrLines: d.hub.stderrLines.slice(0, 20),
    },
    ...(soak ? { soak } : {}),
    invariants,
    ok: invariants.every((i) => i.ok),
  };
}
