import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { DayView, HallConfig } from '@antre/shared';
import { REPO_ROOT, counterPlans, dayWindow, loadHall } from './day-plan.js';
import { Rng } from './distributions.js';
import { LabDay } from './lab-day.js';
import type { Scenario } from './scenario.js';
import { loadScenario } from './scenario.js';

const MIN = 60_000;

/** One ticket's promise at the kiosk against the wait it had. */
export interface EstimatePair {
  serviceId: string;
  agencyId: string;
  estimate: number;
  low: number | undefined;
  high: number | undefined;
  actual: number;
  /** When the ticket was issued (hall epoch ms). */
  issuedAt: number;
}

export interface LabResult {
  pairs: EstimatePair[];
  issued: number;
  called: number;
}

/**
 * The estimate's laboratory: a scenario's hall day played on the domain alone (`LabDay`), so that the kiosk's
 * promise — the estimate the engine puts on each ticket — can be set against the wait the ticket had, over
 * many seeds in seconds. Only the first call of a ticket counts.
 */
export function runEstimateLab(scenario: Scenario, config: HallConfig, pins: Map<string, string>): LabResult {
  const lab = labDay(scenario, config, pins);
  while (!lab.over) lab.step();
  return { pairs: pairsOf(lab.day, lab.firstCall, config), issued: lab.issued, called: lab.firstCall.size };
}

function labDay(scenario: Scenario, config: HallConfig, pins: Map<string, string>): LabDay {
  const rng = new Rng(scenario.seed);
  const window = dayWindow(scenario, config);
  return LabDay.start(
    scenario,
    config,
    window,
    counterPlans(scenario, { config, pins }, rng.fork('counters')),
  );
}

function pairsOf(
  day: DayView,
  firstCall: ReadonlyMap<string, number>,
  config: HallConfig,
  only?: ReadonlyMap<string, number>,
): Array<EstimatePair & { ticketId: string }> {
  const agencyOf = new Map(config.services.map((s) => [s.id, s.agencyId]));
  const pairs: Array<EstimatePair & { ticketId: string }> = [];
  for (const t of day.allTickets()) {
    const calledAt = firstCall.get(t.id);
    if (calledAt === undefined || !t.estimate || (only && !only.has(t.id))) continue;
    pairs.push({
      ticketId: t.id,
      serviceId: t.serviceId,
      agencyId: agencyOf.get(t.serviceId) ?? '',
      estimate: t.estimate.minutes,
      low: t.estimate.low,
      high: t.estimate.high,
      actual: (calledAt - t.issuedAt) / MIN,
      issuedAt: t.issuedAt,
    });
  }
  return pairs;
}

/** A ticket's promise beside the best any estimate could make from what was known when it was issued. */
export interface OraclePair extends EstimatePair {
  /** The median of the waits the day's possible futures gave it (`forks` of them). */
  oracle: number;
}

/**
 * The estimate's floor: for every `every`-th ticket, the day as it stood when the ticket was issued is played
 * on `forks` times, each with its own future (arrivals, desk times, no-shows drawn again; `LabDay.fork`), and
 * the median of the waits it had is the oracle's estimate — the best a promise can do against the absolute
 * error knowing the state of the hall and the true distributions, but not the future's draws. An estimate
 * whose MAE is near the oracle's cannot be much improved; the gap is what is left to win.
 */
export function runOracleLab(
  scenario: Scenario,
  config: HallConfig,
  pins: Map<string, string>,
  options: { forks: number; every: number },
): OraclePair[] {
  const lab = labDay(scenario, config, pins);
  const rng = new Rng(scenario.seed ^ 0x5eed);
  const oracle = new Map<string, number>();
  let count = 0;
  lab.onIssued = (ticketId) => {
    if (count++ % options.every !== 0) return;
    const waits: number[] = [];
    for (let i = 0; i < options.forks; i++) {
      const fork = lab.fork(rng.fork(`${ticketId}:${i}`));
      fork.onIssued = undefined;
      // The fork resumes mid-tick: the rest of this tick's desks, then on until the ticket is called.
      while (!fork.over && !fork.firstCall.has(ticketId)) fork.step();
      const at = fork.firstCall.get(ticketId);
      waits.push(((at ?? fork.now) - lab.now) / MIN);
    }
    waits.sort((a, b) => a - b);
    oracle.set(ticketId, waits[Math.floor(waits.length / 2)] ?? 0);
  };
  while (!lab.over) lab.step();
  return pairsOf(lab.day, lab.firstCall, config, oracle).map(({ ticketId, ...p }) => ({
    ...p,
    oracle: oracle.get(ticketId) ?? 0,
  }));
}

/** MAE, bias and the share within ±max(5 min, 25 %), overall and per group. */
export interface Accuracy {
  n: number;
  mae: number;
  bias: number;
  within: number;
  /** The share of real waits inside the printed 20–80 % span (a true span holds 60 %). */
  inSpan: number;
}

export function accuracy(pairs: readonly EstimatePair[]): Accuracy {
  const n = pairs.length;
  if (n === 0) return { n, mae: 0, bias: 0, within: 0, inSpan: 0 };
  let abs = 0;
  let sum = 0;
  let within = 0;
  let inSpan = 0;
  for (const p of pairs) {
    const e = p.estimate - p.actual;
    abs += Math.abs(e);
    sum += e;
    if (Math.abs(e) <= Math.max(5, 0.25 * p.actual)) within += 1;
    const low = p.low ?? p.estimate;
    const high = p.high ?? p.estimate;
    if (p.actual >= low && p.actual <= high) inSpan += 1;
  }
  return { n, mae: abs / n, bias: sum / n, within: within / n, inSpan: inSpan / n };
}

function line(label: string, a: Accuracy): string {
  const pct = (x: number) => `${Math.round(100 * x)}%`.padStart(5);
  return `${label.padEnd(34)} ${String(a.n).padStart(5)} ${a.mae.toFixed(1).padStart(6)} ${a.bias.toFixed(1).padStart(6)} ${pct(a.within)} ${pct(a.inSpan)}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'tools/simulator/scenarios/demo-hall-day.json' },
      seeds: { type: 'string', default: '5' },
      scale: { type: 'string' },
      oracle: { type: 'boolean', default: false },
      forks: { type: 'string', default: '15' },
      every: { type: 'string', default: '4' },
    },
  });
  const base = loadScenario(resolve(REPO_ROOT, values.scenario));
  const hall = await loadHall(base);
  if (values.oracle) {
    printOracle(base, hall, Number(values.seeds), {
      forks: Number(values.forks),
      every: Number(values.every),
    });
    return;
  }
  const all: EstimatePair[] = [];
  for (let i = 0; i < Number(values.seeds); i++) {
    const scenario: Scenario = {
      ...base,
      seed: base.seed + i,
      ...(values.scale === undefined ? {} : { scale: Number(values.scale) }),
    };
    all.push(...runEstimateLab(scenario, hall.config, hall.pins).pairs);
  }
  console.log(`${base.name}, ${values.seeds} seeds: estimate − real wait (minutes)`);
  console.log(
    `${'group'.padEnd(34)} ${'n'.padStart(5)} ${'MAE'.padStart(6)} ${'bias'.padStart(6)} within  span`,
  );
  console.log(line('all', accuracy(all)));
  const groups = new Map<string, EstimatePair[]>();
  for (const p of all) {
    for (const key of [p.agencyId, `  ${p.serviceId}`]) {
      const list = groups.get(`${p.agencyId}|${key}`) ?? [];
      list.push(p);
      groups.set(`${p.agencyId}|${key}`, list);
    }
  }
  for (const key of [...groups.keys()].sort()) {
    console.log(line(key.split('|')[1] ?? key, accuracy(groups.get(key) ?? [])));
  }
}

function printOracle(
  base: Scenario,
  hall: { config: HallConfig; pins: Map<string, string> },
  seeds: number,
  options: { forks: number; every: number },
): void {
  const all: OraclePair[] = [];
  for (let i = 0; i < seeds; i++) {
    all.push(...runOracleLab({ ...base, seed: base.seed + i }, hall.config, hall.pins, options));
  }
  console.log(
    `${base.name}, ${seeds} seeds, every ${options.every}th ticket, ${options.forks} futures each: Antre's estimate and the oracle's (the median wait over the futures), minus the real wait`,
  );
  console.log(
    `${'group'.padEnd(24)} ${'n'.padStart(5)}   Antre: MAE   bias within   oracle: MAE   bias within`,
  );
  const row = (label: string, ps: readonly OraclePair[]) => {
    const a = accuracy(ps);
    const o = accuracy(ps.map((p) => ({ ...p, estimate: p.oracle, low: undefined, high: undefined })));
    const pct = (x: number) => `${Math.round(100 * x)}%`.padStart(6);
    console.log(
      `${label.padEnd(24)} ${String(a.n).padStart(5)}   ${a.mae.toFixed(1).padStart(10)} ${a.bias.toFixed(1).padStart(6)} ${pct(a.within)}   ${o.mae.toFixed(1).padStart(11)} ${o.bias.toFixed(1).padStart(6)} ${pct(o.within)}`,
    );
  };
  row('all', all);
  const agencies = [...new Set(all.map((p) => p.agencyId))].sort();
  for (const agency of agencies)
    row(
      agency,
      all.filter((p) => p.agencyId === agency),
    );
}

if (process.argv[1]?.endsWith('estimate-lab.ts') === true) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
