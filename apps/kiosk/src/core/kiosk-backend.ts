import type {
  DomainError,
  LocalizedText,
  PriorityGroup,
  PublicHallConfig,
  ReadonlyTicket,
  Reply,
  TicketAppointment,
} from '@antre/shared';
import type { VisitChoice } from './issue-command.js';
import type { KioskAvailability } from './service-availability.js';
import type { PrinterFaultReason } from '@antre/printer/printer-fault';

export type KioskLanguage = 'id' | 'en';
export type KioskConnection = 'connecting' | 'online' | 'offline';

/** Everything the kiosk screen shows that comes from the hub or the kiosk's own store. */
export interface KioskSnapshot {
  connection: KioskConnection;
  /** Set when the hub refused this kiosk (an unknown device token, a protocol mismatch). */
  refusal?: DomainError;
  config?: PublicHallConfig;
  /** The kiosk this is, once the hub knows it (enrolled, or trusted in demo mode). */
  kioskId?: string;
  /** Whether tickets are still issued while the hub is out of reach (the Electron kiosk with its agent). */
  issuesOffline: boolean;
  availability?: KioskAvailability;
  /** Tickets issued offline that have not reached the hub yet. */
  unsynced: number;
  /** When the snapshot was made: the kiosk's notion of now. */
  at: number;
}

export interface IssueRequest {
  /** The service, or a visit's first choice (the hub picks the leg the ticket starts at). */
  serviceId: string;
  /** Several services on this one ticket. */
  visit?: VisitChoice;
  priority: PriorityGroup;
  /** The language of the printed ticket. */
  lang: KioskLanguage;
}

/** A ticket as the kiosk shows it once issued. */
export interface IssuedTicket {
  id: string;
  serviceId: string;
  displayNumber: string;
  priority: PriorityGroup;
  issuedAt: number;
  ahead: number;
  minutes: number;
  /** The estimate's likely limits (20th/80th percentile), minutes, when it had them. */
  low?: number;
  high?: number;
  /** Issued from a leased block while the hub was out of reach. */
  offline: boolean;
  /** A visit of several services: the services of its legs, in the plan's order. */
  legs?: string[];
  /** The ticket's live status page on the hub's public URL: the QR code. Absent: no QR (the hub never said). */
  statusUrl?: string;
  /** A checked-in appointment (its booking and slot), said on the ticket screen ("Janji temu 10.30"). */
  appointment?: TicketAppointment;
}

/** The kiosk's view of a ticket the hub issued (by the kiosk's command, or by a check-in). */
export function issuedTicketOf(t: ReadonlyTicket, publicUrl: string | undefined): IssuedTicket {
  const ticket: IssuedTicket = {
    id: t.id,
    serviceId: t.serviceId,
    displayNumber: t.displayNumber,
    priority: t.priority,
    issuedAt: t.issuedAt,
    ahead: t.estimate.ahead,
    minutes: t.estimate.minutes,
    ...waitRangeOf(t.estimate),
    offline: false,
    // The hub's public URL, never this page's origin: the kiosk may reach the hub by a loopback address.
    ...(publicUrl !== undefined ? { statusUrl: `${publicUrl}/t/${t.id}` } : {}),
  };
  if (t.visit) ticket.legs = t.visit.legs.map((l) => l.serviceId);
  if (t.appointment) ticket.appointment = { ...t.appointment };
  return ticket;
}

/** The estimate's likely limits, when it has them (an optional field is absent, never undefined). */
export function waitRangeOf(e: { low?: number | undefined; high?: number | undefined }): {
  low?: number;
  high?: number;
} {
  return e.low === undefined || e.high === undefined ? {} : { low: e.low, high: e.high };
}

export type IssueResult = { ok: true; ticket: IssuedTicket } | { ok: false; error: DomainError };

/** "I have an appointment": the booking code (typed, or typed by a scanner reading its QR) or the NIK. */
export type CheckInEntry = ({ code: string } | { nik: string }) & { lang: KioskLanguage };

/** A check-in's outcome: the ticket (printing starts at once), or why not, and a walk-in offered when late. */
export type CheckInResult =
  | { ok: true; ticket: IssuedTicket }
  | { ok: false; error: DomainError; text?: LocalizedText; walkInServiceId?: string };

/** The printer package's list: the kiosk reports exactly the faults its printer code can raise. */
export type PrintFaultReason = PrinterFaultReason;

export type PrintOutcome = { ok: true } | { ok: false; reason: PrintFaultReason; message: string };

export interface EnrolRequest {
  kioskId: string;
  pairingCode: string;
  /** Electron only: the hub to enrol with (a browser kiosk uses the hub that serves it). */
  hubUrl?: string;
}

/** How the kiosk behaves, from the URL (browser) or the local settings (Electron). */
export interface KioskBehaviour {
  /** Back to the start after this long without a touch. */
  idleSeconds: number;
  /** How long the ticket screen stays after printing. */
  ticketSeconds: number;
}

export const DEFAULT_BEHAVIOUR: KioskBehaviour = { idleSeconds: 30, ticketSeconds: 15 };

/**
 * What the kiosk screen needs from below: the browser kiosk implements it over its own hub connection,
 * the Electron kiosk over the `window.antre` bridge to its agent.
 */
export interface KioskBackend {
  readonly behaviour: KioskBehaviour;
  subscribe(listener: () => void): () => void;
  snapshot(): KioskSnapshot;
  /** Issues a ticket and starts printing it; resolves once the ticket exists (stored or acknowledged). */
  issueTicket(request: IssueRequest): Promise<IssueResult>;
  /** How printing the ticket went; resolves when the printer is done or has failed. */
  printOutcome(ticketId: string): Promise<PrintOutcome>;
  reprint(ticketId: string, lang: KioskLanguage): Promise<PrintOutcome>;
  enrol(request: EnrolRequest): Promise<Reply<object>>;
  /** Checks a citizen in for their appointment; the ticket prints like any other. Needs the hub. */
  checkIn(entry: CheckInEntry): Promise<CheckInResult>;
}
