import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestBrowser, TestHub } from '@antre/hub/testing';
import { connect, demoHall, launchBrowser, signIn, startTestHub, waitFor } from '@antre/hub/testing';
import { LAPTOP, adminShot, signInAdmin } from './admin-harness.js';

/**
 * Staff management in the admin console: a supervisor adds a staff member (the PIN shown once, which then
 * signs in), is told at the field what is wrong with a bad user name, makes a new PIN for a staff member whose
 * open session then ends, and deactivates an account, which can no longer sign in.
 */
let hub: TestHub;
let browser: TestBrowser;
let pins: Map<string, string>;

beforeAll(async () => {
  const demo = await demoHall();
  pins = demo.pins;
  hub = await startTestHub({ config: demo.config });
  browser = await launchBrowser(LAPTOP);
});

afterAll(async () => {
  await browser?.close();
  await hub?.dispose();
});

let signedIn = false;

async function staffPage(): Promise<Page> {
  const p = await browser.context.newPage();
  p.setDefaultTimeout(10_000);
  // Deactivating and a new PIN ask first; the supervisor says yes.
  p.on('dialog', (d) => void d.accept());
  // The browser keeps the session of the first sign-in.
  if (signedIn) await p.goto(`${hub.url}/admin/`);
  else await signInAdmin(p, hub.url, 'supervisor', pins.get('supervisor') ?? '');
  signedIn = true;
  await p.getByRole('link', { name: 'Petugas' }).click();
  await p.getByTestId('staff-dukcapil1').waitFor();
  return p;
}

async function trySignIn(username: string, pin: string): Promise<string> {
  const conn = connect(hub.url);
  try {
    await waitFor(conn, () => conn.status === 'online');
    const reply = await conn.request('staff:signIn', { username, pin });
    return reply.ok ? 'signed in' : reply.error.code;
  } finally {
    conn.close();
  }
}

describe('staff accounts in the admin console', () => {
  it('adds a staff member, shows the PIN once, and refuses a bad user name at its field', async () => {
    const p = await staffPage();
    await adminShot(p, '40-staff-list');
    await p.getByRole('button', { name: 'Tambah petugas' }).click();
    const form = p.getByTestId('staff-form');
    await form.getByLabel('Nama pengguna').fill('Rina Putri');
    await form.getByLabel('Nama lengkap').fill('Rina Putri');
    await form.getByLabel('Instansi').selectOption('disdukcapil');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.getByText('Periksa isian yang ditandai.').waitFor();
    expect(await form.getByLabel('Nama pengguna').getAttribute('aria-invalid')).toBe('true');
    await adminShot(p, '41-staff-bad-username');
    expect(hub.service.staffAccounts.some((a) => a.name === 'Rina Putri')).toBe(false);

    await form.getByLabel('Nama pengguna').fill('dukcapil3');
    await form.getByRole('button', { name: 'Simpan' }).click();
    const shown = p.getByTestId('new-pin');
    await shown.waitFor();
    const pin = (await shown.locator('strong').innerText()).trim();
    expect(pin).toMatch(/^[0-9]{6}$/);
    await p.getByTestId('staff-dukcapil3').getByText('Aktif', { exact: true }).waitFor();
    await adminShot(p, '42-staff-new-pin');
    expect(await trySignIn('dukcapil3', pin)).toBe('signed in');
    // Shown once: gone after closing it, and in no event of the log.
    await shown.getByRole('button', { name: 'Tutup' }).click();
    expect(await p.getByTestId('new-pin').count()).toBe(0);
    const log = hub.store.db.prepare('SELECT payload FROM events').all() as Array<{ payload: string }>;
    expect(log.some((r) => r.payload.includes(pin))).toBe(false);
    await p.close();
  });

  it('makes a new PIN: the open session of that staff member ends, the old PIN no longer signs in', async () => {
    const p = await staffPage();
    const old = pins.get('dukcapil1') ?? '';
    const credentials: { sessionToken?: string } = {};
    const desk = connect(hub.url, credentials);
    await waitFor(desk, () => desk.status === 'online');
    credentials.sessionToken = await signIn(desk, 'dukcapil1', old);
    await p.getByTestId('staff-dukcapil1').getByRole('button', { name: 'PIN baru' }).click();
    await p.getByTestId('new-pin').waitFor();
    await waitFor(desk, () => desk.refusal?.code === 'UNAUTHENTICATED');
    desk.close();
    const pin = (await p.getByTestId('new-pin').locator('strong').innerText()).trim();
    expect(await trySignIn('dukcapil1', old)).toBe('INVALID_CREDENTIALS');
    expect(await trySignIn('dukcapil1', pin)).toBe('signed in');
    await p.close();
  });

  it('deactivates an account, which can no longer sign in, and reactivates it', async () => {
    const p = await staffPage();
    const row = p.getByTestId('staff-samsat1');
    await row.getByRole('button', { name: 'Nonaktifkan' }).click();
    await row.getByText('Nonaktif', { exact: true }).waitFor();
    await adminShot(p, '43-staff-deactivated');
    expect(await trySignIn('samsat1', pins.get('samsat1') ?? '')).toBe('INVALID_CREDENTIALS');
    await row.getByRole('button', { name: 'Aktifkan lagi' }).click();
    await row.getByText('Aktif', { exact: true }).waitFor();
    expect(await trySignIn('samsat1', pins.get('samsat1') ?? '')).toBe('signed in');

    // The audit trail lists the staff changes.
    await p.getByRole('link', { name: 'Jejak audit' }).click();
    await p.getByText('samsat1').first().waitFor();
    await adminShot(p, '44-staff-audit');
    await p.close();
  });

  it('reads in English, and at 200 % zoom without a sideways scroll of the page', async () => {
    const p = await staffPage();
    await p.getByRole('button', { name: 'English' }).click();
    await p.getByRole('heading', { name: 'Staff accounts' }).waitFor();
    await p.getByRole('button', { name: 'Add a staff member' }).click();
    await adminShot(p, '50-staff-en');
    await p.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await p.close();

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
    await zoomed.getByRole('link', { name: 'Petugas' }).click();
    await zoomed.getByTestId('staff-dukcapil1').waitFor();
    const overflow = await zoomed.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await adminShot(zoomed, '51-staff-200pct');
    await zoomed.getByTestId('staff-dukcapil1').scrollIntoViewIfNeeded();
    await adminShot(zoomed, '52-staff-200pct-table');
    await zoomed.close();
  });

  it('sets a supervisor password, after which the console asks for it instead of the PIN', async () => {
    const p = await staffPage();
    const form = p.getByTestId('my-password');
    await form.getByLabel('Kata sandi').fill('pendek');
    await form.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await form.getByText('10').first().waitFor();
    expect(await form.getByLabel('Kata sandi').getAttribute('aria-invalid')).toBe('true');
    await adminShot(p, '45-staff-password-too-short');
    await form.getByLabel('Kata sandi').fill('padang-panjang-2026');
    await form.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await form.getByText('Kata sandi tersimpan.').waitFor();

    await p.locator('.admin-header').getByRole('button', { name: 'Keluar' }).click();
    await p.getByLabel('Nama pengguna').fill('supervisor');
    await p.getByLabel('PIN').fill(pins.get('supervisor') ?? '');
    await p.keyboard.press('Enter');
    await p.getByText('Akun ini masuk dengan kata sandi.').waitFor();
    await adminShot(p, '46-sign-in-password-required');
    await p.getByLabel('Kata sandi').fill('padang-panjang-2026');
    await p.keyboard.press('Enter');
    await p.getByRole('link', { name: 'Petugas' }).waitFor();
    await p.close();
  });
});
