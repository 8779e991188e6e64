import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubConnection } from '@antre/client';
import type { TestHub } from '@antre/hub/testing';
import { connect, demoHall, kioskCredentials, signIn, startTestHub, waitFor } from '@antre/hub/testing';

/**
 * The hall's devices over the wire: a hall supervisor lists them with their state, revokes a kiosk (its open
 * connection can no longer issue, and its next connect is refused), and rotates the pairing code. Nobody
 * else may.
 */

let hub: TestHub;
let pins: Map<string, string>;
const open: HubConnection[] = [];

async function online(credentials: Record<string, unknown> = {}): Promise<HubConnection> {
  const conn = connect(hub.url, credentials);
  open.push(conn);
  await waitFor(conn, () => conn.status === 'online' && conn.state !== undefined);
  return conn;
}

async function as(username: string): Promise<HubConnection> {
  const conn = await online();
  await signIn(conn, username, pins.get(username) ?? '');
  return conn;
}

beforeAll(async () => {
  const demo = await demoHall();
  pins = demo.pins;
  hub = await startTestHub({ config: demo.config });
});

afterAll(async () => {
  for (const c of open) c.close();
  await hub?.dispose();
});

describe('devices', () => {
  it('lists the config’s kiosks and displays, which are online, and the pairing code', async () => {
    await online(kioskCredentials('kiosk-1'));
    const supervisor = await as('supervisor');
    const reply = await supervisor.request('device:list', {});
    if (!reply.ok) throw new Error(reply.error.code);
    expect(reply.pairingCode).toBe(hub.pairingCode);
    const kiosk1 = reply.devices.find((d) => d.kind === 'kiosk' && d.deviceId === 'kiosk-1');
    expect(kiosk1).toMatchObject({ name: 'Kios Lobi Utama', online: true, lastSeenAt: hub.clock.now() });
    expect(reply.devices.find((d) => d.deviceId === 'kiosk-2')).toMatchObject({ online: false });
  });

  it('refuses counter staff and the public', async () => {
    const staff = await as('dukcapil1');
    for (const event of ['device:list', 'device:rotatePairingCode'] as const) {
      const reply = await staff.request(event, {});
      expect(reply.ok ? 'ok' : reply.error.code).toBe('FORBIDDEN');
    }
    const revoke = await (await online()).request('device:revoke', { kind: 'kiosk', deviceId: 'kiosk-1' });
    expect(revoke.ok ? 'ok' : revoke.error.code).toBe('UNAUTHENTICATED');
    expect(hub.store.auditEvents(Number.MAX_SAFE_INTEGER, 10)).toEqual([]);
  });

  it('revokes a kiosk: its next issue is refused, its reconnect too, and the audit trail says who', async () => {
    const kiosk = await online(kioskCredentials('kiosk-2'));
    const before = await kiosk.command({
      type: 'issueTicket',
      serviceId: 'perekaman-ktp-el',
      priority: 'none',
    });
    expect(before.ok).toBe(true);
    const supervisor = await as('supervisor');
    const revoked = await supervisor.request('device:revoke', { kind: 'kiosk', deviceId: 'kiosk-2' });
    expect(revoked.ok).toBe(true);
    const after = await kiosk.command({
      type: 'issueTicket',
      serviceId: 'perekaman-ktp-el',
      priority: 'none',
    });
    expect(after.ok).toBe(false);
    const issued = Object.values(hub.service.state.tickets).length;

    const again = connect(hub.url, kioskCredentials('kiosk-2'));
    open.push(again);
    await waitFor(again, () => again.refusal !== undefined);
    expect(again.refusal?.code).toBe('UNAUTHENTICATED');
    expect(Object.values(hub.service.state.tickets).length).toBe(issued);

    const audit = await supervisor.request('audit:query', { kind: 'device' });
    if (!audit.ok) throw new Error(audit.error.code);
    expect(audit.entries.map((e) => [e.action, e.subject, e.by])).toEqual([
      ['revoke', 'kiosk:kiosk-2', 'supervisor'],
    ]);
  });

  it('rotates the pairing code: the old one no longer enrols, the new one does and lifts a revocation', async () => {
    const old = hub.pairingCode;
    const supervisor = await as('supervisor');
    const rotated = await supervisor.request('device:rotatePairingCode', {});
    if (!rotated.ok) throw new Error(rotated.error.code);
    expect(rotated.pairingCode).not.toBe(old);
    const device = await online();
    const refused = await device.request('device:enrol', {
      pairingCode: old,
      kind: 'kiosk',
      deviceId: 'kiosk-2',
    });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('INVALID_PAIRING_CODE');
    const enrolled = await device.request('device:enrol', {
      pairingCode: rotated.pairingCode,
      kind: 'kiosk',
      deviceId: 'kiosk-2',
    });
    expect(enrolled.ok).toBe(true);
    const list = await supervisor.request('device:list', {});
    if (!list.ok) throw new Error(list.error.code);
    const kiosk2 = list.devices.find((d) => d.deviceId === 'kiosk-2');
    expect(kiosk2?.revokedAt).toBeUndefined();
    expect(kiosk2?.enrolledAt).toBe(hub.clock.now());
  });
});
