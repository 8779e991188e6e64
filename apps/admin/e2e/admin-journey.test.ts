import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { HubConnection } from '@antre/client';
import type { TestBrowser, TestHub } from '@antre/hub/testing';
import {
  connect,
  demoHall,
  kioskCredentials,
  launchBrowser,
  signIn,
  startTestHub,
  waitFor,
} from '@antre/hub/testing';
import { LAPTOP, adminShot, signInAdmin } from './admin-harness.js';

/**
 * Issue 15's journey: a supervisor adds a service with its requirements and a counter for it in the admin
 * console; a kiosk page open meanwhile shows the service without a reload, a ticket is issued there and called
 * at the new counter, the display shows that counter, and the audit trail lists both changes.
 */
let hub: TestHub;
let browser: TestBrowser;
let admin: Page;
let kiosk: Page;
let display: Page;
let pins: Map<string, string>;
const clients: HubConnection[] = [];
const MINUTE = 60_000;

beforeAll(async () => {
  const demo = await demoHall();
  pins = demo.pins;
  hub = await startTestHub({ config: demo.config });
  browser = await launchBrowser(LAPTOP);
  // A morning under way: tickets waiting at Disdukcapil and Samsat, the first for 35 minutes (past target).
  const early = connect(hub.url, kioskCredentials('kiosk-2'));
  clients.push(early);
  await waitFor(early, () => early.status === 'online' && early.state !== undefined);
  for (const serviceId of ['perekaman-ktp-el', 'perekaman-ktp-el', 'pajak-kendaraan-tahunan']) {
    const reply = await early.command({ type: 'issueTicket', serviceId, priority: 'none' });
    if (!reply.ok) throw new Error(`issue refused: ${reply.error.code}`);
    hub.clock.advance(MINUTE);
  }
  hub.clock.advance(32 * MINUTE);
  admin = await browser.context.newPage();
  kiosk = await browser.context.newPage();
  display = await browser.context.newPage();
  for (const page of [admin, kiosk, display]) page.setDefaultTimeout(10_000);
  // Kiosk and display keep the hub's (test) time, so opening hours agree.
  for (const page of [kiosk, display]) await page.clock.install({ time: hub.clock.now() });
  await kiosk.goto(`${hub.url}/kiosk/?kiosk=kiosk-1`);
  await kiosk.getByTestId('agency-disdukcapil').waitFor();
  await display.setViewportSize({ width: 1920, height: 1080 });
  await display.goto(`${hub.url}/display/`);
  await display.getByTestId('now-calling').waitFor();
});

afterAll(async () => {
  for (const c of clients) c.close();
  await browser?.close();
  await hub?.dispose();
});

function pin(username: string): string {
  const p = pins.get(username);
  if (!p) throw new Error(`no PIN for ${username}`);
  return p;
}

describe('the admin console', () => {
  it('signs a supervisor in and shows the live board', async () => {
    await admin.goto(`${hub.url}/admin/`);
    await admin.getByRole('heading', { name: 'Masuk sebagai supervisor' }).waitFor();
    await adminShot(admin, '01-sign-in');
    await signInAdmin(admin, hub.url, 'supervisor', pin('supervisor'));
    await admin.getByRole('heading', { name: 'Papan pantau langsung' }).waitFor();
    await admin.getByTestId('board-agency-disdukcapil').waitFor();
    // The first KTP-el ticket has waited 35 minutes against the hall's 30: the board alerts.
    const alert = admin.getByTestId('wait-alert-perekaman-ktp-el');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/35 \/ 30 mnt/);
    expect(await admin.getByTestId('board-agency-disdukcapil').innerText()).toContain('Menunggu: 2');
    await adminShot(admin, '02-board');
  });

  it('refuses a service at its field, in Indonesian, when its prefix is taken', async () => {
    await admin.getByRole('link', { name: 'Konfigurasi' }).click();
    await admin.getByRole('tab', { name: 'Layanan' }).waitFor();
    expect(new URL(admin.url()).pathname).toBe('/admin/config');
    await adminShot(admin, '03-config-services');
    await admin.getByRole('button', { name: /Tambah layanan/ }).click();
    const form = admin.getByTestId('service-form');
    await form.getByLabel('ID (huruf kecil, tetap)').fill('legalisir-akta');
    await form.getByLabel('Instansi').selectOption('disdukcapil');
    await form.getByLabel('Awalan nomor').fill('A');
    await form.getByLabel('Nama (Indonesia)').fill('Legalisir Akta');
    await form.getByLabel('Nama (Inggris)').fill('Certificate legalisation');
    await form.getByLabel('Persyaratan (Indonesia), satu per baris').fill('Akta asli\nFotokopi akta');
    await form.getByLabel('Persyaratan (Inggris), satu per baris').fill('Original certificate\nCopy of it');
    await form.getByLabel('Target layanan (menit)').fill('8');
    await form.getByRole('button', { name: 'Simpan' }).click();
    // The hub's refusal, at the prefix field.
    const prefixError = form
      .locator('.admin-field.invalid')
      .filter({ has: admin.getByLabel('Awalan nomor') });
    await prefixError.getByRole('alert').waitFor();
    expect(await prefixError.getByRole('alert').innerText()).toContain('Awalan A sudah dipakai');
    await adminShot(admin, '04-service-refused');
    expect(hub.service.config.services.some((s) => s.id === 'legalisir-akta')).toBe(false);
  });

  it('adds the service and a counter for it; a kiosk shows the service without a reload', async () => {
    const form = admin.getByTestId('service-form');
    await form.getByLabel('Awalan nomor').fill('LA');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await admin.getByText('Tersimpan dan berlaku sekarang.').waitFor();
    await admin.getByTestId('config-list-service').getByText('Legalisir Akta').waitFor();
    expect(hub.service.config.services.find((s) => s.id === 'legalisir-akta')?.requirements.id).toEqual([
      'Akta asli',
      'Fotokopi akta',
    ]);

    await admin.getByRole('tab', { name: 'Loket' }).click();
    await admin.getByRole('button', { name: /Tambah loket/ }).click();
    const counterForm = admin.getByTestId('counter-form');
    await counterForm.getByLabel('ID (huruf kecil, tetap)').fill('loket-25');
    await counterForm.getByLabel('Nomor loket (5, 12A)').fill('25');
    await counterForm.getByLabel('Instansi').selectOption('disdukcapil');
    await counterForm.getByLabel(/Legalisir Akta/).check();
    await counterForm.getByLabel('Zona (lantai, sayap)').fill('Lantai 1');
    await adminShot(admin, '05-counter-form');
    await counterForm.getByRole('button', { name: 'Simpan' }).click();
    await admin.getByText('Tersimpan dan berlaku sekarang.').waitFor();
    await admin.getByTestId('config-list-counter').getByText('Loket 25').waitFor();
    await adminShot(admin, '06-config-counters');

    // The kiosk page was open all along: the new service is there, with its requirements.
    await kiosk.getByTestId('agency-disdukcapil').click();
    await kiosk.getByTestId('service-legalisir-akta').click();
    await kiosk.getByText('Fotokopi akta').waitFor();
    await kiosk.getByTestId('take-number').click();
    const number = (await kiosk.getByTestId('ticket-number').textContent()) ?? '';
    expect(number).toMatch(/^LA-\d{3}$/);

    // Counter staff open the new counter and call: the ticket goes there, and the display shows it.
    const desk = connect(hub.url);
    clients.push(desk);
    await waitFor(desk, () => desk.status === 'online' && desk.state !== undefined);
    await signIn(desk, 'dukcapil1', pin('dukcapil1'));
    const opened = await desk.command({ type: 'setCounterStatus', counterId: 'loket-25', status: 'open' });
    expect(opened.ok).toBe(true);
    const called = await desk.command({ type: 'callNext', counterId: 'loket-25' });
    expect(called.ok).toBe(true);
    const ticket = Object.values(hub.service.state.tickets).find((t) => t.displayNumber === number);
    expect(ticket?.status).toBe('called');
    expect(ticket?.counterId).toBe('loket-25');
    await display.getByTestId('counter-loket-25').filter({ hasText: number }).waitFor({ timeout: 15_000 });

    // The board follows too: counter 25 open, at it dukcapil1 with the number.
    await admin.getByRole('link', { name: 'Papan pantau' }).click();
    const onBoard = admin.getByTestId('board-counter-loket-25');
    await onBoard.filter({ hasText: number }).waitFor();
    expect(await onBoard.innerText()).toContain('dukcapil1');
  });

  it('lists both changes in the audit trail, and filters it', async () => {
    await admin.getByRole('link', { name: 'Jejak audit' }).click();
    const table = admin.getByTestId('audit-table');
    await table.getByText('service:legalisir-akta').waitFor();
    await table.getByText('counter:loket-25').waitFor();
    expect(await table.innerText()).toContain('supervisor');
    await adminShot(admin, '07-audit');
    await admin.getByLabel('Cari subjek').fill('counter:');
    await expect.poll(() => table.getByText('service:legalisir-akta').count()).toBe(0);
    await table.getByText('counter:loket-25').click();
    await admin.getByRole('heading', { name: 'Sesudah' }).waitFor();
    await adminShot(admin, '08-audit-detail');
  });

  it('tells the second of two supervisors that the item changed meanwhile, and keeps the first change', async () => {
    await admin.getByRole('link', { name: 'Konfigurasi' }).click();
    await admin.getByTestId('config-list-service').waitFor();
    const row = admin.getByTestId('config-list-service').locator('li').filter({ hasText: 'Legalisir Akta' });
    await row.getByRole('button', { name: 'Ubah' }).click();
    const form = admin.getByTestId('service-form');
    // Meanwhile another supervisor changes the same service.
    const other = connect(hub.url);
    clients.push(other);
    await waitFor(other, () => other.status === 'online' && other.config !== undefined);
    await signIn(other, 'supervisor', pin('supervisor'));
    const current = hub.service.config.services.find((s) => s.id === 'legalisir-akta');
    if (!current) throw new Error('no service');
    const first = await other.request('config:change', {
      commandId: crypto.randomUUID(),
      expectedVersion: other.configVersion,
      change: { type: 'update', item: { kind: 'service', value: { ...current, targetMinutes: 9 } } },
    });
    expect(first.ok).toBe(true);
    await form.getByLabel('Target layanan (menit)').fill('12');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await admin.getByText(/baru saja diubah orang lain/).waitFor();
    await adminShot(admin, '09-conflict');
    expect(hub.service.config.services.find((s) => s.id === 'legalisir-akta')?.targetMinutes).toBe(9);
    // The form is reloaded on the config as it is now.
    await expect.poll(() => form.getByLabel('Target layanan (menit)').inputValue()).toBe('9');
  });

  it('edits the hall: hours refused at the day field, running text saved', async () => {
    await admin.getByRole('tab', { name: 'Aula & jam' }).click();
    const form = admin.getByTestId('hall-form');
    await form.getByLabel('Senin').fill('08:00-07:00');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.getByText('Jam selesai harus setelah jam mulai.').waitFor();
    await adminShot(admin, '10-hall-refused');
    await form.getByLabel('Senin').fill('08:00-12:00, 13:00-15:30');
    await form
      .getByLabel('Teks berjalan (Indonesia)')
      .fill('Selamat datang di MPP. Antrean dibuka pukul 08.00.');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await admin.getByText('Tersimpan dan berlaku sekarang.').waitFor();
    expect(hub.service.config.hall.runningText?.id).toBe(
      'Selamat datang di MPP. Antrean dibuka pukul 08.00.',
    );

    await admin.getByRole('tab', { name: 'Pengaturan antrean' }).click();
    await admin.getByTestId('settings-form').waitFor();
    await adminShot(admin, '11-settings');
    await admin.getByRole('tab', { name: 'Instansi' }).click();
    await admin.getByTestId('config-list-agency').waitFor();
    await adminShot(admin, '12-agencies');
    await admin.getByRole('link', { name: 'Petugas' }).click();
    await admin.getByTestId('staff-table').getByText('dukcapil1').waitFor();
    await adminShot(admin, '17-staff');
    await admin.getByRole('link', { name: 'Perangkat' }).click();
    await admin.getByTestId('devices-table').waitFor();
    expect(await admin.getByTestId('device-kiosk-kiosk-1').innerText()).toContain('Terhubung');
    await adminShot(admin, '16-devices');
    await admin.getByRole('link', { name: 'Konfigurasi' }).click();
    await admin.getByRole('tab', { name: 'Hari libur' }).click();
    await admin.getByRole('button', { name: /Tambah hari libur/ }).click();
    await admin.getByTestId('holiday-form').waitFor();
    await adminShot(admin, '13-holiday-form');
  });

  it('reads in English by the toggle, and at 200 % zoom', async () => {
    await admin.getByRole('button', { name: 'English' }).click();
    await admin.getByRole('link', { name: 'Live board' }).click();
    await admin.getByRole('heading', { name: 'Live board' }).waitFor();
    await adminShot(admin, '14-board-en');
    await admin.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    const zoomed = await browser.context.newPage();
    await zoomed.setViewportSize({ width: 683, height: 384 });
    // 1366×768 at 200 %: the same CSS pixels as a 683×384 window, twice as large on screen.
    const cdp = await browser.context.newCDPSession(zoomed);
    await cdp.send('Emulation.setDeviceMetricsOverride', {
      width: 683,
      height: 384,
      deviceScaleFactor: 2,
      mobile: false,
    });
    await zoomed.goto(`${hub.url}/admin/`);
    await zoomed.getByRole('heading', { name: 'Papan pantau langsung' }).waitFor();
    const overflow = await zoomed.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await adminShot(zoomed, '15-board-200pct');
    await zoomed.close();
  });
});
