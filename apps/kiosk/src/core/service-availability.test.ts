import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor, CommandInput, HallConfig, QueueState } from '@antre/shared';
import {
  applyEvent,
  commandSchema,
  decide,
  estimateWait,
  initialQueueState,
  publicHallConfig,
} from '@antre/shared';
import { MONDAY_9AM_WIB, demoHall } from '@antre/hub/testing';
import { kioskAvailability } from './service-availability.js';

let config: HallConfig;
const kiosk: Actor = { kind: 'kiosk', kioskId: 'kiosk-1' };
const supervisor: Actor = { kind: 'staff', username: 'supervisor', role: 'supervisor' };

beforeAll(async () => {
  ({ config } = await demoHall());
});

/** Runs commands through the engine as the hub does, at `now`. */
function run(state: QueueState, now: number, actor: Actor, ...commands: CommandInput[]): QueueState {
  let n = 0;
  for (const input of commands) {
    const decision = decide(state, commandSchema.parse(input), {
      config,
      now,
      actor,
      newId: () => `00000000-0000-4000-8000-${String(state.seq * 100 + n++).padStart(12, '0')}`,
    });
    if (!decision.ok) throw new Error(decision.error.message);
    for (const event of decision.events) applyEvent(state, { seq: state.seq + 1, at: now, event });
  }
  return state;
}

describe('kioskAvailability', () => {
  it('agrees with the hub’s estimate for every service, in one pass', () => {
    const state = initialQueueState(config, '2026-11-30');
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
    expect(availability.services['perekaman-ktp-el']).toEqual({ waiting: 3, minutes: 30 });
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
    const empty = initialQueueState(config, '2026-11-30');
    expect(availability.services['skck']?.minutes).toBe(
      estimateWait(empty, config, 'skck', MONDAY_9AM_WIB, { skck: 2 }).minutes,
    );
    expect(availability.services['skck']?.minutes).toBeGreaterThan(0);
    expect(availability.services['skck']?.refusal).toBeUndefined();
  });

  it('treats a state left over from yesterday as an empty day', () => {
    const yesterday = run(initialQueueState(config, '2026-11-30'), MONDAY_9AM_WIB, kiosk, {
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
