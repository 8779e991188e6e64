import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HallConfig, Principal } from '@antre/shared';
import { QueueDay, issueRefusal } from '@antre/shared';
import type { RateLimits } from '@antre/hub';
import { MONDAY_9AM_WIB, demoHall } from '@antre/hub/testing';

/**
 * The bench's rate limits: high enough that nothing is throttled. The hub's clock is the harness's
 * fixed TestClock, under which token buckets never refill, so the bursts are what matters.
 */
export const BENCH_RATE_LIMITS: RateLimits = {
  issuePerSecond: 1_000_000,
  issueBurst: 1_000_000_000,
  messagesPerSecond: 1_000_000,
  messageBurst: 1_000_000_000,
};

/** Monday 30 November 2026, 09:00 WIB: the bench's hubs stand still at this hall time. */
export const BENCH_NOW = MONDAY_9AM_WIB;

/** Acts in the hall directly through `hub.service.execute` when filling a day. */
export const SUPERVISOR: Principal = {
  kind: 'staff',
  staff: { username: 'supervisor', name: 'Supervisor', role: 'supervisor' },
};

export interface BenchHall {
  config: HallConfig;
  pins: Map<string, string>;
  /** Services that issue at Monday 09:00 WIB and have no daily quota: the bench never hits a refusal. */
  openServiceIds: string[];
  /** Counters serving at least one of those services. */
  counterIds: string[];
  kioskIds: string[];
}

let cached: Promise<BenchHall> | undefined;

/** The demo hall (PINs hashed once per bench run). */
export function benchHall(): Promise<BenchHall> {
  cached ??= demoHall().then(({ config, pins }) => {
    const state = QueueDay.empty(config, '2026-11-30');
    const openServiceIds = config.services
      .filter(
        (s) => s.dailyQuota === undefined && issueRefusal(state, config, s, MONDAY_9AM_WIB) === undefined,
      )
      .map((s) => s.id);
    const counterIds = config.counters
      .filter((c) => c.serviceIds.some((id) => openServiceIds.includes(id)))
      .map((c) => c.id);
    return { config, pins, openServiceIds, counterIds, kioskIds: config.kiosks.map((k) => k.id) };
  });
  return cached;
}

export interface Desk {
  counterId: string;
  serviceIds: string[];
  username: string;
  pin: string;
}

/** A counter whose services have no quota, and a staff member of its agency with a demo PIN. */
export function pickDesk(hall: BenchHall): Desk {
  for (const c of hall.config.counters) {
    if (!c.serviceIds.every((id) => hall.openServiceIds.includes(id))) continue;
    const staff = hall.config.staff.find(
      (s) => s.role === 'staff' && s.agencyId === c.agencyId && hall.pins.has(s.username),
    );
    if (staff) {
      const pin = hall.pins.get(staff.username) ?? '';
      return { counterId: c.id, serviceIds: c.serviceIds, username: staff.username, pin };
    }
  }
  throw new Error('the demo hall has no counter the bench can call at');
}

export function tempDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `antre-bench-${name}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
