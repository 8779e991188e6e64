import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Actor, CommandInput, HallConfig } from '@antre/shared';
import { QueueDay, commandSchema, decide, estimateWait, publicHallConfig } from '@antre/shared';
import { TestBookings, TestQueue, testHall } from '@antre/shared/testing';
import { MONDAY_9AM_WIB, demoHall } from '@antre/hub/testing';
import { kioskAvailability, outlookOf } from './service-availability.js';

let config: HallConfig;
const kiosk: Actor = { kind: 'kiosk', kioskId: 'kiosk-1' };
const supervisor: Actor = { kind: 'staff', username: 'supervisor', role: 'supervisor' };

beforeAll(async () => {
  ({ config } = await demoHall());
});

/** Runs commands through the engine as the hub does, at `now`. */
function run(state: QueueDay, now: number, actor: Actor, ...commands: CommandInput[]): QueueDay {
  let n = 0;
  for (const input of commands) {
    const decision = decide(state, commandSchema.parse(input), {
      config,
      now,
      actor,
      newId: () => `00000000-0000-4000-8000-${String(state.seq * 100 + n++).padStart(12, '0')}`,
    });
    if (!decision.ok) throw new Error(decision.error.message);
    for (const event of decision.events) state.apply({ seq: state.seq + 1, at: now, event });
  }
  return state;
}

describe('kioskAvailability', () => {
  it('agrees with the hub’s estimate for every service, in one pass', () => {
    const state = QueueDay.empty(config, '2026-11-30');
    run(
      state,
      MONDAY_9AM_WIB,
      kiosk,
      ...['perekaman-ktp-el', 'perekaman-ktp-el', 'kartu-keluarga', 'skck', 'perekaman-ktp-el'].map(
        (serviceId) => ({ type: 'issueTicket', serviceId }) as const,
      ),
    );
    run(state, MONDAY_9AM_WIB, supervisor, {
      type: 'setCounterStatus',
      counterId: 'loket-2',
      status: 'open',
    });
    const availability = kioskAvailability(state, publicHallConfig(config), MONDAY_9AM_WIB);
    for (const service of config.services) {
      const hub = estimateWait(state, config, service.id, MONDAY_9AM_WIB);
      expect(availability.services[service.id]).toMatchObject({ waiting: hub.ahead, minutes: hub.minutes });
    }
    const ktp = estimateWait(state, config, 'perekaman-ktp-el', MONDAY_9AM_WIB);
    expect(availability.services['perekaman-ktp-el']).toEqual({
      waiting: 3,
      minutes: 30,
      openCounters: 1,
      low: ktp.low,
      high: ktp.high,
    });
    // Three ahead at one desk: the likely span is wide, and the outlook says it (issue 12).
    expect(outlookOf(availability.services['perekaman-ktp-el'])).toMatchObject({
      kind: 'minutes',
      minutes: 30,
      range: { low: expect.any(Number) as number, high: expect.any(Number) as number },
    });
    // Kartu Keluarga's counter is closed: no promise of a quick call, and no time, within the hours.
    expect(availability.services['kartu-keluarga']).toMatchObject({ waiting: 1, openCounters: 0 });
    expect(outlookOf(availability.services['kartu-keluarga'])).toEqual({ kind: 'counters-closed' });
    expect(availability.agencies['disdukcapil']).toMatchObject({ waiting: 4 });
  });

  it('says when a closed service opens again', () => {
    // Monday 12:30 WIB: the hall's midday break.
    const lunch = MONDAY_9AM_WIB + 3.5 * 3600_000;
    const availability = kioskAvailability(undefined, publicHallConfig(config), lunch);
    expect(availability.services['perekaman-ktp-el']?.refusal).toEqual({
      code: 'SERVICE_CLOSED',
      opens: { weekday: 'mon', at: '13:00', inDays: 0 },
    });
    expect(availability.agencies['disdukcapil']).toMatchObject({
      open: 0,
      opens: { weekday: 'mon', at: '13:00', inDays: 0 },
    });
    // A ticket taken before the break says when its counters come back.
    expect(outlookOf(availability.services['perekaman-ktp-el'], { ahead: 4, minutes: 20 })).toEqual({
      kind: 'counters-closed',
      opens: { weekday: 'mon', at: '13:00', inDays: 0 },
    });
  });

  it('counts offline tickets the hub does not know yet, for waiting and for the quota', () => {
    const quota = config.services.find((s) => s.id === 'pendaftaran-haji')?.dailyQuota ?? 0;
    const availability = kioskAvailability(undefined, publicHallConfig(config), MONDAY_9AM_WIB, {
      'pendaftaran-haji': quota,
      skck: 2,
    });
    expect(availability.services['pendaftaran-haji']?.refusal).toEqual({ code: 'QUOTA_REACHED', quota });
    expect(availability.services['skck']).toMatchObject({ waiting: 2 });
    // The estimate counts them too, as the hub's would.
    const empty = QueueDay.empty(config, '2026-11-30');
    expect(availability.services['skck']?.minutes).toBe(
      estimateWait(empty, config, 'skck', MONDAY_9AM_WIB, { extraWaiting: { skck: 2 } }).minutes,
    );
    expect(availability.services['skck']?.minutes).toBeGreaterThan(0);
    expect(availability.services['skck']?.refusal).toBeUndefined();
  });

  it('treats a state left over from yesterday as an empty day', () => {
    const yesterday = run(QueueDay.empty(config, '2026-11-30'), MONDAY_9AM_WIB, kiosk, {
      type: 'issueTicket',
      serviceId: 'skck',
    });
    const tuesday = MONDAY_9AM_WIB + 86_400_000;
    expect(
      kioskAvailability(yesterday, publicHallConfig(config), MONDAY_9AM_WIB).services['skck']?.waiting,
    ).toBe(1);
    expect(kioskAvailability(yesterday, publicHallConfig(config), tuesday).services['skck']?.waiting).toBe(0);
  });
});

describe('kioskAvailability against the hub', () => {
  it('refuses a service exactly when the hub would refuse its ticket, and for the same reason', () => {
    const serviceIds = config.services.map((s) => s.id);
    fc.assert(
      fc.property(
        fc.array(fc.nat(serviceIds.length - 1), { maxLength: 40 }),
        fc.integer({ min: 0, max: 24 * 60 - 1 }),
        (issues, minutes) => {
          const now = MONDAY_9AM_WIB - 9 * 3600_000 + minutes * 60_000;
          const day = QueueDay.empty(config, '2026-11-30');
          for (const i of issues) {
            const serviceId = serviceIds[i] ?? '';
            const decision = decide(day, commandSchema.parse({ type: 'issueTicket', serviceId }), {
              config,
              now: MONDAY_9AM_WIB,
              actor: kiosk,
              newId: () => crypto.randomUUID(),
            });
            if (decision.ok)
              for (const event of decision.events) day.apply({ seq: day.seq + 1, at: now, event });
          }
          const shown = kioskAvailability(day, publicHallConfig(config), now);
          for (const serviceId of serviceIds) {
            const decision = decide(day, commandSchema.parse({ type: 'issueTicket', serviceId }), {
              config,
              now,
              actor: kiosk,
              newId: () => crypto.randomUUID(),
            });
            const kioskSays = shown.services[serviceId]?.refusal?.code ?? 'ok';
            expect(kioskSays).toBe(decision.ok ? 'ok' : decision.error.code);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('kioskAvailability with bookings', () => {
  const at = (clock: string): number => Date.parse(`2026-12-07T${clock}:00+07:00`);
  const hall = testHall({
    serviceChanges: {
      ktp: { booking: { slotMinutes: 30, seatsPerSlot: 4, daysAhead: 7, bookedShare: 0.5 } },
    },
  });
  const NIKS = ['3171015708450002', '3171011203900001', '3171012509850003', '3171010101800004'];

  /** The kiosk's mirror of a hub day at 08:00 with one counter open and three walk-ins: a snapshot crossing the wire. */
  function mirror(bookSlot: boolean): QueueDay {
    const q = new TestQueue(hall, at('08:00'));
    q.must({ type: 'setCounterStatus', counterId: 'c1', status: 'open' });
    for (let i = 0; i < 3; i++) q.issue('ktp');
    const b = new TestBookings(q);
    if (bookSlot) {
      for (const nik of NIKS) {
        b.mustBook({
          serviceId: 'ktp',
          day: '2026-12-07',
          slotStart: at('10:30'),
          name: 'Siti',
          nik,
          phone: '081234567890',
        });
      }
    }
    return QueueDay.fromSnapshot(JSON.parse(JSON.stringify(q.state.snapshot())));
  }

  it('estimates a longer wait at 10:35 when the 10:30 slot is fully booked and not yet checked in', () => {
    const config = publicHallConfig(hall);
    const without = kioskAvailability(mirror(false), config, at('10:35')).services.ktp;
    const withSlot = kioskAvailability(mirror(true), config, at('10:35')).services.ktp;
    expect(without?.waiting).toBe(3);
    expect(withSlot?.waiting).toBe(7);
    expect(withSlot?.minutes ?? 0).toBeGreaterThan(without?.minutes ?? 0);
  });
});
