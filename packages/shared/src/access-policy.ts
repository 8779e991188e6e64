import type { Command, CommandType } from './commands.js';
import type { ConfigChange } from './config-change.js';
import { findItem, itemId } from './config-change.js';
import type { StaffChange, StaffRecord } from './staff-change.js';
import type { DomainError } from './error-codes.js';
import { domainError } from './error-codes.js';
import type { PublicHallConfig, QueueConfig } from './hall-config.js';
import type { DayView } from './queue-day.js';
import type { ReadonlyTicket } from './domain-types.js';
import { findTicket } from './ticket-lookup.js';
import { authorizeVisitCommand } from './visit-access.js';

/**
 * Who is allowed to do what in the hall: the one place that says it. The hub's socket layer asks it for
 * every command and every print before anything else happens; the queue engine decides queue rules only.
 */

export type StaffRole = 'staff' | 'supervisor';

export interface SignedInStaff {
  username: string;
  name: string;
  role: StaffRole;
  agencyId?: string;
}

/** Who a connection acts as, as the hub established it at connect, sign-in or enrolment. */
export type Principal =
  | { kind: 'public' }
  | { kind: 'kiosk'; kioskId: string }
  | { kind: 'display'; displayId: string }
  | { kind: 'staff'; staff: SignedInStaff };

/** Who made a change, as the engine records it (a ticket's origin, a cancel's author). */
export type Actor =
  | { kind: 'kiosk'; kioskId: string }
  | { kind: 'staff'; username: string; role: StaffRole; agencyId?: string }
  /** The hub itself (the day closing at midnight) and tests that drive the engine directly. */
  | { kind: 'system' };

/** The actor a principal's commands are recorded under; none for those who may send no command. */
export function actorOf(principal: Principal): Actor | undefined {
  switch (principal.kind) {
    case 'kiosk':
      return { kind: 'kiosk', kioskId: principal.kioskId };
    case 'staff': {
      const { username, role, agencyId } = principal.staff;
      return agencyId === undefined
        ? { kind: 'staff', username, role }
        : { kind: 'staff', username, role, agencyId };
    }
    case 'public':
    case 'display':
      return undefined;
  }
}

/** What a kiosk may send: issue tickets and keep its offline numbers and print alerts. */
const KIOSK_COMMANDS: ReadonlySet<CommandType> = new Set([
  'issueTicket',
  'syncOfflineTicket',
  'leaseNumbers',
  'reportPrintFailure',
]);

/**
 * May `principal` send `command`? Undefined means yes. Kiosks issue tickets; staff act only at their own
 * agency's counters and on their agency's tickets; a supervisor acts everywhere and closes the day; a
 * display and the public send nothing. Anything the policy lets through is then the engine's to decide
 * (an unknown counter or ticket is answered there, with its own code).
 */
export function authorizeCommand(
  principal: Principal,
  command: Command,
  config: QueueConfig,
  day: DayView,
): DomainError | undefined {
  switch (principal.kind) {
    case 'public':
      return domainError('UNAUTHENTICATED', 'sign in or enrol this device first');
    case 'display':
      return domainError('FORBIDDEN', 'a display sends no commands');
    case 'kiosk':
      return KIOSK_COMMANDS.has(command.type)
        ? undefined
        : domainError('FORBIDDEN', `a kiosk may not send ${command.type}`);
    case 'staff':
      return authorizeStaff(principal.staff, command, config, day);
  }
}

function authorizeStaff(
  staff: SignedInStaff,
  command: Command,
  config: QueueConfig,
  day: DayView,
): DomainError | undefined {
  const supervisor = staff.role === 'supervisor';
  switch (command.type) {
    case 'syncOfflineTicket':
    case 'leaseNumbers':
    case 'reportPrintFailure':
      return domainError('FORBIDDEN', `${command.type} is for kiosks`);
    case 'issueTicket':
      return undefined;
    case 'closeDay':
      return supervisor ? undefined : domainError('FORBIDDEN', 'only a supervisor closes the day');
    case 'cancelTicket': {
      if (supervisor) return undefined;
      // An unknown ticket is the engine's to report; a known one must be the staff member's agency's.
      const ticket = findTicket(day, config, command.ticket);
      return ticket && agencyOf(ticket, config) !== staff.agencyId
        ? domainError('FORBIDDEN', 'that ticket belongs to another agency')
        : undefined;
    }
    case 'callNext':
    case 'callTicket':
    case 'recall':
    case 'startServing':
    case 'finish':
    case 'noShow':
    case 'hold':
    case 'transfer':
    case 'setCounterStatus':
      return supervisor ? undefined : atOwnCounter(staff, command.counterId, config);
    case 'addVisitLeg':
    case 'skipVisitLeg':
    case 'reorderVisitLegs':
      return authorizeVisitCommand(staff, command, config, day, (id) => atOwnCounter(staff, id, config));
    case 'putBack': {
      const refusal = supervisor ? undefined : atOwnCounter(staff, command.counterId, config);
      if (refusal) return refusal;
      // A no-show comes back through a desk of its own agency, not through any counter of the hall.
      const counter = config.counters.find((c) => c.id === command.counterId);
      const ticket = findTicket(day, config, command.ticket);
      if (!counter || !ticket) return undefined;
      return counter.serviceIds.includes(ticket.serviceId) || agencyOf(ticket, config) === counter.agencyId
        ? undefined
        : domainError('FORBIDDEN', `ticket ${ticket.displayNumber} belongs to another agency`);
    }
  }
}

function atOwnCounter(staff: SignedInStaff, counterId: string, config: QueueConfig): DomainError | undefined {
  const counter = config.counters.find((c) => c.id === counterId);
  if (!counter) return undefined;
  return counter.agencyId === staff.agencyId
    ? undefined
    : domainError('FORBIDDEN', `counter ${counter.name} belongs to another agency`);
}

function agencyOf(ticket: ReadonlyTicket, config: QueueConfig): string | undefined {
  return config.services.find((s) => s.id === ticket.serviceId)?.agencyId;
}

/** A `ticket:print` request as the policy judges it. */
export interface PrintRequestRef {
  ticketId: string;
  kioskId?: string | undefined;
}

/**
 * May `principal` print this ticket, and on whose printer? A kiosk prints on its own printer only; staff
 * reprint their agency's tickets on a kiosk they name (a supervisor any ticket); nobody else prints.
 */
export function authorizePrint(
  principal: Principal,
  request: PrintRequestRef,
  config: QueueConfig,
  day: DayView,
): { ok: true; kioskId: string; ticket: ReadonlyTicket } | { ok: false; error: DomainError } {
  const refuse = (error: DomainError) => ({ ok: false as const, error });
  if (principal.kind !== 'kiosk' && principal.kind !== 'staff') {
    return refuse(domainError('UNAUTHENTICATED', 'only kiosks and staff print tickets'));
  }
  if (principal.kind === 'kiosk' && request.kioskId !== undefined && request.kioskId !== principal.kioskId) {
    return refuse(domainError('FORBIDDEN', 'a kiosk prints on its own printer only'));
  }
  const kioskId = principal.kind === 'kiosk' ? principal.kioskId : request.kioskId;
  if (kioskId === undefined)
    return refuse(domainError('VALIDATION_FAILED', 'name the kiosk whose printer to use'));
  if (!config.kiosks.some((k) => k.id === kioskId)) {
    return refuse(domainError('VALIDATION_FAILED', `no kiosk ${kioskId} in the hall config`));
  }
  const ticket = day.ticket(request.ticketId);
  if (!ticket) return refuse(domainError('UNKNOWN_TICKET', `no ticket ${request.ticketId} today`));
  if (principal.kind === 'staff' && principal.staff.role !== 'supervisor') {
    if (agencyOf(ticket, config) !== principal.staff.agencyId) {
      return refuse(domainError('FORBIDDEN', 'that ticket belongs to another agency'));
    }
  }
  return { ok: true, kioskId, ticket };
}

/**
 * May `principal` open the admin console: read the staff list, the audit trail and the devices? Supervisors
 * only; counter staff, devices and the public never.
 */
export function authorizeAdmin(principal: Principal): DomainError | undefined {
  if (principal.kind !== 'staff') return domainError('UNAUTHENTICATED', 'sign in as a supervisor');
  return principal.staff.role === 'supervisor'
    ? undefined
    : domainError('FORBIDDEN', 'the admin console is for supervisors');
}

/**
 * May `principal` act for the whole hall: devices, the pairing code, import and export? A supervisor of the
 * whole hall only (one with no agency); an agency's supervisor runs their agency.
 */
export function authorizeHallAdmin(principal: Principal): DomainError | undefined {
  const refusal = authorizeAdmin(principal);
  if (refusal || principal.kind !== 'staff') return refusal;
  return principal.staff.agencyId === undefined
    ? undefined
    : domainError('FORBIDDEN', 'only a supervisor of the whole hall may do this');
}

/**
 * May `principal` make this change to the hall config? A supervisor of the whole hall may make any; an
 * agency's supervisor (its head) changes their agency's details, services and counters, before and after
 * the change; nobody else changes anything.
 */
export function authorizeConfigChange(
  principal: Principal,
  change: ConfigChange,
  config: QueueConfig,
): DomainError | undefined {
  const refusal = authorizeAdmin(principal);
  if (refusal || principal.kind !== 'staff') return refusal;
  const own = principal.staff.agencyId;
  if (own === undefined) return undefined;
  const agencies = agenciesTouched(change, config);
  if (agencies === 'hall') {
    return domainError('FORBIDDEN', 'only a supervisor of the whole hall changes this');
  }
  return agencies.every((a) => a === own)
    ? undefined
    : domainError('FORBIDDEN', 'that belongs to another agency');
}

/** The agencies a change touches, before and after it; `hall` when it is not an agency's to make. */
function agenciesTouched(change: ConfigChange, config: QueueConfig): string[] | 'hall' {
  if (change.type !== 'add' && change.type !== 'update' && change.type !== 'remove') return 'hall';
  const kind = change.type === 'remove' ? change.kind : change.item.kind;
  const id = change.type === 'remove' ? change.id : itemId(change.item);
  const after = change.type === 'remove' ? undefined : change.item;
  switch (kind) {
    case 'agency':
      // An agency's head edits its details; adding or removing agencies is the hall's.
      return change.type === 'update' ? [id] : 'hall';
    case 'service':
    case 'counter': {
      const before = findItem(config, kind, id)?.agencyId;
      const next = after?.kind === 'service' || after?.kind === 'counter' ? after.value.agencyId : undefined;
      return [before, next].filter((a): a is string => a !== undefined);
    }
    case 'kiosk':
    case 'display':
    case 'holiday':
    case 'package':
      return 'hall';
  }
}

/**
 * May `principal` make this change to a staff account? A supervisor of the whole hall may make any; an
 * agency's supervisor manages their agency's counter staff (not supervisors, not other agencies); everyone
 * sets and clears only their own password, but a hall supervisor may clear anyone's (a forgotten one).
 */
export function authorizeStaffChange(
  principal: Principal,
  change: StaffChange,
  accounts: readonly StaffRecord[],
): DomainError | undefined {
  const refusal = authorizeAdmin(principal);
  if (refusal || principal.kind !== 'staff') return refusal;
  const me = principal.staff;
  const self = change.username === me.username;
  if (change.type === 'setPassword') {
    return self ? undefined : domainError('FORBIDDEN', 'set only your own password');
  }
  if (me.agencyId === undefined) return undefined;
  if (change.type === 'clearPassword' && self) return undefined;
  const before = accounts.find((a) => a.username === change.username);
  const targets = [before, change.type === 'create' || change.type === 'update' ? change : undefined];
  for (const t of targets) {
    if (!t) continue;
    if (t.agencyId !== me.agencyId) return domainError('FORBIDDEN', 'that account belongs to another agency');
    if (t.role !== 'staff') return domainError('FORBIDDEN', "only the hall's supervisors manage supervisors");
  }
  return undefined;
}

/**
 * May `principal` submit a survey response? The citizen answers on their phone (a public page) or on the
 * counter-facing screen (public, or an enrolled display). Staff and kiosks may not: staff rating their own
 * service would make the index worthless, and a kiosk has no visit to rate.
 */
export function authorizeSurveyResponse(principal: Principal): DomainError | undefined {
  switch (principal.kind) {
    case 'public':
    case 'display':
      return undefined;
    case 'kiosk':
      return domainError('FORBIDDEN', 'a kiosk does not answer the survey');
    case 'staff':
      return domainError('FORBIDDEN', 'staff do not answer the survey for a citizen');
  }
}

/** May `principal` record a follow-up plan of the survey? A supervisor only: it commits the hall. */
export function authorizeSurveyFollowUp(principal: Principal): DomainError | undefined {
  if (principal.kind !== 'staff') return domainError('UNAUTHENTICATED', 'sign in as a supervisor');
  return principal.staff.role === 'supervisor'
    ? undefined
    : domainError('FORBIDDEN', 'only a supervisor records the follow-up of the survey');
}

/** What a report request asks to see: the filters that belong to an agency. */
export interface ReportScope {
  agencyId?: string | undefined;
  serviceId?: string | undefined;
  counterId?: string | undefined;
  /** A staff member's user name. */
  staff?: string | undefined;
}

/**
 * May `principal` see the figures of `scope`? Reports are for signed-in staff: a supervisor sees the whole hall;
 * a staff member of an agency sees that agency only, so a request without an agency is narrowed to it and one
 * naming another agency's agency, service, counter or staff member is refused. Kiosks, displays and the
 * public see no reports. On yes, `agencyId` is the agency the figures must be limited to (none: the hall).
 */
export function authorizeReport(
  principal: Principal,
  scope: ReportScope,
  config: Pick<PublicHallConfig, 'services' | 'counters' | 'staff'>,
): { ok: true; agencyId?: string } | { ok: false; error: DomainError } {
  if (principal.kind === 'public') {
    return { ok: false, error: domainError('UNAUTHENTICATED', 'sign in as staff to see reports') };
  }
  if (principal.kind !== 'staff') {
    return { ok: false, error: domainError('FORBIDDEN', 'devices see no reports') };
  }
  const { role, agencyId: own } = principal.staff;
  if (role === 'supervisor')
    return scope.agencyId === undefined ? { ok: true } : { ok: true, agencyId: scope.agencyId };
  if (own === undefined)
    return { ok: false, error: domainError('FORBIDDEN', 'staff without an agency see no reports') };
  const agencies = [
    scope.agencyId,
    scope.serviceId === undefined
      ? undefined
      : (config.services.find((s) => s.id === scope.serviceId)?.agencyId ?? ''),
    scope.counterId === undefined
      ? undefined
      : (config.counters.find((c) => c.id === scope.counterId)?.agencyId ?? ''),
    scope.staff === undefined
      ? undefined
      : (config.staff.find((s) => s.username === scope.staff)?.agencyId ?? ''),
  ];
  return agencies.every((a) => a === undefined || a === own)
    ? { ok: true, agencyId: own }
    : { ok: false, error: domainError('FORBIDDEN', 'those figures belong to another agency') };
}

/** Another system (a city's app, MPP Digital) calling the intake API with the key a supervisor issued it. */
export interface IntakeClient {
  kind: 'intake';
  clientId: string;
}

/** What is done with appointments. */
export type BookingAction = 'book' | 'cancel' | 'checkIn' | 'lookUp' | 'issueIntakeKey' | 'revokeIntakeKey';

/**
 * May `principal` do `action` to a booking of a service of `agencyId`? A citizen books and cancels on the public
 * page (a cancel proves itself with the booking code, which the hub checks); an intake client books, cancels
 * and looks up its own bookings; a kiosk checks citizens in; staff check in, book, cancel and look up for their
 * own agency (a supervisor for any); only a hall supervisor issues (and revokes) intake keys. A display does
 * nothing.
 */
export function authorizeBooking(
  principal: Principal | IntakeClient,
  action: BookingAction,
  agencyId?: string,
): DomainError | undefined {
  const no = (why: string): DomainError => domainError('FORBIDDEN', why);
  switch (principal.kind) {
    case 'public':
      return action === 'book' || action === 'cancel'
        ? undefined
        : no('the public page books and cancels only');
    case 'intake':
      return action === 'book' || action === 'cancel' || action === 'lookUp'
        ? undefined
        : no('an intake client books, cancels and looks up only');
    case 'kiosk':
      return action === 'checkIn' ? undefined : no('a kiosk checks citizens in only');
    case 'display':
      return no('a display does nothing with bookings');
    case 'staff': {
      const { role, agencyId: own } = principal.staff;
      if (action === 'issueIntakeKey' || action === 'revokeIntakeKey') {
        return role === 'supervisor' && own === undefined
          ? undefined
          : no('only a hall supervisor issues and revokes API keys');
      }
      if (role === 'supervisor' && own === undefined) return undefined;
      return agencyId !== undefined && agencyId === own
        ? undefined
        : no('that booking belongs to another agency');
    }
  }
}

/** Who reads the central service's dashboards: a province (or city) viewer, or one hall's supervisor. */
export type CentralRole = 'province_viewer' | 'hall_supervisor';
export interface CentralPrincipal {
  username: string;
  role: CentralRole;
  /** The hall a supervisor belongs to; none for a province viewer. */
  hallId?: string | undefined;
}

/**
 * The halls a central dashboard request may read: every hall asked for (all, when none are named) for a
 * province viewer; a hall supervisor only their own hall, and any other hall named is refused.
 */
export function authorizeCentralRead(
  principal: CentralPrincipal | undefined,
  requested: readonly string[] | undefined,
  allHalls: readonly string[],
): { ok: true; hallIds: string[] } | { ok: false; error: DomainError } {
  if (principal === undefined) {
    return { ok: false, error: domainError('UNAUTHENTICATED', 'sign in to the central dashboard') };
  }
  if (principal.role === 'province_viewer') {
    return {
      ok: true,
      hallIds: requested === undefined ? [...allHalls] : allHalls.filter((h) => requested.includes(h)),
    };
  }
  const own = principal.hallId;
  if (own === undefined || (requested !== undefined && requested.some((h) => h !== own))) {
    return { ok: false, error: domainError('FORBIDDEN', 'a hall supervisor sees only their own hall') };
  }
  return { ok: true, hallIds: allHalls.includes(own) ? [own] : [] };
}

/** A hall's credential writes and reads only that hall's log at the centre. */
export function authorizeHallLog(
  credentialHallId: string | undefined,
  hallId: string,
): DomainError | undefined {
  if (credentialHallId === undefined) return domainError('UNAUTHENTICATED', 'a hall credential is needed');
  return credentialHallId === hallId ? undefined : domainError('FORBIDDEN', 'a hall writes only its own log');
}
