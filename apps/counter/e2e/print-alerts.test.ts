import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { HubConnection } from '@antre/client';
import type { FakePrinter } from '@antre/printer/testing';
import { decodeEscPos, receiptText, startFakePrinter } from '@antre/printer/testing';
import type { ReadonlyTicket } from '@antre/shared';
import type { TestHub } from '@antre/hub/testing';
import {
  connect,
  demoHall,
  kioskCredentials,
  screenshotPath,
  startTestHub,
  waitFor,
} from '@antre/hub/testing';
import {
  counterMachine,
  feedbackSays,
  launchCounterBrowser,
  openCounter,
  signInAt,
} from './counter-harness.js';

/**
 * A kiosk's printer runs out of paper: the kiosk reports it over the contract, Disdukcapil's counter sees the
 * alert at once (Samsat's does not: not their ticket), and staff reprint it on the kiosk's printer once
 * paper is in. The lobby kiosk prints on a fake network printer; the second kiosk has none.
 */
let hub: TestHub;
let printer: FakePrinter;
let browser: Browser;
let lobby: HubConnection;
let upstairs: HubConnection;
let loket2: Page;
let loket6: Page;
let pins: Map<string, string>;

const MINUTE = 60_000;
const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath('counter', name) });

beforeAll(async () => {
  printer = await startFakePrinter();
  const demo = await demoHall();
  const { config } = demo;
  pins = demo.pins;
  const [first, ...rest] = config.kiosks;
  if (!first) throw new Error('the demo hall has no kiosk');
  config.kiosks = [{ ...first, printer: printer.url }, ...rest];
  hub = await startTestHub({ config });
  browser = await launchCounterBrowser();
  lobby = await kioskOnline('kiosk-1');
  upstairs = await kioskOnline('kiosk-2');
  [loket2, loket6] = await Promise.all([counterMachine(browser), counterMachine(browser)]);
});

afterAll(async () => {
  lobby?.close();
  upstairs?.close();
  await browser?.close();
  await hub?.dispose();
  await printer?.close();
});

async function kioskOnline(kioskId: string): Promise<HubConnection> {
  const conn = connect(hub.url, kioskCredentials(kioskId));
  await waitFor(conn, () => conn.status === 'online' && conn.state !== undefined);
  return conn;
}

async function issue(kiosk: HubConnection, serviceId: string): Promise<ReadonlyTicket> {
  const reply = await kiosk.command({ type: 'issueTicket', serviceId });
  const e = reply.ok ? reply.events.find((x) => x.event.type === 'TicketIssued') : undefined;
  if (e?.event.type !== 'TicketIssued') throw new Error(`issue failed: ${JSON.stringify(reply)}`);
  return e.event.ticket;
}

async function reportFailure(kiosk: HubConnection, ticket: ReadonlyTicket, reason: string): Promise<void> {
  const reply = await kiosk.command({ type: 'reportPrintFailure', ticketId: ticket.id, reason });
  expect(reply.ok).toBe(true);
}

const alertRows = (page: Page) => page.getByTestId('print-alert');
const alertRow = (page: Page, displayNumber: string) => alertRows(page).filter({ hasText: displayNumber });

describe('a ticket that did not print', () => {
  let paperOut: ReadonlyTicket;
  let unreachable: ReadonlyTicket;

  it("alerts the counters of the ticket's agency as it is reported, and no other agency's", async () => {
    await signInAt(loket2, hub.url, 'dukcapil1', pins.get('dukcapil1') ?? '', '2');
    await openCounter(loket2);
    await signInAt(loket6, hub.url, 'samsat1', pins.get('samsat1') ?? '', '6');
    for (let i = 0; i < 3; i++) await issue(lobby, 'perekaman-ktp-el');
    await issue(lobby, 'kartu-keluarga');
    expect(await alertRows(loket2).count()).toBe(0);

    // Upstairs, earlier: a kiosk whose printer nobody can reach.
    unreachable = await issue(upstairs, 'kartu-keluarga');
    await reportFailure(upstairs, unreachable, 'unreachable: connect ECONNREFUSED 10.20.0.31:9100');
    hub.clock.advance(4 * MINUTE);

    paperOut = await issue(lobby, 'perekaman-ktp-el');
    await reportFailure(lobby, paperOut, 'paper-out: the printer reports no paper');
    // Pushed to the open desk: no reload.
    await alertRow(loket2, paperOut.displayNumber).waitFor({ timeout: 15_000 });

    // The longest without paper first, each with its kiosk, the reason in words and since when.
    const rows = (await alertRows(loket2).allInnerTexts()).map((text) => text.split('\n'));
    expect(rows).toEqual([
      [
        unreachable.displayNumber,
        'printer tidak terjangkau',
        'Cetak ulang',
        'Kios Lantai 2 · 4 mnt lalu · Kartu Keluarga (baru/perubahan)',
      ],
      [
        paperOut.displayNumber,
        'kertas habis',
        'Cetak ulang',
        'Kios Lobi Utama · baru saja · Perekaman KTP-el',
      ],
    ]);
    expect(await loket2.getByTestId('print-alerts').locator('.alert-count').textContent()).toBe('2');

    // Samsat's counter has the same events (it sees its own new ticket, issued after them) but no alert.
    await issue(lobby, 'pajak-kendaraan-tahunan');
    await loket6.getByTestId('waiting-total').filter({ hasText: /^1$/ }).waitFor();
    expect(await loket6.getByTestId('print-alerts').count()).toBe(0);
    await shot(loket2, '30-print-alerts');
  });

  it('says why a reprint failed and keeps the alert while the printer is still out of paper', async () => {
    printer.condition = 'paper-out';
    await alertRow(loket2, paperOut.displayNumber).getByRole('button', { name: 'Cetak ulang' }).click();
    await feedbackSays(
      loket2,
      `${paperOut.displayNumber} belum tercetak. Printer tiket bermasalah. Penyebab: kertas habis.`,
    );
    expect(
      await alertRow(loket2, paperOut.displayNumber).getByRole('button', { name: 'Cetak ulang' }).isEnabled(),
    ).toBe(true);
    expect(hub.service.state.tickets[paperOut.id]?.printFault).toBeDefined();
    await shot(loket2, '31-reprint-refused');
  });

  it("reprints on the kiosk's printer once it has paper, and the alert goes", async () => {
    printer.condition = 'ready';
    const jobs = printer.jobs.length;
    await alertRow(loket2, paperOut.displayNumber).getByRole('button', { name: 'Cetak ulang' }).click();
    await feedbackSays(loket2, `${paperOut.displayNumber} dicetak ulang di Kios Lobi Utama.`);
    const job = (await printer.waitForJobs(jobs + 1)).at(-1) ?? new Uint8Array();
    expect(receiptText(decodeEscPos(job))).toContain(paperOut.displayNumber);
    await alertRow(loket2, paperOut.displayNumber).waitFor({ state: 'detached' });
    expect(await alertRows(loket2).count()).toBe(1);
    const last = hub.store.eventsSince(0, 100_000).at(-1)?.event;
    expect(last).toEqual({
      type: 'TicketReprinted',
      ticketId: paperOut.id,
      kioskId: 'kiosk-1',
      by: 'dukcapil1',
    });
    await shot(loket2, '32-reprinted');
  });

  it('reads in English through the toggle, and the panel goes once no alert is left', async () => {
    await loket2.getByRole('button', { name: 'English', exact: true }).click();
    await loket2.getByText('Tickets not printed').waitFor();
    const row = alertRow(loket2, unreachable.displayNumber);
    await row.getByText('printer unreachable', { exact: true }).waitFor();
    await row.getByText(/^Kios Lantai 2 · 4 min ago · /).waitFor();
    await row.getByRole('button', { name: 'Reprint' }).waitFor();
    await shot(loket2, '33-print-alerts-english');
    // The visitor was served all the same: an ended visit needs no paper, so its alert ends too.
    const cancelled = hub.service.execute(
      { kind: 'staff', staff: { username: 'supervisor', name: 'Supervisor', role: 'supervisor' } },
      'cancel-unreachable',
      { type: 'cancelTicket', ticket: unreachable.id },
    );
    expect(cancelled.ok).toBe(true);
    await loket2.getByTestId('print-alerts').waitFor({ state: 'detached' });
    await loket2.getByRole('button', { name: 'Bahasa Indonesia', exact: true }).click();
  });
});
