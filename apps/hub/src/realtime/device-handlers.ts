import type { DeviceInfo, DomainError, HallConfig, Principal } from '@antre/shared';
import { authorizeHallAdmin, domainError } from '@antre/shared';
import type { DevicePresence } from '../auth/device-presence.js';
import type { Device, DeviceRegistry } from '../auth/device-registry.js';
import type { QueueService } from '../queue-service.js';
import type { RequestHandlers } from './request-handlers.js';

export interface DeviceHandlerDeps {
  config: () => HallConfig;
  devices: DeviceRegistry;
  presence: DevicePresence;
  service: QueueService;
  now: () => number;
  /** Takes a device's open connections away from it: they act as the public from now on. */
  cutDevice: (device: Device) => void;
}

/** The hall's devices for a hall supervisor: the list, revoking one, and the pairing code. */
export function deviceHandlers(
  deps: DeviceHandlerDeps,
): Pick<RequestHandlers, 'device:list' | 'device:revoke' | 'device:rotatePairingCode'> {
  return {
    'device:list': (_request, { data }) => {
      const refusal = hallAdmin(data.principal);
      if (refusal) return { ok: false, error: refusal };
      return { ok: true, devices: deviceList(deps), pairingCode: deps.devices.pairingCode };
    },

    'device:revoke': (device, { data, log }) => {
      const refusal = hallAdmin(data.principal);
      if (refusal || data.principal.kind !== 'staff')
        return { ok: false, error: refusal ?? unauthenticated() };
      deps.devices.revoke(device, deps.now());
      deps.cutDevice(device);
      const [logged] = deps.service.append([
        { type: 'DeviceRevoked', ...device, by: data.principal.staff.username },
      ]);
      log.info(device, 'device revoked');
      return { ok: true, seq: logged?.seq ?? deps.service.state.seq };
    },

    'device:rotatePairingCode': (_request, { data, log }) => {
      const refusal = hallAdmin(data.principal);
      if (refusal || data.principal.kind !== 'staff')
        return { ok: false, error: refusal ?? unauthenticated() };
      const pairingCode = deps.devices.rotatePairingCode();
      const [logged] = deps.service.append([
        { type: 'PairingCodeRotated', by: data.principal.staff.username },
      ]);
      log.info('pairing code rotated');
      return { ok: true, pairingCode, seq: logged?.seq ?? deps.service.state.seq };
    },
  };
}

function hallAdmin(principal: Principal): DomainError | undefined {
  return authorizeHallAdmin(principal);
}

function unauthenticated(): DomainError {
  return domainError('UNAUTHENTICATED', 'sign in as a supervisor');
}

/** The config's kiosks and displays, and every other device enrolled, revoked or seen, with their state. */
function deviceList(deps: DeviceHandlerDeps): DeviceInfo[] {
  const config = deps.config();
  const byKey = new Map<string, DeviceInfo>();
  const entry = (d: Device): DeviceInfo => {
    const key = `${d.kind}:${d.deviceId}`;
    let info = byKey.get(key);
    if (!info) {
      info = { kind: d.kind, deviceId: d.deviceId, ...deps.presence.of(d) };
      byKey.set(key, info);
    }
    return info;
  };
  for (const k of config.kiosks) entry({ kind: 'kiosk', deviceId: k.id }).name = k.name;
  for (const d of config.displays) entry({ kind: 'display', deviceId: d.id }).name = d.name;
  for (const d of deps.devices.list()) {
    const info = entry(d);
    if (d.enrolledAt !== undefined) info.enrolledAt = d.enrolledAt;
    if (d.revokedAt !== undefined) info.revokedAt = d.revokedAt;
  }
  for (const d of deps.presence.devices()) entry(d);
  return [...byKey.values()].sort((a, b) =>
    a.kind === b.kind ? a.deviceId.localeCompare(b.deviceId) : a.kind.localeCompare(b.kind),
  );
}
