import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  const reply = hub.service.execute(SUPERVISOR, `ikm-print-${++n}`, command);
  if (!reply.ok) throw new Error(`${String(command['type'])}: ${reply.error.code}`);
  return reply;
}

async function rated(serviceId: string, counterId: string, answers: number[]): Promise<void> {
  const issued = run({ type: 'issueTicket', serviceId }).events[0]?.event;
  if (issued?.type !== 'TicketIssued') throw new Error('no ticket');
  run({ type: 'callNext', counterId });
  run({ type: 'finish', counterId });
  const id = issued.ticket.id;
  const res = await fetch(`${hub.url}/api/survey`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ticketId: id, key: hub.survey.linkKey(id), answers, profile: { age: '30-39' } }),
  });
  if (res.status !== 200) throw new Error(`survey ${res.status}`);
}

beforeAll(async () => {
  hub = await startTestHub({ config: (await demoHall()).config });
  for (const counterId of ['loket-4', 'loket-12'])
    run({ type: 'setCounterStatus', counterId, status: 'open' });
  await rated('kartu-keluarga', 'loket-4', [4, 4, 3, 4, 4, 4, 4, 3, 2]);
  await rated('kartu-keluarga', 'loket-4', [3, 4, 3, 4, 3, 4, 4, 3, 2]);
  await rated('perubahan-data-jkn', 'loket-12', [3, 3, 3, 4, 3, 3, 3, 3, 1]);
  const plan = hub.survey.recordFollowUp(SUPERVISOR, {
    planId: 'plan-0001',
    period: '2026-11',
    element: 'U9',
    action: 'Tambah kursi dan kipas angin di ruang tunggu lantai 1',
    owner: 'Kepala MPP',
    due: '2026-12-31',
  });
  if (!plan.ok) throw new Error(plan.error.code);
  browser = await launchBrowser({ width: 1280, height: 800 });
});

afterAll(async () => {
  await browser?.close();
  await hub?.dispose();
});

describe('the official IKM report', () => {
  it('prints on A4 with the computation table, the chart and the tables', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${hub.url}/ikm?period=2026-11`);
    expect(await page.getByTestId('unit-ikm').textContent()).toBe('81,48');
    await page.screenshot({ path: screenshotPath('ikm', 'report-screen-1280'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const file = screenshotPath('ikm', 'report-a4').replace(/\.png$/, '.pdf');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    execFileSync('pdftoppm', ['-png', '-r', '70', file, file.replace(/\.pdf$/, '')]);
    const pages = readdirSync(dirname(file)).filter((f) => /^report-a4-\d+\.png$/.test(f));
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(3);
    await page.close();
  });

  it('reads on a 360 px phone without sideways scrolling', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${hub.url}/ikm?period=2026-11&lang=en`);
    await page.screenshot({ path: screenshotPath('ikm', 'report-phone-360-en'), fullPage: true });
    await page.screenshot({ path: screenshotPath('ikm', 'report-phone-360-en-top') });
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1] ?? 0);
    await page.close();
  });
});
