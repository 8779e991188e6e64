import type { HallLanguage, LocalizedText, PublicHallConfig } from '@antre/shared';
import {
  ERROR_TEXT,
  WATCH_CALL_SCREEN,
  placeText,
  spellPrefix,
  terbilangWords,
  waitOutlookText,
  whereToGo,
} from '@antre/shared';
import type { KioskAvailability } from '../../core/service-availability.js';
import { outlookOf } from '../../core/service-availability.js';
import type { KioskScreen } from '../flow/kiosk-flow.js';
import { opensText } from './hall-time-text.js';
import { PRINT_FAULT_CAUSE, PRIORITY_CHOICES, TEXT } from './kiosk-text.js';
import { VISIT_TEXT } from '../screens/visit-text.js';
import { CHECK_IN_TEXT } from '../screens/check-in-text.js';

export interface SpokenInput {
  screen: KioskScreen;
  /** The search typed on the start screen. */
  query: string;
  /** The services the search found, as the screen lists them. */
  results: readonly string[];
  config: PublicHallConfig;
  availability: KioskAvailability | undefined;
  /** False while no ticket can be taken here (a browser kiosk without its hub). */
  canIssue: boolean;
  lang: HallLanguage;
}

/**
 * What the audio button reads on each screen: what is on it and what to touch next, for a citizen who cannot
 * read it. Places are said as words ("Loket 2 sampai 3"), a ticket number as the hall display speaks it.
 */
export function spokenGuidance(input: SpokenInput): string {
  const { screen, config, lang } = input;
  const t = (text: LocalizedText) => text[lang];
  const id = lang === 'id';
  const service = (serviceId: string) => config.services.find((s) => s.id === serviceId);
  const serviceLine = (serviceId: string): string => {
    const s = service(serviceId);
    const a = input.availability?.services[serviceId];
    if (!s) return '';
    if (a?.refusal) {
      const why =
        a.refusal.code === 'QUOTA_REACHED' ? t(TEXT.quotaReached) : opensText(a.refusal.opens, lang);
      return `${s.name[lang]}: ${t(TEXT.closedNow)}, ${why}.`;
    }
    const people = id ? `${a?.waiting ?? 0} orang menunggu` : `${a?.waiting ?? 0} waiting`;
    return `${s.name[lang]}: ${people}, ${waitOutlookText(outlookOf(a), lang)}.`;
  };
  const offline = input.canIssue ? '' : `${t(TEXT.offlineRefusing)} `;

  switch (screen.name) {
    case 'home': {
      if (input.query.trim() !== '') {
        if (input.results.length === 0) return t(TEXT.noResults);
        return [
          id ? `Hasil pencarian untuk ${input.query}.` : `Results for ${input.query}.`,
          ...input.results.map(serviceLine),
          id ? 'Sentuh layanan yang Anda perlukan.' : 'Touch the service you need.',
        ].join(' ');
      }
      const agencies = config.agencies.map((a) => a.shortName).join(', ');
      return (
        offline +
        (id
          ? `Selamat datang di ${config.hall.name}. Silakan pilih instansi tujuan Anda dengan menyentuh kotaknya, atau cari layanan di kotak pencarian di atas. Instansi di sini: ${agencies}.`
          : `Welcome to ${config.hall.name}. Please touch the office you need, or search for a service in the box at the top. The offices here: ${agencies}.`)
      );
    }
    case 'agency': {
      const agency = config.agencies.find((a) => a.id === screen.agencyId);
      const lines = config.services
        .filter((s) => s.agencyId === screen.agencyId)
        .map((s) => serviceLine(s.id));
      return [
        `${agency?.name ?? ''}.`,
        id ? 'Sentuh layanan yang Anda perlukan.' : 'Touch the service you need.',
        ...lines,
        id ? 'Tombol Kembali ada di kiri atas.' : 'The Back button is at the top left.',
      ].join(' ');
    }
    case 'service': {
      const s = service(screen.serviceId);
      if (!s) return '';
      const requirements = s.requirements[lang];
      const where = spokenPlace(placeText(whereToGo(config, { serviceId: s.id }), lang), lang);
      const take = !input.canIssue
        ? t(TEXT.offlineRefusing)
        : input.availability?.services[s.id]?.refusal
          ? ''
          : id
            ? 'Untuk mengambil nomor antrean, sentuh tombol biru besar Ambil Nomor Antrean. Lansia, penyandang disabilitas, ibu hamil, anak dan korban bencana dapat memilih tombol Layanan Prioritas di bawahnya.'
            : 'To take a number, touch the large blue button Take a Queue Number. The elderly, persons with disabilities, pregnant women, children and disaster victims may touch Priority Service below it.';
      return [
        `${s.name[lang]}.`,
        requirements.length > 0
          ? `${t(TEXT.requirements)}: ${requirements.join('; ')}.`
          : t(TEXT.noRequirements),
        serviceLine(s.id),
        id ? `Dilayani di ${where}.` : `Served at ${where}.`,
        take,
      ]
        .filter((x) => x !== '')
        .join(' ');
    }
    case 'priority':
      return [
        `${t(TEXT.priorityTitle)}:`,
        ...PRIORITY_CHOICES.map((c) => `${t(c.label)}, ${t(c.detail)}.`),
        `${t(TEXT.priorityNote)}`,
        id
          ? 'Bukan prioritas? Sentuh tombol paling bawah untuk antrean biasa.'
          : 'Not priority? Touch the bottom button for a regular number.',
      ].join(' ');
    case 'visit':
      return `${offline}${t(VISIT_TEXT.title)}. ${t(VISIT_TEXT.subtitle)} ${t(VISIT_TEXT.empty)}`;
    case 'issuing':
      return t(TEXT.issuing);
    case 'ticket': {
      const { ticket, print } = screen;
      const s = service(ticket.serviceId);
      const where = spokenPlace(placeText(whereToGo(config, { serviceId: ticket.serviceId }), lang), lang);
      const printed =
        print === 'printing'
          ? t(TEXT.printing)
          : print === 'printed'
            ? `${t(TEXT.printed)}.`
            : print === 'no-printer'
              ? t(TEXT.noPrinterBody)
              : `${t(TEXT.printFaultTitle)}. ${t(PRINT_FAULT_CAUSE[print.fault.reason])} ${t(TEXT.printFaultBody)}`;
      return [
        id
          ? `Nomor antrean Anda: ${spokenNumber(ticket.displayNumber, lang)}.`
          : `Your queue number: ${spokenNumber(ticket.displayNumber, lang)}.`,
        `${s?.name[lang] ?? ''}.`,
        id ? `Tunggu panggilan untuk ${where}.` : `Wait to be called to ${where}.`,
        `${t(WATCH_CALL_SCREEN)}.`,
        printed,
      ].join(' ');
    }
    case 'refused':
      return `${t(TEXT.refusedTitle)}. ${t(ERROR_TEXT[screen.error.code])}`;
    case 'checkIn': {
      if (screen.busy) return t(CHECK_IN_TEXT.checking);
      const problem = screen.problem
        ? `${t(CHECK_IN_TEXT.refusedTitle)}. ${t(screen.problem.text)}${
            screen.problem.walkInServiceId !== undefined ? ` ${t(CHECK_IN_TEXT.walkIn)}.` : ''
          } `
        : '';
      return `${problem}${t(CHECK_IN_TEXT.title)}. ${t(CHECK_IN_TEXT.subtitle)} ${t(CHECK_IN_TEXT.scannerHint)}`;
    }
  }
}

/** "A-027" as the display speaks it: "a, dua puluh tujuh"; in English "A, 27". */
export function spokenNumber(displayNumber: string, lang: HallLanguage): string {
  const m = /^([A-Z]{1,2})-0*(\d+)$/.exec(displayNumber);
  if (!m) return displayNumber;
  const [, prefix = '', digits = '0'] = m;
  if (lang === 'en') return `${prefix.split('').join(' ')}, ${digits}`;
  return `${spellPrefix(prefix).join(' ')}, ${terbilangWords(Number(digits)).join(' ')}`;
}

/** "Loket 2–3 · Lantai 1" as it is said: "Loket 2 sampai 3, Lantai 1". */
export function spokenPlace(place: string, lang: HallLanguage): string {
  return place.replace(/–/g, lang === 'id' ? ' sampai ' : ' to ').replace(/ · /g, ', ');
}
