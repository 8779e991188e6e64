import type { DayView, HallConfig, ReadonlyTicket, VisitLegStatus } from '@antre/shared';
import { visitProgress } from '@antre/shared';

/** A leg's state in words; the leg the ticket is in now takes the ticket's own status. */
const LEG_TEXT: Record<Exclude<VisitLegStatus, 'active'>, { id: string; en: string }> = {
  pending: { id: 'Belum dimulai', en: 'Not started' },
  done: { id: 'Selesai', en: 'Done' },
  missed: { id: 'Terlewat', en: 'Missed' },
  skipped: { id: 'Dilewati', en: 'Skipped' },
  cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
  expired: { id: 'Kedaluwarsa', en: 'Expired' },
};

export const VISIT_SECTION_CSS = `
.visit{margin:1.25rem 0 0;text-align:left}
.visit h2{font-size:1rem;margin:0 0 .5rem}
.visit ol{margin:0;padding:0;list-style:none;display:grid;gap:.5rem}
.visit li{border:1px solid #d5dde8;border-radius:.6rem;padding:.5rem .75rem}
.visit li.now{border:2px solid #0a7d3b}
.visit li.next{border:2px dashed #1d4f91}
.visit .leg{font-weight:700}
.visit .meta{color:#47607d;font-size:.9em}
.visit .tag{display:inline-block;margin-left:.4rem;padding:.05rem .5rem;border-radius:999px;background:#1d4f91;color:#fff;font-size:.8em;font-weight:700}`;

/**
 * The visit's legs on the ticket's status page: which one the ticket is in, which comes next, where each was
 * or is served and how long the queues of the legs still to go are now. Empty for a ticket for one service.
 */
export function visitStatusSection(
  config: HallConfig,
  state: DayView,
  ticket: ReadonlyTicket,
  now: number,
  ticketStatus: { id: string; en: string },
  escapeHtml: (text: string) => string,
): string {
  const progress = visitProgress(state, config, ticket, now);
  if (!progress) return '';
  const items = progress.legs.map((leg) => {
    const service = config.services.find((s) => s.id === leg.serviceId);
    const agency = config.agencies.find((a) => a.id === service?.agencyId);
    const counter = config.counters.find((c) => c.id === leg.counterId);
    const status = leg.status === 'active' ? ticketStatus : LEG_TEXT[leg.status];
    const meta = [`${status.id} <span class="en">· ${status.en}</span>`, escapeHtml(agency?.shortName ?? '')];
    if (counter && leg.status !== 'pending') meta.push(`Loket ${escapeHtml(counter.name)}`);
    if (leg.minutes !== undefined) meta.push(`± ${leg.minutes} menit`);
    const now = leg.leg === progress.current && leg.status === 'active';
    const tag = now
      ? '<span class="tag">Sekarang · Now</span>'
      : leg.next
        ? '<span class="tag">Berikutnya · Next</span>'
        : '';
    return `<li class="${now ? 'now' : leg.next ? 'next' : ''}"><div class="leg">${leg.leg + 1}. ${escapeHtml(
      service?.name.id ?? leg.serviceId,
    )}${tag}</div><div class="meta">${meta.filter((m) => m !== '').join(' · ')}</div></li>`;
  });
  return `<section class="visit"><h2>Rencana kunjungan <span class="en">· Visit plan</span> (${progress.done}/${
    progress.legs.length
  })</h2><ol>${items.join('')}</ol></section>`;
}
