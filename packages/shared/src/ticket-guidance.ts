// What a visitor reads about their own ticket: its state in one word, and what to do now. One wording for the
// status page and any screen that shows a ticket to its visitor (a held ticket is "Ditahan", as the counter
// says it, never "Ditunda").

import type { ReadonlyTicket, TicketStatus } from './domain-types.js';
import type { HallLanguage } from './hall-date-text.js';
import type { LocalizedText } from './hall-config.js';
import type { DirectionsConfig } from './ticket-directions.js';
import { WATCH_CALL_SCREEN, countersText, goText, placeText, whereToGo } from './ticket-directions.js';

export const TICKET_STATUS_TEXT: Readonly<Record<TicketStatus, LocalizedText>> = {
  waiting: { id: 'Menunggu', en: 'Waiting' },
  called: { id: 'Dipanggil', en: 'Called' },
  serving: { id: 'Sedang dilayani', en: 'Being served' },
  held: { id: 'Ditahan', en: 'On hold' },
  done: { id: 'Selesai', en: 'Done' },
  no_show: { id: 'Tidak hadir', en: 'Missed' },
  cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
  expired: { id: 'Kedaluwarsa', en: 'Expired' },
};

export interface TicketGuidance {
  /** The one line to act on, shown large: "Silakan menuju Loket 2 · Lantai 1". */
  headline: string;
  /** What to do, in a sentence or two. */
  detail: string;
}

type Ticket = Pick<
  ReadonlyTicket,
  'serviceId' | 'status' | 'counterId' | 'targetCounterId' | 'transfers' | 'displayNumber'
>;

/** What the ticket's visitor should do now, in their language. */
export function ticketGuidance(config: DirectionsConfig, ticket: Ticket, lang: HallLanguage): TicketGuidance {
  const id = lang === 'id';
  const where = whereToGo(config, ticket);
  const place = placeText(where, lang);
  const counter = countersText(where.counters, lang);
  switch (ticket.status) {
    case 'waiting': {
      const transfer = ticket.transfers.at(-1);
      if (transfer) {
        const service = config.services.find((s) => s.id === transfer.toServiceId)?.name[lang] ?? '';
        return {
          headline: place,
          detail: id
            ? `Nomor Anda dipindahkan ke layanan ${service}. Nomornya tetap ${ticket.displayNumber}: tunggu panggilan di ${place}.`
            : `Your number was moved to ${service}. It stays ${ticket.displayNumber}: wait to be called at ${place}.`,
        };
      }
      return {
        headline: place,
        detail: id
          ? `${WATCH_CALL_SCREEN.id}: nomor Anda akan dipanggil ke ${counter}.`
          : `${WATCH_CALL_SCREEN.en}: your number will be called to ${counter}.`,
      };
    }
    case 'called':
      return {
        headline: goText(where, lang),
        detail: id
          ? 'Nomor Anda dipanggil sekarang. Tunjukkan nomor ini kepada petugas.'
          : 'Your number is being called now. Show this number to the staff.',
      };
    case 'serving':
      return {
        headline: place,
        detail: id ? `Anda sedang dilayani di ${counter}.` : `You are being served at ${counter}.`,
      };
    case 'held':
      return {
        headline: place,
        detail: id
          ? `Nomor Anda ditahan di ${counter}. Lengkapi yang diminta petugas, lalu tunggu di dekat ${counter}: Anda akan dipanggil lagi.`
          : `Your number is on hold at ${counter}. Get what the staff asked for, then wait near ${counter}: you will be called again.`,
      };
    case 'no_show':
      return {
        headline: id ? 'Anda tidak hadir saat dipanggil' : 'You were not there when called',
        detail: id
          ? `Jika Anda masih di sini, datangi ${counter} atau meja informasi hari ini: petugas dapat memasukkan nomor Anda kembali ke antrean.`
          : `If you are still here, go to ${counter} or the information desk today: staff can put your number back in the queue.`,
      };
    case 'done':
      return {
        headline: id ? 'Layanan selesai' : 'Service complete',
        detail: id ? 'Terima kasih atas kunjungan Anda.' : 'Thank you for your visit.',
      };
    case 'cancelled':
      return {
        headline: id ? 'Nomor ini dibatalkan' : 'This number was cancelled',
        detail: id
          ? 'Jika ini keliru, tanyakan di meja informasi, atau ambil nomor baru di kios.'
          : 'If this is a mistake, ask at the information desk, or take a new number at the kiosk.',
      };
    case 'expired':
      return {
        headline: id ? 'Nomor ini sudah tidak berlaku' : 'This number is no longer valid',
        detail: id
          ? 'Hari layanan sudah berakhir. Silakan ambil nomor baru pada hari layanan berikutnya.'
          : 'The service day has ended. Please take a new number on the next service day.',
      };
  }
}
