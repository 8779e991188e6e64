import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Principal } from '@antre/shared';
import type { TestBrowser, TestHub } from '@antre/hub/testing';
import { demoHall, launchBrowser, screenshotPath, startTestHub } from '@antre/hub/testing';

const SUPERVISOR: Principal = {
  kind: 'staff',
  staff: { username: 'supervisor', name: 'Supervisor', role: 'supervisor' },
};
let hub: TestHub;
let browser: TestBrowser;
let n = 0;

function run(command: Record<string, unknown>) {
  const reply = hub.service.execute(SUPERVISOR, `ikm-panel-${++n}`, command);
  if (!reply.ok) throw new Error(`${String(command['type'])}: ${reply.error.code}`);
  return reply;
}

beforeAll(async () => {
  hub = await startTestHub({ config: (await demoHall()).config });
  run({ type: 'setCounterStatus', counterId: 'loket-4', status: 'open' });
  for (const answers of [
    [4, 4, 4, 4, 4, 4, 4, 4, 3],
    [3, 4, 3, 4, 3, 4, 4, 3, 2],
  ]) {
    const issued = run({ type: 'issueTicket', serviceId: 'kartu-keluarga' }).events[0]?.event;
    if (issued?.type !== 'TicketIssued') throw new Error('no ticket');
    run({ type: 'callNext', counterId: 'loket-4' });
    run({ type: 'finish', counterId: 'loket-4' });
    const id = issued.ticket.id;
    const res = await fetch(`${hub.url}/api/survey`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ticketId: id, key: hub.survey.linkKey(id), answers }),
    });
    if (res.status !== 200) throw new Error(`survey ${res.status}`);
  }
  // One waiting, so the waiting list above the panel has a line.
  run({ type: 'issueTicket', serviceId: 'kartu-keluarga' });
  browser = await launchBrowser({ width: 1920, height: 1080 });
});

afterAll(async () => {
  await browser?.close();
  await hub?.dispose();
});

it("shows this month's satisfaction index under the waiting list when the screen is set to (?ikm=1)", async () => {
  const page = await browser.context.newPage();
  await page.clock.install({ time: hub.clock.now() });
  await page.goto(`${hub.url}/display/?ikm=1&lang=id`);
  const panel = page.getByTestId('ikm-panel');
  await panel.waitFor({ timeout: 15_000 });
  // NRR 3.5 4 3.5 4 3.5 4 4 3.5 2.5: Σ 32.5 / 9 × 25 = 90.277…, published 90,28: A, Sangat Baik.
  expect(await page.getByTestId('ikm-value').textContent()).toBe('90,28');
  expect(await panel.textContent()).toContain('Nilai kepuasan bulan ini');
  expect(await panel.textContent()).toContain('Sangat Baik');
  expect(await panel.textContent()).toContain('2 responden');
  // It takes no room from the waiting list's panel title or the big call.
  const waiting = await page.getByTestId('waiting').boundingBox();
  const box = await panel.boundingBox();
  expect(waiting && box && box.y >= waiting.y + waiting.height).toBe(true);
  await page.screenshot({ path: screenshotPath('display', 'ikm-panel-1920') });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: screenshotPath('display', 'ikm-panel-1280') });
  await page.close();
});

it('shows no index on a screen not set to', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${hub.url}/display/?lang=id`);
  await page.getByTestId('waiting').waitFor({ timeout: 15_000 });
  expect(await page.getByTestId('ikm-panel').count()).toBe(0);
  await page.close();
});
