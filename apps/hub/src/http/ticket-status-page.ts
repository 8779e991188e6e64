import type { DayView, HallConfig, ReadonlyTicket, TicketStatus } from '@antre/shared';
import { ticketPosition } from '@antre/shared';
import { VISIT_SECTION_CSS, visitStatusSection } from './visit-status-section.js';

const STATUS_TEXT: Record<TicketStatus, { id: string; en: string }> = {
  waiting: { id: 'Menunggu', en: 'Waiting' },
  called: { id: 'Dipanggil', en: 'Called' },
  serving: { id: 'Sedang dilayani', en: 'Being served' },
  held: { id: 'Ditunda', en: 'On hold' },
  done: { id: 'Selesai', en: 'Done' },
  no_show: { id: 'Tidak hadir', en: 'Did not show' },
  cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
  expired: { id: 'Kedaluwarsa', en: 'Expired' },
};

/** The page a ticket's QR code opens: where the visitor stands, refreshed every 15 seconds. */
export function ticketStatusPage(
  config: HallConfig,
  state: DayView,
  ticket: ReadonlyTicket | undefined,
  now: number,
): string {
  const body = ticket ? ticketBody(config, state, ticket, now) : notFoundBody();
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="15"><title>${escapeHtml(ticket?.displayNumber ?? 'Antrean')} · ${escapeHtml(config.hall.name)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;background:#f3f5f8;color:#10223a}
main{max-width:28rem;margin:0 auto;padding:1.5rem}
h1{font-size:1rem;margin:0 0 1rem;color:#47607d}
.card{background:#fff;border-radius:1rem;padding:1.5rem;box-shadow:0 2px 8px #0001;text-align:center}
.number{font-size:4.5rem;font-weight:800;letter-spacing:.02em;margin:.25rem 0}
.status{display:inline-block;padding:.35rem .9rem;border-radius:999px;background:#e3ecf7;font-weight:700}
.status.called,.status.serving{background:#0a7d3b;color:#fff}
.en{color:#5b6f86;font-size:.9em}
dl{display:grid;grid-template-columns:auto auto;gap:.5rem 1rem;text-align:left;margin:1.25rem 0 0}
dt{color:#47607d}dd{margin:0;font-weight:600}${VISIT_SECTION_CSS}
</style></head><body><main><h1>${escapeHtml(config.hall.name)}</h1>${body}</main></body></html>`;
}

function ticketBody(config: HallConfig, state: DayView, ticket: ReadonlyTicket, now: number): string {
  const service = config.services.find((s) => s.id === ticket.serviceId);
  const agency = config.agencies.find((a) => a.id === service?.agencyId);
  const counter = config.counters.find((c) => c.id === ticket.counterId);
  const status = STATUS_TEXT[ticket.status];
  const position = ticketPosition(state, config, ticket.id, now);
  const rows: Array<[string, string]> = [
    ['Layanan <span class="en">Service</span>', `${escapeHtml(service?.name.id ?? ticket.serviceId)}`],
    ['Instansi <span class="en">Agency</span>', escapeHtml(agency?.name ?? '')],
  ];
  if (position) {
    rows.push(['Antrean di depan <span class="en">Ahead of you</span>', String(position.ahead)]);
    rows.push(['Perkiraan tunggu <span class="en">Estimated wait</span>', `± ${position.minutes} menit`]);
  }
  if (counter && (ticket.status === 'called' || ticket.status === 'serving')) {
    rows.push(['Menuju loket <span class="en">Go to counter</span>', escapeHtml(counter.name)]);
  }
  return `<div class="card"><div class="number">${escapeHtml(ticket.displayNumber)}</div>
<span class="status ${ticket.status}">${status.id} <span class="en">· ${status.en}</span></span>
<dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>${visitStatusSection(
    config,
    state,
    ticket,
    now,
    status,
    escapeHtml,
  )}</div>`;
}

function notFoundBody(): string {
  return `<div class="card"><p>Nomor antrean tidak ditemukan untuk hari ini.</p><p class="en">Ticket not found for today.</p></div>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
