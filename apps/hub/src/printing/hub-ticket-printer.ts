import type { DayView, HallConfig, Principal, Reply } from '@antre/shared';
import { authorizePrint, domainError, serviceWaitOutlook, ticketPosition } from '@antre/shared';
import type { PrinterFaultReason, ReceiptPrinter } from '@antre/printer';
import {
  PrinterFault,
  encodeTicket,
  openReceiptPrinter,
  printableTicket,
  printerEnvName,
} from '@antre/printer';
import type { Logger } from '../logger.js';

export interface HubTicketPrinterOptions {
  /** The hall config now: it changes while the hub runs. */
  config: () => HallConfig;
  /** The live queue: the ticket to print is looked up here. */
  state: () => DayView;
  /** The hub's clock, for a reprint's current estimate; `Date.now` by default. */
  now?: () => number;
  logger: Logger;
  /** The hub as visitors' phones reach it (`Hub.publicUrl`): the QR code links there. */
  publicUrl: () => string;
  /** The ticket's survey link key for its QR link (`SurveyService.linkKey`); absent: the link has none. */
  linkKey?: (ticketId: string) => string;
  /** Where per-kiosk printer overrides (`ANTRE_PRINTER_KIOSK_1=tcp://…`) are read. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Told of every ticket that printed: the hub ends a print-fault alert there (`QueueService.recordReprint`). */
  onPrinted?: (printed: PrintedTicket) => void;
}

export interface PrintedTicket {
  ticketId: string;
  /** Whose printer it came out of. */
  kioskId: string;
  /** The staff member's user name, or `kiosk:<id>` for a kiosk's own print. */
  by: string;
}

type PrintReply = Reply<object>;

/** A validated `ticket:print` request. */
export interface PrintRequest {
  ticketId: string;
  lang: 'id' | 'en';
  kioskId?: string | undefined;
}

/**
 * Prints tickets on kiosks' printers from the hub: for a kiosk running in a plain browser, which cannot
 * reach a printer itself, and for staff reprinting a ticket whose printing failed. The printer is the
 * kiosk's URL in the hall config, or the environment's override for that kiosk.
 */
export class HubTicketPrinter {
  private readonly printers = new Map<string, ReceiptPrinter>();
  private readonly env: Readonly<Record<string, string | undefined>>;

  constructor(private readonly options: HubTicketPrinterOptions) {
    this.env = options.env ?? process.env;
  }

  async print(principal: Principal, request: PrintRequest): Promise<PrintReply> {
    const { logger } = this.options;
    const config = this.options.config();
    const state = this.options.state();
    const allowed = authorizePrint(principal, request, config, state);
    if (!allowed.ok) return allowed;
    const { kioskId, ticket } = allowed;
    const kiosk = config.kiosks.find((k) => k.id === kioskId);
    if (!kiosk) return fail(domainError('VALIDATION_FAILED', `no kiosk ${kioskId} in the hall config`));

    let printer: ReceiptPrinter;
    try {
      printer = this.printerFor(kioskId, kiosk.printer);
    } catch (err) {
      logger.error({ err, kioskId }, 'kiosk printer URL is malformed');
      return fault(
        'not-configured',
        `kiosk ${kioskId}: ${err instanceof Error ? err.message : 'bad printer URL'}`,
      );
    }
    // A staff reprint says where the visitor stands now; the kiosk's own print repeats what its screen showed.
    const now = (this.options.now ?? Date.now)();
    const estimate =
      (principal.kind === 'staff' ? ticketPosition(state, config, ticket.id, now) : undefined) ??
      ticket.estimate;
    // Closed counters are said as such, on the kiosk's screen and on paper alike.
    const outlook = serviceWaitOutlook(state, config, ticket.serviceId, estimate, now);
    const bytes = encodeTicket(
      printableTicket({
        config,
        ticket,
        estimate,
        outlook,
        publicUrl: this.options.publicUrl(),
        ...(this.options.linkKey ? { linkKey: this.options.linkKey(ticket.id) } : {}),
        lang: request.lang,
      }),
      kiosk.paperWidth,
    );
    try {
      await printer.print(bytes);
    } catch (err) {
      const reason: PrinterFaultReason = err instanceof PrinterFault ? err.reason : 'io-error';
      const message = err instanceof Error ? err.message : String(err);
      if (reason !== 'not-configured') {
        logger.warn({ kioskId, ticket: ticket.displayNumber, reason, message }, 'ticket not printed');
      }
      return fault(reason, message);
    }
    logger.info({ kioskId, ticket: ticket.displayNumber, printer: printer.description }, 'ticket printed');
    const by = principal.kind === 'staff' ? principal.staff.username : `kiosk:${kioskId}`;
    this.notePrinted({ ticketId: ticket.id, kioskId, by });
    return { ok: true };
  }

  private notePrinted(printed: PrintedTicket): void {
    try {
      this.options.onPrinted?.(printed);
    } catch (err) {
      // The ticket has printed, so the answer is ok; the alert stays up and the next print clears it.
      this.options.logger.error({ err, ...printed }, 'could not log the reprint');
    }
  }

  private printerFor(kioskId: string, configured: string | undefined): ReceiptPrinter {
    const url = this.env[printerEnvName(kioskId)] ?? configured;
    const key = url ?? '';
    let printer = this.printers.get(key);
    if (!printer) {
      printer = openReceiptPrinter(url);
      this.printers.set(key, printer);
    }
    return printer;
  }
}

function fail(error: ReturnType<typeof domainError>): PrintReply {
  return { ok: false, error };
}

function fault(reason: PrinterFaultReason, message: string): PrintReply {
  return fail(domainError('PRINTER_FAULT', message, { reason }));
}
