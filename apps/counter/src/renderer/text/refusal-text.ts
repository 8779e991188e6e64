import type { DomainError, LocalizedText, DayView, ReadonlyTicket } from '@antre/shared';
import { ERROR_TEXT, findTicket } from '@antre/shared';
import type { HallIndex } from '../model/hall-index.js';
import { TICKET_STATUS_TEXT, fill } from './ui-text.js';

const l = (id: string, en: string): LocalizedText => ({ id, en });

const WHY = {
  atCounter: l('{n} sudah {status} di loket {c}.', '{n} is already {status} at counter {c}.'),
  finished: l('{n} sudah {status}.', '{n} is already {status}.'),
  otherService: l(
    '{n} adalah antrean {service} ({agency}); loket ini tidak melayani layanan itu.',
    '{n} is a ticket for {service} ({agency}); this counter does not serve it.',
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
  otherAgencyCounter: l('Loket {c} milik {agency}.', 'Counter {c} belongs to {agency}.'),
  busy: l('{n} masih aktif di loket ini.', '{n} is still active at this counter.'),
  retry: l('Coba lagi dalam {s} detik.', 'Try again in {s} seconds.'),
};

export interface RefusalContext {
  state: DayView | undefined;
  index: HallIndex | undefined;
  counterId?: string;
  /** The ticket the refused command named (a number typed, or the current ticket). */
  ticketRef?: string;
}

/** What the staff member reads when the hub refuses: the general reason, then what exactly stood in the way. */
export function explainRefusal(error: DomainError, ctx: RefusalContext): LocalizedText {
  const base = ERROR_TEXT[error.code];
  const detail = refusalDetail(error, ctx);
  return detail ? { id: `${base.id} ${detail.id}`, en: `${base.en} ${detail.en}` } : base;
}

function refusalDetail(error: DomainError, ctx: RefusalContext): LocalizedText | undefined {
  const { state, index } = ctx;
  if (error.code === 'RATE_LIMITED' && typeof error.details?.['retryAfterMs'] === 'number') {
    return fill(WHY.retry, { s: Math.ceil(error.details['retryAfterMs'] / 1000) });
  }
  if (error.code === 'COUNTER_BUSY' && typeof error.details?.['ticket'] === 'string') {
    return fill(WHY.busy, { n: error.details['ticket'] });
  }
  if (!state || !index) return undefined;
  const ticket = ctx.ticketRef === undefined ? undefined : findTicket(state, index.config, ctx.ticketRef);
  const counterName = (id: string | undefined) =>
    id === undefined ? '?' : (index.counters.get(id)?.name ?? id);
  const agencyOf = (serviceId: string) => {
    const agencyId = index.services.get(serviceId)?.agencyId;
    return agencyId === undefined ? '?' : (index.agencies.get(agencyId)?.shortName ?? agencyId);
  };

  if (error.code === 'FORBIDDEN') {
    if (ticket)
      return fill(WHY.otherAgencyTicket, { n: ticket.displayNumber, agency: agencyOf(ticket.serviceId) });
    const counter = ctx.counterId === undefined ? undefined : index.counters.get(ctx.counterId);
    if (counter) {
      const agency = index.agencies.get(counter.agencyId)?.shortName ?? counter.agencyId;
      return fill(WHY.otherAgencyCounter, { c: counter.name, agency });
    }
    return undefined;
  }
  if (error.code !== 'TICKET_NOT_CALLABLE' || !ticket) return undefined;
  return whyNotCallable(ticket, ctx, index, counterName, agencyOf);
}

function whyNotCallable(
  t: ReadonlyTicket,
  ctx: RefusalContext,
  index: HallIndex,
  counterName: (id: string | undefined) => string,
  agencyOf: (serviceId: string) => string,
): LocalizedText | undefined {
  const n = t.displayNumber;
  const status = TICKET_STATUS_TEXT[t.status];
  const withStatus = (text: LocalizedText, vars: Record<string, string>) => fill(text, { ...vars, status });
  switch (t.status) {
    case 'called':
    case 'serving':
    case 'held':
      return withStatus(WHY.atCounter, { n, c: counterName(t.counterId) });
    case 'no_show':
      return fill(WHY.noShowFirst, { n });
    case 'done':
    case 'cancelled':
    case 'expired':
      return withStatus(WHY.finished, { n });
    case 'waiting': {
      if (t.targetCounterId !== undefined && t.targetCounterId !== ctx.counterId) {
        return fill(WHY.sentElsewhere, { n, c: counterName(t.targetCounterId) });
      }
      const service = index.services.get(t.serviceId);
      const served =
        ctx.counterId !== undefined && index.counters.get(ctx.counterId)?.serviceIds.includes(t.serviceId);
      if (service && !served)
        return fill(WHY.otherService, { n, service: service.name, agency: agencyOf(t.serviceId) });
      return undefined;
    }
  }
}
