// A busy morning in the demo hall, made through the hub's contract exactly as kiosks and counters do.

import type { HubConnection } from '@antre/client';
import type { CommandInput } from '@antre/shared';
import type { TestHub } from '@antre/hub/testing';
import { connect, kioskCredentials, signIn, waitFor } from '@antre/hub/testing';

export interface Staff {
  conn: HubConnection;
  username: string;
}

export interface HallScene {
  kiosk: HubConnection;
  staff: Map<string, Staff>;
  /** Runs a command and throws on refusal. */
  run(conn: HubConnection, command: CommandInput): Promise<void>;
  /** Issues `count` tickets for a service. */
  issue(serviceId: string, count?: number): Promise<void>;
  /** Calls the next visitor at a counter; returns the display number called. */
  callNext(counterId: string): Promise<string>;
  recall(counterId: string): Promise<void>;
  /** Signs the staff in again (sessions end with the hub process). */
  signInAll(): Promise<void>;
  close(): void;
}

/** Which staff member works which counters. */
const ROSTER: Record<string, string[]> = {
  info1: ['loket-1'],
  dukcapil1: ['loket-2', 'loket-3', 'loket-4', 'loket-5'],
  samsat1: ['loket-6', 'loket-7'],
  nagari1: ['loket-9', 'loket-10'],
  bpjskes1: ['loket-12'],
  polres1: ['loket-14', 'loket-15'],
  imigrasi1: ['loket-16', 'loket-17'],
  dpmptsp1: ['loket-18'],
  kpp1: ['loket-21'],
};

export async function hallScene(hub: () => TestHub, pins: ReadonlyMap<string, string>): Promise<HallScene> {
  const kiosk = connect(hub().url, kioskCredentials());
  const staff = new Map<string, Staff>();
  for (const username of Object.keys(ROSTER)) staff.set(username, { conn: connect(hub().url), username });
  const all = [kiosk, ...[...staff.values()].map((s) => s.conn)];
  await Promise.all(all.map((c) => waitFor(c, () => c.status === 'online' && c.state !== undefined)));

  const staffFor = (counterId: string): HubConnection => {
    const username = Object.entries(ROSTER).find(([, counters]) => counters.includes(counterId))?.[0];
    const member = username === undefined ? undefined : staff.get(username);
    if (!member) throw new Error(`no staff for ${counterId}`);
    return member.conn;
  };

  const run = async (conn: HubConnection, command: CommandInput) => {
    await waitFor(conn, () => conn.status === 'online', 10_000);
    const reply = await conn.command(command);
    if (!reply.ok) throw new Error(`${command.type} refused: ${reply.error.code} ${reply.error.message}`);
  };

  const signInAll = async () => {
    for (const member of staff.values()) {
      // Right after a hub restart a connection may still believe it is online: retry until the new hub answers.
      const deadline = Date.now() + 10_000;
      for (;;) {
        await waitFor(member.conn, () => member.conn.status === 'online', 10_000);
        try {
          await signIn(member.conn, member.username, pins.get(member.username) ?? '');
          break;
        } catch (err) {
          if (Date.now() > deadline) throw err;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    }
  };

  const scene: HallScene = {
    kiosk,
    staff,
    run,
    signInAll,
    async issue(serviceId, count = 1) {
      for (let i = 0; i < count; i++) await run(kiosk, { type: 'issueTicket', serviceId });
    },
    async callNext(counterId) {
      const conn = staffFor(counterId);
      await waitFor(conn, () => conn.status === 'online', 10_000);
      // Whoever the counter called before has been served: the scene is about the calls.
      const reply = await conn.command({ type: 'callNext', counterId, previous: 'served' });
      if (!reply.ok) throw new Error(`callNext ${counterId}: ${reply.error.code}`);
      const called = reply.events.find((e) => e.event.type === 'TicketCalled')?.event;
      if (called?.type !== 'TicketCalled') throw new Error('no TicketCalled');
      // Calls a second apart, as at a real hall: the order by time is then unambiguous.
      hub().clock.advance(1000);
      return conn.state?.tickets[called.ticketId]?.displayNumber ?? '?';
    },
    async recall(counterId) {
      await run(staffFor(counterId), { type: 'recall', counterId });
      hub().clock.advance(1000);
    },
    close() {
      for (const c of all) c.close();
    },
  };

  await signInAll();
  for (const [username, counters] of Object.entries(ROSTER)) {
    const member = staff.get(username);
    for (const counterId of counters) {
      if (member) await run(member.conn, { type: 'setCounterStatus', counterId, status: 'open' });
    }
  }
  return scene;
}

/** Tickets waiting across the hall, and a morning's worth of calls already made. */
export async function busyMorning(scene: HallScene, hub: () => TestHub): Promise<void> {
  const waiting: Array<[string, number]> = [
    ['informasi-pengaduan', 3],
    ['perekaman-ktp-el', 9],
    ['cetak-ulang-ktp-el', 4],
    ['kartu-keluarga', 6],
    ['akta-kelahiran', 3],
    ['pajak-kendaraan-tahunan', 7],
    ['pengesahan-stnk-5-tahunan', 2],
    ['pembayaran-pajak-retribusi', 3],
    ['pendaftaran-jkn-mandiri', 4],
    ['skck', 8],
    ['paspor-baru', 5],
    ['penggantian-paspor', 2],
    ['perizinan-berusaha', 2],
    ['aktivasi-npwp-efin', 3],
  ];
  for (const [serviceId, count] of waiting) await scene.issue(serviceId, count);
  hub().clock.advance(5 * 60_000);
  for (const counterId of [
    'loket-2',
    'loket-6',
    'loket-14',
    'loket-16',
    'loket-3',
    'loket-9',
    'loket-12',
    'loket-7',
  ]) {
    await scene.callNext(counterId);
  }
  // Two counters begin serving, one pauses for a break.
  await scene.run(scene.staff.get('dukcapil1')?.conn ?? scene.kiosk, {
    type: 'startServing',
    counterId: 'loket-2',
  });
  await scene.run(scene.staff.get('samsat1')?.conn ?? scene.kiosk, {
    type: 'startServing',
    counterId: 'loket-6',
  });
  await scene.run(scene.staff.get('nagari1')?.conn ?? scene.kiosk, {
    type: 'setCounterStatus',
    counterId: 'loket-10',
    status: 'paused',
    reason: 'istirahat',
  });
}
