import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { HallConfig, ReadonlyTicket } from '@antre/shared';
import { publicHallConfig, ticketPosition } from '@antre/shared';
import type { Logger } from '../logger.js';
import type { QueueService } from '../queue-service.js';
import type { StaffSessions } from '../auth/staff-sessions.js';
import type { BookingSource } from '@antre/reporting';
import type { HubReports } from '../reports/hub-reports.js';
import { handleReportRoute } from '../reports/report-routes.js';
import { handleAuditRoute } from './audit-route.js';
import { serveApp } from './static-files.js';
import type { SurveyRoute } from './survey-routes.js';
import type { BookingRoute } from './booking-routes.js';
import { escapeHtml, ticketStatusPage } from './ticket-status-page.js';
import type { TicketStreams } from './ticket-streams.js';
import type { ShippingStatus } from '../shipping/log-shipper.js';

const WEB_APPS = ['kiosk', 'counter', 'display', 'admin'] as const;

export interface HttpDeps {
  service: QueueService;
  version: string;
  logger: Logger;
  /** The repository's `apps` folder: each app's built files are in `<appsDir>/<app>/dist`. */
  appsDir: string;
  /** The survey's pages and API; it also answers `/t/:id` once the visit has ended. */
  survey?: SurveyRoute;
  /** Appointments: the booking page, its API and the intake API (`/booking`, `/api/booking`, `/api/intake`). */
  booking?: BookingRoute;
  /** The reports (`/api/reports/...`, for signed-in staff); absent: no report routes. */
  reports?: HubReports;
  sessions?: StaffSessions;
  /** The status pages' live streams (`/t/:id/live`). */
  streams: TicketStreams;
  /** Log shipping to the central service, when the hub ships: its lag shows in /api/health. */
  shipping?: () => ShippingStatus;
  /** The ledger of bookings (from the log), for the appointments report. */
  bookingLedger?: BookingSource;
}

/** Health, public state, ticket pages and the three web apps, on the hub's one port. */
export function createHttpHandler(deps: HttpDeps) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    route(req, res, deps).catch((err: unknown) => {
      deps.logger.error({ err, url: req.url }, 'http handler failed');
      if (!res.headersSent) json(res, 500, { error: 'INTERNAL' });
      else res.end();
    });
  };
}

async function route(req: IncomingMessage, res: ServerResponse, deps: HttpDeps): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://hub');
  const path = url.pathname;
  if (deps.survey && (await deps.survey(req, res, url))) return;
  if (deps.booking && (await deps.booking(req, res, url))) return;
  if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'METHOD_NOT_ALLOWED' });
  const { service } = deps;
  const { config } = service;
  if (deps.reports && deps.sessions) {
    const reportDeps = {
      reports: deps.reports,
      sessions: deps.sessions,
      config,
      now: () => service.now(),
      bookings: deps.bookingLedger,
    };
    if (await handleReportRoute(req, res, url, reportDeps)) return;
  }
  if (deps.sessions && handleAuditRoute(req, res, url, { service, sessions: deps.sessions })) return;

  if (path === '/api/health') {
    return json(res, 200, {
      status: 'ok',
      version: deps.version,
      hallId: config.hall.id,
      day: service.state.day,
      seq: service.state.seq,
      // Where the centre is stays off this public answer; the lag and the cursor are what the console shows.
      shipping: deps.shipping ? publicShipping(deps.shipping()) : null,
    });
  }
  if (path === '/api/state') {
    return json(res, 200, { seq: service.state.seq, state: service.state.snapshot() });
  }
  if (path === '/api/config') return json(res, 200, publicHallConfig(config));
  const apiTicket = /^\/api\/tickets\/([^/]{1,64})$/.exec(path);
  if (apiTicket?.[1]) {
    const ticket = todaysTicket(service, apiTicket[1]);
    if (!ticket) return json(res, 404, { error: 'UNKNOWN_TICKET' });
    return json(res, 200, {
      ticket,
      position: ticketPosition(service.state, config, ticket.id, service.now()) ?? null,
    });
  }
  const page = /^\/t\/([^/]{1,64})(\/live)?$/.exec(path);
  if (page?.[1]) {
    const id = page[1];
    // A ticket the hub does not know yet (issued offline, not synced) is followed too: it may come.
    if (page[2]) return deps.streams.open(id, req, res);
    const ticket = todaysTicket(service, id);
    return html(res, ticket ? 200 : 404, ticketStatusPage(config, service.state, id, service.now()));
  }
  if (path === '/') return html(res, 200, landingPage(config));
  for (const app of WEB_APPS) {
    const mount = `/${app}`;
    if (path === mount || path.startsWith(`${mount}/`)) {
      if (await serveApp(req, res, mount, join(deps.appsDir, app, 'dist'), path)) return;
      return html(res, 200, placeholderPage(config, app));
    }
  }
  json(res, 404, { error: 'NOT_FOUND' });
}

/** Own keys only (`DayView.ticket`): a path such as `/t/constructor` must not reach Object.prototype. */
function todaysTicket(service: QueueService, id: string): ReadonlyTicket | undefined {
  return service.state.ticket(id);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  // Public reads only: any page (a hall's own website, a TV app) may fetch them.
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'access-control-allow-origin': '*',
  });
  res.end(JSON.stringify(body));
}

function html(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

function landingPage(config: HallConfig): string {
  const links = WEB_APPS.map((a) => `<li><a href="/${a}/">/${a}</a></li>`).join('');
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Antre · ${escapeHtml(config.hall.name)}</title></head>
<body style="font-family:system-ui;margin:2rem"><h1>Antre · ${escapeHtml(config.hall.name)}</h1>
<p>Pusat antrean berjalan. <i>The queue hub is running.</i></p><ul>${links}</ul></body></html>`;
}

function placeholderPage(config: HallConfig, app: string): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Antre ${app}</title></head>
<body style="font-family:system-ui;margin:2rem"><h1>Antre · ${escapeHtml(config.hall.name)}</h1>
<p>Aplikasi <b>${app}</b> belum dibangun. <i>The ${app} app is not built yet.</i></p></body></html>`;
}

function publicShipping({ centralUrl: _url, ...status }: ShippingStatus): Omit<ShippingStatus, 'centralUrl'> {
  return status;
}
