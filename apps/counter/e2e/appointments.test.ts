import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ReadonlyTicket } from '@antre/shared';
import { hallInstant } from '@antre/shared';
import type { TestHub } from '@antre/hub/testing';
import { demoHall, screenshotPath, startTestHub } from '@antre/hub/testing';
import {
  counterMachine,
  demoKiosk,
  launchCounterBrowser,
  numberAfter,
  openCounter,
  signInAt,
  waitingAt,
} from './counter-harness.js';

/**
 * Appointments at the counter: staff check in a citizen who shows the booking code at the desk (the same
 * `booking:checkIn` as the kiosk's), and the checked-in appointment is called at its slot's time: after the
 * walk-in who came before the slot began, ahead of the walk-in who came after — with the counter's "next"
 * saying so before each call, and "Janji temu 10.00" beside it.
 */
const DAY = '2026-12-01';
const at = (clock: string) => hallInstant(DAY, clock, 'Asia/Jakarta');

let hub: TestHub;
let browser: Browser;
let kiosk: Awaited<ReturnType<typeof demoKiosk>>;
let loket15: Page;
let code = '';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: screenshotPath('counter', `appointment-${name}`) });

function ticket(displayNumber: string): ReadonlyTicket {
  const t = Object.values(hub.service.state.tickets).find((x) => x.displayNumber === displayNumber);
  if (!t) throw new Error(`no ticket ${displayNumber}`);
  return t;
}

/** The first ticket of the counter's "next" list. */
const nextUp = async (page: Page) =>
  (await page.getByTestId('upcoming').locator('.up-number').first().textContent()) ?? '';

beforeAll(async () => {
  const demo = await demoHall();
  hub = await startTestHub({ config: demo.config });
  const res = await fetch(`${hub.url}/api/booking`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      serviceId: 'skck',
      day: DAY,
      slotStart: at('10:00'),
      name: 'Rina Marlina',
      nik: '1374015708900001',
      phone: '081277889900',
    }),
  });
  const reply = (await res.json()) as { ok: boolean; booking?: { code: string } };
  code = reply.booking?.code ?? '';
  expect(code).toMatch(/^[2-9A-Z]{2}-[2-9A-Z]{6}$/);
  hub.clock.t = at('09:45');
  kiosk = await demoKiosk(hub);
  browser = await launchCounterBrowser();
  loket15 = await counterMachine(browser);
  await signInAt(loket15, hub.url, 'polres1', demo.pins.get('polres1') ?? '', '15');
  await openCounter(loket15);
}, 60_000);

afterAll(async () => {
  kiosk?.conn.close();
  await browser?.close();
  await hub?.dispose();
});

describe('appointments at the counter', () => {
  it('checks in a citizen who shows the code at the desk; a wrong code changes nothing', async () => {
    // A walk-in who came before the slot began.
    const early = await kiosk.issue('skck');
    await waitingAt(loket15, early);
    await loket15.getByTestId('check-in-open').click();
    const dialog = loket15.getByRole('dialog');
    await dialog.getByTestId('check-in-value').fill('ZZ-ABCDEF');
    await loket15.keyboard.press('Enter');
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('mal pelayanan lain');
    expect(Object.keys(hub.service.state.tickets)).toHaveLength(1);
    await shot(loket15, '1-refused');

    hub.clock.t = at('09:50');
    await dialog.getByTestId('check-in-value').fill(code.toLowerCase());
    expect(await dialog.getByTestId('check-in-read').textContent()).toBe('Dibaca sebagai kode janji temu');
    await loket15.keyboard.press('Enter');
    await expect
      .poll(() => dialog.getByTestId('check-in-outcome').textContent())
      .toBe('Nomor M-002 diterbitkan (Janji temu 10.00). Sampaikan nomor ini kepada warga.');
    expect(ticket('M-002').appointment?.slotStart).toBe(at('10:00'));
    await shot(loket15, '2-checked-in');
    // The same code again: the hub says it is done already.
    await dialog.getByTestId('check-in-value').fill(code);
    await loket15.keyboard.press('Enter');
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('sudah check-in');
    await loket15.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('calls the appointment at its time: after the walk-in who came before, ahead of the one who came after', async () => {
    hub.clock.t = at('10:02');
    const late = await kiosk.issue('skck');
    hub.clock.t = at('10:03');
    await waitingAt(loket15, late);
    await loket15.getByTestId('upcoming').getByText('Janji temu 10.00').waitFor();
    expect(await loket15.getByTestId('upcoming').locator('.up-number').allTextContents()).toEqual([
      'M-001',
      'M-002',
      late,
    ]);
    await shot(loket15, '3-queue');

    const called: string[] = [];
    let current: string | undefined;
    for (const expected of ['M-001', 'M-002', late]) {
      // The counter's "next" is the hub's pick, before the call is made.
      await expect.poll(() => nextUp(loket15)).toBe(expected);
      await loket15.keyboard.press('F1');
      current = await numberAfter(loket15, current);
      called.push(current);
      if (current === 'M-002') {
        expect(await loket15.getByTestId('appointment-reason').textContent()).toBe('Janji temu 10.00');
        await shot(loket15, '4-appointment-called');
      }
      await loket15.keyboard.press('F3');
      await loket15.getByText('Sedang dilayani', { exact: true }).waitFor();
      // Each visit takes two minutes of the hub's time.
      hub.clock.advance(2 * 60_000);
      await loket15.keyboard.press('F4');
      await expect.poll(() => ticket(current ?? '').status).toBe('done');
    }
    expect(called).toEqual(['M-001', 'M-002', late]);
    const calledAt = (n: string) => ticket(n).calledAt ?? 0;
    expect(calledAt('M-002')).toBeGreaterThan(calledAt('M-001'));
    expect(calledAt(late)).toBeGreaterThan(calledAt('M-002'));
    // Called within 10 minutes of its slot, though a walk-in had waited since before it.
    expect(calledAt('M-002') - at('10:00')).toBeLessThanOrEqual(10 * 60_000);
  }, 60_000);
});
