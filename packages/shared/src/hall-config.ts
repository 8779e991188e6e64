import { z } from 'zod';
import { packageIssues } from './service-packages.js';
import { DEFAULT_SURVEY_SETTINGS, surveySettingsSchema } from './skm-questionnaire.js';
import { MAX_VISIT_LEGS } from './visit-plan.js';

/** The time zones an Indonesian hall can be in: WIB, WITA, WIT. */
export const HALL_TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type HallTimeZone = (typeof HALL_TIME_ZONES)[number];

export const ZONE_ABBREVIATION: Record<HallTimeZone, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

export const configId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and "-"');

/** Text in the hall's two languages: Indonesian first, English second. */
export const localizedText = z.object({ id: z.string().min(1).max(500), en: z.string().min(1).max(500) });
export type LocalizedText = z.infer<typeof localizedText>;

/** `HH:MM`, 24-hour; `24:00` ends a period at midnight. */
export const clock = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'HH:MM, 24-hour');
/** One opening period, from its start up to (not including) its end, within one day. */
const period = z.tuple([clock, clock]).refine(([from, to]) => from < to, 'a period ends after it starts');
/** Opening periods of one day, e.g. [["08:00","12:00"],["13:00","15:30"]]. An empty list: closed. */
const dayPeriods = z.array(period).max(6);

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const weeklyHours = z.object({
  sun: dayPeriods.default([]),
  mon: dayPeriods.default([]),
  tue: dayPeriods.default([]),
  wed: dayPeriods.default([]),
  thu: dayPeriods.default([]),
  fri: dayPeriods.default([]),
  sat: dayPeriods.default([]),
});
export type WeeklyHours = z.infer<typeof weeklyHours>;

export const agencyConfig = z.object({
  id: configId,
  name: z.string().min(1).max(120),
  shortName: z.string().min(1).max(30),
  /**
   * The agency's badge where no logo is: 1–4 capitals or digits ("DUK", "BPN"), unique in the hall.
   * Made from the short name when absent (`agencyCodes`).
   */
  code: z
    .string()
    .regex(/^[A-Z0-9]{1,4}$/)
    .optional(),
  /** CSS colour of the agency's tiles and badges. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  logo: z.string().max(300).optional(),
  zone: z.string().max(40).optional(),
});
export type AgencyConfig = z.infer<typeof agencyConfig>;

/** How a service takes appointments: its slots, their seats, how far ahead, and its share kept for them. */
export const serviceBooking = z.object({
  /** Length of one slot, minutes; slots follow each other through the service's opening periods. */
  slotMinutes: z.number().int().min(5).max(240).default(15),
  /** Citizens booked into one slot. */
  seatsPerSlot: z.number().int().min(1).max(100).default(1),
  /** How many days ahead a slot can be booked (0: today only). */
  daysAhead: z.number().int().min(0).max(90).default(14),
  /**
   * The share of the service's calls kept for appointments: caps a day's bookings at this share of its
   * `dailyQuota`, and the appointments a counter calls in a row while walk-ins wait past the target.
   */
  bookedShare: z.number().min(0.05).max(0.9).default(0.3),
});
export type ServiceBooking = z.infer<typeof serviceBooking>;

export const serviceConfig = z.object({
  id: configId,
  agencyId: configId,
  /** One or two upper-case letters: the ticket's prefix (`A-007`, `KT-012`). */
  prefix: z.string().regex(/^[A-Z]{1,2}$/),
  name: localizedText,
  /**
   * Other words visitors search the service by, in either language: abbreviations and everyday names
   * ("KK", "akte lahir", "e-KTP"). The kiosk's search matches them as it matches the name.
   */
  aliases: z.array(z.string().min(1).max(60)).max(30).optional(),
  requirements: z.object({
    id: z.array(z.string().max(200)).max(20),
    en: z.array(z.string().max(200)).max(20),
  }),
  dailyQuota: z.number().int().positive().optional(),
  /** Hours when tickets are issued; the hall's hours when absent. */
  hours: weeklyHours.optional(),
  /** Expected minutes per visitor: the estimate before real service times exist, and the report target. */
  targetMinutes: z.number().positive().max(240),
  /** The longest a visitor should wait for it; the hall's `settings.waitTargetMinutes` when absent. */
  waitTargetMinutes: z.number().int().positive().max(600).optional(),
  /** Appointments (*janji temu*) for the service; absent: walk-ins only. */
  booking: serviceBooking.optional(),
});
export type ServiceConfig = z.infer<typeof serviceConfig>;

export const counterConfig = z.object({
  id: configId,
  /** What is spoken and shown: "5", "12", "12A". */
  name: z.string().regex(/^[0-9]{1,3}[A-Z]?$/),
  agencyId: configId,
  /** Services served, in the counter's order of preference (ties in wait go to the earlier one). */
  serviceIds: z.array(configId).min(1).max(50),
  zone: z.string().max(40).optional(),
});
export type CounterConfig = z.infer<typeof counterConfig>;

/** A day the hall is closed (a national holiday, *cuti bersama*): no service issues tickets on it. */
export const holidayConfig = z.object({
  /** The hall day, `YYYY-MM-DD` in the hall's time zone. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
    .refine((d) => isCalendarDate(d), 'not a date in the calendar'),
  name: localizedText,
});
export type HolidayConfig = z.infer<typeof holidayConfig>;

/** A wall display the hall knows by name: where it hangs and which zone it shows. */
export const displayConfig = z.object({
  id: configId,
  name: z.string().min(1).max(120),
  /** Shows only this zone's counters (a floor, a wing); absent: the whole hall. */
  zone: z.string().max(40).optional(),
});
export type DisplayConfig = z.infer<typeof displayConfig>;

const staffConfig = z.object({
  username: z.string().regex(/^[a-z0-9._-]{2,40}$/),
  name: z.string().min(1).max(120),
  role: z.enum(['staff', 'supervisor']),
  /** Absent for a supervisor who works for the whole hall. */
  agencyId: configId.optional(),
  /** `scrypt$<salt hex>$<hash hex>`; a plain `pin` is accepted only in demo configs and hashed at load. */
  pinHash: z.string().max(300).optional(),
  pin: z
    .string()
    .regex(/^[0-9]{4,8}$/)
    .optional(),
});
export type StaffConfig = z.infer<typeof staffConfig>;

export const kioskConfig = z.object({
  id: configId,
  name: z.string().min(1).max(120),
  /** `tcp://host:9100` or `file:///dev/usb/lp0`; absent: no printer. */
  printer: z.string().max(300).optional(),
  paperWidth: z.union([z.literal(58), z.literal(80)]).default(80),
});
export type KioskConfig = z.infer<typeof kioskConfig>;

/**
 * A service package (*paket layanan*): services a citizen often needs together, taken on one ticket. `order`
 * lists `[before, after]` pairs where the law fixes the order (the KK before the KTP-el); the rest is free.
 */
export const servicePackageConfig = z.object({
  id: configId,
  name: localizedText,
  description: localizedText.optional(),
  serviceIds: z.array(configId).min(2).max(MAX_VISIT_LEGS),
  order: z
    .array(z.tuple([configId, configId]))
    .max(64)
    .default([]),
});
export type ServicePackageConfig = z.infer<typeof servicePackageConfig>;

export const queueSettings = z.object({
  /**
   * How many priority-group tickets a counter calls in a row while a regular visitor waits;
   * then one regular ticket goes. 0 means priority tickets always go first.
   */
  priorityStreak: z.number().int().min(0).max(100).default(3),
  /** Speak "A-007" as "A, nol, nol, tujuh" rather than "A, tujuh". */
  readLeadingZeros: z.boolean().default(false),
  /** Numbers a kiosk may issue while the hub is unreachable, leased per service ahead of time. */
  leaseBlockSize: z.number().int().min(1).max(200).default(20),
  /** Leased blocks start here so that offline numbers stand apart from the hub's own. */
  leaseStart: z.number().int().min(2).max(9000).default(501),
  /** Desk times the estimated wait learns from, at least (every visit of the last hour counts too). */
  estimateWindow: z.number().int().min(1).max(100).default(10),
  /** The longest a visitor should wait, in minutes: the supervisor is alerted past it (per service overridable). */
  waitTargetMinutes: z.number().int().min(1).max(600).default(30),
  /**
   * A no-show sooner than this after the call needs a confirmation: a visitor walking from the far end of the
   * hall must not lose their turn to a quick finger. 0 turns the check off.
   */
  noShowMinSeconds: z.number().int().min(0).max(3600).default(60),
  /** A no-show before this many recalls needs a confirmation. 0 turns the check off. */
  noShowMinRecalls: z.number().int().min(0).max(10).default(1),
});

/** The hall's appointment rules; each service says whether and how it takes bookings (`serviceBooking`). */
export const bookingSettings = z.object({
  /** Check-in at the kiosk opens this many minutes before the slot. */
  checkInOpensMinutes: z.number().int().min(0).max(240).default(30),
  /** And closes this many minutes after the slot began: later, the seat goes back to walk-ins. */
  checkInClosesMinutes: z.number().int().min(0).max(120).default(15),
  /** Name, NIK and phone are erased this many days after the slot (UU 27/2022: keep it briefly). */
  retentionDays: z.number().int().min(1).max(365).default(30),
});
export type BookingSettings = z.infer<typeof bookingSettings>;
export const DEFAULT_BOOKING_SETTINGS: BookingSettings = {
  checkInOpensMinutes: 30,
  checkInClosesMinutes: 15,
  retentionDays: 30,
};

/** The hall itself: its name, where it is, its time zone, opening hours (the gaps are breaks) and running text. */
export const hallInfo = z.object({
  id: configId,
  name: z.string().min(1).max(120),
  address: z.string().max(300).optional(),
  /** A URL or a path under the hub (e.g. `/display/logo.svg`) of the hall's logo, for the display and kiosk. */
  logo: z.string().max(300).optional(),
  timeZone: z.enum(HALL_TIME_ZONES).default('Asia/Jakarta'),
  hours: weeklyHours,
  runningText: localizedText.optional(),
});
export type HallInfo = z.infer<typeof hallInfo>;

export const hallConfig = z
  .object({
    /** The JSON Schema an editor validates the file against (`hall-config.schema.json`). */
    $schema: z.string().max(300).optional(),
    hall: hallInfo,
    agencies: z.array(agencyConfig).min(1).max(200),
    services: z.array(serviceConfig).min(1).max(1000),
    counters: z.array(counterConfig).min(1).max(1000),
    staff: z.array(staffConfig).max(5000).default([]),
    kiosks: z.array(kioskConfig).max(500).default([]),
    displays: z.array(displayConfig).max(500).default([]),
    holidays: z.array(holidayConfig).max(400).default([]),
    packages: z.array(servicePackageConfig).max(100).default([]),
    settings: queueSettings.default({
      priorityStreak: 3,
      readLeadingZeros: false,
      leaseBlockSize: 20,
      leaseStart: 501,
      estimateWindow: 10,
      waitTargetMinutes: 30,
      noShowMinSeconds: 60,
      noShowMinRecalls: 1,
    }),
    /** Appointments: the check-in window and how long booking data is kept. */
    booking: bookingSettings.default(DEFAULT_BOOKING_SETTINGS),
    /** The satisfaction survey (SKM): on by default, as the regulation asks of every unit. */
    survey: surveySettingsSchema.default(DEFAULT_SURVEY_SETTINGS),
  })
  .superRefine((config, ctx) => {
    const unique = (values: string[], path: string): Set<string> => {
      const seen = new Set<string>();
      for (const v of values) {
        if (seen.has(v)) ctx.addIssue({ code: 'custom', message: `duplicate ${path} "${v}"`, path: [path] });
        seen.add(v);
      }
      return seen;
    };
    const agencies = unique(
      config.agencies.map((a) => a.id),
      'agencies',
    );
    const services = unique(
      config.services.map((s) => s.id),
      'services',
    );
    unique(
      config.services.map((s) => s.prefix),
      'prefix',
    );
    unique(
      config.agencies.flatMap((a) => (a.code === undefined ? [] : [a.code])),
      'agency code',
    );
    unique(
      config.counters.map((c) => c.id),
      'counters',
    );
    unique(
      config.counters.map((c) => c.name),
      'counter name',
    );
    unique(
      config.staff.map((s) => s.username),
      'staff',
    );
    unique(
      config.kiosks.map((k) => k.id),
      'kiosks',
    );
    unique(
      config.displays.map((d) => d.id),
      'displays',
    );
    unique(
      config.holidays.map((h) => h.date),
      'holidays',
    );
    for (const s of config.services) {
      if (!agencies.has(s.agencyId)) {
        ctx.addIssue({
          code: 'custom',
          message: `service ${s.id}: unknown agency ${s.agencyId}`,
          path: ['services'],
        });
      }
    }
    for (const c of config.counters) {
      if (!agencies.has(c.agencyId)) {
        ctx.addIssue({
          code: 'custom',
          message: `counter ${c.id}: unknown agency ${c.agencyId}`,
          path: ['counters'],
        });
      }
      for (const sid of c.serviceIds) {
        if (!services.has(sid)) {
          ctx.addIssue({
            code: 'custom',
            message: `counter ${c.id}: unknown service ${sid}`,
            path: ['counters'],
          });
        }
      }
    }
    for (const message of packageIssues(config)) {
      ctx.addIssue({ code: 'custom', message, path: ['packages'] });
    }
    for (const st of config.staff) {
      if (st.agencyId !== undefined && !agencies.has(st.agencyId)) {
        ctx.addIssue({ code: 'custom', message: `staff ${st.username}: unknown agency`, path: ['staff'] });
      }
      if (st.role === 'staff' && st.agencyId === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `staff ${st.username}: staff need an agency`,
          path: ['staff'],
        });
      }
      if (st.pin === undefined && st.pinHash === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `staff ${st.username}: pin or pinHash required`,
          path: ['staff'],
        });
      }
    }
  });
export type HallConfig = z.infer<typeof hallConfig>;
export type HallConfigInput = z.input<typeof hallConfig>;

/**
 * What the queue rules read of the hall config: all of it but the staff's secrets. The hub's full config and
 * a client's public one are both one, so the kiosk and the counter run the same rules as the hub.
 */
export type QueueConfig = Omit<HallConfig, 'staff'>;

/** The hall configuration without secrets: what any client may read. */
export type PublicHallConfig = Omit<HallConfig, 'staff'> & {
  staff: Array<Pick<StaffConfig, 'username' | 'name' | 'role' | 'agencyId'>>;
};

export function publicHallConfig(config: HallConfig): PublicHallConfig {
  return {
    ...config,
    staff: config.staff.map(({ username, name, role, agencyId }) =>
      agencyId === undefined ? { username, name, role } : { username, name, role, agencyId },
    ),
  };
}

function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** JSON Schema of the hall config file, for editors; the hub validates with `hallConfig` itself. */
export function hallConfigJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(hallConfig, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
