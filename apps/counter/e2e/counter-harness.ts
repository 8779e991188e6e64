import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import type { HubConnection } from '@antre/client';
import type { PriorityGroup } from '@antre/shared';
import { CHROMIUM_PATH, connect, kioskCredentials, waitFor } from '@antre/hub/testing';
import type { TestHub } from '@antre/hub/testing';

/** The laptops counters actually have. */
const LAPTOP = { width: 1366, height: 768 };

/**
 * One Chromium with a fresh context per counter: each counter is its own machine, with its own
 * storage (session token, chosen counter), as two staff at two desks would be.
 */
export async function launchCounterBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

export async function counterMachine(browser: Browser, viewport = LAPTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, timezoneId: 'Asia/Jakarta' });
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  return page;
}

/** Signs in through the form and takes a counter on the picker, as staff do each morning. */
export async function signInAt(
  page: Page,
  baseUrl: string,
  username: string,
  pin: string,
  counterName: string,
) {
  await page.goto(`${baseUrl}/counter/`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('PIN').fill(pin);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Pilih loket' }).waitFor();
  await page.getByRole('button', { name: new RegExp(`^Loket ${counterName}\\b`) }).click();
  await page.locator('.top-bar').waitFor();
}

/** Opens the counter from the closed-counter panel. */
export async function openCounter(page: Page) {
  await page.getByRole('button', { name: 'Buka loket' }).click();
  await page.getByText('Belum ada pengunjung').waitFor();
}

export function currentNumber(page: Page) {
  return page.getByTestId('current-number');
}

/** A kiosk on the hub's machine (trusted in demo mode), issuing tickets through the contract. */
export async function demoKiosk(
  hub: TestHub,
): Promise<{ conn: HubConnection; issue: (serviceId: string, priority?: PriorityGroup) => Promise<string> }> {
  const conn = connect(hub.url, kioskCredentials());
  await waitFor(conn, () => conn.status === 'online' && conn.state !== undefined);
  return {
    conn,
    async issue(serviceId, priority = 'none') {
      const reply = await conn.command({ type: 'issueTicket', serviceId, priority });
      if (!reply.ok) throw new Error(`issue failed: ${reply.error.code}`);
      const issued = reply.events[0]?.event;
      if (issued?.type !== 'TicketIssued') throw new Error('no ticket issued');
      return issued.ticket.displayNumber;
    },
  };
}

/** Resolves with the counter's current ticket number once it differs from `previous`. */
export async function numberAfter(page: Page, previous: string | undefined): Promise<string> {
  await page.waitForFunction(
    (prev) => {
      const text = document.querySelector('[data-testid="current-number"]')?.textContent ?? undefined;
      return text !== undefined && text !== prev;
    },
    previous,
    { timeout: 8000 },
  );
  return (await page.getByTestId('current-number').textContent()) ?? '';
}

/** The answer line under the ticket, once it says `text`. */
export async function feedbackSays(page: Page, text: string | RegExp): Promise<void> {
  await page.getByTestId('feedback').filter({ hasText: text }).waitFor();
}

/** Enter in an open dialog, then wait until it has closed (the shortcuts wait for it too). */
export async function confirmDialog(page: Page): Promise<void> {
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

/** F4 over a visitor only called: the counter asks whether they were served, and the answer is yes. */
export async function finishUnstarted(page: Page): Promise<void> {
  await page.keyboard.press('F4');
  await page
    .getByRole('dialog')
    .getByRole('heading', { name: /sudah dilayani\?$/ })
    .waitFor();
  await page.keyboard.press('ArrowDown');
  await confirmDialog(page);
}

/**
 * A number the hub would refuse, typed in the call-number dialog: the reason shows under the field, once on
 * the whole page (not again in an alert or the desk's answer line), and Enter sends nothing.
 */
export async function refusedAsTyped(page: Page, text: string): Promise<void> {
  await page.getByTestId('call-number-hint').filter({ hasText: text }).waitFor();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').waitFor();
  const everywhere = await page.locator('body').innerText();
  if (everywhere.split(text).length - 1 !== 1) throw new Error(`"${text}" is shown more than once`);
  if ((await page.getByRole('dialog').getByRole('alert').count()) !== 0) throw new Error('an alert as well');
}

/** Waits until the counter's queue shows `displayNumber` waiting: call next is offered only once it does. */
export async function waitingAt(page: Page, displayNumber: string): Promise<void> {
  await page.getByTestId('upcoming').getByText(displayNumber, { exact: true }).first().waitFor();
}
