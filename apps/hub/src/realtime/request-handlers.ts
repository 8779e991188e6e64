import type { ParsedRequest, ReplyOf, RequestEvent } from '@antre/shared';
import { domainError, publicHallConfig } from '@antre/shared';
import { TokenBucket } from '../auth/token-bucket.js';
import { CommandBatcher } from '../command-batcher.js';
import type { HubTicketPrinter } from '../printing/hub-ticket-printer.js';
import type { QueueService } from '../queue-service.js';
import type { SurveyService } from '../survey/survey-service.js';
import type { BookingService } from '../bookings/booking-service.js';
import type { StaffService } from '../staff-service.js';
import type { AuthenticationDeps } from './authentication.js';
import { authenticationHandlers } from './authentication.js';
import type { DevicePresence } from '../auth/device-presence.js';
import type { Device } from '../auth/device-registry.js';
import { deviceHandlers } from './device-handlers.js';
import type { Connection } from './connection.js';

/** Answers one request, already past its schema: the contract types its payload and its reply. */
export type RequestHandler<E extends RequestEvent> = (
  request: ParsedRequest<E>,
  connection: Connection,
) => ReplyOf<E> | Promise<ReplyOf<E>>;

/** One handler for every event of the contract, and none for anything else. */
export type RequestHandlers = { [E in RequestEvent]: RequestHandler<E> };

export interface RequestHandlerDeps extends AuthenticationDeps {
  service: QueueService;
  /** Tickets one kiosk may issue per second, sustained, and at once. */
  issuePerSecond: number;
  issueBurst: number;
  /** Prints tickets on kiosks' printers (`ticket:print`); absent: every print fails as not configured. */
  printer?: HubTicketPrinter;
  /** The survey (`survey:followUp`); absent: refused as not available. */
  survey?: SurveyService;
  /** Which devices are connected: the device list's `online` and `lastSeenAt`. */
  presence: DevicePresence;
  /** Takes a revoked device's open connections away from it. */
  cutDevice: (device: Device) => void;
  /** Appointments (`booking:checkIn`); absent: refused as not available. */
  bookings?: BookingService;
  /** Run before each batch of commands (`holdSocketWrites`); absent: nothing. */
  beforeBatch?: () => void;
  /** Staff accounts: the list and their changes. */
  staff: StaffService;
}

/** The hub's answer to every request of the contract. */
export function requestHandlers(deps: RequestHandlerDeps): RequestHandlers {
  const issueLimiter = new TokenBucket(deps.issuePerSecond, deps.issueBurst, deps.now);
  const commands = new CommandBatcher(deps.service, undefined, deps.beforeBatch);
  return {
    ...authenticationHandlers(deps),
    ...deviceHandlers(deps),

    sync: ({ sinceSeq }) => deps.service.sync(sinceSeq),

    command: ({ commandId, command }, { data: { principal } }) => {
      // Who may send what is the policy's question, asked in the batch (`authorizeCommand`); here only a
      // kiosk issuing too fast is held back. A retry still gets its first answer: it issues nothing new.
      // The batch looks replies up itself, so the store is read here only for a command about to be refused.
      if (isIssue(command) && principal.kind === 'kiosk' && !issueLimiter.take(principal.kioskId)) {
        return (
          deps.service.recordedReply(commandId) ?? {
            ok: false,
            error: domainError('RATE_LIMITED', 'this kiosk issues too fast'),
          }
        );
      }
      return commands.submit({ principal, commandId, input: command });
    },

    'config:get': () => ({
      ok: true,
      config: publicHallConfig(deps.service.config),
      version: deps.service.configVersion,
    }),

    'config:change': (request, { data }) => deps.service.changeConfig(data.principal, request),

    'config:export': (_request, { data }) => deps.service.exportConfig(data.principal),

    'audit:query': (request, { data }) => deps.service.audit(data.principal, request),

    whoami: (_request, { data }) => ({ ok: true, principal: data.principal }),

    'booking:checkIn': (request, { data }) =>
      deps.bookings
        ? deps.bookings.checkIn(data.principal, request)
        : { ok: false, error: domainError('INTERNAL', 'this hub takes no bookings') },

    'survey:followUp': (request, { data }) =>
      deps.survey
        ? deps.survey.recordFollowUp(data.principal, request)
        : { ok: false, error: domainError('INTERNAL', 'this hub runs no survey') },

    'ticket:print': (request, { data }) =>
      deps.printer
        ? deps.printer.print(data.principal, request)
        : {
            ok: false,
            error: domainError('PRINTER_FAULT', 'this hub prints no tickets', { reason: 'not-configured' }),
          },

    'staff:list': (_request, { data }) => deps.staff.list(data.principal),

    'staff:change': async (request, { data, log }) => {
      const reply = await deps.staff.change(data.principal, request);
      if (reply.ok) log.info({ seq: reply.seq }, 'staff account changed');
      return reply;
    },
  };
}

function isIssue(command: unknown): boolean {
  return (
    typeof command === 'object' && command !== null && 'type' in command && command.type === 'issueTicket'
  );
}
