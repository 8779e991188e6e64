import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HallConfig } from '@antre/shared';
import { nextHallMidnight } from '@antre/shared';
import { DeviceRegistry } from './auth/device-registry.js';
import { SignInThrottle } from './auth/sign-in-throttle.js';
import { PasswordFailures } from './auth/password-failures.js';
import { StaffSecrets } from './auth/staff-secrets.js';
import { StaffSessions } from './auth/staff-sessions.js';
import { StaffService } from './staff-service.js';
import { createHttpHandler } from './http/http-routes.js';
import { surveyRoutes } from './http/survey-routes.js';
import { bookingRoutes } from './http/booking-routes.js';
import { BookingService } from './bookings/booking-service.js';
import { ticketUpdate } from './http/ticket-status-page.js';
import { PositionMemo } from './http/position-memo.js';
import { TicketStreams } from './http/ticket-streams.js';
import type { Logger } from './logger.js';
import { createLogger } from './logger.js';
import { OpenConnections } from './open-connections.js';
import { HubTicketPrinter } from './printing/hub-ticket-printer.js';
import { HubReports } from './reports/hub-reports.js';
import { resolvePublicUrl } from './public-url.js';
import { QueueService } from './queue-service.js';
import type { HubSocketServer, RateLimits } from './realtime/socket-server.js';
import { DEFAULT_RATE_LIMITS, attachSocketServer, cutStaff } from './realtime/socket-server.js';
import type { Durability } from './store/event-store.js';
import { EventStore } from './store/event-store.js';
import { SurveyService } from './survey/survey-service.js';
import { startShipping } from './shipping/hub-shipping.js';
import type { CentralLink } from './shipping/hub-shipping.js';
import type { LogShipper } from './shipping/log-shipper.js';

const HUB_VERSION = '0.1.0';

/**
 * How long a stop waits for clients to answer the WebSocket close before it cuts their connections. A client
 * that never answers (a bare WebSocket, a frozen device) would otherwise hold the hub for ws's 30 s close
 * timeout; a live one answers within milliseconds.
 */
const SHUTDOWN_GRACE_MS = 1000;

export interface HubOptions {
  config: HallConfig;
  dataDir: string;
  port?: number;
  host?: string;
  durability?: Durability;
  demoMode?: boolean;
  pairingCode?: string;
  rateLimits?: Partial<RateLimits>;
  /** Bookings per address (per minute, at once) and attempts per NIK (per hour, at once) on the booking API. */
  bookingLimits?: { perMinute?: number; burst?: number; nikPerHour?: number; nikBurst?: number };
  logger?: Logger;
  now?: () => number;
  /** Where the built web apps are; the repository's `apps` folder by default. */
  appsDir?: string;
  /**
   * The hub's address as visitors' phones reach it (`ANTRE_PUBLIC_URL`): every ticket's QR code links there.
   * This machine's network address when absent.
   */
  publicUrl?: string;
  /** Ships the log to a central service (`ANTRE_CENTRAL_URL`); absent: the hall stands alone. */
  central?: CentralLink;
}

export interface Hub {
  url: string;
  port: number;
  service: QueueService;
  survey: SurveyService;
  bookings: BookingService;
  io: HubSocketServer;
  store: EventStore;
  reports: HubReports;
  pairingCode: string;
  /** What the QR codes link to: `publicUrl`, or this machine's network address (`resolvePublicUrl`). */
  publicUrl: string;
  /** The log shipper, when the hub ships to a central service. */
  shipper: LogShipper | undefined;
  close(): Promise<void>;
}

const DEFAULT_APPS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Starts the hub: the store, the queue rebuilt from it, HTTP and Socket.IO on one port. */
export async function startHub(options: HubOptions): Promise<Hub> {
  const logger = options.logger ?? createLogger();
  const now = options.now ?? Date.now;
  // A malformed ANTRE_PUBLIC_URL stops the start here, before anything is opened.
  let publicUrl = resolvePublicUrl(options.publicUrl, options.port ?? 3000);
  mkdirSync(options.dataDir, { recursive: true });
  const store = new EventStore(join(options.dataDir, 'antre.sqlite'), options.durability ?? 'FULL');
  const service = new QueueService(store, options.config, {
    now,
    // The socket server is made below; the service announces nothing before the hub is listening.
    onEvents: (events) => {
      bookings.observe(events);
      survey.observe(events);
      io.emit('events', events);
      // After counters and displays have theirs: the status pages' work is scheduled, never done here.
      streams.onEvents(events);
    },
    onLogged: (events) => {
      reports.push(events);
      shipper?.notify();
    },
    // Made below, before any command can arrive (and so before any snapshot is taken).
    snapshotSurvey: (seq): (() => Uint8Array) => survey.snapshot(seq),
    // Made below, before any command can arrive.
    heldSeats: (serviceId): number => bookings.heldSeats(serviceId),
    onFileIgnored: () =>
      logger.warn(
        'the hall config file differs from the config in the store, which wins after the first start: import the file in the admin console to use it',
      ),
  });
  // The projection starts from the store's seed and follows the log's config changes (see HubReports).
  const reports = new HubReports(options.dataDir, service.config, store, logger);
  const positions = new PositionMemo();
  const streams = new TicketStreams({
    render: (ticketId, many) => {
      const now = service.now();
      const all = many ? positions.of(service.state, service.config, now) : undefined;
      return { data: JSON.stringify(ticketUpdate(service.config, service.state, ticketId, now, all)) };
    },
  });
  const survey: SurveyService = new SurveyService(store, service, options.config);
  const limits = options.bookingLimits ?? {};
  const bookings: BookingService = new BookingService(store, service, {
    ...(limits.nikPerHour === undefined ? {} : { nikPerHour: limits.nikPerHour }),
    ...(limits.nikBurst === undefined ? {} : { nikBurst: limits.nikBurst }),
  });
  // Name, NIK and phone go once their retention has passed: at start, and every hour.
  bookings.eraseExpired();
  const eraser = setInterval(() => {
    try {
      bookings.eraseExpired();
    } catch (err) {
      logger.error({ err }, 'erasing expired booking data failed');
    }
  }, 3_600_000);
  eraser.unref();
  const shipper = options.central && startShipping(options.central, store, () => service.config, logger);
  const devices = new DeviceRegistry(store.db, options.pairingCode);
  const sessions = new StaffSessions(store.db);
  const passwordFailures = new PasswordFailures(store.db);
  const staff = new StaffService({
    service,
    secrets: new StaffSecrets(store.db),
    sessions,
    passwordFailures,
    file: options.config,
    // The socket server is made below, before any request can arrive.
    cutStaff: (username) => cutStaff(io, username),
  });
  const http = createServer(
    createHttpHandler({
      service,
      version: HUB_VERSION,
      logger,
      appsDir: options.appsDir ?? DEFAULT_APPS_DIR,
      survey: surveyRoutes({ survey, queue: service, config: options.config, sessions }),
      booking: bookingRoutes({
        bookings,
        queue: service,
        sessions,
        logger,
        ...(limits.perMinute === undefined ? {} : { perMinute: limits.perMinute }),
        ...(limits.burst === undefined ? {} : { burst: limits.burst }),
      }),
      reports,
      sessions,
      streams,
      ...(shipper ? { shipping: () => shipper.status() } : {}),
      bookingLedger: bookings.book,
    }),
  );
  const connections = new OpenConnections(http);
  const io = attachSocketServer(http, {
    service,
    config: () => service.config,
    sessions,
    devices,
    throttle: new SignInThrottle(),
    pinHash: (username) => staff.pinHash(username),
    passwordHash: (username) => staff.passwordHash(username),
    passwordFailures,
    staff,
    logger,
    version: HUB_VERSION,
    demoMode: options.demoMode ?? false,
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...options.rateLimits },
    now,
    survey,
    bookings,
    publicUrl: () => publicUrl.url,
    printer: new HubTicketPrinter({
      config: () => service.config,
      state: () => service.state,
      now: () => service.now(),
      publicUrl: () => publicUrl.url,
      linkKey: (ticketId) => survey.linkKey(ticketId),
      logger,
      onPrinted: ({ ticketId, kioskId, by }) => service.recordReprint(ticketId, kioskId, by),
    }),
  });

  // The day closes at local midnight even when nobody sends a command.
  let midnight: NodeJS.Timeout | undefined;
  const scheduleMidnight = () => {
    const wait = Math.min(nextHallMidnight(now(), service.config.hall.timeZone) - now() + 1000, 2 ** 31 - 1);
    midnight = setTimeout(() => {
      try {
        service.closeDayIfDue();
      } catch (err) {
        logger.error({ err }, 'day close failed');
      }
      scheduleMidnight();
    }, wait);
    midnight.unref();
  };
  service.closeDayIfDue();
  scheduleMidnight();
  void reports.start().catch(() => undefined);

  await new Promise<void>((resolveListen, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 3000, options.host ?? '0.0.0.0', () => resolveListen());
  });
  const port = (http.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  publicUrl = resolvePublicUrl(options.publicUrl, port);
  logger.info(
    { port, day: service.state.day, seq: service.state.seq, publicUrl: publicUrl.url },
    'hub listening',
  );
  if (publicUrl.loopback) {
    logger.warn(
      { publicUrl: publicUrl.url },
      'ANTRE_PUBLIC_URL is a loopback address: no phone can open the QR codes on tickets. Set it to the ' +
        "hub's address on the visitors' network, e.g. ANTRE_PUBLIC_URL=http://10.20.0.2:3000",
    );
  }

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      if (midnight) clearTimeout(midnight);
      clearInterval(eraser);
      streams.close();
      const started = performance.now();
      const clients = io.engine.clientsCount;
      const open = connections.size;
      // Socket.IO closes every client's transport, and the server waits until each connection has ended.
      const closed = new Promise<void>((r) => void io.close(() => r()));
      // Idle keep-alive and polling connections would hold it open: cut them at once.
      http.closeAllConnections();
      const forceClosed = (await settlesWithin(closed, SHUTDOWN_GRACE_MS)) ? 0 : connections.destroyAll();
      await closed;
      await shipper?.stop();
      await reports.close();
      store.close();
      const ms = Math.round(performance.now() - started);
      logger.info({ clients, connections: open, forceClosed, ms }, 'hub stopped');
    })();
    return closing;
  };
  return {
    url,
    port,
    service,
    survey,
    bookings,
    io,
    store,
    reports,
    get pairingCode() {
      return devices.pairingCode;
    },
    publicUrl: publicUrl.url,
    shipper,
    close,
  };
}

/** True when `promise` settles within `ms`; false when the time runs out first. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
