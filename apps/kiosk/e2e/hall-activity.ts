import type { Server } from 'node:http';
import type { HubConnection } from '@antre/client';
import type { TestHub } from '@antre/hub/testing';
import { connect, kioskCredentials, signIn, waitFor } from '@antre/hub/testing';

/** Connects as a device or a signed-in staff member and waits until the queue has arrived. */
async function onlineClient(hub: TestHub, credentials = {}): Promise<HubConnection> {
  const conn = connect(hub.url, credentials);
  await waitFor(
    conn,
    () => conn.status === 'online' && conn.state !== undefined && conn.config !== undefined,
  );
  return conn;
}

/**
 * A morning's queue, so the kiosk shows real numbers: counters open, tickets waiting in several
 * services, a few served (for the average service time), and one service's quota used up.
 */
export async function busyMorning(hub: TestHub, pins: Map<string, string>): Promise<HubConnection[]> {
  const kiosk = await onlineClient(hub, kioskCredentials('kiosk-2'));
  const supervisor = await onlineClient(hub);
  await signIn(supervisor, 'supervisor', pins.get('supervisor') ?? '');
  for (const counterId of ['loket-2', 'loket-3', 'loket-4', 'loket-6', 'loket-9', 'loket-11']) {
    await supervisor.command({ type: 'setCounterStatus', counterId, status: 'open' });
  }
  const plan: Array<[string, number]> = [
    ['perekaman-ktp-el', 9],
    ['kartu-keluarga', 4],
    ['akta-kelahiran', 3],
    ['pajak-kendaraan-tahunan', 6],
    ['paspor-baru', 5],
    ['skck', 7],
    ['pendaftaran-jkn-mandiri', 2],
    ['pbb-bphtb', 1],
  ];
  for (const [serviceId, n] of plan) {
    for (let i = 0; i < n; i++) await kiosk.command({ type: 'issueTicket', serviceId });
  }
  // The day's quota of the hajj registration is taken.
  const hajj = hub.service.config.services.find((s) => s.id === 'pendaftaran-haji')?.dailyQuota ?? 0;
  for (let i = 0; i < hajj; i++) await kiosk.command({ type: 'issueTicket', serviceId: 'pendaftaran-haji' });
  // Two visitors served at loket-2 in 8 and 12 minutes.
  for (const minutes of [8, 12]) {
    await supervisor.command({ type: 'callNext', counterId: 'loket-2' });
    hub.clock.advance(minutes * 60_000);
    await supervisor.command({ type: 'finish', counterId: 'loket-2' });
  }
  return [kiosk, supervisor];
}

/**
 * Stops the hub as a crash or a cut cable would look to its clients. Hub.close() waits for every HTTP
 * connection to end, and a browser's lingering keep-alive connection can hold it for many seconds; the
 * connections are cut here at once instead.
 */
export async function stopHub(hub: TestHub): Promise<void> {
  const closing = hub.close();
  (hub.io as unknown as { httpServer: Server }).httpServer.closeAllConnections();
  await closing;
}
