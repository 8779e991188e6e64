import type { DomainEvent, EngineContext, EventEnvelope, HallConfig } from '@antre/shared';
import { QueueDay, commandSchema, decide } from '@antre/shared';
import type { CounterPlan, DayWindow } from './day-plan.js';
import { Rng, sample } from './distributions.js';
import type { Scenario } from './scenario.js';
import type { Visitor } from './visitors.js';
import { generateVisitors } from './visitors.js';

const TICK = 5_000;
const MIN = 60_000;

type Desk =
  | { phase: 'closed' | 'idle' | 'paused' }
  | { phase: 'walking' | 'awaited'; ticketId: string; until: number }
  | { phase: 'serving'; ticketId: string; until: number; since: number };

interface VisitorAt {
  visitor: Visitor;
  leg: number;
}

/**
 * A scenario's hall day played on the domain alone (the engine's decisions on a `QueueDay`, no hub, no
 * sockets, no real time), a tick of five hall seconds at a time. Visitors, counter hours, breaks and service
 * times are the simulator's own draws (`generateVisitors`, `counterPlans`); staff call the next visitor as soon
 * as their desk is free, a no-show is settled two minutes after the call, a leg that continues elsewhere is a
 * transfer to the front of that queue. `fork` copies the day as it stands with a new future (the draws not
 * yet seen made again), so that what a ticket would wait can be sampled from the moment it was issued.
 */
export class LabDay {
  now: number;
  issued = 0;
  /** Each ticket's first call (hall epoch ms). */
  readonly firstCall: Map<string, number>;
  /** Called with each ticket the kiosk issues, right after. */
  onIssued: ((ticketId: string) => void) | undefined;
  private ids: number;
  private next = 0;

  private constructor(
    private readonly scenario: Scenario,
    readonly config: HallConfig,
    private readonly window: DayWindow,
    private readonly plans: readonly CounterPlan[],
    readonly day: QueueDay,
    private readonly visitors: readonly Visitor[],
    private readonly visitorOf: Map<string, VisitorAt>,
    private readonly desks: Map<string, Desk>,
    state: { now: number; ids: number; firstCall: Map<string, number> },
  ) {
    this.now = state.now;
    this.ids = state.ids;
    this.firstCall = state.firstCall;
  }

  static start(scenario: Scenario, config: HallConfig, window: DayWindow, plans: CounterPlan[]): LabDay {
    const rng = new Rng(scenario.seed);
    const visitors = generateVisitors(scenario, config, window, rng.fork('visitors'));
    return new LabDay(
      scenario,
      config,
      window,
      plans,
      QueueDay.empty(config, scenario.date),
      visitors,
      new Map(),
      new Map(plans.map((p) => [p.counterId, { phase: 'closed' }])),
      { now: window.start, ids: 0, firstCall: new Map() },
    );
  }

  get over(): boolean {
    return this.now > this.window.end;
  }

  /** One tick: the visitors at the kiosks now, then every desk; the clock moves on. */
  step(): void {
    while (this.next < this.visitors.length && (this.visitors[this.next]?.kioskAt ?? Infinity) <= this.now) {
      const v = this.visitors[this.next++];
      if (!v || v.visit) continue;
      const events = this.run({ type: 'issueTicket', serviceId: v.serviceId, priority: v.priority });
      const issuedEvent = events.find((e) => e.type === 'TicketIssued');
      if (issuedEvent?.type !== 'TicketIssued') continue;
      this.issued += 1;
      this.visitorOf.set(issuedEvent.ticket.id, { visitor: v, leg: 0 });
      this.onIssued?.(issuedEvent.ticket.id);
    }
    for (const plan of this.plans) this.stepDesk(plan);
    this.now += TICK;
  }

  /**
   * This day as it stands, with a future drawn again from `rng`: the visitors still to come (arrival times,
   * services, priority), the desk time of every visit not yet started and the rest of those under way (given
   * how long they have lasted), no-shows and walks of tickets not yet called. What has happened stays.
   */
  fork(rng: Rng): LabDay {
    const { scenario, config, window } = this;
    const now = this.now;
    const future = generateVisitors(scenario, config, window, rng.fork('visitors')).filter(
      (v) => v.kioskAt >= now && !v.visit,
    );
    const draw = (serviceId: string, fallback: number): number => {
      const s = scenario.services[serviceId];
      return s ? sample(rng, s.serviceMinutes) * MIN : fallback;
    };
    const visitorOf = new Map<string, VisitorAt>();
    for (const [ticketId, at] of this.visitorOf) {
      const t = this.day.ticket(ticketId);
      if (t?.status !== 'waiting') {
        visitorOf.set(ticketId, { ...at });
        continue;
      }
      const notCalled = !this.firstCall.has(ticketId);
      const s = scenario.services[at.visitor.serviceId];
      const legs = at.visitor.legs.map((l, i) =>
        i >= at.leg ? { ...l, serviceMs: draw(l.serviceId, l.serviceMs) } : l,
      );
      visitorOf.set(ticketId, {
        leg: at.leg,
        visitor: {
          ...at.visitor,
          legs,
          ...(notCalled
            ? {
                noShow: s ? rng.chance(s.noShow) : at.visitor.noShow,
                walkMs: sample(rng, scenario.visitor.walkSeconds) * 1000,
              }
            : {}),
        },
      });
    }
    const desks = new Map<string, Desk>();
    for (const [id, desk] of this.desks) {
      if (desk.phase !== 'serving') {
        desks.set(id, { ...desk });
        continue;
      }
      // The visit under way lasts on as a visit of its service that has already lasted this long.
      const at = this.visitorOf.get(desk.ticketId);
      const leg = at?.visitor.legs[at.leg];
      const elapsed = now - desk.since;
      let total = desk.until - desk.since;
      if (leg) {
        for (let i = 0; i < 200; i++) {
          const x = draw(leg.serviceId, total);
          if (x > elapsed) {
            total = x;
            break;
          }
        }
      }
      desks.set(id, { ...desk, until: desk.since + Math.max(total, elapsed + TICK) });
    }
    return new LabDay(
      scenario,
      config,
      window,
      this.plans,
      QueueDay.fromSnapshot(this.day.snapshot()),
      future,
      visitorOf,
      desks,
      { now, ids: this.ids + 1_000_000, firstCall: new Map(this.firstCall) },
    );
  }

  private run(input: unknown): DomainEvent[] {
    const ctx: EngineContext = {
      config: this.config,
      now: this.now,
      actor: { kind: 'system' },
      newId: () => `00000000-0000-4000-8000-${(++this.ids).toString(16).padStart(12, '0')}`,
    };
    const d = decide(this.day, commandSchema.parse(input), ctx);
    if (!d.ok) return [];
    for (const event of d.events) {
      const e: EventEnvelope = { seq: this.day.seq + 1, at: this.now, event };
      this.day.apply(e);
    }
    return d.events;
  }

  private stepDesk(plan: CounterPlan): void {
    const { now } = this;
    const id = plan.counterId;
    const desk = this.desks.get(id) ?? { phase: 'closed' };
    const onBreak = plan.breaks.some((b) => now >= b.from && now < b.to);
    const over =
      now >= plan.closeAt || (plan.closeWhenIdleAfter !== undefined && now >= plan.closeWhenIdleAfter);
    if ('ticketId' in desk) {
      if (now < desk.until) return;
      const entry = this.visitorOf.get(desk.ticketId);
      if (desk.phase === 'awaited') {
        this.run({ type: 'noShow', counterId: id, confirm: true });
      } else if (desk.phase === 'walking' && entry) {
        this.run({ type: 'startServing', counterId: id });
        const leg = entry.visitor.legs[entry.leg];
        this.desks.set(id, {
          phase: 'serving',
          ticketId: desk.ticketId,
          since: now,
          until: now + (leg?.serviceMs ?? 5 * MIN),
        });
        return;
      } else if (entry) {
        const leg = entry.visitor.legs[entry.leg];
        if (leg?.transferTo !== undefined) {
          this.run({
            type: 'transfer',
            counterId: id,
            toServiceId: leg.transferTo,
            front: true,
            confirm: true,
          });
          entry.leg += 1;
        } else this.run({ type: 'finish', counterId: id });
      }
      this.desks.set(id, { phase: 'idle' });
      this.stepDesk(plan);
      return;
    }
    if (desk.phase === 'closed') {
      if (now >= plan.openAt && !over) {
        this.run({ type: 'setCounterStatus', counterId: id, status: 'open' });
        this.desks.set(id, { phase: 'idle' });
      }
      return;
    }
    if (desk.phase === 'paused') {
      if (!onBreak) {
        this.run({ type: 'setCounterStatus', counterId: id, status: 'open' });
        this.desks.set(id, { phase: 'idle' });
      }
      return;
    }
    // Idle and open: a break, the end of the day, or the next visitor.
    if (onBreak) {
      this.run({ type: 'setCounterStatus', counterId: id, status: 'paused' });
      this.desks.set(id, { phase: 'paused' });
      return;
    }
    const waiting = this.day.waiting();
    if (
      over &&
      (now >= plan.closeAt || plan.serviceIds.every((s) => (waiting.byService.get(s) ?? 0) === 0))
    ) {
      this.run({ type: 'setCounterStatus', counterId: id, status: 'closed' });
      this.desks.set(id, { phase: 'closed' });
      return;
    }
    const called = this.run({ type: 'callNext', counterId: id }).find((e) => e.type === 'TicketCalled');
    if (called?.type !== 'TicketCalled') return;
    if (!this.firstCall.has(called.ticketId)) this.firstCall.set(called.ticketId, now);
    const entry = this.visitorOf.get(called.ticketId);
    if (!entry) return;
    const gone = entry.leg === 0 && entry.visitor.noShow;
    this.desks.set(id, {
      phase: gone ? 'awaited' : 'walking',
      ticketId: called.ticketId,
      until: now + (gone ? 2 * MIN : entry.visitor.walkMs),
    });
  }
}
