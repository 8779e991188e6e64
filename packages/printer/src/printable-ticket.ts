import type {
  HallConfig,
  PriorityGroup,
  PublicHallConfig,
  Ticket,
  WaitEstimate,
  WaitOutlook,
} from '@antre/shared';
import {
  WATCH_CALL_SCREEN,
  hallDateText,
  hallTimeText,
  placeText,
  waitOutlook,
  waitOutlookText,
  visitRequirements,
  whereToGo,
} from '@antre/shared';

export type TicketLanguage = 'id' | 'en';

/** Everything printed on a ticket, already in the visitor's language: the layout only arranges it. */
export interface PrintableTicket {
  lang: TicketLanguage;
  hallName: string;
  hallAddress?: string;
  displayNumber: string;
  serviceName: string;
  agencyName: string;
  /** "Senin, 30 November 2026" */
  date: string;
  /** "09.14 WIB" */
  time: string;
  ahead: number;
  /** "± 25 menit", "Segera dilayani", "Loket belum buka, dibuka pukul 08.00": `waitOutlookText`. */
  wait: string;
  /** Where to wait: "Loket 2–3 · Lantai 1" (`whereToGo`). */
  place: string;
  /** "Perhatikan layar panggilan". */
  watch: string;
  /** "LANSIA"; absent for a regular visitor. */
  priority?: string;
  requirements: string[];
  /** A visit of several services: its legs in plan order ("Kartu Keluarga · Disdukcapil"); absent for one. */
  legs?: string[];
  /** The ticket's live status page, encoded in the QR code. */
  statusUrl: string;
}

const PRIORITY_LABEL: Record<Exclude<PriorityGroup, 'none'>, Record<TicketLanguage, string>> = {
  elderly: { id: 'LANSIA', en: 'ELDERLY' },
  disability: { id: 'PENYANDANG DISABILITAS', en: 'PERSON WITH DISABILITY' },
  pregnant: { id: 'IBU HAMIL', en: 'PREGNANT WOMAN' },
  child: { id: 'ANAK', en: 'CHILD' },
  disaster: { id: 'KORBAN BENCANA', en: 'DISASTER VICTIM' },
};

export interface PrintableTicketInput {
  config: Pick<HallConfig | PublicHallConfig, 'hall' | 'agencies' | 'services' | 'counters'>;
  ticket: Pick<Ticket, 'id' | 'serviceId' | 'displayNumber' | 'issuedAt' | 'priority'> &
    Partial<Pick<Ticket, 'targetCounterId'>> & {
      visit?: { legs: ReadonlyArray<{ serviceId: string }> } | undefined;
    };
  estimate: WaitEstimate;
  /**
   * What the wait amounts to (`serviceWaitOutlook`: closed counters say so); from `estimate` alone when
   * the printer is not told the day's counters.
   */
  outlook?: WaitOutlook;
  /** The hub's address as visitors' phones reach it, e.g. `http://10.0.0.2:3000`. */
  publicUrl: string;
  /**
   * The ticket's survey link key, known to the hub only: the QR link carries it (`/t/:id?k=`) so that the
   * visitor holding the paper, and not whoever knows the ticket's id, answers its survey.
   */
  linkKey?: string;
  lang: TicketLanguage;
}

/** The printed ticket for an issued one, in the hall's zone and the visitor's language. */
export function printableTicket(input: PrintableTicketInput): PrintableTicket {
  const { config, ticket, lang } = input;
  const service = config.services.find((s) => s.id === ticket.serviceId);
  const agency = config.agencies.find((a) => a.id === service?.agencyId);
  const zone = config.hall.timeZone;
  const legServices = ticket.visit?.legs.map((l) => l.serviceId);
  const printable: PrintableTicket = {
    lang,
    hallName: config.hall.name,
    displayNumber: ticket.displayNumber,
    serviceName: service?.name[lang] ?? ticket.serviceId,
    agencyName: agency?.name ?? '',
    date: hallDateText(ticket.issuedAt, zone, lang),
    time: hallTimeText(ticket.issuedAt, zone),
    ahead: input.estimate.ahead,
    wait: waitOutlookText(input.outlook ?? waitOutlook({ ...input.estimate, openCounters: 1 }), lang),
    place: placeText(
      whereToGo(config, {
        serviceId: ticket.serviceId,
        status: 'waiting',
        targetCounterId: ticket.targetCounterId,
      }),
      lang,
    ),
    watch: WATCH_CALL_SCREEN[lang],
    // A visit's documents in one list: one needed by several legs is printed once.
    requirements: visitRequirements(config, legServices ?? [ticket.serviceId], lang),
    statusUrl: `${input.publicUrl.replace(/\/+$/, '')}/t/${encodeURIComponent(ticket.id)}${
      input.linkKey === undefined ? '' : `?k=${encodeURIComponent(input.linkKey)}`
    }`,
  };
  if (config.hall.address !== undefined) printable.hallAddress = config.hall.address;
  if (legServices) {
    printable.legs = legServices.map((id) => {
      const legService = config.services.find((s) => s.id === id);
      const legAgency = config.agencies.find((a) => a.id === legService?.agencyId);
      return [legService?.name[lang] ?? id, legAgency?.shortName].filter(Boolean).join(' · ');
    });
  }
  if (ticket.priority !== 'none') printable.priority = PRIORITY_LABEL[ticket.priority][lang];
  return printable;
}
