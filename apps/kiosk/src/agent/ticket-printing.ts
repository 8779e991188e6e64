import type { PublicHallConfig, WaitOutlook } from '@antre/shared';
import type { PaperWidth, ReceiptPrinter, ReceiptPrinterOptions } from '@antre/printer';
import { PrinterFault, encodeTicket, openReceiptPrinter, printableTicket } from '@antre/printer';
import type { PrintOutcome } from '../core/kiosk-backend.js';
import type { StoredTicket } from './kiosk-store.js';

export interface PrintSetup {
  config: PublicHallConfig;
  kioskId: string;
  /** Overrides the hall config's printer for this kiosk (local settings, or ANTRE_PRINTER_<KIOSK>). */
  printerUrl: string | undefined;
  publicUrl: string;
  /** What the wait amounts to now (closed counters say so); from the ticket's figures when absent. */
  outlook?: WaitOutlook;
}

/** Prints a kiosk's tickets on its own printer, as the hall config (or a local override) names it. */
export class KioskTicketPrinter {
  private printer: { url: string | undefined; printer: ReceiptPrinter } | undefined;

  constructor(private readonly options: ReceiptPrinterOptions = {}) {}

  async print(ticket: StoredTicket, setup: PrintSetup): Promise<PrintOutcome> {
    const kiosk = setup.config.kiosks.find((k) => k.id === setup.kioskId);
    const url = setup.printerUrl ?? kiosk?.printer;
    let printer: ReceiptPrinter;
    try {
      printer = this.printerFor(url);
    } catch (err) {
      return {
        ok: false,
        reason: 'not-configured',
        message: err instanceof Error ? err.message : String(err),
      };
    }
    const paperWidth: PaperWidth = kiosk?.paperWidth ?? 80;
    const bytes = encodeTicket(
      printableTicket({
        config: setup.config,
        ticket: {
          ...ticket,
          // A visit prints its services in one list, with their requirements once.
          visit: ticket.visit
            ? { legs: ticket.visit.serviceIds.map((serviceId) => ({ serviceId })) }
            : undefined,
        },
        estimate: {
          ahead: ticket.ahead,
          minutes: ticket.minutes,
          ...(ticket.low !== undefined && ticket.high !== undefined
            ? { low: ticket.low, high: ticket.high }
            : {}),
        },
        ...(setup.outlook ? { outlook: setup.outlook } : {}),
        publicUrl: setup.publicUrl,
        lang: ticket.lang,
      }),
      paperWidth,
    );
    try {
      await printer.print(bytes);
      return { ok: true };
    } catch (err) {
      const reason = err instanceof PrinterFault ? err.reason : 'io-error';
      return { ok: false, reason, message: err instanceof Error ? err.message : String(err) };
    }
  }

  /** One printer per URL, kept: it sends its jobs one at a time. */
  private printerFor(url: string | undefined): ReceiptPrinter {
    if (this.printer?.url !== url || !this.printer)
      this.printer = { url, printer: openReceiptPrinter(url, this.options) };
    return this.printer.printer;
  }
}
