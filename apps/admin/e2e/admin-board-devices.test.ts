import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubConnection } from '@antre/client';
import type { TestBrowser, TestHub } from '@antre/hub/testing';
import {
  connect,
  demoHall,
  kioskCredentials,
  launchBrowser,
  startTestHub,
  waitFor,
} from '@antre/hub/testing';
import { LAPTOP, adminShot, signInAdmin } from './admin-harness.js';

/**
 * The supervisor board names the hall's kiosks that are offline and displays that are disconnected: the demo
 * hall with one display, kiosk-1 connected, kiosk-2 and the display not; then the display connects.
 */
let hub: TestHub;
let browser: TestBrowser;
let pins: Map<string, string>;
const open: HubConnection[] = [];

beforeAll(async () => {
  const demo = await demoHall();
  pins = demo.pins;
  hub = await startTestHub({
    config: { ...demo.config, displays: [{ id: 'tv-lobby', name: 'Layar ruang tunggu' }] },
  });
  browser = await launchBrowser(LAPTOP);
});

afterAll(async () => {
  for (const c of open) c.close();
  await browser?.close();
  await hub?.dispose();
});

async function device(credentials: Parameters<typeof connect>[1]): Promise<void> {
  const conn = connect(hub.url, credentials);
  open.push(conn);
  await waitFor(conn, () => conn.status === 'online');
}

describe('device alerts on the supervisor board', () => {
  it('shows an offline kiosk and a disconnected display, and drops the display once it connects', async () => {
    await device(kioskCredentials('kiosk-1'));
    const p = await browser.context.newPage();
    p.setDefaultTimeout(10_000);
    await signInAdmin(p, hub.url, 'supervisor', pins.get('supervisor') ?? '');
    const alerts = p.getByTestId('device-alerts');
    await alerts.getByTestId('device-alert-kiosk-kiosk-2').waitFor();
    await alerts.getByTestId('device-alert-display-tv-lobby').getByText('layar terputus').waitFor();
    expect(await alerts.getByTestId('device-alert-kiosk-kiosk-1').count()).toBe(0);
    await adminShot(p, '47-board-device-alerts');

    await device({ demoDevice: { kind: 'display', deviceId: 'tv-lobby' } });
    await p.reload();
    await p.getByTestId('device-alerts').getByTestId('device-alert-kiosk-kiosk-2').waitFor();
    expect(await p.getByTestId('device-alert-display-tv-lobby').count()).toBe(0);
    await p.close();
  });

  it('adds a display and renames a kiosk in the config; the board misses the new display at once', async () => {
    const p = await browser.context.newPage();
    p.setDefaultTimeout(10_000);
    await p.goto(`${hub.url}/admin/`);
    await p.getByRole('link', { name: 'Konfigurasi' }).click();
    await p.getByRole('tab', { name: 'Layar' }).click();
    await p.getByRole('button', { name: '+ Tambah layar' }).click();
    const form = p.getByTestId('display-form');
    await form.getByLabel('ID').fill('Layar Dua!');
    await form.getByLabel('Nama lengkap').fill('Layar lantai 2');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.getByText('Periksa isian yang ditandai.').waitFor();
    expect(hub.service.config.displays.map((d) => d.id)).toEqual(['tv-lobby']);
    await form.getByLabel('ID').fill('tv-lantai-2');
    await form.getByLabel('Zona (lantai, sayap)').fill('lantai-2');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await p.getByText('Tersimpan dan berlaku sekarang.').waitFor();
    expect(hub.service.config.displays.find((d) => d.id === 'tv-lantai-2')?.zone).toBe('lantai-2');
    await adminShot(p, '49-config-displays');

    await p.getByRole('tab', { name: 'Kios' }).click();
    const kiosk2 = p.getByTestId('config-list-kiosk').locator('li').filter({ hasText: 'kiosk-2' });
    await kiosk2.getByRole('button', { name: 'Ubah' }).click();
    await p.getByTestId('kiosk-form').getByLabel('Nama lengkap').fill('Kios pintu samping');
    await p.getByTestId('kiosk-form').getByRole('button', { name: 'Simpan' }).click();
    await p.getByText('Tersimpan dan berlaku sekarang.').waitFor();
    expect(hub.service.config.kiosks.find((k) => k.id === 'kiosk-2')?.name).toBe('Kios pintu samping');

    await p.getByRole('link', { name: 'Papan pantau' }).click();
    await p.getByTestId('device-alert-display-tv-lantai-2').waitFor();
    await p.getByTestId('device-alert-kiosk-kiosk-2').getByText('Kios pintu samping').waitFor();
    await p.close();
  });

  it('adds a service package: one service is refused at the field, two are saved, and a kiosk has it live', async () => {
    const kiosk = connect(hub.url, kioskCredentials('kiosk-2'));
    open.push(kiosk);
    await waitFor(kiosk, () => kiosk.config !== undefined);
    const p = await browser.context.newPage();
    p.setDefaultTimeout(10_000);
    await p.goto(`${hub.url}/admin/`);
    await p.getByRole('link', { name: 'Konfigurasi' }).click();
    await p.getByRole('tab', { name: 'Paket' }).click();
    await p.getByTestId('config-list-package').getByText('Pindah datang', { exact: false }).first().waitFor();
    await p.getByRole('button', { name: '+ Tambah paket' }).click();
    const form = p.getByTestId('package-form');
    await form.getByRole('textbox', { name: 'ID (huruf kecil, tetap)' }).fill('nikah');
    await form.getByLabel('Nama (Indonesia)').fill('Menikah');
    await form.getByLabel('Nama (Inggris)').fill('Getting married');
    await form.getByRole('checkbox', { name: /Kartu Keluarga/ }).check();
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.getByText('Periksa isian yang ditandai.').waitFor();
    expect(hub.service.config.packages.some((x) => x.id === 'nikah')).toBe(false);
    await adminShot(p, '53-config-package-refused');
    await form.getByRole('checkbox', { name: /Perekaman KTP-el/ }).check();
    await form.getByRole('button', { name: 'Simpan' }).click();
    await p.getByText('Tersimpan dan berlaku sekarang.').waitFor();
    await waitFor(kiosk, () => kiosk.config?.packages.some((x) => x.id === 'nikah') === true);
    expect(kiosk.config?.packages.find((x) => x.id === 'nikah')?.serviceIds).toEqual([
      'kartu-keluarga',
      'perekaman-ktp-el',
    ]);
    await adminShot(p, '54-config-packages');
    await p.close();
  });
});
