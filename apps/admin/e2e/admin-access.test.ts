import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestBrowser, TestHub } from '@antre/hub/testing';
import { demoHall, launchBrowser, startTestHub } from '@antre/hub/testing';
import { LAPTOP, adminShot, signInAdmin, withAgencyHead } from './admin-harness.js';

/**
 * Who may do what in the admin console: counter staff cannot open it, an agency's head changes only their
 * agency, and a hall supervisor revokes a kiosk, whose next ticket is then refused.
 */
let hub: TestHub;
let browser: TestBrowser;
let pins: Map<string, string>;

beforeAll(async () => {
  const demo = await demoHall();
  pins = demo.pins;
  hub = await startTestHub({ config: withAgencyHead(demo.config) });
  browser = await launchBrowser(LAPTOP);
});

afterAll(async () => {
  await browser?.close();
  await hub?.dispose();
});

async function page(): Promise<Page> {
  const p = await browser.context.newPage();
  p.setDefaultTimeout(10_000);
  return p;
}

function pin(username: string): string {
  return pins.get(username) ?? '';
}

describe('admin console access', () => {
  it('does not open for counter staff', async () => {
    const p = await page();
    await signInAdmin(p, hub.url, 'dukcapil1', pin('dukcapil1'));
    await p.getByText('Akun ini bukan supervisor').waitFor();
    expect(await p.getByRole('link', { name: 'Konfigurasi' }).count()).toBe(0);
    await adminShot(p, '20-counter-staff-refused');
    await p.getByRole('button', { name: 'Keluar' }).click();
    await p.getByRole('heading', { name: 'Masuk sebagai supervisor' }).waitFor();
    await p.close();
  });

  it("lets an agency's head change their agency's service, and not another agency's", async () => {
    const p = await page();
    // The head of Disdukcapil signs in with the PIN of dukcapil1 (see withAgencyHead).
    await signInAdmin(p, hub.url, 'kepala-duk', pin('dukcapil1'));
    await p.getByRole('heading', { name: 'Papan pantau langsung' }).waitFor();
    // The board shows their agency only.
    expect(await p.getByTestId('board-agency-samsat').count()).toBe(0);
    await p.getByTestId('board-agency-disdukcapil').waitFor();
    await adminShot(p, '21-agency-head-board');

    await p.getByRole('link', { name: 'Konfigurasi' }).click();
    const row = (name: string) =>
      p.getByTestId('config-list-service').locator('li').filter({ hasText: name });
    await row('Pajak kendaraan tahunan').getByRole('button', { name: 'Ubah' }).click();
    const form = p.getByTestId('service-form');
    await form.getByLabel('Target layanan (menit)').fill('25');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.getByText('Periksa isian yang ditandai.').or(p.getByRole('alert')).first().waitFor();
    const said = await p.getByRole('alert').allInnerTexts();
    expect(said.join(' ')).toMatch(/tidak berwenang|Tidak diizinkan|izin/i);
    await adminShot(p, '22-agency-head-refused');
    const samsat = hub.service.config.services.find((s) => s.id === 'pajak-kendaraan-tahunan');
    expect(samsat?.targetMinutes).not.toBe(25);

    await form.getByRole('button', { name: 'Batal' }).click();
    await row('Perekaman KTP-el').getByRole('button', { name: 'Ubah' }).click();
    await form.getByLabel('Target layanan (menit)').fill('11');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await p.getByText('Tersimpan dan berlaku sekarang.').waitFor();
    expect(hub.service.config.services.find((s) => s.id === 'perekaman-ktp-el')?.targetMinutes).toBe(11);
    await p.locator('.admin-header').getByRole('button', { name: 'Keluar' }).click();
    await p.getByRole('heading', { name: 'Masuk sebagai supervisor' }).waitFor();
    await p.close();
  });

  it('revokes a kiosk: the kiosk page cannot issue its next ticket', async () => {
    const kiosk = await page();
    await kiosk.clock.install({ time: hub.clock.now() });
    await kiosk.goto(`${hub.url}/kiosk/?kiosk=kiosk-2`);
    await kiosk.getByTestId('agency-disdukcapil').waitFor();

    const admin = await page();
    await signInAdmin(admin, hub.url, 'supervisor', pin('supervisor'), '/admin/devices');
    const row = admin.getByTestId('device-kiosk-kiosk-2');
    await row.getByText('Terhubung').waitFor();
    admin.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: 'Cabut' }).click();
    await row.getByText('Dicabut').waitFor();
    await adminShot(admin, '23-device-revoked');

    const issuedBefore = Object.keys(hub.service.state.tickets).length;
    await kiosk.getByTestId('agency-disdukcapil').click();
    await kiosk.getByTestId('service-perekaman-ktp-el').click();
    await kiosk.getByTestId('take-number').click();
    await kiosk.getByTestId('refused').waitFor();
    expect(Object.keys(hub.service.state.tickets).length).toBe(issuedBefore);
    await adminShot(kiosk, '24-revoked-kiosk-refused');

    // The audit trail says who revoked it.
    await admin.getByRole('link', { name: 'Jejak audit' }).click();
    await admin.getByTestId('audit-table').getByText('kiosk:kiosk-2').waitFor();
  });
});
