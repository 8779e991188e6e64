import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { PrintableTicket, TicketLanguage } from './printable-ticket.js';
import { spreadLine, toPrinterText, wrapWords } from './printer-text.js';

export type PaperWidth = 58 | 80;

/** Characters per line in font A (12 dots wide): 576 dots on 80 mm paper, 384 on 58 mm. */
export const COLUMNS: Record<PaperWidth, number> = { 80: 48, 58: 32 };

/** Requirements printed in full; the rest are counted, to keep the ticket short. */
const MAX_REQUIREMENTS = 6;

const ID_LABELS = {
  number: 'NOMOR ANTREAN',
  priority: 'PRIORITAS',
  ahead: 'Antrean di depan Anda',
  wait: 'Perkiraan waktu tunggu',
  waitShort: 'Perkiraan tunggu',
  requirements: 'Siapkan persyaratan berikut:',
  legs: 'Rencana kunjungan (satu nomor):',
  more: 'persyaratan lain',
  scan: 'Pindai untuk memantau antrean Anda',
  footer: 'Mohon menunggu sampai nomor Anda dipanggil.',
};

const LABELS: Record<TicketLanguage, typeof ID_LABELS> = {
  id: ID_LABELS,
  en: {
    number: 'QUEUE NUMBER',
    priority: 'PRIORITY',
    ahead: 'People ahead of you',
    wait: 'Estimated wait',
    waitShort: 'Est. wait',
    requirements: 'Please have these ready:',
    legs: 'Your visit (one number):',
    more: 'more requirements',
    scan: 'Scan to follow your place in the queue',
    footer: 'Please wait until your number is called.',
  },
};

/**
 * A ticket as ESC/POS bytes: hall, the number as large as the paper allows, service and agency, date and
 * time, people ahead and the estimated wait, where to wait, the requirements, a native QR code (GS ( k) and
 * a cut.
 */
export function encodeTicket(ticket: PrintableTicket, paperWidth: PaperWidth): Uint8Array {
  const cols = COLUMNS[paperWidth];
  const label = LABELS[ticket.lang];
  const text = (s: string) => toPrinterText(s);
  const e = new ReceiptPrinterEncoder({
    language: 'esc-pos',
    columns: cols,
    feedBeforeCut: 4,
    feedAfterBlock: false,
    newline: '\n',
  });
  e.initialize().codepage('cp437');

  const centred = (lines: string[]) => {
    for (const l of lines) e.line(l);
  };
  const rule = () => e.align('left').line('-'.repeat(cols)).align('center');

  e.align('center').bold(true);
  centred(wrapWords(text(ticket.hallName).toUpperCase(), cols));
  e.bold(false);
  if (ticket.hallAddress !== undefined) centred(wrapWords(text(ticket.hallAddress), cols));
  rule();

  e.line(label.number);
  const number = text(ticket.displayNumber);
  const scale = Math.max(1, Math.min(8, Math.floor(cols / number.length)));
  e.size(scale, scale).bold(true).line(number).bold(false).size(1, 1);
  if (ticket.priority !== undefined) {
    e.invert(true).bold(true);
    centred(wrapWords(` ${label.priority}: ${text(ticket.priority)} `, cols));
    e.invert(false).bold(false);
  }
  e.newline();

  // Double width where the name still fits in two lines; double height always, for the far-sighted.
  const service = text(ticket.serviceName);
  const wide = wrapWords(service, cols / 2).length <= 2;
  e.size(wide ? 2 : 1, 2).bold(true);
  centred(wrapWords(service, wide ? cols / 2 : cols));
  e.size(1, 1).bold(false);
  centred(wrapWords(text(ticket.agencyName), cols));
  rule();

  e.align('left');
  // Label and value on one line; a shorter label on narrow paper; else the value on a line of its own.
  const row = (left: string, right: string, shortLeft = left) => {
    const line = spreadLine(left, right, cols) ?? spreadLine(shortLeft, right, cols);
    if (line !== undefined) e.line(line);
    else {
      e.line(left).align('right');
      for (const l of wrapWords(right, cols)) e.line(l);
      e.align('left');
    }
  };
  row(text(ticket.date), text(ticket.time));
  row(label.ahead, String(ticket.ahead));
  row(label.wait, text(ticket.wait), label.waitShort);
  // Where to wait, large enough to find the counters by: "LOKET 2-3, LANTAI 1".
  e.align('center').size(1, 2).bold(true);
  centred(wrapWords(text(ticket.place).toUpperCase(), cols));
  e.size(1, 1).bold(false);
  centred(wrapWords(text(ticket.watch), cols));
  e.align('left');

  if (ticket.legs !== undefined) {
    // The desks the same number goes to, in the plan's order; the hub routes it from one to the next.
    e.line('-'.repeat(cols)).bold(true).line(label.legs).bold(false);
    ticket.legs.forEach((leg, i) => {
      const head = `${i + 1}. `;
      wrapWords(text(leg), cols - head.length).forEach((l, j) =>
        e.line(`${j === 0 ? head : ' '.repeat(head.length)}${l}`),
      );
    });
  }

  if (ticket.requirements.length > 0) {
    e.line('-'.repeat(cols)).bold(true).line(label.requirements).bold(false);
    for (const requirement of ticket.requirements.slice(0, MAX_REQUIREMENTS)) {
      wrapWords(text(requirement), cols - 2).forEach((l, i) => e.line(`${i === 0 ? '-' : ' '} ${l}`));
    }
    const more = ticket.requirements.length - MAX_REQUIREMENTS;
    if (more > 0) e.line(`  + ${more} ${label.more}`);
  }
  rule();

  e.qrcode(ticket.statusUrl, { model: 2, size: paperWidth === 80 ? 6 : 5, errorlevel: 'm' });
  centred(wrapWords(label.scan, cols));
  e.newline();
  centred(wrapWords(label.footer, cols));
  e.cut('partial');
  return e.encode();
}
