import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestBrowser, TestHub } from '@antre/hub/testing';
import {
  connect,
  demoHall,
  kioskCredentials,
  launchBrowser,
  screenshotPath,
  startTestHub,
  waitFor,
} from '@antre/hub/testing';
import { hallInstant } from '@antre/shared';

let hub: TestHub;
let browser: TestBrowser;

beforeAll(async () => {
  const demo = await demoHall();
  hub = await startTestHub({ config: demo.config });
  browser = await launchBrowser({ width: 360, height: 740 });
}, 60_000);

afterAll(async () => {
  await browser.close();
  await hub.dispose();
});

async function shot(page: import('playwright-core').Page, name: string): Promise<void> {
  const path = screenshotPath('booking', name);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true });
}

describe('the booking page on a 360 px phone', () => {
  it('books, shows the code, cancels, books again, and the kiosk checks in by code and by NIK', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${hub.url}/booking`);
    await page.getByRole('button', { name: /Kepolisian|Polres/ }).click();
    await page.getByRole('button', { name: /SKCK/ }).click();
    await shot(page, '1-service');
    // Tuesday 1 December: the first day listed after Monday's remaining slots.
    await page.getByRole('button', { name: /Selasa, 1 Desember/ }).click();
    await page.getByRole('button', { name: /^10\.00/ }).click();
    await page.getByLabel(/Nama lengkap/).fill('Rina Marlina');
    await page.getByLabel(/NIK/).fill('1374 0157 0890 0001');
    await page.getByLabel(/Nomor HP/).fill('0812 7788 9900');
    await shot(page, '2-form');
    // A NIK that cannot be: the page says why, in both languages, and books nothing.
    await page.getByLabel(/NIK/).fill('1374 0132 0890 0001');
    await page.getByRole('button', { name: 'Pesan janji temu' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('tanggal lahir');
    await shot(page, '3-invalid-nik');
    await page.getByLabel(/NIK/).fill('1374 0157 0890 0001');
    await page.getByRole('button', { name: 'Pesan janji temu' }).click();
    const code = (await page.getByTestId('booking-code').textContent()) ?? '';
    expect(code).toMatch(/^[2-9A-Z]{2}-[2-9A-Z]{6}$/);
    await page.waitForFunction(() => {
      const img = document.querySelector('img.qr');
      return img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0;
    });
    await shot(page, '4-booked');

    await page.getByTestId('manage-link').click();
    await page.getByRole('button', { name: 'Batalkan janji temu' }).click();
    await expect.poll(() => page.getByTestId('booking-status').textContent()).toBe('Dibatalkan');
    await shot(page, '5-cancelled');

    await page.getByTestId('book-again').click();
    await page.getByRole('button', { name: /Kepolisian|Polres/ }).click();
    await page.getByRole('button', { name: /SKCK/ }).click();
    await page.getByRole('button', { name: /Selasa, 1 Desember/ }).click();
    await page.getByRole('button', { name: /^10\.15/ }).click();
    await page.getByLabel(/Nama lengkap/).fill('Rina Marlina');
    await page.getByLabel(/NIK/).fill('1374015708900001');
    await page.getByLabel(/Nomor HP/).fill('081277889900');
    await page.getByRole('button', { name: 'Pesan janji temu' }).click();
    const second = (await page.getByTestId('booking-code').textContent()) ?? '';
    expect(second).not.toBe(code);

    // Someone else books by the API; both check in at the kiosk on Tuesday, one by code and one by NIK.
    const other = await fetch(`${hub.url}/api/booking`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        serviceId: 'skck',
        day: '2026-12-01',
        slotStart: hallInstant('2026-12-01', '10:00', 'Asia/Jakarta'),
        name: 'Budi',
        nik: '1374011708900002',
        phone: '081200001111',
      }),
    });
    expect(other.status).toBe(200);
    hub.clock.t = hallInstant('2026-12-01', '09:50', 'Asia/Jakarta');
    const kiosk = connect(hub.url, kioskCredentials('kiosk-1'));
    try {
      await waitFor(kiosk, () => kiosk.status === 'online');
      const byCode = await kiosk.request('booking:checkIn', { code: second });
      expect(byCode).toMatchObject({ ok: true });
      const byNik = await kiosk.request('booking:checkIn', { nik: '1374011708900002' });
      expect(byNik).toMatchObject({ ok: true });
    } finally {
      kiosk.close();
    }

    // English, at 200 % zoom of a 640 px window (WCAG's reflow: 320 CSS px): one column, nothing cut off.
    const en = await browser.context.newPage();
    await en.setViewportSize({ width: 640, height: 900 });
    await en.goto(`${hub.url}/booking?lang=en&code=${second}`);
    await expect.poll(() => en.getByTestId('booking-status').textContent()).toBe('Checked in');
    await en.evaluate(() => {
      document.body.style.zoom = '2';
    });
    await shot(en, '6-checked-in-en-zoom');
    expect(await en.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  }, 120_000);
});

describe('a package on the booking page, on a 360 px phone', () => {
  it('lists the package, shows each slot with its chained legs, and books them under one code', async () => {
    const demo = await demoHall();
    const packaged = await startTestHub({
      config: {
        ...demo.config,
        packages: [
          ...demo.config.packages,
          {
            id: 'paspor-pertama',
            name: { id: 'Paspor pertama', en: 'First passport' },
            serviceIds: ['paspor-baru', 'perekaman-ktp-el'],
            order: [['perekaman-ktp-el', 'paspor-baru']],
          },
        ],
      },
    });
    try {
      const page = await browser.context.newPage();
      await page.goto(`${packaged.url}/booking`);
      await page
        .getByTestId('packages')
        .getByRole('button', { name: /Paspor pertama/ })
        .click();
      // Both services ask for the family card: the package lists it once.
      const asked = await page.locator('ul.req li').allTextContents();
      expect(asked.filter((r) => r.startsWith('Kartu Keluarga'))).toHaveLength(1);
      expect(new Set(asked).size).toBe(asked.length);
      await page.getByRole('button', { name: /Selasa, 1 Desember/ }).click();
      const ten = page.getByRole('button', { name: /^10\.00/ });
      await expect.poll(() => ten.textContent()).toContain('10.30');
      await shot(page, '7-package-slots');
      await ten.click();
      await page.getByLabel(/Nama lengkap/).fill('Dewi Lestari');
      await page.getByLabel(/NIK/).fill('1374 0157 0890 0001');
      await page.getByLabel(/Nomor HP/).fill('0812 7788 9900');
      await page.getByRole('button', { name: 'Pesan janji temu' }).click();
      const code = (await page.getByTestId('booking-code').textContent()) ?? '';
      expect(code).toMatch(/^[2-9A-Z]{2}-[2-9A-Z]{6}$/);
      const legs = await page.getByTestId('booking-legs').getByRole('listitem').allTextContents();
      expect(legs).toEqual(['10.00 · Perekaman KTP-el', '10.30 · Paspor baru']);
      await shot(page, '8-package-booked');
    } finally {
      await packaged.dispose();
    }
  }, 120_000);
});
