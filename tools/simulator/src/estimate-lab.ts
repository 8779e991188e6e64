import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { DomainEvent, EngineContext, EventEnvelope, HallConfig } from '@antre/shared';
import { QueueDay, commandSchema, decide } from '@antre/shared';
import type { CounterPlan } from './day-plan.js';
import { REPO_ROOT, counterPlans, dayWindow, loadHall } from './day-plan.js';
import { Rng } from './distributions.js';
import type { Scenario } from './scenario.js';
import { loadScenario } from './scenario.js';
import type { Visitor } from './visitors.js';
import { generateVisitors } from './visitors.js';

const TICK = 5_000;
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

type Desk =
  | { phase: 'closed' | 'idle' | 'paused' }
  | { phase: 'walking' | 'serving' | 'awaited'; ticketId: string; until: number };

/**
 * The estimate's laboratory: a scenario's hall day played on the domain alone (the engine's decisions on a
 * `QueueDay`, no hub, no sockets, no real time), so that the kiosk's promise — the estimate the engine puts on
 * each ticket — can be set against the wait the ticket had, over many seeds in seconds. Visitors, counter
 * hours, breaks and service times are the simulator's own draws (`generateVisitors`, `counterPlans`); staff
 * call the next visitor as soon as their desk is free, a no-show is settled two minutes after the call, a leg
 * that continues elsewhere is a transfer to the front of that queue. Only the first call of a ticket counts.
 */
export function runEstimateLab(scenario: Scenario, config: HallConfig, pins: Map<string, string>): LabResult {
  const rng = new Rng(scenario.seed);
  const window = dayWindow(scenario, config);
  const visitors = generateVisitors(scenario, config, window, rng.fork('visitors'));
  const plans = counterPlans(scenario, { config, pins: pins }, rng.fork('counters'));
  const day = QueueDay.empty(config, scenario.date);
  let now = window.start;
  let ids = 0;
  const newId = (): string => `00000000-0000-4000-8000-${(++ids).toString(16).padStart(12, '0')}`;
  const ctx = (): EngineContext => ({ config, now, actor: { kind: 'system' }, newId });
  const run = (input: unknown): DomainEvent[] => {
    const d = decide(day, commandSchema.parse(input), ctx());
    if (!d.ok) return [];
    for (const event of d.events) {
      const e: EventEnvelope = { seq: day.seq + 1, at: now, event };
      day.apply(e);
    }
    return d.events;
  };

  const visitorOf = new Map<string, { visitor: Visitor; leg: number }>();
  const firstCall = new Map<string, number>();
  const desks = new Map<string, Desk>(plans.map((p) => [p.counterId, { phase: 'closed' }]));
  let next = 0;
  let issued = 0;

  const hardStop = window.end;
  for (now = window.start; now <= hardStop; now += TICK) {
    while (next < visitors.length && (visitors[next]?.kioskAt ?? Infinity) <= now) {
      const v = visitors[next++];
      if (!v || v.visit) continue;
      const events = run({ type: 'issueTicket', serviceId: v.serviceId, priority: v.priority });
      const issuedEvent = events.find((e) => e.type === 'TicketIssued');
      if (issuedEvent?.type !== 'TicketIssued') continue;
      issued += 1;
      visitorOf.set(issuedEvent.ticket.id, { visitor: v, leg: 0 });
    }
    for (const plan of plans) stepDesk(plan);
  }

  function stepDesk(plan: CounterPlan): void {
    const id = plan.counterId;
    const desk = desks.get(id) ?? { phase: 'closed' };
    const onBreak = plan.breaks.some((b) => now >= b.from && now < b.to);
    const over =
      now >= plan.closeAt || (plan.closeWhenIdleAfter !== undefined && now >= plan.closeWhenIdleAfter);
    if ('ticketId' in desk) {
      if (now < desk.until) return;
      const entry = visitorOf.get(desk.ticketId);
      if (desk.phase === 'awaited') {
        run({ type: 'noShow', counterId: id, confirm: true });
      } else if (desk.phase === 'walking' && entry) {
        run({ type: 'startServing', counterId: id });
        const leg = entry.visitor.legs[entry.leg];
        desks.set(id, {
          phase: 'serving',
          ticketId: desk.ticketId,
          until: now + (leg?.serviceMs ?? 5 * MIN),
        });
        return;
      } else if (entry) {
        const leg = entry.visitor.legs[entry.leg];
        if (leg?.transferTo !== undefined) {
          run({ type: 'transfer', counterId: id, toServiceId: leg.transferTo, front: true, confirm: true });
          entry.leg += 1;
        } else run({ type: 'finish', counterId: id });
      }
      desks.set(id, { phase: 'idle' });
      return stepDesk(plan);
    }
    if (desk.phase === 'closed') {
      if (now >= plan.openAt && !over) {
        run({ type: 'setCounterStatus', counterId: id, status: 'open' });
        desks.set(id, { phase: 'idle' });
      }
      return;
    }
    if (desk.phase === 'paused') {
      if (!onBreak) {
        run({ type: 'setCounterStatus', counterId: id, status: 'open' });
        desks.set(id, { phase: 'idle' });
      }
      return;
    }
    // Idle and open: a break, the end of the day, or the next visitor.
    if (onBreak) {
      run({ type: 'setCounterStatus', counterId: id, status: 'paused' });
      desks.set(id, { phase: 'paused' });
      return;
    }
    const waiting = day.waiting();
    if (
      over &&
      (now >= plan.closeAt || plan.serviceIds.every((s) => (waiting.byService.get(s) ?? 0) === 0))
    ) {
      run({ type: 'setCounterStatus', counterId: id, status: 'closed' });
      desks.set(id, { phase: 'closed' });
      return;
    }
    const called = run({ type: 'callNext', counterId: id }).find((e) => e.type === 'TicketCalled');
    if (called?.type !== 'TicketCalled') return;
    if (!firstCall.has(called.ticketId)) firstCall.set(called.ticketId, now);
    const entry = visitorOf.get(called.ticketId);
    if (!entry) return;
    const gone = entry.leg === 0 && entry.visitor.noShow;
    desks.set(id, {
      phase: gone ? 'awaited' : 'walking',
      ticketId: called.ticketId,
      until: now + (gone ? 2 * MIN : entry.visitor.walkMs),
    });
  }

  const agencyOf = new Map(config.services.map((s) => [s.id, s.agencyId]));
  const pairs: EstimatePair[] = [];
  for (const t of day.allTickets()) {
    const calledAt = firstCall.get(t.id);
    if (calledAt === undefined || !t.estimate) continue;
    pairs.push({
      serviceId: t.serviceId,
      agencyId: agencyOf.get(t.serviceId) ?? '',
      estimate: t.estimate.minutes,
      low: t.estimate.low,
      high: t.estimate.high,
      actual: (calledAt - t.issuedAt) / MIN,
      issuedAt: t.issuedAt,
    });
  }
  return { pairs, issued, called: firstCall.size };
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
    },
  });
  const base = loadScenario(resolve(REPO_ROOT, values.scenario));
  const hall = await loadHall(base);
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

if (process.argv[1]?.endsWith('estimate-lab.ts') === true) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
