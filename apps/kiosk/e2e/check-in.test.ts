import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestBrowser, TestHub } from '@antre/hub/testing';
import { demoHall, launchBrowser, screenshotPath, startTestHub } from '@antre/hub/testing';
import type { FakePrinter } from '@antre/printer/testing';
import { decodeEscPos, receiptText, startFakePrinter } from '@antre/printer/testing';
import { hallInstant } from '@antre/shared';

/**
 * "Saya sudah punya janji temu" at the kiosk: check-in by the code on the keypad, by the NIK, and by a USB
 * scanner (which types the QR's code and Enter); refusals said on the screen, a late citizen offered a regular
 * ticket. The tickets print. Looked at landscape, portrait and at 200 % zoom.
 */
const DAY = '2026-12-01';
const at = (clock: string) => hallInstant(DAY, clock, 'Asia/Jakarta');
const NIK_ON_TIME = '1374011708900002';

let hub: TestHub;
let printer: FakePrinter;
let browser: TestBrowser;
const codes: Record<'byCode' | 'late', string> = { byCode: '', late: '' };

async function book(slot: string, nik: string): Promise<string> {
  const res = await fetch(`${hub.url}/api/booking`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      serviceId: 'skck',
      day: DAY,
      slotStart: at(slot),
      name: 'Warga',
      nik,
      phone: '081200001111',
    }),
  });
  const reply = (await res.json()) as { ok: boolean; booking?: { code: string } };
  if (!reply.ok || !reply.booking) throw new Error(`booking refused: ${JSON.stringify(reply)}`);
  return reply.booking.code;
}

beforeAll(async () => {
  const demo = await demoHall();
  printer = await startFakePrinter();
  demo.config.kiosks = demo.config.kiosks.map((k) =>
    k.id === 'kiosk-1' ? { ...k, printer: printer.url } : k,
  );
  hub = await startTestHub({ config: demo.config });
  codes.byCode = await book('10:00', '1374015708900001');
  await book('10:15', NIK_ON_TIME);
  codes.late = await book('09:00', '1374012708900003');
  // Tuesday 09:50: check-in is open for 10:00 and 10:15, and closed (15 minutes after) for 09:00.
  hub.clock.t = at('09:50');
  browser = await launchBrowser({ width: 1920, height: 1080 });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await hub?.dispose();
  await printer?.close();
});

async function kioskPage(width: number, height: number, scale = 1): Promise<Page> {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(10_000);
  await page.setViewportSize({ width, height });
  if (scale !== 1) {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', {
      width,
      height,
      deviceScaleFactor: scale,
      mobile: false,
    });
  }
  await page.clock.install({ time: hub.clock.now() });
  await page.goto(`${hub.url}/kiosk/?kiosk=kiosk-1`);
  await page.getByTestId('check-in-entry').waitFor();
  return page;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: screenshotPath('kiosk', `check-in-${name}`) });

/** Types on the on-screen keypad, key by key. */
async function keypad(page: Page, text: string): Promise<void> {
  for (const key of text.replace(/[-\s]/g, '')) {
    await page.locator('.osk').getByRole('button', { name: key, exact: true }).click();
  }
}

/** The printer's job that carries this number. */
async function printed(number: string): Promise<string> {
  await expect
    .poll(() => printer.jobs.map((j) => receiptText(decodeEscPos(j))).find((t) => t.includes(number)), {
      timeout: 5000,
    })
    .toBeDefined();
  return printer.jobs.map((j) => receiptText(decodeEscPos(j))).find((t) => t.includes(number)) ?? '';
}

describe('appointment check-in at the kiosk', () => {
  it('checks in by the keypad code and by NIK, and the tickets print, ranked at their slots', async () => {
    const page = await kioskPage(1920, 1080);
    await shot(page, '1-home');
    await page.getByTestId('check-in-entry').click();
    await page.getByTestId('check-in-screen').waitFor();
    expect(await page.getByTestId('check-in-submit').isDisabled()).toBe(true);
    await keypad(page, codes.byCode);
    expect(await page.getByTestId('check-in-field').textContent()).toBe(codes.byCode.replace('-', ''));
    expect(await page.getByTestId('check-in-read').textContent()).toBe('Dibaca sebagai kode janji temu');
    await shot(page, '2-code-typed');
    await page.getByTestId('check-in-submit').click();
    await page.getByTestId('ticket-screen').waitFor();
    expect(await page.getByTestId('ticket-appointment').textContent()).toBe('Janji temu 10.00');
    const first = (await page.getByTestId('ticket-number').textContent()) ?? '';
    await expect.poll(() => page.getByTestId('print-status').getAttribute('class')).toContain('ok');
    await shot(page, '3-ticket');
    expect(await printed(first)).toContain(first);
    const ticket = Object.values(hub.service.state.tickets).find((t) => t.displayNumber === first);
    expect(ticket?.appointment?.slotStart).toBe(at('10:00'));

    await page.getByTestId('done').click();
    await page.getByTestId('check-in-entry').click();
    await keypad(page, NIK_ON_TIME);
    expect(await page.getByTestId('check-in-read').textContent()).toBe('Dibaca sebagai NIK');
    await page.getByTestId('check-in-submit').click();
    await page.getByTestId('ticket-screen').waitFor();
    expect(await page.getByTestId('ticket-appointment').textContent()).toBe('Janji temu 10.15');
    const second = (await page.getByTestId('ticket-number').textContent()) ?? '';
    expect(second).not.toBe(first);
    expect(await printed(second)).toContain(second);

    // The same code again: refused on the screen, nothing issued.
    await page.getByTestId('done').click();
    const tickets = Object.keys(hub.service.state.tickets).length;
    await page.getByTestId('check-in-entry').click();
    await keypad(page, codes.byCode);
    await page.getByTestId('check-in-submit').click();
    await expect.poll(() => page.getByTestId('check-in-problem').textContent()).toContain('sudah check-in');
    expect(Object.keys(hub.service.state.tickets)).toHaveLength(tickets);
    await page.close();
  }, 60_000);

  it("takes a scanner's code and Enter, says why not, and offers the late citizen a regular ticket", async () => {
    const page = await kioskPage(1920, 1080);
    await page.getByTestId('check-in-entry').click();
    const tickets = Object.keys(hub.service.state.tickets).length;
    // Another hall's code, as a scanner types it.
    await page.keyboard.type('ZZ-ABCDEF');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('check-in-problem').textContent())
      .toContain('mal pelayanan lain');
    expect(await page.getByTestId('check-in-walk-in').count()).toBe(0);
    // The next scan starts afresh: the late booking's code.
    await page.keyboard.type(codes.late.toLowerCase());
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('check-in-problem').textContent())
      .toContain('nomor antrean biasa');
    expect(await page.getByTestId('check-in-field').textContent()).toBe(codes.late);
    expect(Object.keys(hub.service.state.tickets)).toHaveLength(tickets);
    await shot(page, '4-late-landscape');
    await page.getByTestId('check-in-walk-in').click();
    await page.getByTestId('take-number').click();
    await page.getByTestId('ticket-screen').waitFor();
    expect(await page.getByTestId('ticket-appointment').count()).toBe(0);
    const number = (await page.getByTestId('ticket-number').textContent()) ?? '';
    const walkIn = Object.values(hub.service.state.tickets).find((t) => t.displayNumber === number);
    expect(walkIn).toMatchObject({ serviceId: 'skck' });
    expect(walkIn?.appointment).toBeUndefined();
    await page.close();
  }, 60_000);

  it('speaks English when asked: the screen, the refusal and the walk-in offer', async () => {
    const page = await kioskPage(1920, 1080);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('check-in-entry').click();
    await page.getByRole('heading', { name: 'Appointment check-in' }).waitFor();
    await page.keyboard.type(codes.late);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('check-in-problem').textContent())
      .toContain('Sorry, check-in has closed. You can still take a regular queue ticket.');
    expect(await page.getByTestId('check-in-walk-in').textContent()).toBe(
      'Take a regular queue number for Police clearance certificate (SKCK)',
    );
    await shot(page, '7-late-en');
    await page.close();
  }, 60_000);

  const SIZES = [
    { name: 'portrait', width: 1080, height: 1920, scale: 1 },
    { name: 'zoom200-landscape', width: 960, height: 540, scale: 2 },
    { name: 'zoom200-portrait', width: 540, height: 960, scale: 2 },
  ] as const;
  for (const size of SIZES) {
    it(`shows the keypad, the refusal and the walk-in offer whole: ${size.name}`, async () => {
      const page = await kioskPage(size.width, size.height, size.scale);
      await page.getByTestId('check-in-entry').click();
      await keypad(page, codes.late);
      await page.getByTestId('check-in-submit').click();
      await page.getByTestId('check-in-walk-in').waitFor();
      await shot(page, `5-late-${size.name}`);
      // Nothing runs off the side; the offer and every key can be brought into view and touched.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth + 1)).toBe(true);
      for (const target of [page.getByTestId('check-in-walk-in'), page.locator('.osk-key').last()]) {
        await target.scrollIntoViewIfNeeded();
        const box = await target.boundingBox();
        expect(box && box.width >= 44 && box.height >= 44).toBe(true);
      }
      await page.locator('.osk').scrollIntoViewIfNeeded();
      await shot(page, `6-keypad-${size.name}`);
      await page.close();
    }, 60_000);
  }
});
