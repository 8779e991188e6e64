import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { HubConnection } from '@antre/client';
import type { ReadonlyTicket } from '@antre/shared';
import type { TestHub } from '@antre/hub/testing';
import { demoHall, screenshotPath, startTestHub } from '@antre/hub/testing';
import {
  confirmDialog,
  finishUnstarted,
  counterMachine,
  currentNumber,
  demoKiosk,
  feedbackSays,
  launchCounterBrowser,
  numberAfter,
  openCounter,
  refusedAsTyped,
  signInAt,
  waitingAt,
} from './counter-harness.js';

/**
 * A morning at the hall: two Disdukcapil counters (2 and 3) and the information desk (counter 1),
 * each its own browser profile at 1366×768, against a real hub; tickets come from a kiosk through the contract.
 * The steps build on each other, as the day does.
 */
let hub: TestHub;
let browser: Browser;
let kiosk: {
  conn: HubConnection;
  issue: (serviceId: string, priority?: ReadonlyTicket['priority']) => Promise<string>;
};
let loket2: Page;
let loket3: Page;
let loket1: Page;

const MINUTE = 60_000;
const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath('counter', name) });

function ticket(displayNumber: string): ReadonlyTicket {
  const t = Object.values(hub.service.state.tickets).find((x) => x.displayNumber === displayNumber);
  if (!t) throw new Error(`no ticket ${displayNumber}`);
  return t;
}

function eventsFor(type: string, displayNumber: string): number {
  const id = ticket(displayNumber).id;
  return hub.store
    .eventsSince(0, 100_000)
    .filter((e) => e.event.type === type && 'ticketId' in e.event && e.event.ticketId === id).length;
}

beforeAll(async () => {
  hub = await startTestHub({ config: (await demoHall()).config });
  browser = await launchCounterBrowser();
  kiosk = await demoKiosk(hub);
  [loket2, loket3, loket1] = await Promise.all([
    counterMachine(browser),
    counterMachine(browser),
    counterMachine(browser),
  ]);
});

afterAll(async () => {
  kiosk?.conn.close();
  await browser?.close();
  await hub?.dispose();
});

describe('counter staff at work', () => {
  it('signs in, opens the counter and serves one visit with the keyboard only', async () => {
    for (let i = 0; i < 3; i++) await kiosk.issue('perekaman-ktp-el');
    await kiosk.issue('cetak-ulang-ktp-el', 'elderly');
    hub.clock.advance(12 * MINUTE);

    await loket2.goto(`${hub.url}/counter/`);
    await loket2.getByLabel('Nama pengguna').waitFor();
    await shot(loket2, '01-sign-in');
    await loket2.keyboard.type('dukcapil1');
    await loket2.keyboard.press('Tab');
    await loket2.keyboard.type('381047');
    await loket2.keyboard.press('Enter');
    await loket2.getByRole('heading', { name: 'Pilih loket' }).waitFor();
    await shot(loket2, '02-choose-counter');
    // Only Disdukcapil's counters are offered to a Disdukcapil officer.
    expect(await loket2.locator('.counter-card strong').allTextContents()).toEqual([
      'Loket 2',
      'Loket 3',
      'Loket 4',
      'Loket 5',
    ]);
    await loket2.keyboard.press('Enter');
    await loket2.getByText('Loket tutup').waitFor();
    await shot(loket2, '03-counter-closed');
    await loket2.keyboard.press('Enter');
    await loket2.getByText('Belum ada pengunjung').waitFor();
    expect(hub.service.state.counters['loket-2']?.status).toBe('open');

    // F1: the priority visitor (elderly) goes first.
    await loket2.keyboard.press('F1');
    expect(await numberAfter(loket2, undefined)).toBe('B-001');
    await feedbackSays(loket2, 'B-001 dipanggil ke loket 2.');
    await loket2.getByText('Lansia').first().waitFor();
    await shot(loket2, '04-called');

    // Every action answers on screen with the hub's answer.
    await loket2.keyboard.press('F2');
    await feedbackSays(loket2, 'B-001 dipanggil ulang.');
    expect(ticket('B-001').calls.map((c) => c.recall)).toEqual([false, true]);
    await loket2.getByText('2×').waitFor();

    await loket2.keyboard.press('F3');
    await loket2.getByText('Sedang dilayani', { exact: true }).waitFor();
    expect(ticket('B-001').status).toBe('serving');
    // Service time runs on the hub's clock: 6 minutes pass, and a new ticket tells the counter the time.
    hub.clock.advance(6 * MINUTE);
    await kiosk.issue('perekaman-ktp-el');
    await loket2
      .getByTestId('service-timer')
      .filter({ hasText: /^6:0\d$/ })
      .waitFor();
    await shot(loket2, '05-serving');

    await loket2.keyboard.press('F4');
    await feedbackSays(loket2, 'B-001 selesai dilayani.');
    expect(ticket('B-001').status).toBe('done');
    await loket2.getByTestId('served-today').filter({ hasText: '1' }).waitFor();
    expect(await loket2.getByTestId('average-service').textContent()).toBe('6:00');
    await shot(loket2, '06-finished');
  });

  it('calls a number, holds it while the visitor fetches a document, and calls it again', async () => {
    await loket2.keyboard.press('F8');
    await loket2.keyboard.type('a3');
    await loket2.getByText('A-003 · Perekaman KTP-el · menunggu').waitFor();
    await shot(loket2, '07-call-number');
    await confirmDialog(loket2);
    expect(await numberAfter(loket2, undefined)).toBe('A-003');

    await loket2.keyboard.press('F6');
    await feedbackSays(loket2, 'A-003 ditahan.');
    await loket2.getByTestId('held').getByText('A-003').waitFor();
    expect(ticket('A-003').status).toBe('held');
    await shot(loket2, '08-held');

    // The held ticket is offered in the call-number dialog; the number typed works as well.
    await loket2.keyboard.press('F8');
    await loket2.getByRole('dialog').getByRole('button', { name: 'A-003' }).waitFor();
    await loket2.keyboard.type('A-003');
    await confirmDialog(loket2);
    expect(await numberAfter(loket2, undefined)).toBe('A-003');
    expect(ticket('A-003').status).toBe('called');
    await finishUnstarted(loket2);
    await loket2.getByText('Belum ada pengunjung').waitFor();
  });

  it('marks a no-show and puts the late visitor back at the front of the queue', async () => {
    await loket2.keyboard.press('F1');
    expect(await numberAfter(loket2, undefined)).toBe('A-001');
    // Just called and never recalled: the hall's safeguards ask before the visitor loses their turn.
    await loket2.keyboard.press('F5');
    await loket2.getByRole('dialog').getByText('Catat A-001 tidak hadir?').waitFor();
    // F5 and Enter in a hurry record nothing: staff first say they made sure (Space on the box).
    await loket2.keyboard.press('Enter');
    expect(ticket('A-001').status).toBe('called');
    await loket2.keyboard.press('Space');
    await confirmDialog(loket2);
    await feedbackSays(loket2, 'A-001 dicatat tidak hadir.');
    expect(ticket('A-001').status).toBe('no_show');

    await loket2.keyboard.press('F9');
    await loket2.getByRole('option', { name: /A-001/ }).waitFor();
    await shot(loket2, '09-put-back');
    await confirmDialog(loket2);
    await feedbackSays(loket2, 'A-001 dikembalikan ke depan antrean.');
    expect(ticket('A-001').status).toBe('waiting');
    await loket2.getByTestId('upcoming').locator('li').first().getByText('A-001').waitFor();

    await loket2.keyboard.press('F1');
    expect(await numberAfter(loket2, undefined)).toBe('A-001');
    await finishUnstarted(loket2);
    await loket2.getByText('Belum ada pengunjung').waitFor();
  });

  it('refuses what another counter has taken or this counter does not serve, and says why', async () => {
    await signInAt(loket3, hub.url, 'dukcapil2', '920364', '3');
    await openCounter(loket3);
    await signInAt(loket1, hub.url, 'info1', '572913', '1');
    await openCounter(loket1);

    await loket2.keyboard.press('F1');
    expect(await numberAfter(loket2, undefined)).toBe('A-002');
    await loket3.keyboard.press('F8');
    await loket3.keyboard.type('A-002');
    await refusedAsTyped(loket3, 'A-002 sudah dipanggil di loket 2.');
    await shot(loket3, '10-refused-taken');
    await loket3.keyboard.press('Escape');

    await loket1.keyboard.press('F8');
    await loket1.keyboard.type('A-004');
    await refusedAsTyped(
      loket1,
      'A-004 adalah antrean Perekaman KTP-el · Disdukcapil; loket ini tidak melayani layanan itu.',
    );
    await loket1.keyboard.press('Escape');
    expect(ticket('A-004').status).toBe('waiting');

    await finishUnstarted(loket2);
    await loket2.getByText('Belum ada pengunjung').waitFor();
  });

  it('sends a visitor from the information desk to Disdukcapil, keeping the number, then on to counter 3', async () => {
    await waitingAt(loket1, await kiosk.issue('informasi-pengaduan'));
    await loket1.keyboard.press('F1');
    expect(await numberAfter(loket1, undefined)).toBe('IN-001');

    await loket1.keyboard.press('F7');
    await loket1.keyboard.type('perekaman');
    await loket1.getByRole('option', { selected: true }).getByText('Perekaman KTP-el').waitFor();
    await shot(loket1, '11-transfer-search');
    await confirmDialog(loket1);
    await feedbackSays(loket1, 'IN-001 dialihkan ke Perekaman KTP-el · Disdukcapil.');
    expect(ticket('IN-001')).toMatchObject({ status: 'waiting', serviceId: 'perekaman-ktp-el' });

    // The visitor waited already: first in line at Disdukcapil, ahead of A-004 who came earlier.
    await loket2.getByTestId('upcoming').locator('li').first().getByText('IN-001').waitFor();
    await loket2.keyboard.press('F1');
    expect(await numberAfter(loket2, undefined)).toBe('IN-001');
    await loket2.getByText('Dialihkan dari Informasi dan pengaduan · Loket 1').waitFor();
    await shot(loket2, '12-transferred-in');

    // On to counter 3 by its number: only counter 3 may call it now.
    await loket2.keyboard.press('F7');
    await loket2.keyboard.type('3');
    await loket2.getByRole('option', { selected: true }).getByText('Loket 3').waitFor();
    await confirmDialog(loket2);
    await feedbackSays(loket2, 'IN-001 dialihkan ke Loket 3.');
    expect(ticket('IN-001').targetCounterId).toBe('loket-3');
    await loket3.getByText('dialihkan ke loket ini').waitFor();
    await loket2.keyboard.press('F8');
    await loket2.keyboard.type('IN-001');
    await refusedAsTyped(loket2, 'IN-001 dialihkan khusus ke loket 3.');
    await loket2.keyboard.press('Escape');

    await loket3.keyboard.press('F1');
    expect(await numberAfter(loket3, undefined)).toBe('IN-001');
    expect(ticket('IN-001').transfers).toHaveLength(2);
    await finishUnstarted(loket3);
    await loket3.getByText('Belum ada pengunjung').waitFor();
  });

  it('two counters pressing call next at the same moment never get the same ticket', async () => {
    for (let i = 0; i < 6; i++) await kiosk.issue('perekaman-ktp-el');
    await Promise.all([waitingAt(loket2, 'A-010'), waitingAt(loket3, 'A-010')]);
    // Waiting now, in call order: A-004 … A-010.
    const order = ['A-004', 'A-005', 'A-006', 'A-007', 'A-008', 'A-009'];
    let previous2: string | undefined;
    let previous3: string | undefined;
    for (let round = 0; round < 3; round++) {
      if (round > 0) {
        // Each visitor came: serving them first, so that call next ends their visit without asking.
        await Promise.all([loket2.keyboard.press('F3'), loket3.keyboard.press('F3')]);
        await loket2.getByText('Sedang dilayani', { exact: true }).waitFor();
        await loket3.getByText('Sedang dilayani', { exact: true }).waitFor();
      }
      await Promise.all([loket2.keyboard.press('F1'), loket3.keyboard.press('F1')]);
      const [n2, n3] = await Promise.all([numberAfter(loket2, previous2), numberAfter(loket3, previous3)]);
      // The loser of the race gets the next ticket: together they took exactly the next two.
      expect([n2, n3].sort()).toEqual(order.slice(round * 2, round * 2 + 2));
      previous2 = n2;
      previous3 = n3;
    }
    await shot(loket3, '13-race');
    for (const n of order) expect(eventsFor('TicketCalled', n)).toBe(1);
  });

  it('warns before closing a counter while visitors still wait for it', async () => {
    await finishUnstarted(loket3);
    await loket3.getByText('Belum ada pengunjung').waitFor();
    await loket3.getByRole('button', { name: 'Tutup', exact: true }).click();
    const dialog = loket3.getByRole('dialog');
    await dialog
      .getByText(
        'Masih ada 1 antrean menunggu untuk layanan loket ini. 1 loket lain masih buka untuk layanan ini.',
      )
      .waitFor();
    await shot(loket3, '14-close-warning');
    await confirmDialog(loket3);
    await loket3.getByText('Loket tutup').waitFor();
    expect(hub.service.state.counters['loket-3']?.status).toBe('closed');
  });

  it('signing out returns the called visitor to the front of the queue and closes the counter', async () => {
    const called = (await currentNumber(loket2).textContent()) ?? '';
    await loket2.getByRole('button', { name: 'Keluar' }).click();
    const dialog = loket2.getByRole('dialog');
    await dialog.getByText(`${called} masih dipanggil di loket ini.`).waitFor();
    await dialog.getByLabel(`Kembalikan ${called} ke antrean lalu keluar`).check();
    await shot(loket2, '15-sign-out');
    await confirmDialog(loket2);
    await loket2.getByText('Anda telah keluar.').waitFor();
    expect(ticket(called).status).toBe('waiting');
    expect(hub.service.state.counters['loket-2']).toMatchObject({ status: 'closed' });
    expect(hub.service.state.counters['loket-2']?.currentTicketId).toBeUndefined();
  });

  it('speaks English on request', async () => {
    await loket1.getByRole('button', { name: 'English', exact: true }).click();
    await loket1.getByText('Counter 1').waitFor();
    // Nobody waits: F1 is not offered, says why, and the key answers with the same reason.
    await loket1.getByText('Nobody is waiting').first().waitFor();
    const callNext = loket1.locator('[data-action="callNext"]');
    expect(await callNext.isDisabled()).toBe(true);
    await callNext.getByText('nobody waiting').waitFor();
    await loket1.keyboard.press('F1');
    await feedbackSays(loket1, 'Call next: nobody waiting');
    await shot(loket1, '16-english');
  });

  it('lets a supervisor take any counter, and uses a full-HD screen well', async () => {
    await kiosk.issue('paspor-baru', 'disability');
    await kiosk.issue('penggantian-paspor');
    const supervisor = await counterMachine(browser, { width: 1920, height: 1080 });
    await supervisor.goto(`${hub.url}/counter/`);
    await supervisor.getByLabel('Nama pengguna').fill('supervisor');
    await supervisor.getByLabel('PIN').fill('246810');
    await supervisor.keyboard.press('Enter');
    await supervisor.getByPlaceholder('Cari loket, instansi, atau layanan…').fill('imigrasi');
    expect(await supervisor.locator('.counter-card strong').allTextContents()).toEqual([
      'Loket 16',
      'Loket 17',
    ]);
    await shot(supervisor, '17-supervisor-picker');
    await supervisor.getByRole('button', { name: /^Loket 16\b/ }).click();
    await openCounter(supervisor);
    await supervisor.keyboard.press('F1');
    expect(await numberAfter(supervisor, undefined)).toBe('K-001');
    await supervisor.getByText('Disabilitas').first().waitFor();
    await shot(supervisor, '18-full-hd');
    await supervisor.context().close();
  });
});
