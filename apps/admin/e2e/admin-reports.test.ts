import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { HubConnection } from '@antre/client';
import type { CommandInput } from '@antre/shared';
import { hallDay } from '@antre/shared';
import type { TestBrowser, TestHub } from '@antre/hub/testing';
import {
  connect,
  demoHall,
  kioskCredentials,
  launchBrowser,
  screenshotPath,
  signIn,
  startTestHub,
  waitFor,
} from '@antre/hub/testing';
import { LAPTOP, adminShot, signInAdmin } from './admin-harness.js';

/**
 * Issue 16's pages on a day the test plays through the contract: 09:00–15:00 at the demo hall, a kiosk issuing
 * KTP-el tickets (two every ten minutes in the morning rush, one after) and Samsat tickets, counter 2
 * (dukcapil1) and counter 6 (samsat1) calling and serving one each ten minutes.
 */
let hub: TestHub;
let browser: TestBrowser;
let admin: Page;
let issued = 0;
const clients: HubConnection[] = [];
const MINUTE = 60_000;

async function online(credentials: Record<string, unknown> = {}): Promise<HubConnection> {
  const conn = connect(hub.url, credentials);
  clients.push(conn);
  await waitFor(conn, () => conn.status === 'online' && conn.state !== undefined);
  return conn;
}

async function must(conn: HubConnection, command: CommandInput): Promise<void> {
  const reply = await conn.command(command);
  if (!reply.ok) throw new Error(`${command.type} refused: ${reply.error.code}`);
}

beforeAll(async () => {
  const demo = await demoHall();
  hub = await startTestHub({ config: demo.config });
  const kiosk = await online(kioskCredentials('kiosk-1'));
  const desks: Array<[HubConnection, string]> = [];
  for (const [username, counterId] of [
    ['dukcapil1', 'loket-2'],
    ['samsat1', 'loket-6'],
  ] as const) {
    const conn = await online();
    await signIn(conn, username, demo.pins.get(username) ?? '');
    await must(conn, { type: 'setCounterStatus', counterId, status: 'open' });
    desks.push([conn, counterId]);
  }
  for (let step = 0; step < 36; step++) {
    const ktp = step < 12 ? 2 : 1;
    const tickets: CommandInput[] = [];
    for (let i = 0; i < ktp; i++) {
      const priority = i === 1 && step % 4 === 0 ? 'elderly' : 'none';
      tickets.push({ type: 'issueTicket', serviceId: 'perekaman-ktp-el', priority });
    }
    tickets.push({ type: 'issueTicket', serviceId: 'pajak-kendaraan-tahunan', priority: 'none' });
    for (const ticket of tickets) {
      const reply = await kiosk.command(ticket);
      // The lunch break (12.00–13.00) issues nothing: the hall is closed then.
      if (reply.ok) issued += 1;
      else if (reply.error.code !== 'SERVICE_CLOSED') throw new Error(`issue refused: ${reply.error.code}`);
    }
    hub.clock.advance(3 * MINUTE);
    for (const [conn, counterId] of desks) {
      const current = hub.service.state.counters[counterId]?.currentTicketId;
      if (current) await must(conn, { type: 'finish', counterId });
      const called = await conn.command({ type: 'callNext', counterId });
      if (called.ok) await must(conn, { type: 'startServing', counterId });
    }
    hub.clock.advance(7 * MINUTE);
  }
  await hub.reports.ready();
  browser = await launchBrowser(LAPTOP);
  admin = await browser.context.newPage();
  admin.setDefaultTimeout(15_000);
  await signInAdmin(admin, hub.url, 'supervisor', demo.pins.get('supervisor') ?? '', '/admin/reports');
});

afterAll(async () => {
  for (const c of clients) c.close();
  await browser?.close();
  await hub?.dispose();
});

describe('the reports pages', () => {
  it('shows the summary of the month with the day in it', async () => {
    const summary = admin.getByTestId('report-table-summary');
    await summary.waitFor();
    const visitors = summary.locator('tr').filter({ hasText: 'Pengunjung (tiket diambil)' });
    expect(await visitors.innerText()).toContain(String(issued));
    await adminShot(admin, '30-reports-summary');
  });

  it('draws the heat map and the queue line, and lists counters and staff', async () => {
    await admin.getByRole('tab', { name: 'Kedatangan per jam dan hari' }).click();
    await admin.getByTestId('heat-map').waitFor();
    // Monday's 09:00 hour: two KTP-el and one Samsat ticket every ten minutes.
    const monday = admin.getByTestId('heat-map').locator('tr').filter({ hasText: 'Sen' });
    expect(await monday.innerText()).toContain('18');
    await adminShot(admin, '31-reports-heatmap');
    await admin.getByRole('tab', { name: 'Panjang antrean sepanjang hari' }).click();
    await admin.getByTestId('queue-line').locator('polyline.mean').waitFor();
    await adminShot(admin, '32-reports-queue-length');
    await admin.getByRole('tab', { name: 'Per loket' }).click();
    await admin
      .getByTestId('report-table-counters')
      .getByText(/Loket 2|loket-2/)
      .first()
      .waitFor();
    await adminShot(admin, '33-reports-counters');
    await admin.getByRole('tab', { name: 'Per petugas' }).click();
    await admin.getByTestId('report-table-staff').waitFor();
    await adminShot(admin, '34-reports-staff');
    await admin.getByRole('tab', { name: 'Kunjungan', exact: true }).click();
    await admin.getByTestId('report-period').getByText('Kunjungan').waitFor();
    await adminShot(admin, '35-reports-visits');
  });

  it('filters by agency, and reads in English by the toggle', async () => {
    await admin.getByRole('tab', { name: 'Per layanan' }).click();
    await admin.getByLabel('Instansi').selectOption('samsat');
    const table = admin.getByTestId('report-table-services');
    await expect.poll(() => table.innerText()).not.toContain('Perekaman KTP-el');
    expect(await table.innerText()).toContain('Pajak kendaraan tahunan');
    await adminShot(admin, '36-reports-services-samsat');
    await admin.getByRole('button', { name: 'English' }).click();
    await admin.getByRole('heading', { name: 'Reports' }).waitFor();
    await adminShot(admin, '37-reports-en');
    await admin.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  });

  it('downloads the CSV and XLSX of the report on screen', async () => {
    const csv = admin.waitForEvent('download');
    await admin.getByRole('button', { name: 'CSV', exact: true }).click();
    expect((await csv).suggestedFilename()).toBe('antre-services.csv');
    const xlsx = admin.waitForEvent('download');
    await admin.getByRole('button', { name: 'Excel (XLSX)' }).click();
    expect((await xlsx).suggestedFilename()).toBe('antre-services.xlsx');
  });

  it('lists appointments per day and service: booked, checked in, served, missed', async () => {
    const day = hallDay(hub.clock.now(), 'Asia/Jakarta');
    const slots = (await (await fetch(`${hub.url}/api/booking/slots?service=skck&day=${day}`)).json()) as {
      slots: Array<{ start: number; free: number }>;
    };
    // The day's last slot with two seats left: two citizens book it.
    const slot = slots.slots.find((s) => s.free >= 2);
    expect(slot).toBeDefined();
    for (const i of [0, 1]) {
      const res = await fetch(`${hub.url}/api/booking`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          serviceId: 'skck',
          day,
          slotStart: slot?.start,
          name: 'Warga',
          nik: `137401170890${String(900 + i)}`.padEnd(16, '0'),
          phone: '081200001111',
        }),
      });
      expect(res.status).toBe(200);
    }
    await admin.getByRole('tab', { name: 'Janji temu', exact: true }).click();
    await admin.getByLabel('Instansi').selectOption('polres');
    const table = admin.getByTestId('report-table-bookings');
    await expect.poll(() => table.innerText()).toContain('SKCK');
    const row = table.locator('tr').filter({ hasText: 'SKCK' });
    // Two booked, neither checked in yet: both still to come.
    expect((await row.locator('td').allInnerTexts()).slice(3, 8)).toEqual(['2', '0', '0', '0', '2']);
    await adminShot(admin, '39-reports-bookings');
  });

  it('prints the monthly summary to A4', async () => {
    const token = await admin.evaluate(
      () =>
        (JSON.parse(localStorage.getItem('antre.admin.session') ?? '{}') as { sessionToken?: string })
          .sessionToken,
    );
    const print = await browser.context.newPage();
    await print.setExtraHTTPHeaders({ authorization: `Bearer ${token ?? ''}` });
    await print.goto(`${hub.url}/api/reports/monthly-summary.html?period=month`);
    expect(await print.content()).toContain('MPP Kota Padang Panjang');
    const pdf = screenshotPath('admin', '38-monthly-summary').replace(/\.png$/, '.pdf');
    mkdirSync(dirname(pdf), { recursive: true });
    await print.pdf({ path: pdf, format: 'A4', printBackground: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, pdf.replace(/\.pdf$/, '')]);
    await print.close();
  });
});
