import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BookingFailure, HallConfig, IntakeClient, Principal, SignedInStaff } from '@antre/shared';
import {
  bookablePackages,
  bookingBodySchema,
  domainError,
  intakeBookingSchema,
  normalizeBookingCode,
  packageLegOrder,
} from '@antre/shared';
import { create } from 'qrcode';
import { TokenBucket } from '../auth/token-bucket.js';
import type { StaffSessions } from '../auth/staff-sessions.js';
import type { BookingService } from '../bookings/booking-service.js';
import type { Logger } from '../logger.js';
import type { QueueService } from '../queue-service.js';
import { bookingCalendar } from './booking-calendar.js';
import { bookingPage } from './booking-page.js';

/** A booking is a small JSON body; anything bigger is not one. */
const MAX_BODY_BYTES = 8 * 1024;

export interface BookingRouteDeps {
  bookings: BookingService;
  queue: QueueService;
  sessions: StaffSessions;
  /** Bookings per address, sustained per minute and at once: many phones share a hall's or a campus's address. */
  perMinute?: number;
  burst?: number;
  /** Where a revoked intake key is noted, with who revoked it. */
  logger?: Pick<Logger, 'info'>;
}

export type BookingRoute = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

/**
 * The booking page (`/booking`) and its API (`/api/booking/...`), and the intake API for other systems
 * (`/api/intake/v1/...`, with a key a supervisor issued: `POST /api/intake/keys`). Answers true when it handled
 * the request. Nothing here answers a name, NIK or phone.
 */
export function bookingRoutes(deps: BookingRouteDeps): BookingRoute {
  const { bookings, queue } = deps;
  const perAddress = new TokenBucket((deps.perMinute ?? 6) / 60, deps.burst ?? 10, () => queue.now());

  return async (req, res, url) => {
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const config = queue.config;
    if (path === '/booking' && (method === 'GET' || method === 'HEAD')) {
      sendHtml(res, 200, bookingPage(config, url.searchParams.get('lang') === 'en' ? 'en' : 'id'));
      return true;
    }
    if (path.startsWith('/api/intake/')) return intake(req, res, path, method, url, deps);
    if (!path.startsWith('/api/booking')) return false;

    if (path === '/api/booking/catalog' && method === 'GET') {
      sendJson(res, 200, catalog(config));
      return true;
    }
    if (path === '/api/booking/days' && method === 'GET') {
      const pkg = url.searchParams.get('package');
      const service =
        pkg !== null ? bookings.packageFirstService(pkg) : (url.searchParams.get('service') ?? '');
      sendJson(res, 200, { ok: true, days: bookings.days(service) });
      return true;
    }
    if (path === '/api/booking/slots' && method === 'GET') {
      const pkg = url.searchParams.get('package');
      const day = url.searchParams.get('day') ?? '';
      if (pkg !== null) {
        sendJson(res, 200, { ok: true, slots: bookings.packageSlots(pkg, day) });
        return true;
      }
      const service = url.searchParams.get('service') ?? '';
      sendJson(res, 200, { ok: true, slots: bookings.slots(service, day) });
      return true;
    }
    if (path === '/api/booking' && method === 'POST') {
      if (!perAddress.take(req.socket.remoteAddress ?? '?')) return tooMany(res);
      const body = await readJson(req);
      const parsed = bookingBodySchema.safeParse(body);
      if (!parsed.success) return sendReply(res, invalid(parsed.error.issues[0]?.message));
      return sendReply(res, bookings.bookSlot({ kind: 'public' }, parsed.data));
    }
    const byCode = /^\/api\/booking\/([A-Za-z0-9-]{1,20})(\/cancel|\/qr\.svg|\/calendar\.ics)?$/.exec(path);
    if (byCode?.[1]) {
      const code = byCode[1];
      const action = byCode[2];
      if (action === '/cancel' && method === 'POST') {
        if (!perAddress.take(req.socket.remoteAddress ?? '?')) return tooMany(res);
        return sendReply(res, bookings.cancel({ kind: 'public' }, { code }));
      }
      if (method !== 'GET' && method !== 'HEAD') return false;
      const reply = bookings.lookUp(code);
      if (!reply.ok || action === undefined) return sendReply(res, reply);
      if (action === '/qr.svg') {
        res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'no-store' });
        res.end(qrSvg(reply.booking.code));
        return true;
      }
      const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
      res.writeHead(200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': `attachment; filename="janji-temu-${reply.booking.code}.ics"`,
        'cache-control': 'no-store',
      });
      res.end(bookingCalendar(config, reply.booking, origin));
      return true;
    }
    return false;
  };
}

/** The intake API: a key in `Authorization: Bearer`, idempotent by the client's own reference. */
async function intake(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  method: string,
  url: URL,
  deps: BookingRouteDeps,
): Promise<boolean> {
  const { bookings } = deps;
  if (path === '/api/intake/keys' && method === 'POST') {
    const principal = staffOf(req, deps);
    const body = (await readJson(req)) as { name?: unknown } | undefined;
    const name = typeof body?.name === 'string' ? body.name : '';
    const reply = bookings.issueIntakeKey(principal, name);
    if (reply.ok) sendJson(res, 201, reply);
    else sendReply(res, reply);
    return true;
  }
  if (path === '/api/intake/keys' && method === 'GET') {
    return sendReply(res, bookings.intakeClients(staffOf(req, deps)));
  }
  const revoke = /^\/api\/intake\/keys\/([A-Za-z0-9-]{1,80})\/revoke$/.exec(path);
  if (revoke?.[1] && method === 'POST') {
    const principal = staffOf(req, deps);
    const reply = bookings.revokeIntakeKey(principal, revoke[1]);
    if (reply.ok && principal.kind === 'staff') {
      deps.logger?.info({ clientId: reply.clientId, by: principal.staff.username }, 'intake key revoked');
    }
    return sendReply(res, reply);
  }
  const client = clientOf(req, bookings);
  if (!client) {
    sendReply(res, {
      ok: false,
      error: domainError('UNAUTHENTICATED', 'send Authorization: Bearer <api key>'),
    });
    return true;
  }
  if (path === '/api/intake/v1/slots' && method === 'GET') {
    const service = url.searchParams.get('service') ?? '';
    const day = url.searchParams.get('day');
    sendJson(
      res,
      200,
      day === null
        ? { ok: true, days: bookings.days(service) }
        : { ok: true, slots: bookings.slots(service, day) },
    );
    return true;
  }
  if (path === '/api/intake/v1/bookings' && method === 'POST') {
    const parsed = intakeBookingSchema.safeParse(await readJson(req));
    if (!parsed.success) return sendReply(res, invalid(parsed.error.issues[0]?.message));
    const { clientRef, ...body } = parsed.data;
    return sendReply(res, bookings.bookSlot(client, body, { clientRef }));
  }
  const byRef = /^\/api\/intake\/v1\/bookings\/([A-Za-z0-9._:-]{1,80})(\/cancel)?$/.exec(path);
  if (byRef?.[1]) {
    const clientRef = byRef[1];
    if (byRef[2] && method === 'POST') return sendReply(res, bookings.cancel(client, { clientRef }));
    if (!byRef[2] && method === 'GET') return sendReply(res, bookings.lookUpByRef(client, clientRef));
  }
  sendJson(res, 404, { error: 'NOT_FOUND' });
  return true;
}

/** What the booking page lists: the agencies and services that take bookings, and the check-in window. */
function catalog(config: HallConfig): unknown {
  const services = config.services
    .filter((s) => s.booking !== undefined)
    .map((s) => ({
      id: s.id,
      agencyId: s.agencyId,
      name: s.name,
      requirements: s.requirements,
      slotMinutes: s.booking?.slotMinutes,
    }));
  const agencyIds = new Set(services.map((s) => s.agencyId));
  return {
    ok: true,
    hall: { id: config.hall.id, name: config.hall.name, address: config.hall.address ?? null },
    agencies: config.agencies
      .filter((a) => agencyIds.has(a.id))
      .map((a) => ({ id: a.id, name: a.name, shortName: a.shortName, color: a.color })),
    services,
    // Packages booked in one go: their legs in the booked order, each with its own slot chained.
    packages: bookablePackages(config).map((p) => ({
      id: p.id,
      name: p.name,
      description: p.description ?? null,
      serviceIds: packageLegOrder(p),
    })),
    checkIn: config.booking,
  };
}

function staffOf(req: IncomingMessage, deps: BookingRouteDeps): Principal {
  const m = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(req.headers.authorization ?? '');
  if (!m?.[1]) return { kind: 'public' };
  const username = deps.sessions.resolve(m[1], deps.queue.now());
  const staff =
    username === undefined ? undefined : deps.queue.config.staff.find((s) => s.username === username);
  if (!staff) return { kind: 'public' };
  const signedIn: SignedInStaff = { username: staff.username, name: staff.name, role: staff.role };
  if (staff.agencyId !== undefined) signedIn.agencyId = staff.agencyId;
  return { kind: 'staff', staff: signedIn };
}

function clientOf(req: IncomingMessage, bookings: BookingService): IntakeClient | undefined {
  const m = /^Bearer (antre_[A-Za-z0-9_-]{20,100})$/.exec(req.headers.authorization ?? '');
  return m?.[1] ? bookings.intakeClient(m[1]) : undefined;
}

/** The booking code as a QR code, one SVG path: a USB scanner at the kiosk types the code it reads. */
function qrSvg(code: string): string {
  const { modules } = create(normalizeBookingCode(code) ?? code, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) parts.push(`M${col + 2} ${row + 2}h1v1h-1z`);
    }
  }
  const n = modules.size + 4;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n} ${n}" shape-rendering="crispEdges"><rect width="${n}" height="${n}" fill="#fff"/><path d="${parts.join('')}" fill="#000"/></svg>`;
}

const STATUS: Partial<Record<string, number>> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  UNKNOWN_SERVICE: 404,
  UNKNOWN_ITEM: 404,
  QUOTA_REACHED: 409,
  SERVICE_CLOSED: 409,
  RATE_LIMITED: 429,
};

function sendReply(res: ServerResponse, reply: { ok: true } | BookingFailure): true {
  if (reply.ok) {
    sendJson(res, 200, reply);
    return true;
  }
  const notFound =
    reply.refusal === 'UNKNOWN_BOOKING' || reply.refusal === 'INVALID_CODE' || reply.refusal === 'WRONG_HALL';
  sendJson(res, notFound ? 404 : (STATUS[reply.error.code] ?? 400), reply);
  return true;
}

function invalid(message = 'invalid'): BookingFailure {
  return {
    ok: false,
    error: domainError('VALIDATION_FAILED', message),
    text: { id: 'Isian tidak lengkap atau tidak valid.', en: 'The form is incomplete or not valid.' },
  };
}

function tooMany(res: ServerResponse): true {
  return sendReply(res, {
    ok: false,
    error: domainError('RATE_LIMITED', 'too many requests from this address'),
    text: {
      id: 'Terlalu banyak permintaan. Tunggu sebentar, lalu coba lagi.',
      en: 'Too many requests. Please wait a moment and try again.',
    },
  });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendHtml(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}
