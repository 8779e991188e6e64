import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CommandInput, Principal } from '@antre/shared';
import type { TestBrowser, TestHub } from '@antre/hub/testing';
import { demoHall, launchBrowser, screenshotPath, startTestHub } from '@antre/hub/testing';

const SUPERVISOR: Principal = {
  kind: 'staff',
  staff: { username: 'supervisor', name: 'Supervisor', role: 'supervisor' },
};

let hub: TestHub;
let browser: TestBrowser;
let page: Page;
let ticketId = '';
let n = 0;

/** A command as the hub takes it from a signed-in supervisor. */
function run(command: CommandInput) {
  const reply = hub.service.execute(SUPERVISOR, `status-page-${++n}`, command);
  if (!reply.ok) throw new Error(`${command.type}: ${reply.error.code}`);
  return reply;
}

beforeAll(async () => {
  hub = await startTestHub({ config: (await demoHall()).config });
  run({ type: 'setCounterStatus', counterId: 'loket-4', status: 'open' });
  for (let i = 0; i < 3; i++) {
    hub.clock.advance(60_000);
    const reply = run({ type: 'issueTicket', serviceId: 'kartu-keluarga' });
    const issued = reply.events.find((e) => e.event.type === 'TicketIssued')?.event;
    if (issued?.type === 'TicketIssued') ticketId = issued.ticket.id;
  }
  browser = await launchBrowser({ width: 390, height: 844 });
  page = await browser.context.newPage();
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser?.close();
  await hub?.dispose();
});

const shot = (name: string) => page.screenshot({ path: screenshotPath('status-page', name), fullPage: true });
const card = () => page.locator('#card');

describe('the ticket status page on a phone', () => {
  it('shows where to wait and follows the ticket live, without reloading', async () => {
    // As the printed ticket's QR code links it: with the ticket's survey link key.
    await page.goto(`${hub.url}/t/${ticketId}?k=${hub.survey.linkKey(ticketId)}`);
    await card().getByText('C-003').waitFor();
    expect(await card().getByTestId('where').textContent()).toContain('Loket 4 · Lantai 1');
    expect(await card().textContent()).toMatch(/Antrean di depan Anda.*2/s);
    await shot('01-waiting');
    // Set once: a reload would lose it.
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

    // The two ahead are called and served: the place moves up on its own.
    run({ type: 'callNext', counterId: 'loket-4' });
    run({ type: 'finish', counterId: 'loket-4' });
    run({ type: 'callNext', counterId: 'loket-4' });
    await expect.poll(() => card().locator('dd').nth(2).textContent()).toBe('0');

    run({ type: 'finish', counterId: 'loket-4' });
    run({ type: 'callNext', counterId: 'loket-4' });
    await card().getByText('Silakan menuju Loket 4 · Lantai 1').waitFor();
    expect(await page.title()).toBe('🔔 C-003 dipanggil · Loket 4');
    expect(await card().getByTestId('status').textContent()).toContain('Dipanggil');
    await shot('02-called');
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  });

  it('recovers after a hub restart, without a reload, and follows the ticket again', async () => {
    await hub.close();
    await page.locator('#net').waitFor({ state: 'visible' });
    await shot('03-hub-down');
    hub = await hub.restart();
    run({ type: 'hold', counterId: 'loket-4' });
    await card().getByTestId('status').getByText('Ditahan').waitFor();
    await page.locator('#net').waitFor({ state: 'hidden' });
    expect(await card().textContent()).toContain('Anda akan dipanggil lagi');
    await shot('04-held-after-restart');
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  });

  it('tells a visitor who missed the call what to do, and offers sound and vibration', async () => {
    run({ type: 'callTicket', counterId: 'loket-4', ticket: ticketId });
    run({ type: 'noShow', counterId: 'loket-4', confirm: true });
    await card().getByText('Anda tidak hadir saat dipanggil').waitFor();
    expect(await page.getByRole('button', { name: /Bunyi dan getar/ }).isVisible()).toBe(true);
    await shot('05-no-show');
  });

  it('turns into the satisfaction survey when the visit ends while the page is open', async () => {
    run({ type: 'putBack', counterId: 'loket-4', ticket: ticketId });
    run({ type: 'callTicket', counterId: 'loket-4', ticket: ticketId });
    run({ type: 'startServing', counterId: 'loket-4' });
    await card().getByTestId('status').getByText('Sedang dilayani').waitFor();
    run({ type: 'finish', counterId: 'loket-4' });
    await page.getByRole('heading', { name: /Survei Kepuasan Masyarakat/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/t/${ticketId}`);
    await shot('06-survey');
  });
});
