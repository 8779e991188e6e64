import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { distributionSchema } from './distributions.js';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day, HH:MM (24-hour)');
const id = z.string().min(1).max(64);
const probability = z.number().min(0).max(1);
const period = z.tuple([clock, clock]).refine(([from, to]) => from < to, 'a period ends after it starts');

/**
 * Rates by time of day, piecewise constant: each value holds from its `HH:MM` until the next key
 * (the last until the end of the simulated day). `{"08:00": 12, "12:00": 3, "13:00": 9, "15:30": 0}`.
 */
const byTimeOfDay = z
  .record(clock, z.number().nonnegative())
  .refine((r) => Object.keys(r).length > 0, 'at least one HH:MM key');

const arrivals = z.union([
  /** Visitors per hour, by time of day. */
  z.strictObject({ perHour: byTimeOfDay }),
  /** Visitors per day, spread over the day as one of the scenario's `profiles` shapes it. */
  z.strictObject({ perDay: z.number().nonnegative(), profile: id }),
]);

const serviceScenario = z.strictObject({
  arrivals,
  /** Time at the desk, from the visitor's arrival there to the finish. */
  serviceMinutes: distributionSchema,
  /** Share of visitors in a priority group (elderly, disability, pregnant, child). */
  priorityShare: probability.default(0),
  /** Share of visitors who have left (or never come to the desk) when called. */
  noShow: probability.default(0),
  /** Visitors sent on to another service after this one (the one-visit promise: a new KK, then KTP-el). */
  transfer: z.strictObject({ probability, to: z.array(id).min(1) }).optional(),
});

const counterDefaults = z.strictObject({
  open: clock,
  /** No call after this; the visitor at the desk is finished, then the counter closes. */
  close: clock,
  breaks: z.array(period).default([]),
  /** After this time a counter with nobody waiting for it closes (staff go home once the queue is empty). */
  closeWhenIdleAfter: clock.nullable().default(null),
  /** Staff open up to this many minutes after the scheduled time (also after a break). */
  openJitterMinutes: z.number().nonnegative().default(0),
});

const counterScenario = z.strictObject({
  /** User name to sign in with (a demo PIN is needed); the agency's first staff member by default. */
  staff: z.string().min(1).max(40).optional(),
  /** Services for this run, replacing the hall config's list (the hub is started with the change). */
  services: z.array(id).min(1).optional(),
  open: clock.optional(),
  close: clock.optional(),
  breaks: z.array(period).optional(),
  closeWhenIdleAfter: clock.nullable().optional(),
  /** Not staffed today. */
  absent: z.boolean().optional(),
});

const faults = z.strictObject({
  /** Times at which the hub process is killed with SIGKILL and started again. */
  hubKills: z.array(clock).default([]),
  /** Hall time between the kill and the new process's start (the machine rebooting). */
  hubRestartDelaySeconds: z.number().nonnegative().default(0),
  kioskOutages: z.array(z.strictObject({ kiosk: id, at: clock, minutes: z.number().positive() })).default([]),
  /** Counters whose connection drops at random times (seeded) within their opening hours. */
  counterDrops: z
    .strictObject({
      count: z.number().int().nonnegative(),
      minMinutes: z.number().positive(),
      maxMinutes: z.number().positive(),
    })
    .refine((d) => d.minMinutes <= d.maxMinutes, 'minMinutes is at most maxMinutes')
    .default({ count: 0, minMinutes: 1, maxMinutes: 1 }),
  displayDrops: z
    .array(z.strictObject({ display: id, at: clock, minutes: z.number().positive() }))
    .default([]),
  /** A hostile client sends a burst of malformed messages every `everyMinutes` between `from` and `to`. */
  fuzz: z
    .strictObject({ from: clock, to: clock, everyMinutes: z.number().positive() })
    .refine((f) => f.from < f.to, 'fuzz.from is before fuzz.to')
    .optional(),
});

const soak = z.strictObject({
  start: clock,
  end: clock,
  speed: z.number().positive().max(5000),
  scale: z.number().positive().max(20),
  /** Opening hours of the hall (every weekday) for the soak, replacing the config's. */
  hallHours: z.array(period).min(1),
  counterDefaults: counterDefaults.partial().optional(),
  /** Profiles replaced for the soak (a longer day spreads the same shapes wider). */
  profiles: z.record(id, byTimeOfDay).default({}),
  /** How often the hub's RSS is read, in real seconds. */
  sampleEverySeconds: z.number().positive().default(1),
});

const NO_FAULTS: z.infer<typeof faults> = {
  hubKills: [],
  hubRestartDelaySeconds: 0,
  kioskOutages: [],
  counterDrops: { count: 0, minMinutes: 1, maxMinutes: 1 },
  displayDrops: [],
};

const scenarioSchema = z
  .strictObject({
    $comment: z.string().optional(),
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and "-" (it names the output folder)'),
    description: z.string().optional(),
    seed: z.number().int(),
    /** The hall config, relative to the repository root. */
    hallConfig: z.string().min(1),
    /** The simulated date (`YYYY-MM-DD`): its weekday picks the hall's hours. */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
    start: clock,
    /** The day is closed (supervisor's closeDay) at this time and the run ends. */
    end: clock,
    /** Simulated seconds per real second. */
    speed: z.number().positive().max(5000),
    /** The hall's opening hours on every weekday for this run, replacing the config's (services keep their own). */
    hallHours: z.array(period).min(1).optional(),
    /** Multiplies every arrival rate. */
    scale: z.number().positive().max(20).default(1),
    /**
     * The satisfaction survey: the share of visitors finished at a counter who answer it on the counter's
     * screen, and the weights of the answers 1–4 (each element alike). Off (0) by default.
     */
    survey: z
      .strictObject({
        share: probability.default(0),
        answers: z.array(z.number().nonnegative()).length(4).default([0.03, 0.12, 0.55, 0.3]),
      })
      .default({ share: 0, answers: [0.03, 0.12, 0.55, 0.3] }),
    /** Hub durability (SQLite `synchronous`); the hall's default is FULL. */
    durability: z.enum(['FULL', 'NORMAL', 'OFF']).default('FULL'),
    /** Kiosk ids and the share of visitors who use each. */
    kiosks: z
      .record(id, z.number().positive())
      .refine((k) => Object.keys(k).length > 0, 'at least one kiosk'),
    displays: z.array(id).min(1),
    visitor: z.strictObject({
      /** From the call to the visitor's arrival at the desk. */
      walkSeconds: distributionSchema,
      /** Staff recall a visitor who has not come after this long, then again, up to `maxRecalls`. */
      recallAfterSeconds: z.number().positive(),
      maxRecalls: z.number().int().min(0).max(5),
      /** A visitor who arrives while the service is closed waits for it if it opens within this many minutes. */
      waitForOpeningMinutes: z.number().nonnegative(),
    }),
    /**
     * Visitors whose errand spans several agencies (issue 13): this share of arrivals takes a visit of its own
     * service and 1–2 services of other agencies on one ticket, each leg served where its service is.
     */
    visits: z
      .strictObject({
        share: probability,
        extraLegs: z.tuple([z.number().int().min(1), z.number().int().max(3)]),
      })
      .default({ share: 0, extraLegs: [1, 2] }),
    profiles: z.record(id, byTimeOfDay).default({}),
    counterDefaults,
    counters: z.record(id, counterScenario).default({}),
    services: z.record(id, serviceScenario),
    faults: faults.default(() => ({ ...NO_FAULTS })),
    soak: soak.optional(),
  })
  .refine((s) => s.start < s.end, { message: 'start is before end', path: ['end'] });

export type Scenario = z.infer<typeof scenarioSchema>;
export type ServiceScenario = z.infer<typeof serviceScenario>;
export type Faults = z.infer<typeof faults>;
export type ByTimeOfDay = z.infer<typeof byTimeOfDay>;

export class ScenarioError extends Error {
  constructor(
    readonly source: string,
    readonly issues: string[],
  ) {
    super(`scenario ${source} is not valid:\n${issues.map((i) => `  ${i}`).join('\n')}`);
    this.name = 'ScenarioError';
  }
}

/** Validates a parsed scenario; every problem is listed, each with its path. */
export function parseScenario(raw: unknown, source = 'scenario'): Scenario {
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ScenarioError(
      source,
      parsed.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(top level)'}: ${i.message}`),
    );
  }
  return parsed.data;
}

export function loadScenario(file: string): Scenario {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ScenarioError(file, [
      `cannot read it as JSON: ${err instanceof Error ? err.message : String(err)}`,
    ]);
  }
  return parseScenario(raw, file);
}

/**
 * The scenario for the soak: a longer day at a higher speed and load, with the hall open throughout.
 * Faults stay off: a restart would reset the memory being measured.
 */
export function soakScenario(s: Scenario): Scenario {
  if (!s.soak) throw new ScenarioError(s.name, ['soak: the scenario has no soak section']);
  const { soak } = s;
  return {
    ...s,
    name: `${s.name}-soak`,
    start: soak.start,
    end: soak.end,
    speed: soak.speed,
    scale: soak.scale,
    hallHours: soak.hallHours,
    counterDefaults: { ...s.counterDefaults, ...definedOnly(soak.counterDefaults ?? {}) },
    profiles: { ...s.profiles, ...soak.profiles },
    faults: NO_FAULTS,
  };
}

function definedOnly<T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
