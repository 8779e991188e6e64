import type { Principal } from '@antre/shared';
import type { Device } from './device-registry.js';

interface Seen {
  open: number;
  lastSeenAt: number;
}

/**
 * Which kiosks and displays are connected now and when each was last seen, since the hub started: what the
 * supervisor's device list shows. In memory only: after a restart, a device is seen again when it reconnects.
 */
export class DevicePresence {
  private readonly seen = new Map<string, Seen>();

  connected(principal: Principal, now: number): void {
    const device = deviceOf(principal);
    if (!device) return;
    const s = this.seen.get(key(device)) ?? { open: 0, lastSeenAt: now };
    this.seen.set(key(device), { open: s.open + 1, lastSeenAt: now });
  }

  disconnected(principal: Principal, now: number): void {
    const device = deviceOf(principal);
    const s = device && this.seen.get(key(device));
    if (!device || !s) return;
    this.seen.set(key(device), { open: Math.max(0, s.open - 1), lastSeenAt: now });
  }

  of(device: Device): { online: boolean; lastSeenAt?: number } {
    const s = this.seen.get(key(device));
    return s ? { online: s.open > 0, lastSeenAt: s.lastSeenAt } : { online: false };
  }

  /** Every device seen since the start. */
  devices(): Device[] {
    return [...this.seen.keys()].map((k) => {
      const at = k.indexOf(':');
      return { kind: k.slice(0, at) as Device['kind'], deviceId: k.slice(at + 1) };
    });
  }
}

export function deviceOf(principal: Principal): Device | undefined {
  if (principal.kind === 'kiosk') return { kind: 'kiosk', deviceId: principal.kioskId };
  if (principal.kind === 'display') return { kind: 'display', deviceId: principal.displayId };
  return undefined;
}

function key(device: Device): string {
  return `${device.kind}:${device.deviceId}`;
}
