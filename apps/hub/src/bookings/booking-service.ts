import { randomBytes, randomUUID } from 'node:crypto';
import type {
  BookingBody,
  BookingChannel,
  BookingFailure,
  BookingRefusal,
  BookingReply,
  BookingView,
  CheckInReply,
  DomainError,
  EventEnvelope,
  HallConfig,
  IntakeClient,
  PackageBookingDecision,
  Principal,
  PriorityGroup,
} from '@antre/shared';
import {
  BookingBook,
  slotWait,
  actorOf,
  authorizeBooking,
  bookableDays,
  bookingStatus,
  dailyBookingCap,
  codeRefusal,
  decideBooking,
  decidePackageBooking,
  decidePackageCancel,
  bookablePackages,
  packageLegOrder,
  packageSlots,
  decideCheckIn,
  domainError,
  freeSeats,
  hallDay,
  makeBookingCode,
  nikProblem,
  normalizeBookingCode,
  normalizeNik,
  offersWalkIn,
  slotClock,
  BOOKING_REFUSAL_TEXT,
} from '@antre/shared';
import { TokenBucket } from '../auth/token-bucket.js';
import type { QueueService } from '../queue-service.js';
import type { EventStore } from '../store/event-store.js';
import type { BookingRow } from './booking-store.js';
import { BookingStore } from './booking-store.js';

const DAY_MS = 24 * 3_600_000;

export interface BookingServiceOptions {
  /** Random bytes for booking codes and API keys (tests pass their own). */
  random?: (n: number) => Uint8Array;
  newId?: () => string;
  /** Bookings one NIK may attempt, at once and refilled per hour: against someone trying other people's NIKs. */
  nikBurst?: number;
  nikPerHour?: number;
}

/**
 * Appointments at the hub's edge: the ledger of bookings kept from the log, the personal rows in their own
 * table, bookings, cancels and check-ins decided by the domain and authorised by the policy, then appended to
 * the one log through the queue service. All synchronous: two phones racing for the last seat are decided
 * one after the other, so the seat counts are exact.
 */
export class BookingService {
  readonly book = new BookingBook();
  readonly people: BookingStore;
  private readonly random: (n: number) => Uint8Array;
  private readonly newId: () => string;
  private readonly nikLimiter: TokenBucket;

  constructor(
    store: EventStore,
    private readonly queue: QueueService,
    options: BookingServiceOptions = {},
  ) {
    this.people = new BookingStore(store.db);
    this.random = options.random ?? ((n) => randomBytes(n));
    this.newId = options.newId ?? (() => randomUUID());
    this.nikLimiter = new TokenBucket((options.nikPerHour ?? 10) / 3600, options.nikBurst ?? 5, () =>
      queue.now(),
    );
    for (const e of this.people.bookingEvents()) this.book.apply(e);
  }

  private get config(): HallConfig {
    return this.queue.config;
  }

  /** Follows the log: every committed event, as the hub announces it. */
  observe(events: readonly EventEnvelope[]): void {
    for (const e of events) this.book.apply(e);
  }

  /** Seats of today's bookings still held from walk-ins for a service (`EngineContext.heldSeats`). */
  heldSeats(serviceId: string): number {
    const now = this.queue.now();
    return this.book.heldSeats(serviceId, hallDay(now, this.config.hall.timeZone), this.config, now);
  }

  /** The days a service can be booked, each with its free seats. */
  days(serviceId: string): Array<{ day: string; free: number }> {
    const service = this.config.services.find((s) => s.id === serviceId);
    if (!service) return [];
    const now = this.queue.now();
    return bookableDays(this.config, service, now).map(({ day }) => {
      const seats = freeSeats(this.config, this.book, serviceId, day, now).reduce((n, s) => n + s.free, 0);
      // Each slot's count is capped by the day's share; the day's total is capped once more.
      const dayLeft = Math.max(0, dailyBookingCap(service) - this.book.bookedOnDay(serviceId, day));
      return { day, free: Math.min(seats, dayLeft) };
    });
  }

  /** A day's slots with their free seats and the wait a citizen checking in at each can expect (`slotWait`). */
  slots(
    serviceId: string,
    day: string,
  ): Array<{ start: number; clock: string; free: number; minutes: number; low?: number; high?: number }> {
    const open = this.book.openOn(day);
    return freeSeats(this.config, this.book, serviceId, day, this.queue.now()).map((slot) => {
      const { minutes, low, high } = slotWait(this.config, day, serviceId, slot.start, open);
      return low === undefined || high === undefined ? { ...slot, minutes } : { ...slot, minutes, low, high };
    });
  }

  /**
   * Books a slot. An intake client's `clientRef` makes it idempotent: a retry answers the booking it made.
   * A refusal changes nothing.
   */
  bookSlot(
    principal: Principal | IntakeClient,
    body: BookingBody,
    intake?: { clientRef: string },
  ): BookingReply {
    const pkg =
      body.packageId === undefined ? undefined : this.config.packages.find((p) => p.id === body.packageId);
    const firstServiceId = pkg ? packageLegOrder(pkg)[0] : body.serviceId;
    const service = this.config.services.find((s) => s.id === firstServiceId);
    const denied = authorizeBooking(principal, 'book', service?.agencyId);
    if (denied) return { ok: false, error: denied };
    const clientId = principal.kind === 'intake' ? principal.clientId : undefined;
    if (clientId !== undefined && intake) {
      const earlier = this.people.byClientRef(clientId, intake.clientRef);
      if (earlier) return { ok: true, booking: this.view(earlier) };
    }
    const nik = normalizeNik(body.nik);
    if (nikProblem(nik) === undefined && !this.nikLimiter.take(nik)) {
      return refused('RATE_LIMITED', {
        id: 'Terlalu banyak percobaan untuk NIK ini. Coba lagi nanti.',
        en: 'Too many attempts for this NIK. Please try again later.',
      });
    }
    const now = this.queue.now();
    const channel: BookingChannel =
      principal.kind === 'intake' ? 'intake' : principal.kind === 'staff' ? 'staff' : 'web';
    const ctx = {
      config: this.config,
      book: this.book,
      now,
      newId: this.newId,
      channel,
      nikHasBooking: (n: string, serviceId: string, day: string) => this.nikHasBooking(n, serviceId, day),
    };
    // A package: every leg's seat in the one decision and the one transaction below, all or nothing.
    const decision =
      body.packageId !== undefined
        ? decidePackageBooking({ ...body, packageId: body.packageId }, ctx)
        : mapOne(decideBooking({ ...body, serviceId: body.serviceId ?? '' }, ctx));
    if (!decision.ok) return refusal(decision);
    const code = this.newCode();
    const { events, person } = decision;
    const event = events[0];
    if (!event) return { ok: false, error: domainError('INTERNAL', 'no booking') };
    // The row and the event in one transaction: a booking is in both, or in neither.
    this.people.transaction(() => {
      this.people.insert({
        bookingId: event.bookingId,
        code,
        serviceId: event.serviceId,
        day: event.day,
        slotStart: event.slotStart,
        ...person,
        clientId,
        clientRef: intake?.clientRef,
        createdAt: now,
        eraseAfter: event.slotStart + this.config.booking.retentionDays * DAY_MS,
      });
      this.queue.append(events);
    });
    const row = this.people.byCode(code);
    return row
      ? { ok: true, booking: this.view(row) }
      : { ok: false, error: domainError('INTERNAL', 'lost') };
  }

  /** The booking of a code, as its holder sees it (no personal data). */
  lookUp(code: string): BookingReply {
    const row = this.rowOfCode(code);
    if ('ok' in row) return row;
    return { ok: true, booking: this.view(row) };
  }

  lookUpByRef(client: IntakeClient, clientRef: string): BookingReply {
    const denied = authorizeBooking(client, 'lookUp');
    if (denied) return { ok: false, error: denied };
    const row = this.people.byClientRef(client.clientId, clientRef);
    return row ? { ok: true, booking: this.view(row) } : unknownBooking();
  }

  /** Cancels by code (the citizen's proof) or, for an intake client, by its reference. */
  cancel(principal: Principal | IntakeClient, ref: { code: string } | { clientRef: string }): BookingReply {
    let row: BookingRow | undefined;
    if ('code' in ref) {
      const found = this.rowOfCode(ref.code);
      if ('ok' in found) return found;
      row = found;
    } else if (principal.kind === 'intake') {
      row = this.people.byClientRef(principal.clientId, ref.clientRef);
    }
    if (!row) return unknownBooking();
    const service = this.config.services.find((s) => s.id === row.serviceId);
    const denied = authorizeBooking(principal, 'cancel', service?.agencyId);
    if (denied) return { ok: false, error: denied };
    const by =
      principal.kind === 'intake'
        ? principal.clientId
        : principal.kind === 'staff'
          ? principal.staff.username
          : 'citizen';
    // A package's first leg holds the code: cancelling it gives back every leg's seat.
    const decision = decidePackageCancel(this.book, this.config, row.bookingId, this.queue.now(), by);
    if (!decision.ok) return refusal(decision);
    const bookingId = row.bookingId;
    this.people.transaction(() => {
      this.people.markCancelled(bookingId);
      this.queue.append(decision.events);
    });
    const after =
      this.people.byClientRef(row.clientId ?? '', row.clientRef ?? '') ?? this.people.byCode(row.code);
    return after ? { ok: true, booking: this.view(after) } : unknownBooking();
  }

  /**
   * Checks a citizen in by booking code or NIK: the ticket is issued (the kiosk prints it). By NIK, today's
   * booking whose check-in is open goes first; if none is open, the first one's reason is told.
   */
  checkIn(
    principal: Principal,
    request: { code?: string | undefined; nik?: string | undefined; priority: PriorityGroup },
  ): CheckInReply {
    const actor = actorOf(principal);
    this.queue.closeDayIfDue();
    const now = this.queue.now();
    let rows: BookingRow[];
    if (request.code !== undefined) {
      const found = this.rowOfCode(request.code);
      if ('ok' in found) return found;
      rows = [found];
    } else {
      const nik = normalizeNik(request.nik ?? '');
      const problem = nikProblem(nik);
      if (problem) return refused('VALIDATION_FAILED', BOOKING_REFUSAL_TEXT.INVALID_NIK, 'INVALID_NIK');
      rows = this.people.byNik(nik, this.queue.state.day);
      if (rows.length === 0) return unknownBooking();
    }
    let first: CheckInReply | undefined;
    for (const row of rows) {
      const service = this.config.services.find((s) => s.id === row.serviceId);
      const denied = authorizeBooking(principal, 'checkIn', service?.agencyId);
      if (denied || !actor) return { ok: false, error: denied ?? domainError('UNAUTHENTICATED', 'sign in') };
      const decision = decideCheckIn(this.book, this.queue.state, row.bookingId, request.priority, {
        config: this.config,
        now,
        actor,
        newId: this.newId,
      });
      if (!decision.ok) {
        // Too late: the kiosk offers a regular ticket for the booking's service instead.
        first ??= offersWalkIn(decision.code)
          ? { ...refusal(decision), walkInServiceId: row.serviceId }
          : refusal(decision);
        continue;
      }
      const envelopes = this.queue.append(decision.events);
      const issued = decision.events.find((e) => e.type === 'TicketIssued');
      const ticket = issued?.type === 'TicketIssued' ? issued.ticket : undefined;
      if (!ticket) return { ok: false, error: domainError('INTERNAL', 'no ticket') };
      return {
        ok: true,
        ticketId: ticket.id,
        displayNumber: ticket.displayNumber,
        seq: envelopes.at(-1)?.seq ?? this.queue.state.seq,
        booking: this.view(row),
      };
    }
    return first ?? unknownBooking();
  }

  /** A package's slots of a day for its first leg, each with the chained legs (`packageSlots`). */
  packageSlots(packageId: string, day: string): ReturnType<typeof packageSlots> {
    const pkg = bookablePackages(this.config).find((p) => p.id === packageId);
    return pkg ? packageSlots(this.config, this.book, pkg, day, this.queue.now()) : [];
  }

  /** The first leg's service of a package that can be booked (its days are the package's). */
  packageFirstService(packageId: string): string {
    const pkg = bookablePackages(this.config).find((p) => p.id === packageId);
    return pkg ? (packageLegOrder(pkg)[0] ?? '') : '';
  }

  /** One booking per NIK per service per day: the table's rows, and a package's later legs in the ledger. */
  private nikHasBooking(nik: string, serviceId: string, day: string): boolean {
    if (this.people.nikHasBooking(nik, serviceId, day)) return true;
    return this.people
      .byNik(nik, day)
      .some((row) => this.book.legsOf(row.bookingId).some((l) => l.serviceId === serviceId && !l.cancelled));
  }

  /** Erases name, NIK and phone of bookings whose retention has passed (UU 27/2022); returns how many. */
  eraseExpired(): number {
    return this.people.eraseExpired(this.queue.now());
  }

  /** A new intake client and its API key, shown once: only its hash is kept. A hall supervisor only. */
  issueIntakeKey(
    principal: Principal,
    name: string,
  ): { ok: true; clientId: string; apiKey: string } | BookingFailure {
    const denied = authorizeBooking(principal, 'issueIntakeKey');
    if (denied || principal.kind !== 'staff')
      return { ok: false, error: denied ?? domainError('FORBIDDEN', '') };
    const clean = name.trim();
    if (clean.length < 2 || clean.length > 80) {
      return refused('VALIDATION_FAILED', {
        id: 'Tulis nama sistem (2–80 huruf).',
        en: 'Name the system (2–80 characters).',
      });
    }
    const clientId = `${
      clean
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 40) || 'client'
    }-${Buffer.from(this.random(3)).toString('hex')}`;
    const apiKey = `antre_${Buffer.from(this.random(24)).toString('base64url')}`;
    this.people.addClient(clientId, clean, apiKey, this.queue.now(), principal.staff.username);
    return { ok: true, clientId, apiKey };
  }

  /**
   * Revokes an intake client's key (a key leaked, a contract ended): its next request is refused as
   * unauthenticated; its bookings stay. Revoking again answers the same. A hall supervisor only.
   */
  revokeIntakeKey(
    principal: Principal,
    clientId: string,
  ): { ok: true; clientId: string; revokedAt: number } | BookingFailure {
    const denied = authorizeBooking(principal, 'revokeIntakeKey');
    if (denied) return { ok: false, error: denied };
    const revokedAt = this.people.revokeClient(clientId, this.queue.now());
    if (revokedAt === undefined) {
      return refused('UNKNOWN_ITEM', { id: 'Sistem itu tidak dikenal.', en: 'No such client system.' });
    }
    return { ok: true, clientId, revokedAt };
  }

  /** The intake clients and whether their keys still work, for a hall supervisor. */
  intakeClients(
    principal: Principal,
  ): { ok: true; clients: ReturnType<BookingStore['clients']> } | BookingFailure {
    const denied = authorizeBooking(principal, 'revokeIntakeKey');
    if (denied) return { ok: false, error: denied };
    return { ok: true, clients: this.people.clients() };
  }

  /** The intake client an API key belongs to, if it is a live key. */
  intakeClient(apiKey: string): IntakeClient | undefined {
    const clientId = this.people.clientOfKey(apiKey);
    return clientId === undefined ? undefined : { kind: 'intake', clientId };
  }

  private rowOfCode(text: string): BookingRow | BookingFailure {
    const wrong = codeRefusal(text, this.config.hall.id);
    if (wrong) return refusal(wrong);
    const row = this.people.byCode(normalizeBookingCode(text) ?? '');
    return row ?? refusal({ ok: false, code: 'INVALID_CODE', text: BOOKING_REFUSAL_TEXT.INVALID_CODE });
  }

  private newCode(): string {
    for (;;) {
      const code = makeBookingCode(this.config.hall.id, this.random(6));
      if (!this.people.codeTaken(code)) return code;
    }
  }

  private view(row: BookingRow): BookingView {
    const fact = this.book.get(row.bookingId);
    const status = fact
      ? bookingStatus(fact, this.config, this.queue.now())
      : row.cancelled
        ? 'cancelled'
        : 'booked';
    const view: BookingView = {
      bookingId: row.bookingId,
      code: row.code,
      serviceId: row.serviceId,
      day: row.day,
      slotStart: row.slotStart,
      clock: slotClock(row.slotStart, this.config.hall.timeZone),
      status,
    };
    if (row.clientRef !== null) view.clientRef = row.clientRef;
    if (fact?.package) {
      view.packageId = fact.package.packageId;
      view.legs = this.book.legsOf(row.bookingId).map((l) => ({
        serviceId: l.serviceId,
        slotStart: l.slotStart,
        clock: slotClock(l.slotStart, this.config.hall.timeZone),
      }));
    }
    return view;
  }
}

/** A one-service booking's decision in the shape of a package's: its one event. */
function mapOne(d: ReturnType<typeof decideBooking>): PackageBookingDecision {
  return d.ok ? { ok: true, events: [d.event], person: d.person } : d;
}

/** The domain's refusal as the hub answers it: a 4xx-style error, the refusal's code and its text. */
function refusal(r: BookingRefusal): BookingFailure {
  const code: DomainError['code'] =
    r.code === 'UNKNOWN_SERVICE'
      ? 'UNKNOWN_SERVICE'
      : r.code === 'SLOT_FULL' || r.code === 'DAY_FULL'
        ? 'QUOTA_REACHED'
        : r.code === 'HOLIDAY' || r.code === 'CLOSED_DAY' || r.code === 'NO_BOOKING'
          ? 'SERVICE_CLOSED'
          : 'VALIDATION_FAILED';
  return { ok: false, error: domainError(code, r.text.en), refusal: r.code, text: r.text };
}

function refused(
  code: DomainError['code'],
  text: { id: string; en: string },
  refusalCode?: BookingRefusal['code'],
): BookingFailure {
  const f: BookingFailure = { ok: false, error: domainError(code, text.en), text };
  if (refusalCode !== undefined) f.refusal = refusalCode;
  return f;
}

function unknownBooking(): BookingFailure {
  return refusal({ ok: false, code: 'UNKNOWN_BOOKING', text: BOOKING_REFUSAL_TEXT.UNKNOWN_BOOKING });
}
