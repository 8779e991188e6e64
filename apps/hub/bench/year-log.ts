import { join } from 'node:path';
import type { DomainEvent, HallConfig, PriorityGroup, Ticket } from '@antre/shared';
import { formatTicketNumber } from '@antre/shared';
import { EventStore } from '@antre/hub';

export interface YearLog {
  days: number;
  tickets: number;
  events: number;
  firstDay: string;
  lastDay: string;
  /** The hall's last service day's month, `YYYY-MM`, for a month report. */
  lastMonth: string;
  ms: number;
}

/** A small, seeded generator: the same year every run. */
class Rng {
  constructor(private s = 0x2f6e2b1) {}
  next(): number {
    this.s = (this.s + 0x6d2b79f5) | 0;
    let t = Math.imul(this.s ^ (this.s >>> 15), 1 | this.s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)] as T;
  }
}

const MIN = 60_000;
const PRIORITIES: PriorityGroup[] = ['elderly', 'elderly', 'disability', 'pregnant', 'child'];

/**
 * Writes a busy hall's year straight into the event log of `dataDir` (not through the socket, which would take
 * hours): `days` service days (Monday to Saturday) ending the day before `lastDayBefore`, `perDay` tickets
 * each, arriving 08:00–15:00 with a morning peak. Each counter opens with its agency's staff, calls the
 * waiting ticket of its services that came first, serves 1.5–5.5 minutes; some are recalled, no-shows,
 * transferred to another service, cancelled, or still waiting at the close (expired). The events are shaped
 * as the engine makes them, tagged with their actor, with a day close between days.
 */
export function writeYearLog(
  config: HallConfig,
  dataDir: string,
  lastDayBefore: string,
  days = 300,
  perDay = 2500,
): YearLog {
  const t0 = performance.now();
  const store = new EventStore(join(dataDir, 'antre.sqlite'), 'OFF');
  const insert = store.db.prepare(
    'INSERT INTO events (seq, at, day, type, command_id, payload, actor) VALUES (?, ?, ?, ?, NULL, ?, ?)',
  );
  const rng = new Rng();
  const staffOf = new Map<string, string>();
  for (const s of config.staff)
    if (s.agencyId !== undefined && !staffOf.has(s.agencyId)) staffOf.set(s.agencyId, s.username);
  const serviceList = config.services;
  const countersOf = new Map<string, string[]>();
  for (const c of config.counters)
    for (const s of c.serviceIds) countersOf.set(s, [...(countersOf.get(s) ?? []), c.id]);
  const servable = serviceList.filter((s) => countersOf.has(s.id));
  const agencyOfCounter = new Map(config.counters.map((c) => [c.id, c.agencyId]));

  // Service days, Monday to Saturday, backwards from the day before `lastDayBefore`.
  const serviceDays: string[] = [];
  for (
    let d = Date.parse(`${lastDayBefore}T00:00:00Z`) - 86_400_000;
    serviceDays.length < days;
    d -= 86_400_000
  ) {
    if (new Date(d).getUTCDay() !== 0) serviceDays.unshift(new Date(d).toISOString().slice(0, 10));
  }
  let seq = 0;
  let tickets = 0;
  const localMs = (day: string, minute: number) =>
    Date.parse(`${day}T00:00:00Z`) - 7 * 60 * MIN + minute * MIN;
  for (const [index, day] of serviceDays.entries()) {
    const events: Array<{ at: number; order: number; event: DomainEvent; actor: string }> = [];
    let order = 0;
    const add = (at: number, event: DomainEvent, actor: string) =>
      events.push({ at, order: order++, event, actor });
    const open = localMs(day, 7 * 60 + 55);
    for (const c of config.counters) {
      const staff = staffOf.get(agencyOfCounter.get(c.id) ?? '') ?? 'supervisor';
      add(open, { type: 'CounterStatusChanged', counterId: c.id, status: 'open', staff }, `staff:${staff}`);
    }
    // Arrivals: a morning peak (two thirds before 11:00), ordered by time.
    const arrivals: number[] = [];
    for (let i = 0; i < perDay; i++) {
      const peak = rng.next() < 0.66;
      const minute = peak ? 8 * 60 + rng.next() * 180 : 11 * 60 + rng.next() * 240;
      arrivals.push(localMs(day, 0) + Math.floor(minute * MIN));
    }
    arrivals.sort((a, b) => a - b);
    const freeAt = new Map<string, number>();
    const numbers = new Map<string, number>();
    const expired: string[] = [];
    const close = localMs(day, 16 * 60 + 30);
    const serve = (
      ticketId: string,
      serviceId: string,
      queuedAt: number,
      priority: PriorityGroup,
    ): 'ok' | 'late' => {
      const counters = countersOf.get(serviceId) ?? [];
      let counter = counters[0] ?? '';
      for (const c of counters) if ((freeAt.get(c) ?? 0) < (freeAt.get(counter) ?? 0)) counter = c;
      const callAt = Math.max(queuedAt + 20_000 + Math.floor(rng.next() * 60_000), freeAt.get(counter) ?? 0);
      if (callAt > close - 10 * MIN) return 'late';
      const actor = `staff:${staffOf.get(agencyOfCounter.get(counter) ?? '') ?? 'supervisor'}`;
      add(
        callAt,
        {
          type: 'TicketCalled',
          ticketId,
          counterId: counter,
          via: 'next',
          priorityStreak: priority === 'none' ? 0 : 1,
          callIndex: 0,
        },
        actor,
      );
      let t = callAt;
      const roll = rng.next();
      if (roll < 0.05) {
        add(t + MIN, { type: 'TicketRecalled', ticketId, counterId: counter, callIndex: 1 }, actor);
        add(t + 3 * MIN, { type: 'TicketNoShow', ticketId, counterId: counter }, actor);
        freeAt.set(counter, t + 3 * MIN);
        return 'ok';
      }
      if (roll < 0.09) {
        add(t + MIN, { type: 'TicketRecalled', ticketId, counterId: counter, callIndex: 1 }, actor);
        t += MIN;
      }
      if (rng.next() < 0.7) {
        t += 20_000 + Math.floor(rng.next() * 60_000);
        add(t, { type: 'ServingStarted', ticketId, counterId: counter }, actor);
      }
      t += 90_000 + Math.floor(rng.next() * 4 * MIN);
      freeAt.set(counter, t);
      if (roll > 0.96 && servable.length > 1) {
        const to = rng.pick(servable).id;
        if (to !== serviceId) {
          add(
            t,
            { type: 'TicketTransferred', ticketId, fromCounterId: counter, toServiceId: to, rank: queuedAt },
            actor,
          );
          if (serve(ticketId, to, t, priority) === 'late') expired.push(ticketId);
          return 'ok';
        }
      }
      add(t, { type: 'TicketFinished', ticketId, counterId: counter }, actor);
      return 'ok';
    };
    for (const issuedAt of arrivals) {
      const service = rng.pick(servable);
      const number = (numbers.get(service.id) ?? 0) + 1;
      numbers.set(service.id, number);
      const r = rng.next();
      const offline = r < 0.03;
      const byStaff = r > 0.95;
      const priority: PriorityGroup = rng.next() < 0.1 ? rng.pick(PRIORITIES) : 'none';
      const id = crypto.randomUUID();
      const ticket: Ticket = {
        id,
        serviceId: service.id,
        prefix: service.prefix,
        number,
        displayNumber: formatTicketNumber(service.prefix, number),
        day,
        issuedAt,
        origin: byStaff
          ? { kind: 'staff', username: staffOf.get(service.agencyId) ?? 'supervisor' }
          : { kind: 'kiosk', kioskId: 'kiosk-1', offline },
        priority,
        status: 'waiting',
        rank: issuedAt,
        calls: [],
        transfers: [],
        estimate: { ahead: 3, minutes: 12 },
      };
      add(
        issuedAt,
        { type: 'TicketIssued', ticket },
        byStaff ? `staff:${staffOf.get(service.agencyId) ?? ''}` : 'kiosk:kiosk-1',
      );
      tickets += 1;
      if (rng.next() < 0.02) {
        add(
          issuedAt + 10 * MIN,
          { type: 'TicketCancelled', ticketId: id, by: 'supervisor' },
          'staff:supervisor',
        );
        continue;
      }
      if (serve(id, service.id, issuedAt, priority) === 'late') expired.push(id);
    }
    for (const c of config.counters) {
      const staff = staffOf.get(agencyOfCounter.get(c.id) ?? '') ?? 'supervisor';
      add(close, { type: 'CounterStatusChanged', counterId: c.id, status: 'closed' }, `staff:${staff}`);
    }
    const nextDay = serviceDays[index + 1] ?? lastDayBefore;
    add(localMs(day, 24 * 60), { type: 'DayClosed', day, nextDay, expiredTicketIds: expired }, 'system');
    events.sort((a, b) => a.at - b.at || a.order - b.order);
    store.db.transaction(() => {
      for (const e of events) {
        seq += 1;
        insert.run(
          seq,
          e.at,
          e.event.type === 'DayClosed' ? day : day,
          e.event.type,
          JSON.stringify(e.event),
          e.actor,
        );
      }
    })();
  }
  store.close();
  const lastDay = serviceDays.at(-1) ?? lastDayBefore;
  return {
    days: serviceDays.length,
    tickets,
    events: seq,
    firstDay: serviceDays[0] ?? lastDayBefore,
    lastDay,
    lastMonth: lastDay.slice(0, 7),
    ms: performance.now() - t0,
  };
}
