import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { HubConnection } from '@antre/client';
import type { TestBrowser, TestHub } from '@antre/hub/testing';
import {
  connect,
  demoHall,
  launchBrowser,
  screenshotPath,
  signIn,
  startTestHub,
  waitFor,
} from '@antre/hub/testing';

let hub: TestHub;
let browser: TestBrowser;
let pins: Map<string, string>;
const clients: HubConnection[] = [];

beforeAll(async () => {
  const demo = await demoHall();
  pins = demo.pins;
  hub = await startTestHub({ config: demo.config });
  browser = await launchBrowser({ width: 1920, height: 1080 });
});

afterAll(async () => {
  for (const c of clients) c.close();
  await browser?.close();
  await hub?.dispose();
});

async function desk(username: string, counterId: string): Promise<HubConnection> {
  const credentials: { sessionToken?: string } = {};
  const conn = connect(hub.url, credentials);
  clients.push(conn);
  await waitFor(conn, () => conn.status === 'online' && conn.state !== undefined);
  credentials.sessionToken = await signIn(conn, username, pins.get(username) ?? '');
  const reply = await conn.command({ type: 'setCounterStatus', counterId, status: 'open' });
  if (!reply.ok) throw new Error(reply.error.code);
  return conn;
}

async function must(conn: HubConnection, command: Parameters<HubConnection['command']>[0]): Promise<void> {
  const reply = await conn.command(command);
  if (!reply.ok) throw new Error(`${command.type}: ${reply.error.code} ${reply.error.message}`);
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: screenshotPath('visits', name), fullPage: true });

it('takes the Pindah datang package in Indonesian, is called at Disdukcapil, then at BPJS without the kiosk', async () => {
  const kiosk = await browser.context.newPage();
  kiosk.setDefaultTimeout(10_000);
  await kiosk.clock.install({ time: hub.clock.now() });
  await kiosk.goto(`${hub.url}/kiosk/?kiosk=kiosk-1`);
  await kiosk.getByTestId('visit-entry').click();
  await kiosk.getByTestId('package-pindah-datang').click();
  const legs = kiosk.getByTestId('visit-legs').locator('li');
  await expect.poll(() => legs.count()).toBe(4);
  // The documents of the four services in one list: the KK once.
  await kiosk.getByText('Persyaratan untuk semua layanan').waitFor();
  await shot(kiosk, '01-kiosk-package');
  await kiosk.getByTestId('visit-take').click();
  await kiosk.getByTestId('ticket-screen').waitFor();
  await kiosk.getByTestId('ticket-legs').waitFor();
  const number = ((await kiosk.getByTestId('ticket-number').textContent()) ?? '').trim();
  await shot(kiosk, '02-kiosk-ticket');
  const ticket = Object.values(hub.service.state.tickets).find((t) => t.displayNumber === number);
  if (!ticket) throw new Error(`no ticket ${number}`);
  expect(ticket.visit?.legs.map((l) => l.serviceId)).toEqual([
    'surat-pindah',
    'kartu-keluarga',
    'cetak-ulang-ktp-el',
    'perubahan-data-jkn',
  ]);

  const status = await browser.context.newPage();
  // As the printed ticket's QR code links it: with the ticket's survey link key.
  await status.goto(`${hub.url}/t/${ticket.id}?k=${hub.survey.linkKey(ticket.id)}`);
  await status.getByText('Rencana kunjungan').waitFor();
  await shot(status, '03-status-issued');

  // Disdukcapil: the moving letter at counter 4, then the KK at the same desk.
  const dukcapil = await desk('dukcapil1', 'loket-4');
  for (const serviceId of ['surat-pindah', 'kartu-keluarga']) {
    expect(hub.service.state.ticket(ticket.id)?.serviceId).toBe(serviceId);
    await must(dukcapil, { type: 'callTicket', counterId: 'loket-4', ticket: number });
    await must(dukcapil, { type: 'startServing', counterId: 'loket-4' });
    await status.reload();
    await status.getByText('Sedang dilayani').first().waitFor();
    await shot(status, `04-status-serving-${serviceId}`);
    await must(dukcapil, { type: 'finish', counterId: 'loket-4' });
  }
  // The KTP-el at counter 2 or 3, or the JKN change at BPJS first: whichever queue is shorter; take both.
  const bpjs = await desk('bpjskes1', 'loket-12');
  const ktp = await desk('dukcapil2', 'loket-2');
  for (let leg = 0; leg < 2; leg++) {
    const at = hub.service.state.ticket(ticket.id);
    const [conn, counterId] = at?.serviceId === 'perubahan-data-jkn' ? [bpjs, 'loket-12'] : [ktp, 'loket-2'];
    await must(conn, { type: 'callTicket', counterId, ticket: number });
    await status.reload();
    await status.getByText('Menuju loket').waitFor();
    await shot(status, `05-status-called-${at?.serviceId ?? ''}`);
    await must(conn, { type: 'startServing', counterId });
    await must(conn, { type: 'finish', counterId });
  }
  const done = hub.service.state.ticket(ticket.id);
  expect(done?.status).toBe('done');
  expect(done?.visit?.legs.map((l) => l.status)).toEqual(['done', 'done', 'done', 'done']);
  expect(done?.visit?.legs.find((l) => l.serviceId === 'perubahan-data-jkn')?.counterId).toBe('loket-12');
  // The whole visit is done: the open page turns by itself into the satisfaction survey (one per visit).
  await status.getByRole('heading', { name: /Survei Kepuasan Masyarakat/ }).waitFor();
  await shot(status, '06-status-done-survey');
}, 120_000);
