import type { DayView, HallConfig, LocalizedText, ReadonlyTicket, WaitingPositions } from '@antre/shared';
import {
  TICKET_STATUS_TEXT,
  serviceWaitOutlook,
  ticketGuidance,
  ticketPosition,
  waitOutlookText,
  whereToGo,
} from '@antre/shared';
import { STATUS_PAGE_SCRIPT } from './status-page-script.js';
import { STATUS_PAGE_CSS } from './status-page-style.js';
import { VISIT_SECTION_CSS, visitStatusSection } from './visit-status-section.js';

/** What the live stream sends: the card as the page shows it, the title, and what the script acts on. */
export interface TicketUpdate {
  title: string;
  html: string;
  status: ReadonlyTicket['status'] | 'unknown';
  /** Calls so far (recalls too): a rise while `called` is a call to announce on the phone. */
  calls: number;
}

type Tone = 'wait' | 'go' | 'warn' | 'ended';

const TONE: Record<ReadonlyTicket['status'], Tone> = {
  waiting: 'wait',
  called: 'go',
  serving: 'go',
  held: 'warn',
  no_show: 'warn',
  done: 'ended',
  cancelled: 'ended',
  expired: 'ended',
};

/** The ticket's card and title now: the page's first paint, and each message of its live stream. */
export function ticketUpdate(
  config: HallConfig,
  state: DayView,
  ticketId: string,
  now: number,
  /** Every waiting ticket's place at this moment, when many pages are rendered at once. */
  positions?: WaitingPositions,
): TicketUpdate {
  const ticket = state.ticket(ticketId);
  if (!ticket) {
    return {
      title: `Antrean · ${config.hall.name}`,
      html: notFoundCard(),
      status: 'unknown',
      calls: 0,
    };
  }
  const status = TICKET_STATUS_TEXT[ticket.status];
  const counter = ticket.status === 'called' ? whereToGo(config, ticket).counters[0] : undefined;
  const title =
    counter !== undefined
      ? `🔔 ${ticket.displayNumber} dipanggil · Loket ${counter}`
      : `${ticket.displayNumber} · ${status.id} · ${config.hall.name}`;
  return {
    title,
    html: ticketCard(config, state, ticket, now, positions),
    status: ticket.status,
    calls: ticket.calls.length,
  };
}

/** The page a ticket's QR code opens: where the visitor stands and what to do, kept live by a tiny script. */
export function ticketStatusPage(config: HallConfig, state: DayView, ticketId: string, now: number): string {
  const update = ticketUpdate(config, state, ticketId, now);
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<noscript><meta http-equiv="refresh" content="30"></noscript>
<title>${escapeHtml(update.title)}</title><style>${STATUS_PAGE_CSS}${VISIT_SECTION_CSS}</style></head>
<body data-ticket="${escapeHtml(ticketId)}" data-status="${update.status}" data-calls="${update.calls}"><main>
<h1>${escapeHtml(config.hall.name)}</h1>
<p id="net" class="net" role="status" hidden>Koneksi ke server antrean terputus, mencoba lagi…<span class="en">Connection lost, trying again…</span></p>
<section id="card" aria-live="polite">${update.html}</section>
<button id="alerts" class="alerts" type="button" aria-pressed="false" hidden>Bunyi dan getar saat nomor saya dipanggil<span class="en">Sound and vibrate when my number is called</span></button>
<p class="note">Halaman ini diperbarui sendiri. <span class="en">This page updates by itself.</span></p>
</main><script>${STATUS_PAGE_SCRIPT}</script></body></html>`;
}

function both(text: LocalizedText): string {
  return `${escapeHtml(text.id)}<span class="en">${escapeHtml(text.en)}</span>`;
}

function ticketCard(
  config: HallConfig,
  state: DayView,
  ticket: ReadonlyTicket,
  now: number,
  positions: WaitingPositions | undefined,
): string {
  const service = config.services.find((s) => s.id === ticket.serviceId);
  const agency = config.agencies.find((a) => a.id === service?.agencyId);
  const tone = TONE[ticket.status];
  const guidance = {
    id: ticketGuidance(config, ticket, 'id'),
    en: ticketGuidance(config, ticket, 'en'),
  };
  const rows: Array<[LocalizedText, string]> = [
    [{ id: 'Layanan', en: 'Service' }, both(service?.name ?? { id: ticket.serviceId, en: ticket.serviceId })],
    [{ id: 'Instansi', en: 'Agency' }, escapeHtml(agency?.name ?? '')],
  ];
  const position = positions ? positions.get(ticket.id) : ticketPosition(state, config, ticket.id, now);
  if (position) {
    const outlook = serviceWaitOutlook(state, config, ticket.serviceId, position, now);
    rows.push([{ id: 'Antrean di depan Anda', en: 'Ahead of you' }, String(position.ahead)]);
    rows.push([
      { id: 'Perkiraan waktu tunggu', en: 'Estimated wait' },
      both({ id: waitOutlookText(outlook, 'id'), en: waitOutlookText(outlook, 'en') }),
    ]);
  }
  return `<div class="card" data-status="${ticket.status}">
<p class="label">Nomor antrean · <span class="en">Queue number</span></p>
<p class="number" data-testid="number">${escapeHtml(ticket.displayNumber)}</p>
<p class="pill ${tone}" data-testid="status">${escapeHtml(TICKET_STATUS_TEXT[ticket.status].id)} · <span class="en">${escapeHtml(TICKET_STATUS_TEXT[ticket.status].en)}</span></p>
<p class="where ${tone}" data-testid="where">${both({ id: guidance.id.headline, en: guidance.en.headline })}</p>
<p class="detail">${escapeHtml(guidance.id.detail)}</p><p class="detail en">${escapeHtml(guidance.en.detail)}</p>
<dl>${rows.map(([k, v]) => `<dt>${both(k)}</dt><dd>${v}</dd>`).join('')}</dl>${visitStatusSection(
    config,
    state,
    ticket,
    now,
    TICKET_STATUS_TEXT[ticket.status],
    escapeHtml,
  )}</div>`;
}

function notFoundCard(): string {
  return `<div class="card" data-status="unknown"><p class="where ended">${both({
    id: 'Nomor antrean belum ditemukan',
    en: 'Ticket not found yet',
  })}</p><p class="detail">Tiket yang diambil saat jaringan kios terputus muncul di sini begitu kios tersambung lagi: halaman ini berubah sendiri. Nomor antrean hanya berlaku pada hari diambil.</p><p class="detail en">A ticket taken while the kiosk was offline appears here once the kiosk is back online: this page changes by itself. A number is valid only on the day it was taken.</p></div>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
