import { otherClassCallsBefore } from './calling-order.js';
import type { DeskTimeModel } from './desk-time-model.js';
import { deskTimeModel } from './desk-time-model.js';
import type { PriorityGroup, ReadonlyTicket, WaitEstimate } from './domain-types.js';
import type { BusyDesk } from './first-free-desk.js';
import { firstFreeDesk } from './first-free-desk.js';
import { gammaQuantile, gammaShape, residualMean } from './gamma-distribution.js';
import type { NextOpening } from './hall-clock.js';
import { hallLocalTime, isOpenAt, minutesSinceOpening, nextOpening } from './hall-clock.js';
import type { CounterConfig, QueueConfig } from './hall-config.js';
import type { DayView } from './queue-day.js';

export interface ServiceWait extends WaitEstimate {
  /** Counters open for the service now. */
  openCounters: number;
  /** Mean minutes a visitor of the service keeps a desk (recent desk times, or the target before any). */
  minutesPerVisitor: number;
  /** Outside the service's hours: no ticket is issued now (`opens` says when it opens, if this week). */
  closed?: true;
}

export interface WaitOptions {
  /** The new ticket's priority group: the calling rule puts priority groups first. Regular by default. */
  priority?: PriorityGroup;
  /** Tickets per service that are not in the day yet (a kiosk's offline tickets), waiting as regular ones. */
  extraWaiting?: Readonly<Record<string, number>>;
}

/** The range's percentiles: a visitor is called before `low` one time in five, after `high` one in five. */
const LOW_P = 0.2;
/** Minutes after the hours begin in which desks not open yet are taken to be opening, not busy. */
const OPENING_GRACE_MINUTES = 10;
const HIGH_P = 0.8;

/**
 * The wait for a ticket taken now — the one estimate, printed on the ticket, shown at the kiosk and on the
 * status page (`ticketPosition` for a ticket already waiting). Queueing theory for c parallel desks:
 * - the tickets ahead are those the desks will call first by the calling rule (`otherClassCallsBefore`:
 *   priority groups first, the interleave ratio), over every service those desks serve (a service also
 *   served by desks elsewhere counts by the share of its open desks among them), plus tickets sent to
 *   one of the desks;
 * - a free desk left once those are called takes it now: 0 minutes;
 * - otherwise it is called at the (n − f + 1)-th moment a desk comes free (n ahead, f desks free): the
 *   first of the busy desks to come free (`firstFreeDesk`, each visit lasting on from its elapsed time),
 *   then one more every mean visit ÷ c — queueing theory's Erlang C mean (n − c + 1)/(c·μ) for
 *   exponential visits, with a correction for steadier visits that fades in over the first round of c
 *   calls (renewal theory: a desk whose visit has lasted long frees sooner);
 * - each service's visits are its recent desk times (`deskTimeModel`: mean and spread, the exponential of
 *   the target as fallback); the desks are the ones open now, or all configured ones when none is;
 * - a service closed now counts from its opening (`opens`), and so do desks not open yet in the first
 *   minutes of the hours (staff on their way); the midday break the wait runs into is added;
 * - the range is the 20th–80th percentile of a gamma distribution with the wait's mean and variance.
 */
export function estimateWait(
  state: DayView,
  config: QueueConfig,
  serviceId: string,
  now: number,
  options: WaitOptions = {},
): ServiceWait {
  const ctx = new EstimateContext(state, config, now, options.extraWaiting ?? {});
  return ctx.estimate({
    serviceId,
    priority: (options.priority ?? 'none') !== 'none',
    counterId: undefined,
    ahead: (pool) => ctx.newTicketAhead(pool, serviceId, (options.priority ?? 'none') !== 'none'),
  });
}

/** `estimateWait` for a regular ticket of every service (the kiosk's menu). */
export function estimateWaits(
  state: DayView,
  config: QueueConfig,
  now: number,
  extraWaiting: Readonly<Record<string, number>> = {},
): Record<string, ServiceWait> {
  const ctx = new EstimateContext(state, config, now, extraWaiting);
  const waits: Record<string, ServiceWait> = {};
  for (const s of config.services) {
    waits[s.id] = ctx.estimate({
      serviceId: s.id,
      priority: false,
      counterId: undefined,
      ahead: (pool) => ctx.newTicketAhead(pool, s.id, false),
    });
  }
  return waits;
}

/**
 * Where a waiting ticket stands now, by the same estimate: `ahead` counts the tickets of its service that
 * will be called before it (priority first, the interleave), the minutes every ticket its desks call first.
 */
export function ticketPosition(
  state: DayView,
  config: QueueConfig,
  ticketId: string,
  now: number,
): WaitEstimate | undefined {
  const ticket = state.ticket(ticketId);
  if (!ticket || ticket.status !== 'waiting') return undefined;
  const ctx = new EstimateContext(state, config, now, {});
  const { ahead, minutes, low, high, opens } = ctx.estimate({
    serviceId: ticket.serviceId,
    priority: ticket.priority !== 'none',
    counterId: ticket.targetCounterId,
    ahead: (pool) => ctx.waitingTicketAhead(pool, ticket),
  });
  return { ahead, minutes, ...rangeOf(low, high), ...(opens ? { opens } : {}) };
}

/** Where every waiting ticket stands, read at one moment of the day (`waitingPositions`). */
export interface WaitingPositions {
  /** As `ticketPosition` at that moment; undefined for a ticket that was not waiting then. */
  get(ticketId: string): WaitEstimate | undefined;
}

/**
 * `ticketPosition` for every waiting ticket, equal to asking for each (a test holds that), for the status
 * pages, whose phones all want their place after a call. One pass over the queue in calling order per service
 * and desk the tickets wait for keeps what is ahead of each ticket; a ticket's estimate is made when asked,
 * so the hub can hand them out a slice at a time between commands.
 */
export function waitingPositions(state: DayView, config: QueueConfig, now: number): WaitingPositions {
  const ctx = new EstimateContext(state, config, now, {});
  const ordered = [...state.waitingTickets()].sort((a, b) => a.rank - b.rank || a.number - b.number);
  const groups = new Map<string, { serviceId: string; counterId: string | undefined }>();
  for (const t of ordered) {
    groups.set(`${t.serviceId}\u0000${t.targetCounterId ?? ''}`, {
      serviceId: t.serviceId,
      counterId: t.targetCounterId,
    });
  }
  const aheadOf = new Map<string, { who: Omit<Who, 'ahead'>; load: AheadLoad }>();
  for (const { serviceId, counterId } of groups.values()) {
    const pool = ctx.pool({ serviceId, priority: false, counterId, ahead: () => unreachable() });
    const mine = new Set(pool.desks.map((c) => c.id));
    const weightOf = (t: ReadonlyTicket): number =>
      t.targetCounterId === undefined
        ? (pool.share.get(t.serviceId) ?? 0)
        : mine.has(t.targetCounterId)
          ? 1
          : 0;
    const add = (load: ClassLoad, t: ReadonlyTicket, weight: number) => {
      load.tickets += 1;
      load.calls += weight;
      const key = t.targetCounterId === undefined ? t.serviceId : DESK_KEY + t.targetCounterId;
      addWork(load, key, weight * ctx.model(t.serviceId).mean);
      if (t.serviceId === serviceId) load.own += 1;
    };
    const totals = { priority: emptyLoad(), regular: emptyLoad() };
    for (const t of ordered) {
      const weight = weightOf(t);
      if (weight > 0) add(t.priority !== 'none' ? totals.priority : totals.regular, t, weight);
    }
    const before = { priority: emptyLoad(), regular: emptyLoad() };
    // Tickets of equal rank and number do not go before one another: each block is read, then counted.
    for (let i = 0; i < ordered.length;) {
      let end = i + 1;
      const head = ordered[i];
      while (
        end < ordered.length &&
        ordered[end]?.rank === head?.rank &&
        ordered[end]?.number === head?.number
      )
        end += 1;
      for (let j = i; j < end; j++) {
        const t = ordered[j];
        if (!t || t.serviceId !== serviceId || t.targetCounterId !== counterId) continue;
        const priority = t.priority !== 'none';
        aheadOf.set(t.id, {
          who: { serviceId, priority, counterId },
          load: {
            same: copyLoad(priority ? before.priority : before.regular),
            other: priority ? totals.regular : totals.priority,
          },
        });
      }
      for (let j = i; j < end; j++) {
        const t = ordered[j];
        if (!t) continue;
        const weight = weightOf(t);
        if (weight > 0) add(t.priority !== 'none' ? before.priority : before.regular, t, weight);
      }
      i = end;
    }
  }
  const made = new Map<string, WaitEstimate>();
  return {
    get(ticketId) {
      const known = made.get(ticketId);
      if (known) return known;
      const entry = aheadOf.get(ticketId);
      if (!entry) return undefined;
      const { ahead, minutes, low, high, opens } = ctx.estimate({ ...entry.who, ahead: () => entry.load });
      const position = { ahead, minutes, ...rangeOf(low, high), ...(opens ? { opens } : {}) };
      made.set(ticketId, position);
      return position;
    },
  };
}

function copyLoad(load: ClassLoad): ClassLoad {
  return { ...load, workBy: new Map(load.workBy) };
}

function unreachable(): never {
  throw new Error('the pool of a position is read without its tickets ahead');
}

function rangeOf(low: number | undefined, high: number | undefined): Pick<WaitEstimate, 'low' | 'high'> {
  return low === undefined || high === undefined ? {} : { low, high };
}

/** Tickets of one class, as many as the desks will call (a shared service counts by its share). */
interface ClassLoad {
  /** Tickets, each counted once. */
  tickets: number;
  /** Tickets, each counted by the share of its calls these desks make. */
  calls: number;
  /** Minutes of desk time, each ticket by its share. */
  work: number;
  /** Tickets of the estimated service itself. */
  own: number;
  /** `work` by service, and by desk (`DESK_KEY` + id) for tickets sent to one desk alone. */
  workBy: Map<string, number>;
}

/** `ClassLoad.workBy`'s key for the work of tickets sent to one desk. */
const DESK_KEY = '@desk:';

interface AheadLoad {
  same: ClassLoad;
  other: ClassLoad;
}

/** The desks that may call the ticket and the services they serve, with each service's share. */
interface DeskPool {
  desks: readonly CounterConfig[];
  /** None of them is open: they are counted as they will open. */
  noneOpen: boolean;
  /** Per service the desks serve: the share of its calls these desks make. */
  share: ReadonlyMap<string, number>;
}

interface Who {
  serviceId: string;
  priority: boolean;
  /** Sent to this counter alone. */
  counterId: string | undefined;
  ahead: (pool: DeskPool) => AheadLoad;
}

const emptyLoad = (): ClassLoad => ({ tickets: 0, calls: 0, work: 0, own: 0, workBy: new Map() });

function addWork(load: ClassLoad, key: string, minutes: number): void {
  load.work += minutes;
  load.workBy.set(key, (load.workBy.get(key) ?? 0) + minutes);
}

/** The counters serving each service, per config (a config does not change while the hub runs). */
const DESKS = new WeakMap<QueueConfig, Map<string, CounterConfig[]>>();

function desksByService(config: QueueConfig): Map<string, CounterConfig[]> {
  let map = DESKS.get(config);
  if (!map) {
    map = new Map();
    for (const c of config.counters) {
      for (const s of c.serviceIds) {
        const list = map.get(s) ?? [];
        list.push(c);
        map.set(s, list);
      }
    }
    DESKS.set(config, map);
  }
  return map;
}

/** One estimate's reads of the day, each done once: desk models, open desks. */
class EstimateContext {
  private readonly models = new Map<string, DeskTimeModel>();
  private readonly desks: Map<string, CounterConfig[]>;

  constructor(
    private readonly state: DayView,
    private readonly config: QueueConfig,
    private readonly now: number,
    private readonly extraWaiting: Readonly<Record<string, number>>,
  ) {
    this.desks = desksByService(config);
  }

  model(serviceId: string): DeskTimeModel {
    let m = this.models.get(serviceId);
    if (!m) {
      const target = this.config.services.find((s) => s.id === serviceId)?.targetMinutes ?? 10;
      m = deskTimeModel(
        this.state.deskTimes(serviceId),
        this.config.settings.estimateWindow,
        target,
        this.now,
      );
      this.models.set(serviceId, m);
    }
    return m;
  }

  private isOpen(c: CounterConfig): boolean {
    return this.state.counters[c.id]?.status === 'open';
  }

  /** The desks of a service that call its tickets: the open ones, or all configured when none is. */
  private serving(serviceId: string): CounterConfig[] {
    const configured = this.desks.get(serviceId) ?? [];
    const open = configured.filter((c) => this.isOpen(c));
    return open.length > 0 ? open : configured;
  }

  pool(who: Who): DeskPool {
    const target = who.counterId && this.config.counters.find((c) => c.id === who.counterId);
    const configured = target ? [target] : (this.desks.get(who.serviceId) ?? []);
    const open = configured.filter((c) => this.isOpen(c));
    const desks = open.length > 0 ? open : configured;
    const mine = new Set(desks.map((c) => c.id));
    const share = new Map<string, number>();
    for (const c of desks) {
      for (const s of c.serviceIds) {
        if (share.has(s)) continue;
        const theirs = this.serving(s);
        share.set(s, theirs.filter((d) => mine.has(d.id)).length / Math.max(1, theirs.length));
      }
    }
    return { desks, noneOpen: open.length === 0, share };
  }

  /** What goes before a ticket taken now: every waiting ticket of its class, and the other class's. */
  newTicketAhead(pool: DeskPool, estimated: string, priority: boolean): AheadLoad {
    const index = this.state.waiting();
    const priorityLoad = emptyLoad();
    const regularLoad = emptyLoad();
    const add = (
      load: ClassLoad,
      serviceId: string,
      n: number,
      weight: number,
      own: boolean,
      key: string,
    ) => {
      if (n <= 0 || weight <= 0) return;
      load.tickets += n;
      load.calls += n * weight;
      addWork(load, key, n * weight * this.model(serviceId).mean);
      if (own) load.own += n;
    };
    for (const [serviceId, weight] of pool.share) {
      const all = (index.byService.get(serviceId) ?? 0) + (this.extraWaiting[serviceId] ?? 0);
      const prio = index.priorityByService.get(serviceId) ?? 0;
      add(priorityLoad, serviceId, prio, weight, serviceId === estimated, serviceId);
      add(regularLoad, serviceId, all - prio, weight, serviceId === estimated, serviceId);
    }
    for (const desk of pool.desks) {
      const prioAt = index.priorityByCounter.get(desk.id);
      for (const [serviceId, n] of index.byCounter.get(desk.id) ?? []) {
        const prio = prioAt?.get(serviceId) ?? 0;
        add(priorityLoad, serviceId, prio, 1, serviceId === estimated, DESK_KEY + desk.id);
        add(regularLoad, serviceId, n - prio, 1, serviceId === estimated, DESK_KEY + desk.id);
      }
    }
    return priority ? { same: priorityLoad, other: regularLoad } : { same: regularLoad, other: priorityLoad };
  }

  /** What goes before a waiting ticket: its class with a smaller rank, and the other class's. */
  waitingTicketAhead(pool: DeskPool, ticket: ReadonlyTicket): AheadLoad {
    const same = emptyLoad();
    const other = emptyLoad();
    const mine = new Set(pool.desks.map((c) => c.id));
    const priority = ticket.priority !== 'none';
    for (const t of this.state.waitingTickets()) {
      if (t.id === ticket.id) continue;
      const weight =
        t.targetCounterId === undefined
          ? (pool.share.get(t.serviceId) ?? 0)
          : mine.has(t.targetCounterId)
            ? 1
            : 0;
      if (weight === 0) continue;
      const sameClass = (t.priority !== 'none') === priority;
      if (sameClass && !(t.rank < ticket.rank || (t.rank === ticket.rank && t.number < ticket.number)))
        continue;
      const load = sameClass ? same : other;
      load.tickets += 1;
      load.calls += weight;
      const key = t.targetCounterId === undefined ? t.serviceId : DESK_KEY + t.targetCounterId;
      addWork(load, key, weight * this.model(t.serviceId).mean);
      if (t.serviceId === ticket.serviceId) load.own += 1;
    }
    return { same, other };
  }

  estimate(who: Who): ServiceWait {
    const { config, now } = this;
    const own = this.model(who.serviceId);
    const hours = config.services.find((s) => s.id === who.serviceId)?.hours ?? config.hall.hours;
    const zone = config.hall.timeZone;
    const closed = !isOpenAt(hours, now, zone);
    // Hours have just begun and no desk is open yet: staff are coming to their desks, not away.
    const opening = (minutesSinceOpening(hours, now, zone) ?? Infinity) < OPENING_GRACE_MINUTES;
    const opens = closed ? nextOpening(hours, now, zone) : undefined;
    const pool = this.pool(who);
    const { same, other } = who.ahead(pool);
    const otherFirst = otherClassCallsBefore({
      priority: who.priority,
      sameAhead: same.tickets,
      otherWaiting: other.tickets,
      streaks: pool.desks.map((c) => this.state.counters[c.id]?.priorityStreak ?? 0),
      maxStreak: config.settings.priorityStreak,
    });
    const fraction = other.tickets > 0 ? otherFirst / other.tickets : 0;
    const ahead = same.own + Math.round(fraction * other.own);
    const workBy = new Map(same.workBy);
    for (const [key, w] of other.workBy) workBy.set(key, (workBy.get(key) ?? 0) + fraction * w);
    const pooled = same.work + fraction * other.work;
    // Desks shared unevenly: the work only some of them may do does not wait on the others (`deskWork`).
    const { work, desks } = deskWork(pool.desks, workBy);
    const calls = pooled > 0 ? ((same.calls + fraction * other.calls) * work) / pooled : 0;
    const base = {
      ahead,
      openCounters: (this.desks.get(who.serviceId) ?? []).filter((c) => this.isOpen(c)).length,
      minutesPerVisitor: own.mean,
      ...(closed ? { closed: true as const } : {}),
      ...(opens ? { opens } : {}),
    };

    // A service no counter serves: nobody will call it, and there is nothing to estimate.
    if (pool.desks.length === 0) return { ...base, minutes: 0 };
    const perCall = calls > 0 ? work / calls : own.mean;
    const cv = own.cv;
    const c = Math.max(1, desks.length);
    // The desks as they stand: busy with a visit that has lasted so long, or free.
    const busy: BusyDesk[] = [];
    let free = 0;
    for (const desk of desks) {
      const current = this.state.counters[desk.id]?.currentTicketId;
      const visitor =
        pool.noneOpen || closed || current === undefined ? undefined : this.state.ticket(current);
      if (closed || (pool.noneOpen && opening)) {
        // Counted from the opening (or now, when it has just passed), when the desks start free.
        free += 1;
      } else if (pool.noneOpen) {
        // Within hours but none open yet (or paused): when it opens is unknown; as if starting a visit now.
        busy.push({ shape: gammaShape(perCall, cv), elapsed: 0 });
      } else if (visitor?.calledAt !== undefined) {
        busy.push({
          shape: this.model(visitor.serviceId).shape,
          elapsed: Math.max(0, now - visitor.calledAt) / 60_000,
        });
      } else {
        free += 1;
      }
    }
    if (Math.round(calls) < free) return { ...base, minutes: 0, low: 0, high: 0 };

    // The free desks take the first tickets ahead and start a visit now.
    for (let i = 0; i < free; i++) busy.push({ shape: gammaShape(perCall, cv), elapsed: 0 });
    const first = firstFreeDesk(busy);
    const completions = calls - free + 1;
    const rest = Math.max(0, work - free * perCall);
    const residual = busy.reduce((a, d) => a + residualMean(d.shape, d.elapsed), 0) / busy.length;
    const equilibrium =
      busy.reduce((a, d) => a + (d.shape.k * d.shape.theta * (1 + 1 / d.shape.k)) / 2, 0) / busy.length;
    const drift = perCall / c + residual - equilibrium - first.mean;
    const mean = first.mean + rest / c + drift * Math.min(1, (completions - 1) / c);
    const poissonShare = c / (c + completions - 1);
    const variance =
      Math.max(0, first.meanSquare - first.mean * first.mean) +
      (completions - 1) * (perCall / c) ** 2 * (poissonShare + (1 - poissonShare) * cv * cv) +
      ((rest / c) * cv) ** 2 / (own.visits + 3);

    const start = closed && opens ? openingTime(config, now, opens) : now;
    const wall = (minutes: number) => throughBreaks(config, who.serviceId, start, minutes);
    const minutes = Math.max(0, mean);
    return {
      ...base,
      minutes: Math.round(wall(minutes)),
      low: Math.floor(wall(gammaQuantile(minutes, variance, LOW_P))),
      high: Math.ceil(wall(gammaQuantile(minutes, variance, HIGH_P))),
    };
  }
}

/**
 * The ahead work as it falls on the desks, in desk-minutes: when the desks serve different services, each
 * desk first works off what only it (and some others) may call, by water-filling — the most constrained
 * services first, each poured onto its desks' lowest levels — and the work every desk may call is shared
 * out over the levels left. The ticket is reached when that shared work runs out (or a desk runs out of its
 * own, with none shared): the level `T`. The desks that call it are those whose own work ends by then, and
 * the work is `T` times their number, so that `work / c` stays the time. For desks that serve the same
 * services this is the pooled work over every desk; otherwise it is less (a fluid model of the calling
 * rule: a desk that calls one service alone is not held up by another service's queue).
 */
function deskWork(
  desks: readonly CounterConfig[],
  workBy: ReadonlyMap<string, number>,
): { work: number; desks: readonly CounterConfig[] } {
  const c = desks.length;
  let shared = 0;
  const parts: Array<{ desks: number[]; work: number }> = [];
  for (const [key, work] of workBy) {
    if (work <= 0) continue;
    const mine = key.startsWith(DESK_KEY)
      ? [desks.findIndex((d) => d.id === key.slice(DESK_KEY.length))].filter((i) => i >= 0)
      : desks.flatMap((d, i) => (d.serviceIds.includes(key) ? [i] : []));
    if (mine.length === 0 || mine.length === c) shared += work;
    else parts.push({ desks: mine, work });
  }
  if (parts.length === 0) return { work: shared, desks };
  const levels = new Array<number>(c).fill(0);
  parts.sort((a, b) => a.desks.length - b.desks.length);
  for (const part of parts) pour(levels, part.desks, part.work);
  const before = [...levels];
  const level = pour(
    levels,
    desks.map((_, i) => i),
    shared,
  );
  // A desk still busy with what only it may call when the ticket's turn comes does not call it.
  const calling = desks.filter((_, i) => (before[i] ?? 0) <= level);
  return { work: level * calling.length, desks: calling };
}

/** Pours `work` onto the lowest of the chosen desks' levels; the level reached (the lowest, for none). */
function pour(levels: number[], chosen: readonly number[], work: number): number {
  const order = [...chosen].sort((a, b) => (levels[a] ?? 0) - (levels[b] ?? 0));
  let left = work;
  let level = levels[order[0] ?? 0] ?? 0;
  let k = 0;
  while (k < order.length) {
    // Raise the k + 1 lowest desks together to the next desk's level, or as far as the work goes.
    while (k + 1 < order.length && (levels[order[k + 1] ?? 0] ?? 0) <= level) k += 1;
    const next = k + 1 < order.length ? (levels[order[k + 1] ?? 0] ?? 0) : Infinity;
    const room = (next - level) * (k + 1);
    if (left <= room) {
      level += left / (k + 1);
      left = 0;
      break;
    }
    left -= room;
    level = next;
    k += 1;
  }
  for (let i = 0; i < order.length; i++) {
    const d = order[i] ?? 0;
    if ((levels[d] ?? 0) < level) levels[d] = level;
  }
  return level;
}

/** The hall time `opens` names, counted from `now`. */
function openingTime(config: QueueConfig, now: number, opens: NextOpening): number {
  const local = hallLocalTime(now, config.hall.timeZone);
  return now + (opens.inDays * 1440 + clockMinutes(opens.at) - local.minuteOfDay) * 60_000;
}

/**
 * `minutes` of counter time from `now`, in wall-clock minutes: a gap between today's periods of the
 * service's hours (the midday break) that the wait runs into is added. Past the last period the counters
 * keep serving the queue, so nothing is added there.
 */
function throughBreaks(config: QueueConfig, serviceId: string, now: number, minutes: number): number {
  const hours = config.services.find((s) => s.id === serviceId)?.hours ?? config.hall.hours;
  const local = hallLocalTime(now, config.hall.timeZone);
  const periods = hours[local.weekday]
    .map(([from, to]) => [clockMinutes(from), clockMinutes(to)] as const)
    .sort((a, b) => a[0] - b[0]);
  let at = local.minuteOfDay;
  let left = minutes;
  let total = 0;
  for (let i = 0; i + 1 < periods.length; i++) {
    const end = periods[i]?.[1] ?? 0;
    const next = periods[i + 1]?.[0] ?? 0;
    if (next <= at) continue;
    if (at < end && at + left <= end) break;
    // The wait reaches the break (or starts in it): served on from when the counters come back.
    const before = Math.max(0, end - at);
    total += next - at;
    left -= before;
    at = next;
  }
  return total + left;
}

function clockMinutes(clock: string): number {
  const [h, m] = clock.split(':');
  return Number(h) * 60 + Number(m);
}
