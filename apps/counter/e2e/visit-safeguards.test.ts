import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { HubConnection } from '@antre/client';
import type { ReadonlyTicket } from '@antre/shared';
import type { TestHub } from '@antre/hub/testing';
import { demoHall, screenshotPath, startTestHub } from '@antre/hub/testing';
import {
  confirmDialog,
  counterMachine,
  demoKiosk,
  feedbackSays,
  launchCounterBrowser,
  numberAfter,
  openCounter,
  refusedAsTyped,
  signInAt,
  waitingAt,
} from './counter-harness.js';
import { CuttableLink } from './cuttable-link.js';

/**
 * What staff at a 1366×768 laptop must never get wrong: a visitor only called is not recorded as served, a
 * no-show is not recorded in a hurry, a transfer into a closed queue is said aloud and carries a note, and
 * every refusal is one sentence in one place. Counter 2 (Disdukcapil) works directly on the hub, counter 3
 * through a link the test can cut, counter 14 (Polres) receives a transfer.
 */
let hub: TestHub;
let browser: Browser;
let link: CuttableLink;
let pins: Map<string, string>;
let kiosk: { conn: HubConnection; issue: (serviceId: string) => Promise<string> };
let loket2: Page;
let loket3: Page;
let loket14: Page;

const NOTE = 'KK lama sudah diperiksa, tinggal legalisir';
const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath('counter', name) });
const pin = (username: string) => pins.get(username) ?? '';

function ticket(displayNumber: string): ReadonlyTicket {
  const t = Object.values(hub.service.state.tickets).find((x) => x.displayNumber === displayNumber);
  if (!t) throw new Error(`no ticket ${displayNumber}`);
  return t;
}

function logged(type: string, displayNumber: string): number {
  const id = ticket(displayNumber).id;
  return hub.store
    .eventsSince(0, 100_000)
    .filter((e) => e.event.type === type && 'ticketId' in e.event && e.event.ticketId === id).length;
}

/** F3, then F4 once the start is on the screen (before it, F4 would ask whether the visitor was served). */
async function startThenFinish(page: Page): Promise<void> {
  await page.keyboard.press('F3');
  await page.getByText('Sedang dilayani', { exact: true }).waitFor();
  await page.keyboard.press('F4');
}

/** The desk's answer line, which a dialog's refusal must not reach. */
const deskLine = (page: Page) => page.getByTestId('feedback').innerText();

/** The answer line wraps a long text rather than cutting it. */
async function deskLineIsWhole(page: Page): Promise<boolean> {
  return page
    .getByTestId('feedback')
    .evaluate((el) => [...el.querySelectorAll('*'), el].every((x) => x.scrollWidth <= x.clientWidth + 1));
}

beforeAll(async () => {
  const demo = await demoHall();
  pins = demo.pins;
  hub = await startTestHub({ config: demo.config });
  link = await CuttableLink.start(hub.port);
  browser = await launchCounterBrowser();
  kiosk = await demoKiosk(hub);
  [loket2, loket3, loket14] = await Promise.all([
    counterMachine(browser),
    counterMachine(browser),
    counterMachine(browser),
  ]);
});

afterAll(async () => {
  kiosk?.conn.close();
  await browser?.close();
  await link?.close();
  await hub?.dispose();
});

describe('a visit is never recorded wrongly by accident', () => {
  it('F1 over a visitor only called asks whether they came; starting serves them, nothing is finished', async () => {
    for (let i = 0; i < 3; i++) await kiosk.issue('perekaman-ktp-el');
    await signInAt(loket2, hub.url, 'dukcapil1', pin('dukcapil1'), '2');
    await openCounter(loket2);
    await loket2.keyboard.press('F1');
    expect(await numberAfter(loket2, undefined)).toBe('A-001');
    await loket2.locator('[data-action="callNext"]').getByText('tanya dulu: A-001 datang?').waitFor();

    await loket2.keyboard.press('F1');
    const dialog = loket2.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Pengunjung A-001 datang?' }).waitFor();
    await shot(loket2, '40-arrival-question');
    // Batal: nothing happens.
    await loket2.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(ticket('A-001').status).toBe('called');

    // The visitor came: Enter takes the choice made for you, start serving. No one else is called.
    await loket2.keyboard.press('F1');
    await confirmDialog(loket2);
    await loket2.getByText('Sedang dilayani', { exact: true }).waitFor();
    expect(ticket('A-001').status).toBe('serving');
    expect(ticket('A-002').status).toBe('waiting');
    expect(logged('TicketFinished', 'A-001')).toBe(0);
    await loket2.keyboard.press('F4');
    await feedbackSays(loket2, 'A-001 selesai dilayani.');
  });

  it('"did not come" records a no-show and calls the next, with a confirmation while it is early', async () => {
    await loket2.keyboard.press('F1');
    expect(await numberAfter(loket2, 'A-001')).toBe('A-002');
    await loket2.keyboard.press('F1');
    const dialog = loket2.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Pengunjung A-002 datang?' }).waitFor();
    await loket2.keyboard.press('ArrowDown');
    await dialog.getByTestId('early-no-show').getByText('Aturan aula: tunggu 60 detik').waitFor();
    const confirm = dialog.getByRole('button', { name: /Tidak hadir & panggil berikutnya/ });
    expect(await confirm.isDisabled()).toBe(true);
    await shot(loket2, '41-arrival-no-show-early');
    await dialog.getByLabel('Saya sudah memastikan pengunjung tidak ada').check();
    expect(await confirm.isDisabled()).toBe(false);
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });
    expect(await numberAfter(loket2, 'A-002')).toBe('A-003');
    await feedbackSays(loket2, 'A-002 dicatat tidak hadir.');
    expect(ticket('A-002').status).toBe('no_show');
    expect(logged('TicketFinished', 'A-002')).toBe(0);
  });

  it('F5 soon after the call asks first and says the hall rule; after a minute and a recall it just records', async () => {
    await loket2.locator('[data-action="noShow"]').getByText('baru dipanggil: minta konfirmasi').waitFor();
    await loket2.keyboard.press('F5');
    const dialog = loket2.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Catat A-003 tidak hadir?' }).waitFor();
    await dialog
      .getByText(
        /A-003 baru dipanggil \d+ detik lalu dan belum dipanggil ulang\. Aturan aula: tunggu 60 detik/,
      )
      .waitFor();
    expect(await dialog.getByRole('button', { name: /Tetap catat tidak hadir/ }).isDisabled()).toBe(true);
    await shot(loket2, '42-no-show-early');
    await loket2.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(ticket('A-003').status).toBe('called');

    hub.clock.advance(61_000);
    await loket2.keyboard.press('F2');
    await feedbackSays(loket2, 'A-003 dipanggil ulang.');
    await loket2.keyboard.press('F5');
    await feedbackSays(loket2, 'A-003 dicatat tidak hadir.');
    expect(await loket2.getByRole('dialog').count()).toBe(0);
    expect(ticket('A-003').status).toBe('no_show');
  });

  it('F4 over a visitor only called asks whether they were served; saying so records the visit', async () => {
    await waitingAt(loket2, await kiosk.issue('cetak-ulang-ktp-el'));
    await loket2.keyboard.press('F1');
    expect(await numberAfter(loket2, 'A-003')).toBe('B-001');
    await loket2.locator('[data-action="finish"]').getByText('tanya dulu: B-001 sudah dilayani?').waitFor();

    await loket2.keyboard.press('F4');
    const dialog = loket2.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Pengunjung B-001 sudah dilayani?' }).waitFor();
    await shot(loket2, '46-finish-asks-served');
    // Batal: nothing is recorded.
    await loket2.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(ticket('B-001').status).toBe('called');
    expect(logged('TicketFinished', 'B-001')).toBe(0);

    // Served without pressing F3 first: the second choice records the visit.
    await loket2.keyboard.press('F4');
    await dialog.getByRole('heading', { name: 'Pengunjung B-001 sudah dilayani?' }).waitFor();
    await loket2.keyboard.press('ArrowDown');
    await dialog.getByRole('button', { name: 'Catat selesai' }).waitFor();
    await confirmDialog(loket2);
    await feedbackSays(loket2, 'B-001 selesai dilayani.');
    expect(ticket('B-001').status).toBe('done');
    expect(logged('TicketFinished', 'B-001')).toBe(1);
  });
});

describe('refusals: one error, the right one, in the right place', () => {
  it('a ticket of another service says so, once; an unknown number is named once; nothing reaches the desk line', async () => {
    await kiosk.issue('skck');
    await loket2.keyboard.press('F8');
    await loket2.keyboard.type('M-001');
    await refusedAsTyped(
      loket2,
      'M-001 adalah antrean SKCK (Surat Keterangan Catatan Kepolisian) · Polres; loket ini tidak melayani layanan itu.',
    );
    expect(await loket2.locator('body').innerText()).not.toContain('sudah dipanggil atau selesai');
    await shot(loket2, '43-call-another-service');
    await loket2.getByRole('dialog').getByRole('textbox').fill('A-999');
    await refusedAsTyped(loket2, 'A-999 tidak ada hari ini.');
    await shot(loket2, '44-unknown-number');
    await loket2.keyboard.press('Escape');
    await loket2.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await deskLine(loket2)).not.toContain('tidak ada hari ini');
  });

  it('a refusal made in a dialog shows there only, and is gone from the desk once the dialog closes', async () => {
    await kiosk.issue('perekaman-ktp-el');
    await signInAt(loket3, link.url, 'dukcapil2', pin('dukcapil2'), '3');
    await openCounter(loket3);
    await loket3.keyboard.press('F1');
    expect(await numberAfter(loket3, undefined)).toBe('A-004');
    await loket3.keyboard.press('F7');
    await loket3.getByRole('option', { selected: true }).waitFor();
    link.sever();
    await loket3.getByText('Terputus dari server antrean', { exact: false }).waitFor({ timeout: 15_000 });
    await loket3.keyboard.press('Enter');
    const refusal = 'Tidak terhubung ke server antrean.';
    await loket3.getByRole('dialog').getByRole('alert').filter({ hasText: refusal }).waitFor();
    expect(await deskLine(loket3)).not.toContain(refusal);
    await shot(loket3, '45-refused-in-dialog');
    await loket3.keyboard.press('Escape');
    await loket3.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await deskLine(loket3)).not.toContain(refusal);
    expect(await deskLineIsWhole(loket3)).toBe(true);
    link.mend();
    await loket3.getByText('Terputus dari server antrean', { exact: false }).waitFor({ state: 'detached' });
    await startThenFinish(loket3);
    await feedbackSays(loket3, 'A-004 selesai dilayani.');
  });
});

describe('sending a visitor on', () => {
  it('warns and asks again before sending them where every counter is closed, with a note and no doubled names', async () => {
    await waitingAt(loket2, await kiosk.issue('perekaman-ktp-el'));
    await loket2.keyboard.press('F1');
    expect(await numberAfter(loket2, undefined)).toBe('A-005');
    await loket2.keyboard.press('F7');
    await loket2.keyboard.type('skck');
    const dialog = loket2.getByRole('dialog');
    const row = dialog.getByRole('option', { selected: true });
    await row.getByText('SKCK (Surat Keterangan Catatan Kepolisian)').waitFor();
    await row.getByText('semua loket tutup').waitFor();
    // Each name once: beside "SKCK (…)" the agency reads "Polres", not "Polres (SKCK)".
    expect(await row.innerText()).toContain('Polres');
    expect(await row.innerText()).not.toContain('Polres (SKCK)');

    // A phone number does not go into a note every screen receives.
    const note = dialog.getByLabel('Catatan untuk loket berikutnya (opsional)');
    await note.fill('hubungi 0812 3456 7890');
    await dialog.getByText('Catatan tidak boleh memuat NIK atau nomor HP.').waitFor();
    expect(await dialog.getByRole('button', { name: /Alihkan/ }).isDisabled()).toBe(true);
    await note.fill(NOTE);
    await note.press('Enter');
    await dialog.getByTestId('transfer-closed-warning').getByText('Semua loket untuk SKCK').waitFor();
    await dialog.getByRole('button', { name: /Tetap alihkan/ }).waitFor();
    expect(ticket('A-005').status).toBe('called');
    await shot(loket2, '46-transfer-closed-warning');
    await confirmDialog(loket2);
    await feedbackSays(loket2, 'A-005 dialihkan ke SKCK (Surat Keterangan Catatan Kepolisian) · Polres.');
    expect(ticket('A-005')).toMatchObject({ status: 'waiting', serviceId: 'skck' });
    expect(ticket('A-005').transfers.at(-1)?.note).toBe(NOTE);
  });

  it('the receiving counter reads the note; the hall display and the status page never show it', async () => {
    await signInAt(loket14, hub.url, 'polres1', pin('polres1'), '14');
    await openCounter(loket14);
    await waitingAt(loket14, 'A-005');
    await loket14.keyboard.press('F1');
    expect(await numberAfter(loket14, undefined)).toBe('A-005');
    await loket14.getByTestId('transfer-note').getByText(`Catatan dari loket 2: ${NOTE}`).waitFor();
    await shot(loket14, '47-note-received');

    const display = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    display.setDefaultTimeout(8000);
    // The display's clock shows the hub's (hand-moved) day, as in the display's own tests.
    await display.clock.install({ time: hub.clock.now() });
    await display.goto(`${hub.url}/display/`);
    await display.getByTestId('counter-loket-14').filter({ hasText: 'A-005' }).waitFor();
    expect(await display.locator('body').innerText()).not.toContain('legalisir');
    await display.close();
    const status = await fetch(`${hub.url}/t/${ticket('A-005').id}`);
    expect(status.status).toBe(200);
    const page = await status.text();
    expect(page).toContain('A-005');
    expect(page).not.toContain('legalisir');
  });
});

describe('call next and the language toggle', () => {
  it('F1 is disabled on an empty queue and says why, on the button and for the key', async () => {
    await startThenFinish(loket14);
    await feedbackSays(loket14, 'A-005 selesai dilayani.');
    await loket14.keyboard.press('F1');
    expect(await numberAfter(loket14, undefined)).toBe('M-001');
    await startThenFinish(loket14);
    await feedbackSays(loket14, 'M-001 selesai dilayani.');
    const callNext = loket14.locator('[data-action="callNext"]');
    await callNext.getByText('tidak ada yang menunggu').waitFor();
    expect(await callNext.isDisabled()).toBe(true);
    // Nobody to put back either: F9 says so rather than opening an empty list.
    const putBack = loket14.locator('[data-action="putBack"]');
    await putBack.getByText('tidak ada yang tidak hadir').waitFor();
    expect(await putBack.isDisabled()).toBe(true);
    await loket14.keyboard.press('F1');
    await feedbackSays(loket14, 'Panggil berikutnya: tidak ada yang menunggu');
    expect(await loket14.getByTestId('feedback').innerText()).not.toContain('Ditolak');
    await shot(loket14, '48-empty-queue');
  });

  it('draws the keyboard focus ring of ID and EN whole', async () => {
    for (const name of ['Bahasa Indonesia', 'English']) {
      const button = loket14.getByRole('button', { name, exact: true });
      await loket14.keyboard.press('Shift');
      await button.focus();
      expect(await button.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
      // No ancestor up to the top bar clips what is drawn outside the button.
      const clipped = await button.evaluate((el) => {
        const reasons: string[] = [];
        for (let p = el.parentElement; p && !p.classList.contains('top-bar'); p = p.parentElement) {
          if (getComputedStyle(p).overflow !== 'visible') reasons.push(p.className);
        }
        return reasons;
      });
      expect(clipped).toEqual([]);
      const box = await button.boundingBox();
      if (!box) throw new Error('no box');
      await loket14.screenshot({
        path: screenshotPath('counter', `49-focus-ring-${name === 'English' ? 'en' : 'id'}`),
        clip: { x: box.x - 40, y: box.y - 12, width: box.width + 80, height: box.height + 24 },
      });
    }
  });
});
