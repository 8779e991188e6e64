import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { HubConnection } from '@antre/client';
import type { ReadonlyTicket } from '@antre/shared';
import type { TestHub } from '@antre/hub/testing';
import { demoHall, screenshotPath, startTestHub, waitFor } from '@antre/hub/testing';
import {
  counterMachine,
  demoKiosk,
  finishUnstarted,
  feedbackSays,
  launchCounterBrowser,
  numberAfter,
  openCounter,
  signInAt,
} from './counter-harness.js';
import { CuttableLink } from './cuttable-link.js';

/**
 * Counter 2 reaches the hub through a link the test can cut (a pulled cable at one desk); counter 3 is
 * wired directly and keeps working. Then the hub itself restarts, and a session ends under the staff's feet.
 */
let hub: TestHub;
let browser: Browser;
let link: CuttableLink;
let kiosk: { conn: HubConnection; issue: (serviceId: string) => Promise<string> };
let loket2: Page;
let loket3: Page;

const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath('counter', name) });
const banner = (page: Page) => page.getByText('Terputus dari server antrean', { exact: false });

function ticket(displayNumber: string): ReadonlyTicket {
  const t = Object.values(hub.service.state.tickets).find((x) => x.displayNumber === displayNumber);
  if (!t) throw new Error(`no ticket ${displayNumber}`);
  return t;
}

function finishedEvents(displayNumber: string): number {
  const id = ticket(displayNumber).id;
  return hub.store
    .eventsSince(0, 100_000)
    .filter((e) => e.event.type === 'TicketFinished' && e.event.ticketId === id).length;
}

/** Set before a cut and read after it: still there means the page caught up without a reload. */
const markPage = (page: Page) => page.evaluate(() => Object.assign(window, { antreNoReload: true }));
const pageWasKept = (page: Page) => page.evaluate(() => 'antreNoReload' in window);

beforeAll(async () => {
  hub = await startTestHub({ config: (await demoHall()).config });
  link = await CuttableLink.start(hub.port);
  browser = await launchCounterBrowser();
  kiosk = await demoKiosk(hub);
  [loket2, loket3] = await Promise.all([counterMachine(browser), counterMachine(browser)]);
});

afterAll(async () => {
  kiosk?.conn.close();
  await browser?.close();
  await link?.close();
  await hub?.dispose();
});

describe('a counter that loses the hub', () => {
  it('says so at once, blocks call next, and sends a finish made offline exactly once on reconnect', async () => {
    for (let i = 0; i < 4; i++) await kiosk.issue('perekaman-ktp-el');
    await signInAt(loket2, link.url, 'dukcapil1', '381047', '2');
    await openCounter(loket2);
    await signInAt(loket3, hub.url, 'dukcapil2', '920364', '3');
    await openCounter(loket3);
    await loket2.keyboard.press('F1');
    expect(await numberAfter(loket2, undefined)).toBe('A-001');
    await loket2.keyboard.press('F3');
    await loket2.getByText('Sedang dilayani', { exact: true }).waitFor();
    await markPage(loket2);

    link.sever();
    await banner(loket2).waitFor({ timeout: 15_000 });
    expect(await loket2.locator('[data-action="callNext"]').isDisabled()).toBe(true);
    await loket2.keyboard.press('F1');
    await feedbackSays(loket2, 'Panggil berikutnya: butuh sambungan');

    await loket2.keyboard.press('F4');
    await feedbackSays(loket2, 'A-001: Selesai — akan dikirim saat tersambung kembali.');
    await loket2.getByText('Selesai — dikirim saat tersambung kembali').waitFor();
    await loket2.getByText('1 tindakan menunggu dikirim').waitFor();
    await loket2.keyboard.press('F4'); // a second press adds nothing, and says why
    await feedbackSays(loket2, 'Selesai: sudah dicatat, menunggu sambungan');
    await shot(loket2, '20-offline-finish-queued');
    expect(ticket('A-001').status).toBe('serving');

    // The hall carries on without counter 2.
    await loket3.keyboard.press('F1');
    expect(await numberAfter(loket3, undefined)).toBe('A-002');

    link.mend();
    await banner(loket2).waitFor({ state: 'detached', timeout: 10_000 });
    await feedbackSays(loket2, 'Selesai A-001 terkirim setelah tersambung kembali.');
    expect(ticket('A-001').status).toBe('done');
    expect(finishedEvents('A-001')).toBe(1);
    // Caught up with what happened meanwhile: A-002 went to counter 3, so A-003 is next here.
    await loket2.getByText('Belum ada pengunjung').waitFor();
    await loket2.getByTestId('upcoming').locator('li').first().getByText('A-003').waitFor();
    await loket2.getByTestId('served-today').filter({ hasText: '1' }).waitFor();
    expect(await pageWasKept(loket2)).toBe(true);
    await shot(loket2, '21-reconnected');
  });

  it('survives a hub restart: still signed in, and the state catches up without a reload', async () => {
    await loket2.keyboard.press('F1');
    expect(await numberAfter(loket2, undefined)).toBe('A-003');
    await markPage(loket2);

    hub = await hub.restart();
    await waitFor(kiosk.conn, () => kiosk.conn.status === 'online', 10_000);
    await kiosk.issue('perekaman-ktp-el');
    await loket2.getByTestId('upcoming').getByText('A-005').waitFor({ timeout: 10_000 });
    await banner(loket2).waitFor({ state: 'detached' });

    // Acting needs the staff session the hub kept in its store.
    await loket2.keyboard.press('F2');
    await feedbackSays(loket2, 'A-003 dipanggil ulang.');
    expect(ticket('A-003').calls).toHaveLength(2);
    expect(await pageWasKept(loket2)).toBe(true);
  });

  it('sends staff back to sign-in when their session ends; the called visitor waits to be finished', async () => {
    hub.store.db.prepare('DELETE FROM staff_sessions WHERE username = ?').run('dukcapil1');
    link.sever();
    link.mend();
    await loket2.getByText('Sesi Anda telah berakhir.', { exact: false }).waitFor({ timeout: 10_000 });
    await shot(loket2, '22-session-ended');
    expect(ticket('A-003')).toMatchObject({ status: 'called', counterId: 'loket-2' });

    await loket2.getByLabel('Nama pengguna').fill('dukcapil1');
    await loket2.getByLabel('PIN').fill('381047');
    await loket2.keyboard.press('Enter');
    // The machine remembers its counter: straight back to it, with the visitor still there.
    expect(await numberAfter(loket2, undefined)).toBe('A-003');
    await finishUnstarted(loket2);
    await feedbackSays(loket2, 'A-003 selesai dilayani.');
    expect(ticket('A-003').status).toBe('done');
  });
});
