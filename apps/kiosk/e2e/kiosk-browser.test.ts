import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { HubConnection } from '@antre/client';
import type { TestBrowser, TestHub } from '@antre/hub/testing';
import { demoHall, launchBrowser, screenshotPath, startTestHub } from '@antre/hub/testing';
import type { FakePrinter } from '@antre/printer/testing';
import { decodeEscPos, receiptText, startFakePrinter } from '@antre/printer/testing';
import { toPrinterText } from '@antre/printer';
import { busyMorning, stopHub } from './hall-activity.js';

let hub: TestHub;
let printer: FakePrinter;
let browser: TestBrowser;
let page: Page;
let clients: HubConnection[] = [];

beforeAll(async () => {
  const demo = await demoHall();
  printer = await startFakePrinter();
  demo.config.kiosks = demo.config.kiosks.map((k) =>
    k.id === 'kiosk-1' ? { ...k, printer: printer.url } : k,
  );
  hub = await startTestHub({ config: demo.config });
  clients = await busyMorning(hub, demo.pins);
  browser = await launchBrowser({ width: 1920, height: 1080 });
  page = await browser.context.newPage();
  // A step that cannot happen fails with its own message, well before the test's time is up.
  page.setDefaultTimeout(10_000);
  // The page keeps the hub's (test) time, so opening hours agree.
  await page.clock.install({ time: hub.clock.now() });
  await page.goto(`${hub.url}/kiosk/?kiosk=kiosk-1`);
  await page.getByTestId('agency-disdukcapil').waitFor();
});

afterAll(async () => {
  for (const c of clients) c.close();
  await browser?.close();
  await hub?.dispose();
  await printer?.close();
});

const shot = (name: string, target: Page = page) =>
  target.screenshot({ path: screenshotPath('kiosk', name) });

/** The ticket the hub issued with this number, and the job the printer received for it. */
async function printedJob(displayNumber: string) {
  const ticket = Object.values(hub.service.state.tickets).find((t) => t.displayNumber === displayNumber);
  if (!ticket) throw new Error(`no ticket ${displayNumber} at the hub`);
  const deadline = Date.now() + 5000;
  for (;;) {
    const doc = printer.jobs.map((j) => decodeEscPos(j)).find((d) => receiptText(d).includes(displayNumber));
    if (doc) return { ticket, doc, text: receiptText(doc) };
    if (Date.now() > deadline) throw new Error(`the printer got no ticket ${displayNumber}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function takeTicket(agencyId: string, serviceId: string): Promise<string> {
  await page.getByTestId(`agency-${agencyId}`).click();
  await page.getByTestId(`service-${serviceId}`).click();
  await page.getByTestId('take-number').click();
  await page.getByTestId('ticket-screen').waitFor();
  return (await page.getByTestId('ticket-number').textContent()) ?? '';
}

describe('the kiosk in a browser', () => {
  it('issues a Dukcapil ticket in Indonesian and prints it', async () => {
    await shot('01-home');
    // No long-press menu on a touch screen.
    const menuBlocked = await page.evaluate(
      () => !document.body.dispatchEvent(new MouseEvent('contextmenu', { cancelable: true, bubbles: true })),
    );
    expect(menuBlocked).toBe(true);
    expect(await page.getByTestId('agency-disdukcapil').textContent()).toContain('menunggu');

    await page.getByTestId('agency-disdukcapil').click();
    await page.getByTestId('service-perekaman-ktp-el').waitFor();
    await shot('02-agency-disdukcapil');
    await page.getByTestId('service-perekaman-ktp-el').click();
    await page.getByText('Persyaratan yang perlu disiapkan').waitFor();
    await page.getByText('Kartu Keluarga (KK)').waitFor();
    await shot('03-requirements');

    // Where it is served, before the ticket is taken.
    expect(await page.getByTestId('service-where').textContent()).toBe('Loket 2–3 · Lantai 1');
    await page.getByTestId('take-number').click();
    await page.getByText('Silakan ambil tiket Anda').waitFor();
    const number = (await page.getByTestId('ticket-number').textContent()) ?? '';
    expect(number).toMatch(/^A-\d{3}$/);
    // Where to wait, on screen and on paper: the counters of the service, their floor, the call screen.
    expect(await page.getByTestId('ticket-where').textContent()).toContain('Loket 2–3 · Lantai 1');
    expect(await page.getByTestId('ticket-where').textContent()).toContain('Perhatikan layar panggilan');
    await shot('04-ticket-printed');

    const { ticket, doc, text } = await printedJob(number);
    // The wait in the same words on screen and paper; how sure it is in plain words, on screen (issue 12).
    const wait = (await page.getByTestId('ticket-wait').textContent()) ?? '';
    expect(wait).toMatch(/^(hingga )?± \d+(–\d+)? menit$/);
    expect(text).toContain(toPrinterText(wait));
    expect(await page.getByTestId('ticket-wait-certainty').textContent()).toBe(
      /–|hingga/.test(wait) ? 'Perkiraan kasar' : 'Perkiraan cukup tepat',
    );
    expect(text).toContain('NOMOR ANTREAN');
    expect(text).toContain('Perekaman KTP-el');
    expect(text).toContain('LOKET 2-3, LANTAI 1');
    expect(text).toContain('Perhatikan layar panggilan');
    // The QR code is the hub's public address, on paper and on screen, never the kiosk page's own origin.
    expect(hub.publicUrl).not.toBe(new URL(page.url()).origin);
    expect(doc.blocks).toContainEqual(
      // Printed by the hub with the ticket's survey link key (issue 17).
      expect.objectContaining({
        kind: 'qr',
        payload: expect.stringMatching(
          new RegExp(`^${hub.publicUrl}/t/${ticket.id}\\?k=[\\w-]{22}$`),
        ) as string,
      }),
    );
    expect(await page.getByTestId('ticket-qr').getAttribute('data-url')).toBe(
      `${hub.publicUrl}/t/${ticket.id}`,
    );
    expect(doc.blocks).toContainEqual({ kind: 'cut', partial: true });
    expect(ticket.origin).toEqual({ kind: 'kiosk', kioskId: 'kiosk-1', offline: false });

    await page.getByTestId('done').click();
    await page.getByTestId('agency-disdukcapil').waitFor();
  });

  it('issues a ticket in English when the citizen switches language', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Please choose the office you need').waitFor();
    await page.getByTestId('agency-disdukcapil').click();
    await page.getByTestId('service-kartu-keluarga').click();
    await page.getByText('Documents to bring').waitFor();
    await shot('05-requirements-en');
    await page.getByTestId('take-number').click();
    await page.getByText('Please take your ticket below the screen').waitFor();
    const number = (await page.getByTestId('ticket-number').textContent()) ?? '';
    expect(number).toMatch(/^C-\d{3}$/);
    await shot('06-ticket-en');
    const { text } = await printedJob(number);
    expect(text).toContain('QUEUE NUMBER');
    expect(text).toContain('Family card');
    // Done returns to the start, in Indonesian for the next citizen.
    await page.getByTestId('done').click();
    await page.getByText('Silakan pilih instansi tujuan Anda').waitFor();
  });

  it('issues a priority ticket for an elderly citizen', async () => {
    await page.getByTestId('agency-disdukcapil').click();
    await page.getByTestId('service-akta-kelahiran').click();
    await page.getByTestId('priority').click();
    await page.getByTestId('priority-elderly').waitFor();
    await shot('07-priority-choice');
    await page.getByTestId('priority-elderly').click();
    await page.getByText('Prioritas · Lansia').waitFor();
    await page.getByText('Silakan ambil tiket Anda').waitFor();
    const number = (await page.getByTestId('ticket-number').textContent()) ?? '';
    await shot('08-ticket-priority');
    // Every counter of the service is closed: no promise of a quick call, on screen and on paper alike.
    expect(await page.getByTestId('ticket-wait').textContent()).toBe('Loket belum buka');
    const { ticket, text } = await printedJob(number);
    expect(ticket.priority).toBe('elderly');
    expect(text).toContain('PRIORITAS: LANSIA');
    expect(text).toMatch(/Perkiraan waktu tunggu +Loket belum buka/);
    await page.getByTestId('done').click();
  });

  it('shows the number when the printer fails, alerts staff, and prints again on request', async () => {
    printer.condition = 'paper-out';
    const number = await takeTicket('polres', 'skck');
    await page.getByText('Tiket tidak dapat dicetak').waitFor();
    await page.getByText('Kertas printer habis.').waitFor();
    expect(await page.getByTestId('ticket-number').textContent()).toBe(number);
    await shot('09-ticket-print-fault');
    const ticket = Object.values(hub.service.state.tickets).find((t) => t.displayNumber === number);
    await expect
      .poll(() =>
        hub.store
          .eventsSince(0, 100_000)
          .some((e) => e.event.type === 'PrintFailed' && e.event.ticketId === ticket?.id),
      )
      .toBe(true);

    printer.condition = 'ready';
    await page.getByTestId('reprint').click();
    await page.getByText('Silakan ambil tiket Anda').waitFor();
    expect((await printedJob(number)).text).toContain('SKCK');
    await page.getByTestId('done').click();
  });

  it('shows closed services and a used-up quota with the reason and the hours', async () => {
    await page.getByTestId('agency-kemenag').click();
    const hajj = page.getByTestId('service-pendaftaran-haji');
    await hajj.getByText('Kuota habis').waitFor({ timeout: 10_000 });
    await shot('10-quota-reached');
    await hajj.click({ force: true });
    // A refused service does not open.
    expect(await page.getByTestId('service-pendaftaran-haji').isVisible()).toBe(true);
    await page.getByTestId('back').click();

    // Midday break: everything closes until 13.00.
    const lunch = hub.clock.now() + 3.3 * 3600_000;
    hub.clock.t = lunch;
    await page.clock.setSystemTime(lunch);
    await page.getByTestId('agency-disdukcapil').getByText('Tutup').waitFor({ timeout: 10_000 });
    await shot('11-home-midday-break');
    await page.getByTestId('agency-imigrasi').click();
    await page
      .getByTestId('service-paspor-baru')
      .getByText(/Buka kembali pukul/)
      .waitFor();
    await shot('12-agency-closed');
    await page.getByTestId('back').click();
    hub.clock.t = lunch - 3.3 * 3600_000 + 5 * 60_000;
    await page.clock.setSystemTime(hub.clock.t);
    await page.getByTestId('agency-disdukcapil').getByText('menunggu').waitFor({ timeout: 25_000 });
  });

  it('finds a service by search with the on-screen keyboard', async () => {
    await page.getByTestId('search').click();
    for (const key of ['P', 'A', 'S', 'P'])
      await page.getByRole('button', { name: key, exact: true }).click();
    await page.getByTestId('service-paspor-baru').waitFor();
    expect(await page.getByTestId('service-penggantian-paspor').isVisible()).toBe(true);
    await shot('13-search');
    await page.getByTestId('service-paspor-baru').click();
    await page.getByTestId('back').click();
    expect(await page.getByTestId('search').inputValue()).toBe('pasp');
  });

  it('asks "Masih di sini?" before going back to the start, in Indonesian, after 30 seconds untouched', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('search').fill('');
    await page.getByTestId('agency-samsat').click();
    await page.getByTestId('service-pajak-kendaraan-tahunan').waitFor();
    await page.clock.fastForward(21_000);
    await page.getByTestId('idle-warning').getByText('Are you still there?').waitFor();
    await page
      .getByTestId('idle-warning')
      .getByText(/goes back to the start in \d+ seconds/)
      .waitFor();
    await shot('18-idle-warning');
    // A touch carries on: the same screen, the countdown from the start.
    await page.getByTestId('carry-on').click();
    await page.getByTestId('idle-warning').waitFor({ state: 'detached' });
    expect(await page.getByTestId('service-pajak-kendaraan-tahunan').isVisible()).toBe(true);
    await page.clock.fastForward(31_000);
    await page.getByText('Silakan pilih instansi tujuan Anda').waitFor();
  });

  it('keeps a ticket nobody printed on screen 45 seconds, and longer on request', async () => {
    const noPrinter = await browser.context.newPage();
    noPrinter.setDefaultTimeout(10_000);
    await noPrinter.clock.install({ time: hub.clock.now() });
    await noPrinter.goto(`${hub.url}/kiosk/?kiosk=kiosk-2`);
    await noPrinter.getByTestId('agency-samsat').click();
    await noPrinter.getByTestId('service-pajak-kendaraan-tahunan').click();
    await noPrinter.getByTestId('take-number').click();
    await noPrinter.getByText('Kios ini tidak mencetak tiket').waitFor();
    await noPrinter.getByTestId('countdown').getByText('45 detik').waitFor();
    await shot('20-ticket-no-printer', noPrinter);
    // Past the 15 s of a printed ticket and the 30 s of an idle screen: still there.
    await noPrinter.clock.fastForward(34_000);
    await noPrinter.getByTestId('idle-warning').getByText('Masih di sini?').waitFor();
    expect(await noPrinter.getByTestId('ticket-number').isVisible()).toBe(true);
    await shot('21-ticket-still-there', noPrinter);
    await noPrinter
      .getByTestId('idle-warning')
      .getByRole('button', { name: 'Tetap tampilkan nomor' })
      .click();
    await noPrinter.getByTestId('countdown').getByText('45 detik').waitFor();
    await noPrinter.clock.fastForward(30_000);
    await noPrinter.getByTestId('keep-showing').click();
    await noPrinter.getByTestId('countdown').getByText('45 detik').waitFor();
    await noPrinter.clock.fastForward(46_000);
    await noPrinter.getByTestId('agency-samsat').waitFor();
    await noPrinter.close();
  });

  it('lays out for a portrait screen too', async () => {
    const portrait = await browser.context.newPage();
    await portrait.setViewportSize({ width: 1080, height: 1920 });
    await portrait.clock.install({ time: hub.clock.now() });
    await portrait.goto(`${hub.url}/kiosk/?kiosk=kiosk-1`);
    await portrait.getByTestId('agency-disdukcapil').waitFor();
    await shot('14-portrait-home', portrait);
    await portrait.getByTestId('agency-disdukcapil').click();
    await portrait.getByTestId('service-perekaman-ktp-el').click();
    await shot('15-portrait-requirements', portrait);
    await portrait.getByTestId('take-number').click();
    await portrait.getByText('Silakan ambil tiket Anda').waitFor();
    await shot('16-portrait-ticket', portrait);
    await portrait.close();
  });

  it('says so when the hub is down, and refuses to issue', async () => {
    await stopHub(hub);
    await page.getByTestId('status-banner').waitFor({ timeout: 10_000 });
    await page.getByText('Kios tidak terhubung ke server antrean').waitFor({ timeout: 10_000 });
    // On the first screen already: every tile disabled, under the banner that says why.
    await expect.poll(() => page.getByTestId('agency-disdukcapil').isDisabled()).toBe(true);
    expect(await page.getByTestId('agency-disdukcapil').textContent()).toContain('Sementara tidak tersedia');
    expect(await page.getByTestId('search').isDisabled()).toBe(true);
    await shot('17-offline-browser');
    hub = await hub.restart();
    await page.getByTestId('status-banner').waitFor({ state: 'detached', timeout: 15_000 });
    expect(await page.getByTestId('agency-disdukcapil').isDisabled()).toBe(false);
  });
});
