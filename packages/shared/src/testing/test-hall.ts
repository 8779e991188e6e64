/**
 * Test support: a small, realistic hall and a harness that drives the queue engine the way the hub does
 * (close the day when due, decide, then apply the events to the live state and keep the log).
 * Shared by the tests of this package and of the hub; free of any test framework so it builds with the package.
 */
import type { CommandInput } from '../commands.js';
import { commandSchema } from '../commands.js';
import type { DomainEvent, EventEnvelope } from '../domain-events.js';
import type { PriorityGroup, ReadonlyTicket } from '../domain-types.js';
import { hallDay } from '../hall-clock.js';
import type {
  HallConfig,
  HallConfigInput,
  queueSettings,
  serviceConfig,
  WeeklyHours,
} from '../hall-config.js';
import { hallConfig } from '../hall-config.js';
import type { Actor } from '../access-policy.js';
import type { Decision } from '../queue-engine.js';
import { decide, rolloverEvents } from '../queue-engine.js';
import { QueueDay } from '../queue-day.js';
import type { z } from 'zod';

/** Open 00:00–23:59 local time, every day of the week. */
export const ALL_DAY: WeeklyHours = {
  sun: [['00:00', '23:59']],
  mon: [['00:00', '23:59']],
  tue: [['00:00', '23:59']],
  wed: [['00:00', '23:59']],
  thu: [['00:00', '23:59']],
  fri: [['00:00', '23:59']],
  sat: [['00:00', '23:59']],
};

export interface TestHallOverrides {
  /** Merged into the default hall block (name, time zone, hours, …). */
  hall?: Partial<HallConfigInput['hall']>;
  agencies?: HallConfigInput['agencies'];
  services?: HallConfigInput['services'];
  counters?: HallConfigInput['counters'];
  staff?: HallConfigInput['staff'];
  kiosks?: HallConfigInput['kiosks'];
  /** Service packages (`paket layanan`); none by default. */
  packages?: HallConfigInput['packages'];
  /** Merged into the default queue settings. */
  settings?: Partial<z.input<typeof queueSettings>>;
  /** Changes to single services of the hall by id, e.g. `{ ktp: { dailyQuota: 2 } }`. */
  serviceChanges?: Record<string, Partial<z.input<typeof serviceConfig>>>;
}

const requirements = (...id: string[]): { id: string[]; en: string[] } => ({ id, en: id });

/**
 * A small hall, parsed by the real schema:
 * - agencies `disdukcapil`, `imigrasi`, `bpjs`;
 * - services `ktp` (A), `kk` (B), `akta` (AK, two letters) of Disdukcapil, `paspor` (P) of Imigrasi,
 *   `jkn` (BP, two letters) of BPJS Kesehatan;
 * - counters `c1` "1" [ktp, kk], `c2` "2" [kk, ktp, akta], `c3` "3" [akta] (Disdukcapil),
 *   `c4` "4" [paspor] (Imigrasi), `c5` "5" [jkn] (BPJS);
 * - staff `spv` (supervisor), `dukcapil1`, `dukcapil2`, `imigrasi1`, `bpjs1`, all with PIN 1234;
 * - kiosks `k1`, `k2`;
 * - open 00:00–23:59 every day in Asia/Jakarta, default queue settings.
 */
export function testHall(overrides: TestHallOverrides = {}): HallConfig {
  const services: NonNullable<HallConfigInput['services']> = overrides.services ?? [
    {
      id: 'ktp',
      agencyId: 'disdukcapil',
      prefix: 'A',
      name: { id: 'Perekaman KTP-el', en: 'e-ID card recording' },
      requirements: requirements('Kartu Keluarga'),
      targetMinutes: 10,
    },
    {
      id: 'kk',
      agencyId: 'disdukcapil',
      prefix: 'B',
      name: { id: 'Kartu Keluarga', en: 'Family card' },
      requirements: requirements('KK lama', 'Buku nikah'),
      targetMinutes: 12,
    },
    {
      id: 'akta',
      agencyId: 'disdukcapil',
      prefix: 'AK',
      name: { id: 'Akta Kelahiran', en: 'Birth certificate' },
      requirements: requirements('Surat keterangan lahir', 'KK', 'KTP-el orang tua'),
      targetMinutes: 15,
    },
    {
      id: 'paspor',
      agencyId: 'imigrasi',
      prefix: 'P',
      name: { id: 'Paspor baru', en: 'New passport' },
      requirements: requirements('KTP-el', 'KK', 'Akta kelahiran'),
      targetMinutes: 15,
    },
    {
      id: 'jkn',
      agencyId: 'bpjs',
      prefix: 'BP',
      name: { id: 'Pendaftaran peserta JKN', en: 'JKN enrolment' },
      requirements: requirements('KTP-el', 'KK'),
      targetMinutes: 10,
    },
  ];
  const changes = overrides.serviceChanges ?? {};
  const input: HallConfigInput = {
    hall: {
      id: 'mpp-test',
      name: 'Mal Pelayanan Publik Uji',
      timeZone: 'Asia/Jakarta',
      hours: ALL_DAY,
      ...overrides.hall,
    },
    agencies: overrides.agencies ?? [
      {
        id: 'disdukcapil',
        name: 'Dinas Kependudukan dan Pencatatan Sipil',
        shortName: 'Disdukcapil',
        color: '#1e88e5',
      },
      { id: 'imigrasi', name: 'Kantor Imigrasi', shortName: 'Imigrasi', color: '#3949ab' },
      { id: 'bpjs', name: 'BPJS Kesehatan', shortName: 'BPJS', color: '#43a047' },
    ],
    services: services.map((s) => ({ ...s, ...changes[s.id] })),
    counters: overrides.counters ?? [
      { id: 'c1', name: '1', agencyId: 'disdukcapil', serviceIds: ['ktp', 'kk'] },
      { id: 'c2', name: '2', agencyId: 'disdukcapil', serviceIds: ['kk', 'ktp', 'akta'] },
      { id: 'c3', name: '3', agencyId: 'disdukcapil', serviceIds: ['akta'] },
      { id: 'c4', name: '4', agencyId: 'imigrasi', serviceIds: ['paspor'] },
      { id: 'c5', name: '5', agencyId: 'bpjs', serviceIds: ['jkn'] },
    ],
    staff: overrides.staff ?? [
      { username: 'spv', name: 'Supervisor MPP', role: 'supervisor', pin: '1234' },
      {
        username: 'dukcapil1',
        name: 'Petugas Dukcapil 1',
        role: 'staff',
        agencyId: 'disdukcapil',
        pin: '1234',
      },
      {
        username: 'dukcapil2',
        name: 'Petugas Dukcapil 2',
        role: 'staff',
        agencyId: 'disdukcapil',
        pin: '1234',
      },
      { username: 'imigrasi1', name: 'Petugas Imigrasi', role: 'staff', agencyId: 'imigrasi', pin: '1234' },
      { username: 'bpjs1', name: 'Petugas BPJS', role: 'staff', agencyId: 'bpjs', pin: '1234' },
    ],
    kiosks: overrides.kiosks ?? [
      { id: 'k1', name: 'Kiosk lobby', paperWidth: 80 },
      { id: 'k2', name: 'Kiosk lantai 2', paperWidth: 58 },
    ],
    packages: overrides.packages ?? [],
    settings: {
      priorityStreak: 3,
      readLeadingZeros: false,
      leaseBlockSize: 20,
      leaseStart: 501,
      estimateWindow: 10,
      ...overrides.settings,
    },
  };
  return hallConfig.parse(input);
}

/** A deterministic, valid UUID for the n-th id of a test. */
export function testUuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

const SYSTEM_ACTOR: Actor = { kind: 'system' };

/**
 * The queue as the hub runs it, in memory: `run` closes the day when local midnight has passed,
 * decides the command, and applies and logs the events. Time only moves when told to.
 */
export class TestQueue {
  state: QueueDay;
  readonly log: EventEnvelope[] = [];
  now: number;
  private ids = 0;

  constructor(
    /** Changes only by a config change (`TestHallAdmin`), as the hub's does. */
    public config: HallConfig,
    now: number,
  ) {
    this.now = now;
    this.state = QueueDay.empty(config, hallDay(now, config.hall.timeZone));
  }

  readonly newId = (): string => testUuid(++this.ids);

  advance(ms: number): this {
    this.now += ms;
    return this;
  }

  /** Logs and applies events at the current time. */
  apply(events: DomainEvent[]): EventEnvelope[] {
    const envelopes = events.map((event, i) => ({ seq: this.state.seq + 1 + i, at: this.now, event }));
    for (const e of envelopes) {
      this.log.push(e);
      this.state.apply(e);
    }
    return envelopes;
  }

  /** Closes the hall day when midnight has passed, as the hub does before every command. */
  rollover(): EventEnvelope[] {
    return this.apply(rolloverEvents(this.state, this.config, this.now));
  }

  /** What the engine would decide now, without applying it. */
  decide(input: CommandInput, actor: Actor = SYSTEM_ACTOR): Decision {
    return decide(this.state, commandSchema.parse(input), {
      config: this.config,
      now: this.now,
      actor,
      newId: this.newId,
    });
  }

  /** Rolls the day over if due, decides, and applies the events of an accepted command. */
  run(input: CommandInput, actor: Actor = SYSTEM_ACTOR): Decision {
    this.rollover();
    const decision = this.decide(input, actor);
    if (decision.ok) this.apply(decision.events);
    return decision;
  }

  /** Like `run`, but a refusal throws: for the steps that set a scene up. */
  must(input: CommandInput, actor: Actor = SYSTEM_ACTOR): DomainEvent[] {
    const decision = this.run(input, actor);
    if (!decision.ok) {
      throw new Error(`${input.type} refused: ${decision.error.code} ${decision.error.message}`);
    }
    return decision.events;
  }

  /** Issues a ticket and returns it as it stands in the state. */
  issue(serviceId: string, priority: PriorityGroup = 'none', actor: Actor = SYSTEM_ACTOR): ReadonlyTicket {
    const events = this.must({ type: 'issueTicket', serviceId, priority }, actor);
    const issued = events.find((e) => e.type === 'TicketIssued');
    if (issued?.type !== 'TicketIssued') throw new Error('no TicketIssued event');
    return this.ticket(issued.ticket.id);
  }

  /** Issues a ticket for a visit (`serviceIds` and/or `packageId`) and returns it as it stands in the state. */
  issueVisit(
    visit: { serviceIds?: string[]; packageId?: string },
    priority: PriorityGroup = 'none',
    actor: Actor = SYSTEM_ACTOR,
  ): ReadonlyTicket {
    const events = this.must({ type: 'issueTicket', ...visit, priority }, actor);
    const issued = events.find((e) => e.type === 'TicketIssued');
    if (issued?.type !== 'TicketIssued') throw new Error('no TicketIssued event');
    return this.ticket(issued.ticket.id);
  }

  /** Opens counters (as the system). */
  open(...counterIds: string[]): this {
    for (const counterId of counterIds) this.must({ type: 'setCounterStatus', counterId, status: 'open' });
    return this;
  }

  ticket(id: string): ReadonlyTicket {
    const t = this.state.ticket(id);
    if (!t) throw new Error(`no ticket ${id}`);
    return t;
  }

  /** The ticket with this display number today, e.g. `A-007`. */
  byNumber(displayNumber: string): ReadonlyTicket {
    const t = this.state.allTickets().find((x) => x.displayNumber === displayNumber);
    if (!t) throw new Error(`no ticket ${displayNumber}`);
    return t;
  }

  /** The display number of the counter's current ticket, if any. */
  currentAt(counterId: string): string | undefined {
    const id = this.state.counters[counterId]?.currentTicketId;
    return id === undefined ? undefined : this.state.tickets[id]?.displayNumber;
  }
}
