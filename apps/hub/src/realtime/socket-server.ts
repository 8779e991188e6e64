import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type {
  ClientToServerEvents,
  DomainError,
  HallConfig,
  Principal,
  ServerToClientEvents,
  SignedInStaff,
} from '@antre/shared';
import {
  MAX_PAYLOAD_BYTES,
  PROTOCOL_VERSION,
  commandEnvelopeSchema,
  domainError,
  enrolSchema,
  handshakeSchema,
  publicHallConfig,
  signInSchema,
  syncRequestSchema,
  ticketPrintSchema,
} from '@antre/shared';
import { z } from 'zod';
import type { DeviceRegistry } from '../auth/device-registry.js';
import { verifyPin } from '../auth/pin-hash.js';
import type { SignInThrottle } from '../auth/sign-in-throttle.js';
import type { StaffSessions } from '../auth/staff-sessions.js';
import { TokenBucket } from '../auth/token-bucket.js';
import type { Logger } from '../logger.js';
import type { HubTicketPrinter } from '../printing/hub-ticket-printer.js';
import type { QueueService } from '../queue-service.js';
import { CommandBatcher } from '../command-batcher.js';

export interface SocketData {
  principal: Principal;
  sessionToken?: string;
}

export type HubSocketServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

export interface RateLimits {
  /** Tickets a kiosk may issue per second, sustained, and at once. */
  issuePerSecond: number;
  issueBurst: number;
  /** Messages one connection may send per second, sustained, and at once. */
  messagesPerSecond: number;
  messageBurst: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  issuePerSecond: 0.5,
  issueBurst: 10,
  messagesPerSecond: 50,
  messageBurst: 100,
};

export interface SocketDeps {
  service: QueueService;
  config: HallConfig;
  sessions: StaffSessions;
  devices: DeviceRegistry;
  throttle: SignInThrottle;
  logger: Logger;
  version: string;
  /** Trust kiosks and displays on the hub's own machine without enrolment. */
  demoMode: boolean;
  rateLimits: RateLimits;
  now: () => number;
  /** The hub's address as visitors' phones reach it, told to every client in `welcome`. */
  publicUrl: () => string;
  /** Prints tickets on kiosks' printers (`ticket:print`); absent: every print fails as not configured. */
  printer?: HubTicketPrinter;
}

const KNOWN_EVENTS: ReadonlySet<string> = new Set([
  'sync',
  'command',
  'config:get',
  'staff:signIn',
  'staff:signOut',
  'device:enrol',
  'whoami',
  'ticket:print',
]);

export function attachSocketServer(http: HttpServer, deps: SocketDeps): HubSocketServer {
  const io: HubSocketServer = new Server(http, {
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    serveClient: false,
    cors: { origin: true },
    pingInterval: 10_000,
    pingTimeout: 8_000,
  });
  const issueLimiter = new TokenBucket(deps.rateLimits.issuePerSecond, deps.rateLimits.issueBurst, deps.now);
  const messageLimiter = new TokenBucket(
    deps.rateLimits.messagesPerSecond,
    deps.rateLimits.messageBurst,
    deps.now,
  );
  const enrolLimiter = new TokenBucket(5 / 60, 5, deps.now);
  const commands = new CommandBatcher(deps.service);

  io.use((socket, next) => {
    const auth = handshakeSchema.safeParse(socket.handshake.auth ?? {});
    if (!auth.success || auth.data.protocol !== PROTOCOL_VERSION) {
      return next(
        connectError(domainError('PROTOCOL_MISMATCH', `this hub speaks protocol ${PROTOCOL_VERSION}`)),
      );
    }
    const principal = resolvePrincipal(auth.data, socket.handshake.address, deps);
    if ('code' in principal) return next(connectError(principal));
    socket.data.principal = principal;
    if (auth.data.sessionToken !== undefined && principal.kind === 'staff') {
      socket.data.sessionToken = auth.data.sessionToken;
    }
    next();
  });

  io.on('connection', (socket) => {
    const log = deps.logger.child({ socket: socket.id });
    log.debug({ principal: socket.data.principal }, 'connected');
    socket.emit('welcome', {
      protocol: PROTOCOL_VERSION,
      hubVersion: deps.version,
      hallId: deps.config.hall.id,
      logId: deps.service.logId,
      now: deps.now(),
      day: deps.service.state.day,
      seq: deps.service.state.seq,
      principal: socket.data.principal,
      publicUrl: deps.publicUrl(),
    });

    // Every message passes here first: floods are refused, unknown events answered, nothing throws.
    socket.use(([event, ...args], next) => {
      const ack = args.at(-1);
      const reply = typeof ack === 'function' ? (ack as (r: unknown) => void) : undefined;
      if (!messageLimiter.take(socket.id)) {
        reply?.({ ok: false, error: domainError('RATE_LIMITED', 'too many messages') });
        return;
      }
      if (!KNOWN_EVENTS.has(String(event))) {
        reply?.({
          ok: false,
          error: domainError('VALIDATION_FAILED', `unknown event ${String(event).slice(0, 40)}`),
        });
        return;
      }
      if (!reply) return; // every request takes an ack; one without cannot be answered
      next();
    });

    const handle = <S extends z.ZodType, R>(
      event: keyof ClientToServerEvents,
      schema: S,
      run: (payload: z.infer<S>) => R | Promise<R>,
    ) => {
      socket.on(event, (async (...args: unknown[]) => {
        // The middleware above let only messages ending in an ack through; anything else here is a client bug.
        const ack = args.at(-1);
        if (typeof ack !== 'function') return;
        const reply = ack as (reply: R | { ok: false; error: DomainError }) => void;
        try {
          if (args.length > 2) {
            reply({ ok: false, error: domainError('VALIDATION_FAILED', 'send one payload and an ack') });
            return;
          }
          const parsed = schema.safeParse(args.length === 2 ? (args[0] ?? {}) : {});
          if (!parsed.success) {
            reply({
              ok: false,
              error: domainError('VALIDATION_FAILED', parsed.error.issues[0]?.message ?? 'invalid'),
            });
            return;
          }
          reply(await run(parsed.data));
        } catch (err) {
          log.error({ err, event }, 'handler failed');
          reply({ ok: false, error: domainError('INTERNAL', 'the hub could not complete this request') });
        }
      }) as never);
    };

    handle('sync', syncRequestSchema, ({ sinceSeq }) => deps.service.sync(sinceSeq));

    handle('command', commandEnvelopeSchema, ({ commandId, command }) => {
      const principal = socket.data.principal;
      const isIssue = isObject(command) && command['type'] === 'issueTicket';
      // Who may send what is the policy's question, asked in the batch (`authorizeCommand`); here only a
      // kiosk issuing too fast is held back. A retry still gets its first answer: it issues nothing new.
      // The batch looks replies up itself, so the store is read here only for a command about to be refused.
      if (isIssue && principal.kind === 'kiosk' && !issueLimiter.take(principal.kioskId)) {
        return (
          deps.service.recordedReply(commandId) ?? {
            ok: false as const,
            error: domainError('RATE_LIMITED', 'this kiosk issues too fast'),
          }
        );
      }
      return commands.submit({ principal, commandId, input: command });
    });

    handle('config:get', emptySchema, () => ({ ok: true as const, config: publicHallConfig(deps.config) }));

    handle('whoami', emptySchema, () => ({ ok: true as const, principal: socket.data.principal }));

    handle('ticket:print', ticketPrintSchema, (request) =>
      deps.printer
        ? deps.printer.print(socket.data.principal, request)
        : {
            ok: false as const,
            error: domainError('PRINTER_FAULT', 'this hub prints no tickets', { reason: 'not-configured' }),
          },
    );

    handle('staff:signIn', signInSchema, async ({ username, pin }) => {
      const now = deps.now();
      // Per user and address: guessing from one machine slows down, without locking the user out elsewhere.
      const throttleKey = `${username}@${socket.handshake.address}`;
      const wait = deps.throttle.waitMs(throttleKey, now);
      if (wait > 0) {
        return {
          ok: false as const,
          error: domainError('RATE_LIMITED', 'too many wrong PINs', { retryAfterMs: wait }),
        };
      }
      const staff = deps.config.staff.find((s) => s.username === username);
      // Verify against a dummy hash for unknown names, so timing does not reveal which names exist.
      const valid = await verifyPin(pin, staff?.pinHash ?? DUMMY_HASH);
      if (!staff || !valid) {
        deps.throttle.failed(throttleKey, now);
        log.warn({ username }, 'sign-in failed');
        return { ok: false as const, error: domainError('INVALID_CREDENTIALS', 'wrong user name or PIN') };
      }
      deps.throttle.succeeded(throttleKey);
      const sessionToken = deps.sessions.create(staff.username, now);
      const signedIn: SignedInStaff = { username: staff.username, name: staff.name, role: staff.role };
      if (staff.agencyId !== undefined) signedIn.agencyId = staff.agencyId;
      socket.data.principal = { kind: 'staff', staff: signedIn };
      socket.data.sessionToken = sessionToken;
      log.info({ username }, 'staff signed in');
      return { ok: true as const, sessionToken, staff: signedIn };
    });

    handle('staff:signOut', emptySchema, () => {
      if (socket.data.sessionToken !== undefined) deps.sessions.revoke(socket.data.sessionToken);
      delete socket.data.sessionToken;
      socket.data.principal = { kind: 'public' };
      return { ok: true as const };
    });

    handle('device:enrol', enrolSchema, ({ pairingCode, kind, deviceId }) => {
      // Six digits would fall to guessing without a limit per address.
      if (!enrolLimiter.take(socket.handshake.address)) {
        return { ok: false as const, error: domainError('RATE_LIMITED', 'too many enrolment attempts') };
      }
      if (kind === 'kiosk' && !deps.config.kiosks.some((k) => k.id === deviceId)) {
        return {
          ok: false as const,
          error: domainError('VALIDATION_FAILED', `no kiosk ${deviceId} in the hall config`),
        };
      }
      const deviceToken = deps.devices.enrol(pairingCode, { kind, deviceId }, deps.now());
      if (deviceToken === undefined) {
        return { ok: false as const, error: domainError('INVALID_PAIRING_CODE', 'wrong pairing code') };
      }
      socket.data.principal = kind === 'kiosk' ? { kind, kioskId: deviceId } : { kind, displayId: deviceId };
      log.info({ kind, deviceId }, 'device enrolled');
      return { ok: true as const, deviceToken, deviceId, kind };
    });
  });

  return io;
}

const DUMMY_HASH = `scrypt$${'00'.repeat(16)}$${'00'.repeat(32)}`;

const emptySchema = z.strictObject({});

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function connectError(error: DomainError): Error & { data: DomainError } {
  return Object.assign(new Error(error.message), { data: error });
}

function isLoopback(address: string): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

function resolvePrincipal(
  auth: z.infer<typeof handshakeSchema>,
  address: string,
  deps: SocketDeps,
): Principal | DomainError {
  if (auth.deviceToken !== undefined) {
    const device = deps.devices.resolve(auth.deviceToken);
    if (!device) return domainError('UNAUTHENTICATED', 'unknown device token: enrol this device again');
    return device.kind === 'kiosk'
      ? { kind: 'kiosk', kioskId: device.deviceId }
      : { kind: 'display', displayId: device.deviceId };
  }
  if (auth.sessionToken !== undefined) {
    const username = deps.sessions.resolve(auth.sessionToken, deps.now());
    const staff = username === undefined ? undefined : deps.config.staff.find((s) => s.username === username);
    if (!staff) return domainError('UNAUTHENTICATED', 'the session has expired: sign in again');
    const signedIn: SignedInStaff = { username: staff.username, name: staff.name, role: staff.role };
    if (staff.agencyId !== undefined) signedIn.agencyId = staff.agencyId;
    return { kind: 'staff', staff: signedIn };
  }
  if (auth.demoDevice !== undefined && deps.demoMode && isLoopback(address)) {
    const { kind, deviceId } = auth.demoDevice;
    if (kind === 'kiosk') {
      return deps.config.kiosks.some((k) => k.id === deviceId)
        ? { kind: 'kiosk', kioskId: deviceId }
        : domainError('UNAUTHENTICATED', `no kiosk ${deviceId} in the hall config`);
    }
    return { kind: 'display', displayId: deviceId };
  }
  return { kind: 'public' };
}
