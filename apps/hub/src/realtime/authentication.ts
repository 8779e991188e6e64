import type { DomainError, Handshake, HallConfig, Principal, SignedInStaff } from '@antre/shared';
import {
  PROTOCOL_VERSION,
  afterWrongPassword,
  domainError,
  handshakeSchema,
  lockedForMs,
} from '@antre/shared';
import type { PasswordFailures } from '../auth/password-failures.js';
import type { DeviceRegistry } from '../auth/device-registry.js';
import { verifyPin } from '../auth/pin-hash.js';
import type { SignInThrottle } from '../auth/sign-in-throttle.js';
import type { StaffSessions } from '../auth/staff-sessions.js';
import { TokenBucket } from '../auth/token-bucket.js';
import type { SocketData } from './connection.js';
import type { RequestHandlers } from './request-handlers.js';

/** What authentication reads: the hall's staff and kiosks, sessions, enrolled devices, the throttles. */
export interface AuthenticationDeps {
  /** The hall config now: it changes while the hub runs. */
  config: () => HallConfig;
  sessions: StaffSessions;
  devices: DeviceRegistry;
  throttle: SignInThrottle;
  /** Trust kiosks and displays on the hub's own machine without enrolment. */
  demoMode: boolean;
  /** The PIN hash an active staff account signs in with; undefined for an unknown or inactive one. */
  pinHash: (username: string) => string | undefined;
  /** The password hash of an active account that has set one. */
  passwordHash: (username: string) => string | undefined;
  /** Wrong passwords in a row per account, for the lockout. */
  passwordFailures: PasswordFailures;
  now: () => number;
}

/**
 * Who a new connection is, from its handshake `auth`: a device token, a staff session, a demo device on the
 * hub's own machine, or the public. The principal, or the refusal the client gets as its connect error.
 */
export function authenticateHandshake(
  auth: unknown,
  address: string,
  deps: AuthenticationDeps,
): SocketData | DomainError {
  const parsed = handshakeSchema.safeParse(auth ?? {});
  if (!parsed.success || parsed.data.protocol !== PROTOCOL_VERSION) {
    return domainError('PROTOCOL_MISMATCH', `this hub speaks protocol ${PROTOCOL_VERSION}`);
  }
  const principal = resolvePrincipal(parsed.data, address, deps);
  if ('code' in principal) return principal;
  const { sessionToken } = parsed.data;
  return sessionToken !== undefined && principal.kind === 'staff'
    ? { principal, sessionToken }
    : { principal };
}

/** Sign-in, sign-out and enrolment: the requests that change who a connection is. */
export function authenticationHandlers(
  deps: AuthenticationDeps,
): Pick<RequestHandlers, 'staff:signIn' | 'staff:signOut' | 'device:enrol' | 'staff:signInPassword'> {
  const enrolLimiter = new TokenBucket(5 / 60, 5, deps.now);
  return {
    'staff:signIn': async ({ username, pin }, connection) => {
      const now = deps.now();
      // Per user and address: guessing from one machine slows down, without locking the user out elsewhere.
      const throttleKey = `${username}@${connection.address}`;
      const wait = deps.throttle.waitMs(throttleKey, now);
      if (wait > 0) {
        return {
          ok: false,
          error: domainError('RATE_LIMITED', 'too many wrong PINs', { retryAfterMs: wait }),
        };
      }
      const staff = deps.config().staff.find((s) => s.username === username);
      // Verify against a dummy hash for unknown names, so timing does not reveal which names exist.
      const hash = staff && deps.pinHash(staff.username);
      const valid = await verifyPin(pin, hash ?? DUMMY_HASH);
      if (!staff || hash === undefined || !valid) {
        deps.throttle.failed(throttleKey, now);
        connection.log.warn({ username }, 'sign-in failed');
        return { ok: false, error: domainError('INVALID_CREDENTIALS', 'wrong user name or PIN') };
      }
      // Once set, the password is the account's sign-in: the PIN alone would make it pointless.
      if (deps.passwordHash(staff.username) !== undefined) {
        return {
          ok: false,
          error: domainError('INVALID_CREDENTIALS', 'this account signs in with its password', {
            passwordRequired: true,
          }),
        };
      }
      deps.throttle.succeeded(throttleKey);
      const sessionToken = deps.sessions.create(staff.username, now);
      const signedIn = signedInStaff(staff);
      connection.data.principal = { kind: 'staff', staff: signedIn };
      connection.data.sessionToken = sessionToken;
      connection.log.info({ username }, 'staff signed in');
      return { ok: true, sessionToken, staff: signedIn };
    },

    'staff:signInPassword': async ({ username, password }, connection) => {
      const now = deps.now();
      const throttleKey = `${username}@${connection.address}`;
      const failures = deps.passwordFailures.of(username);
      const wait = Math.max(deps.throttle.waitMs(throttleKey, now), lockedForMs(failures, now));
      if (wait > 0) {
        return {
          ok: false,
          error: domainError('RATE_LIMITED', 'too many wrong passwords: locked for now', {
            retryAfterMs: wait,
          }),
        };
      }
      const staff = deps.config().staff.find((s) => s.username === username);
      const hash = staff && deps.passwordHash(staff.username);
      const valid = await verifyPin(password, hash ?? DUMMY_HASH);
      if (!staff || hash === undefined || !valid) {
        deps.throttle.failed(throttleKey, now);
        // Counted per account that has a password; made-up names fill no table.
        if (hash !== undefined) deps.passwordFailures.save(username, afterWrongPassword(failures, now));
        connection.log.warn({ username }, 'password sign-in failed');
        return { ok: false, error: domainError('INVALID_CREDENTIALS', 'wrong user name or password') };
      }
      deps.throttle.succeeded(throttleKey);
      deps.passwordFailures.clear(username);
      const sessionToken = deps.sessions.create(staff.username, now);
      const signedIn = signedInStaff(staff);
      connection.data.principal = { kind: 'staff', staff: signedIn };
      connection.data.sessionToken = sessionToken;
      connection.log.info({ username }, 'staff signed in with a password');
      return { ok: true, sessionToken, staff: signedIn };
    },

    'staff:signOut': (_request, connection) => {
      if (connection.data.sessionToken !== undefined) deps.sessions.revoke(connection.data.sessionToken);
      delete connection.data.sessionToken;
      connection.data.principal = { kind: 'public' };
      return { ok: true };
    },

    'device:enrol': ({ pairingCode, kind, deviceId }, connection) => {
      // Six digits would fall to guessing without a limit per address.
      if (!enrolLimiter.take(connection.address)) {
        return { ok: false, error: domainError('RATE_LIMITED', 'too many enrolment attempts') };
      }
      if (kind === 'kiosk' && !deps.config().kiosks.some((k) => k.id === deviceId)) {
        return {
          ok: false,
          error: domainError('VALIDATION_FAILED', `no kiosk ${deviceId} in the hall config`),
        };
      }
      const deviceToken = deps.devices.enrol(pairingCode, { kind, deviceId }, deps.now());
      if (deviceToken === undefined) {
        return { ok: false, error: domainError('INVALID_PAIRING_CODE', 'wrong pairing code') };
      }
      connection.data.principal =
        kind === 'kiosk' ? { kind, kioskId: deviceId } : { kind, displayId: deviceId };
      connection.log.info({ kind, deviceId }, 'device enrolled');
      return { ok: true, deviceToken, deviceId, kind };
    },
  } satisfies Pick<
    RequestHandlers,
    'staff:signIn' | 'staff:signOut' | 'device:enrol' | 'staff:signInPassword'
  >;
}

const DUMMY_HASH = `scrypt$${'00'.repeat(16)}$${'00'.repeat(32)}`;

type StaffEntry = HallConfig['staff'][number];

function signedInStaff(staff: StaffEntry): SignedInStaff {
  const signedIn: SignedInStaff = { username: staff.username, name: staff.name, role: staff.role };
  if (staff.agencyId !== undefined) signedIn.agencyId = staff.agencyId;
  return signedIn;
}

function isLoopback(address: string): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

function resolvePrincipal(
  auth: Handshake,
  address: string,
  deps: AuthenticationDeps,
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
    const staff =
      username === undefined ? undefined : deps.config().staff.find((s) => s.username === username);
    if (!staff) return domainError('UNAUTHENTICATED', 'the session has expired: sign in again');
    return { kind: 'staff', staff: signedInStaff(staff) };
  }
  if (auth.demoDevice !== undefined && deps.demoMode && isLoopback(address)) {
    const { kind, deviceId } = auth.demoDevice;
    if (deps.devices.isRevoked({ kind, deviceId })) {
      return domainError(
        'UNAUTHENTICATED',
        `${kind} ${deviceId} was revoked: enrol it with the pairing code`,
      );
    }
    if (kind === 'kiosk') {
      return deps.config().kiosks.some((k) => k.id === deviceId)
        ? { kind: 'kiosk', kioskId: deviceId }
        : domainError('UNAUTHENTICATED', `no kiosk ${deviceId} in the hall config`);
    }
    return { kind: 'display', displayId: deviceId };
  }
  return { kind: 'public' };
}
