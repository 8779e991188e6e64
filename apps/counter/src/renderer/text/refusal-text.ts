import type { DayView, DomainError, LocalizedText, TicketStatus } from '@antre/shared';
import { ERROR_TEXT, findTicket, TICKET_STATUSES } from '@antre/shared';
import type { HallIndex } from '../model/hall-index.js';
import { serviceWithAgency } from './service-names.js';
import { TICKET_STATUS_TEXT, fill } from './ui-text.js';

const l = (id: string, en: string): LocalizedText => ({ id, en });

/** Whole sentences for refusals whose details say exactly what stood in the way. */
const WHY = {
  unknown: l('{n} tidak ada hari ini.', '{n} does not exist today.'),
  atCounter: l('{n} sudah {status} di loket {c}.', '{n} is already {status} at counter {c}.'),
  finished: l('{n} sudah {status}.', '{n} is already {status}.'),
  otherService: l(
    '{n} adalah antrean {service}; loket ini tidak melayani layanan itu.',
    '{n} is a ticket for {service}; this counter does not serve it.',
  ),
  sentElsewhere: l('{n} dialihkan khusus ke loket {c}.', '{n} was sent to counter {c} alone.'),
  noShowFirst: l(
    '{n} tercatat tidak hadir: kembalikan dulu ke antrean (F9).',
    '{n} is a no-show: put it back first (F9).',
  ),
  otherAgencyTicket: l(
    '{n} milik {agency}, bukan instansi loket ini.',
    "{n} belongs to {agency}, not this counter's agency.",
  ),
  otherAgencyCounter: l(
    'Loket {c} milik {agency}; Anda tidak dapat bertindak di sana.',
    'Counter {c} belongs to {agency}; you cannot act there.',
  ),
  busy: l(
    'Selesaikan, tahan, atau alihkan dulu {n} yang masih aktif di loket ini.',
    'Finish, hold or transfer {n} first: it is still active at this counter.',
  ),
  notStarted: l(
    '{n} dipanggil tetapi belum mulai dilayani: mulai layani (F3), atau catat tidak hadir.',
    '{n} was called but not started: start serving (F3), or record a no-show.',
  ),
  retry: l(
    'Terlalu banyak permintaan. Coba lagi dalam {s} detik.',
    'Too many requests. Try again in {s} seconds.',
  ),
};

export interface RefusalContext {
  state: DayView | undefined;
  index: HallIndex | undefined;
  counterId?: string;
  /** The ticket the refused command named (a number typed, or the current ticket). */
  ticketRef?: string;
}

/**
 * What the staff member reads when the hub refuses: one sentence, the right one. When the refusal's details
 * (or the mirror) say exactly what stood in the way, that sentence alone; otherwise the code's general text.
 */
export function explainRefusal(error: DomainError, ctx: RefusalContext): LocalizedText {
  return exactReason(error, ctx) ?? ERROR_TEXT[error.code];
}

function exactReason(error: DomainError, ctx: RefusalContext): LocalizedText | undefined {
  const details = error.details ?? {};
  const text = (key: string) => (typeof details[key] === 'string' ? details[key] : undefined);
  const retryAfterMs = details['retryAfterMs'];
  if (error.code === 'RATE_LIMITED' && typeof retryAfterMs === 'number') {
    return fill(WHY.retry, { s: Math.ceil(retryAfterMs / 1000) });
  }
  const named = text('ticket');
  if (error.code === 'COUNTER_BUSY' && named !== undefined) return fill(WHY.busy, { n: named });
  if (error.code === 'VISITOR_NOT_STARTED' && named !== undefined) return fill(WHY.notStarted, { n: named });
  if (error.code === 'NO_SHOW_TOO_EARLY') return earlyNoShowText(error);

  const { state, index } = ctx;
  if (!state || !index) return undefined;
  const ticket = ctx.ticketRef === undefined ? undefined : findTicket(state, index.config, ctx.ticketRef);
  const counterName = (id: string | undefined) =>
    id === undefined ? '?' : (index.counters.get(id)?.name ?? id);
  const n = named ?? ticket?.displayNumber;

  switch (error.code) {
    case 'UNKNOWN_TICKET':
      return ctx.ticketRef === undefined ? undefined : fill(WHY.unknown, { n: shownRef(ctx.ticketRef) });
    case 'FORBIDDEN': {
      if (ticket) {
        const agencyId = index.services.get(ticket.serviceId)?.agencyId;
        const agency = agencyId === undefined ? '?' : (index.agencies.get(agencyId)?.shortName ?? agencyId);
        return fill(WHY.otherAgencyTicket, { n: ticket.displayNumber, agency });
      }
      const counter = ctx.counterId === undefined ? undefined : index.counters.get(ctx.counterId);
      if (!counter) return undefined;
      const agency = index.agencies.get(counter.agencyId)?.shortName ?? counter.agencyId;
      return fill(WHY.otherAgencyCounter, { c: counter.name, agency });
    }
    case 'TICKET_NOT_FOR_COUNTER': {
      if (n === undefined) return undefined;
      const target = text('targetCounterId') ?? ticket?.targetCounterId;
      if (target !== undefined && target !== ctx.counterId) {
        return fill(WHY.sentElsewhere, { n, c: counterName(target) });
      }
      const service = index.services.get(text('serviceId') ?? ticket?.serviceId ?? '');
      if (!service) return undefined;
      const agency = index.agencies.get(service.agencyId);
      return fill(WHY.otherService, { n, service: serviceWithAgency(service.name, agency) });
    }
    case 'TICKET_NOT_CALLABLE': {
      if (n === undefined) return undefined;
      const status = statusOf(text('status')) ?? ticket?.status;
      const where = text('counterId') ?? ticket?.counterId;
      return status === undefined ? undefined : statusReason(n, status, counterName(where));
    }
    default:
      return undefined;
  }
}

function statusReason(n: string, status: TicketStatus, counter: string): LocalizedText | undefined {
  const withStatus = (text: LocalizedText, vars: Record<string, string>) =>
    fill(text, { ...vars, status: TICKET_STATUS_TEXT[status] });
  switch (status) {
    case 'called':
    case 'serving':
    case 'held':
      return withStatus(WHY.atCounter, { n, c: counter });
    case 'no_show':
      return fill(WHY.noShowFirst, { n });
    case 'done':
    case 'cancelled':
    case 'expired':
      return withStatus(WHY.finished, { n });
    case 'waiting':
      return undefined;
  }
}

const EARLY = {
  lead: l('{n} baru dipanggil {s} detik lalu', '{n} was called only {s} seconds ago'),
  recalls: l('dan dipanggil ulang {r}×', 'and recalled {r}×'),
  noRecall: l('dan belum dipanggil ulang', 'and not recalled yet'),
  rule: l(
    'Aturan aula: tunggu {minS} detik dan panggil ulang {minR}× sebelum mencatat tidak hadir.',
    'Hall rule: wait {minS} seconds and recall {minR}× before recording a no-show.',
  ),
};

/** Why a no-show is early, with the hall's rule, from the refusal's details. */
export function earlyNoShowText(error: DomainError): LocalizedText | undefined {
  const d = error.details ?? {};
  const [n, s, r, minS, minR] = [
    d['ticket'],
    d['secondsSinceCall'],
    d['recalls'],
    d['minSeconds'],
    d['minRecalls'],
  ];
  if (typeof n !== 'string' || typeof s !== 'number' || typeof r !== 'number') return undefined;
  if (typeof minS !== 'number' || typeof minR !== 'number') return undefined;
  const lead = fill(EARLY.lead, { n, s });
  const recalls = r === 0 ? EARLY.noRecall : fill(EARLY.recalls, { r });
  const rule = fill(EARLY.rule, { minS, minR });
  return {
    id: `${lead.id} ${recalls.id}. ${rule.id}`,
    en: `${lead.en} ${recalls.en}. ${rule.en}`,
  };
}

function statusOf(value: string | undefined): TicketStatus | undefined {
  return TICKET_STATUSES.find((s) => s === value);
}

/** A typed number as staff would read it back ("a7" → "A7"); an id is left as it is. */
function shownRef(ref: string): string {
  return ref.length > 12 ? ref : ref.trim().toUpperCase();
}
