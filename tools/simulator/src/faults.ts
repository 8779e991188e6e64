import type { Rng } from './distributions.js';
import type { Fuzzer } from './fuzzer.js';
import { hallTime } from './hall-time.js';
import type { HubRunner } from './hub-runner.js';
import type { Faults } from './scenario.js';
import type { SimClock } from './sim-clock.js';
import type { SimulatedCounter } from './simulated-counter.js';
import type { SimulatedDisplay } from './simulated-display.js';
import type { SimulatedKiosk } from './simulated-kiosk.js';

export interface FaultTargets {
  date: string;
  zone: 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';
  clock: SimClock;
  hub: HubRunner;
  kiosks: ReadonlyMap<string, SimulatedKiosk>;
  counters: readonly SimulatedCounter[];
  displays: ReadonlyMap<string, SimulatedDisplay>;
  fuzzer: Fuzzer | undefined;
  rng: Rng;
  /** Hall time after which no fault starts. */
  until: number;
}

/**
 * Runs the scenario's faults on the hall clock, all at once: hub kills, kiosk outages, counter and display
 * drops, and the hostile client's bursts. Resolves when the last one is over.
 */
export async function runFaults(f: Faults, t: FaultTargets): Promise<void> {
  const at = (clock: string) => hallTime(t.date, clock, t.zone);
  const jobs: Array<Promise<unknown>> = [];
  const later = (when: number, job: () => Promise<unknown>) =>
    jobs.push(
      (async () => {
        if (when >= t.until) return;
        await t.clock.sleepUntil(when);
        await job();
      })(),
    );

  // One after the other: a kill while the last restart is still booting would be a different fault.
  jobs.push(
    (async () => {
      for (const kill of f.hubKills.map(at).sort((a, b) => a - b)) {
        if (kill >= t.until) break;
        await t.clock.sleepUntil(kill);
        await t.hub.restart(f.hubRestartDelaySeconds * 1000);
      }
    })(),
  );
  for (const o of f.kioskOutages) {
    const kiosk = t.kiosks.get(o.kiosk);
    if (kiosk) later(at(o.at), () => kiosk.outage(o.minutes * 60_000));
  }
  for (const d of f.displayDrops) {
    const display = t.displays.get(d.display);
    if (display) later(at(d.at), () => display.drop(d.minutes * 60_000));
  }
  const r = t.rng.fork('counter-drops');
  for (let i = 0; i < f.counterDrops.count && t.counters.length > 0; i++) {
    const counter = r.pick(t.counters);
    const minutes = r.uniform(f.counterDrops.minMinutes, f.counterDrops.maxMinutes);
    const from = counter.plan.openAt + 5 * 60_000;
    const to = Math.min(counter.plan.closeAt, t.until) - minutes * 60_000;
    if (to > from) later(r.uniform(from, to), () => counter.drop(minutes * 60_000));
  }
  if (f.fuzz && t.fuzzer) {
    const fuzzer = t.fuzzer;
    const fuzz = f.fuzz;
    jobs.push(
      (async () => {
        for (
          let when = at(fuzz.from);
          when < Math.min(at(fuzz.to), t.until);
          when += fuzz.everyMinutes * 60_000
        ) {
          // A burst that ran long (a loaded machine) makes the next ones late: never catch up past the day.
          if (t.clock.now() > when + fuzz.everyMinutes * 60_000) continue;
          await t.clock.sleepUntil(when);
          await fuzzer.burst();
        }
        // Every burst may have met the hub down (a kill, on a loaded machine): one more once it is back, so
        // the day always holds hostile messages to check.
        while (fuzzer.bursts === 0 && t.clock.now() + 60_000 < t.until) {
          await t.clock.sleep(60_000);
          await fuzzer.burst();
        }
      })(),
    );
  }
  await Promise.all(jobs);
}
