import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CommandInput, Principal } from '@antre/shared';
import type { TestBrowser, TestHub } from '@antre/hub/testing';
import { demoHall, launchBrowser, screenshotPath, startTestHub } from '@antre/hub/testing';

const SUPERVISOR: Principal = {
  kind: 'staff',
  staff: { username: 'supervisor', name: 'Supervisor', role: 'supervisor' },
};
/** A 10-inch tablet facing the citizen at the counter, and a small phone. */
const TABLET = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };
/** WCAG's smallest comfortable target (2.5.5): a tile or button must be at least this, in CSS pixels. */
const TARGET_PX = 44;

let hub: TestHub;
let browser: TestBrowser;
let n = 0;

function run(command: CommandInput) {
  const reply = hub.service.execute(SUPERVISOR, `survey-screens-${++n}`, command);
  if (!reply.ok) throw new Error(`${command.type}: ${reply.error.code}`);
  return reply;
}

/** A Kartu Keluarga visit served and finished at loket-4: what ends a visit at the counter. */
function finishedVisit(): string {
  const issued = run({ type: 'issueTicket', serviceId: 'kartu-keluarga' }).events[0]?.event;
  if (issued?.type !== 'TicketIssued') throw new Error('no ticket');
  run({ type: 'callNext', counterId: 'loket-4' });
  run({ type: 'startServing', counterId: 'loket-4' });
  run({ type: 'finish', counterId: 'loket-4' });
  return issued.ticket.id;
}

interface IkmFigures {
  report: {
    overall: { ikm: { respondents: number; ikm?: number; elements: Array<{ nrr?: number }> } };
  };
}
async function ikm(): Promise<IkmFigures['report']['overall']['ikm']> {
  const reply = (await (await fetch(`${hub.url}/api/ikm?period=2026-11`)).json()) as IkmFigures;
  return reply.report.overall.ikm;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: screenshotPath('survey', name), fullPage: true });

/** A tall page in screen-high parts too, to be looked at at their real size. */
async function shotParts(page: Page, name: string): Promise<void> {
  await shot(page, name);
  const { width, height } = page.viewportSize() ?? PHONE;
  const total = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, part = 1; y < total; y += height, part++) {
    await page.screenshot({
      path: screenshotPath('survey', `${name}-part${part}`),
      fullPage: true,
      clip: { x: 0, y, width, height: Math.min(height, total - y) },
    });
  }
}

/** Nothing wider than the screen: text wraps instead of making the page scroll sideways. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    screen: window.innerWidth,
  }));
  expect(widths.page).toBeLessThanOrEqual(widths.screen);
}

/** Every visible answer tile and button is big enough for one finger. */
async function expectBigTargets(page: Page, selector: string): Promise<void> {
  const sizes = await page.$$eval(selector, (els) =>
    els
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({ width: Math.round(r.width), height: Math.round(r.height) })),
  );
  expect(sizes.length).toBeGreaterThan(0);
  for (const size of sizes) {
    expect(size.width).toBeGreaterThanOrEqual(TARGET_PX);
    expect(size.height).toBeGreaterThanOrEqual(TARGET_PX);
  }
}

beforeAll(async () => {
  hub = await startTestHub({ config: (await demoHall()).config });
  run({ type: 'setCounterStatus', counterId: 'loket-4', status: 'open' });
  browser = await launchBrowser(TABLET);
});

afterAll(async () => {
  await browser?.close();
  await hub?.dispose();
});

describe('the counter-facing survey screen on a 10-inch tablet', () => {
  it('waits idle, asks when the visit ends, takes one tap per question, thanks, and the IKM counts it', async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${hub.url}/survey?counter=loket-4`);
    await page.getByText('Selamat datang').waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'counter-01-idle-id');

    finishedVisit();
    await page.getByRole('heading', { name: 'Survei Kepuasan Masyarakat' }).waitFor();
    const current = page.locator('#form .q.current');
    await expect.poll(() => current.getAttribute('data-step')).toBe('0');
    await expectBigTargets(page, '#form .q.current .tile, nav button:not([hidden])');
    await expectNoSidewaysScroll(page);
    // Sending waits for the last page: one tap too early must not send a survey of one answer.
    expect(await page.locator('#send').isVisible()).toBe(false);
    await shot(page, 'counter-02-question-1-id');

    // English by the toggle, on the same question.
    await page.locator('#toggle').click();
    await page.getByText('Public satisfaction survey').waitFor();
    await shot(page, 'counter-03-question-1-en');
    await page.locator('#toggle').click();

    // The citizen taps 4 on the first eight questions and 3 on the last: each tap moves on by itself.
    for (let q = 0; q < 9; q++) {
      await expect.poll(() => current.getAttribute('data-step')).toBe(String(q));
      await current
        .locator('.tile')
        .nth(q === 8 ? 2 : 3)
        .click();
      if (q === 4) await shot(page, 'counter-04-question-5-answered-id');
    }
    await expect.poll(() => current.getAttribute('data-step')).toBe('profile');
    await expectBigTargets(page, '#form .q.current .tile, nav button:not([hidden])');
    expect(await page.locator('#send').isVisible()).toBe(true);
    expect(await page.locator('#next').isVisible()).toBe(false);
    await shot(page, 'counter-05-profile-id');
    await current.getByText('Perempuan').click();
    await page.locator('#send').click();
    await page.locator('#thanks').getByText('Terima kasih atas penilaian Anda!').waitFor();
    await shot(page, 'counter-06-thanks-id');

    // Counted: one respondent; NRR 4 on U1–U8 and 3 on U9.
    const figures = await ikm();
    expect(figures.respondents).toBe(1);
    expect(figures.elements.map((e) => e.nrr)).toEqual([4, 4, 4, 4, 4, 4, 4, 4, 3]);
    // (8 × 4 + 3) / 9 × 25 = 97.22…
    expect(figures.ikm).toBeCloseTo(97.22, 2);
    const report = await (await fetch(`${hub.url}/ikm?period=2026-11`)).text();
    expect(report).toContain('Indeks Kepuasan Masyarakat');
    await page.close();
  });

  it('stays usable at 200 % zoom (the tablet at half its width in CSS pixels)', async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
    await page.setViewportSize({ width: TABLET.width / 2, height: TABLET.height / 2 });
    await page.goto(`${hub.url}/survey?counter=loket-4`);
    await page.getByText('Selamat datang').waitFor();
    await shot(page, 'counter-07-idle-zoom200-id');
    finishedVisit();
    await page.getByRole('heading', { name: 'Survei Kepuasan Masyarakat' }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectBigTargets(page, '#form .q.current .tile, nav button:not([hidden])');
    await shot(page, 'counter-08-question-1-zoom200-id');
    await page.locator('#toggle').click();
    await page.getByText('Public satisfaction survey').waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'counter-09-question-1-zoom200-en');
    await page.close();
  });
});

describe("the survey on the citizen's phone, from the ticket's QR link", () => {
  it('shows the questionnaire at 360 px in Indonesian and English, takes the answers once, and thanks', async () => {
    const ticketId = finishedVisit();
    const page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
    await page.setViewportSize(PHONE);
    const link = `${hub.url}/t/${ticketId}?k=${hub.survey.linkKey(ticketId)}`;
    await page.goto(link);
    await page.getByRole('heading', { name: 'Survei Kepuasan Masyarakat' }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectBigTargets(page, '.tile, .send, .toggle');
    await shotParts(page, 'phone-01-survey-id');

    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Public satisfaction survey' }).waitFor();
    await expectNoSidewaysScroll(page);
    await shotParts(page, 'phone-02-survey-en');

    const before = (await ikm()).respondents;
    for (let q = 1; q <= 9; q++)
      await page.locator(`input[name="u${q}"][value="${q === 1 ? 2 : 3}"]`).check({ force: true });
    await page.getByRole('button', { name: 'Send answers' }).click();
    await page.getByText('Thank you for your feedback!').waitFor();
    await shot(page, 'phone-03-thanks-en');
    expect((await ikm()).respondents).toBe(before + 1);

    // A 360 px phone at 200 % would be 180 CSS pixels; WCAG's reflow case is 320 px (1280 at 400 %).
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(link);
    await page.getByText('Terima kasih atas penilaian Anda!').waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'phone-04-thanks-320px-id');
    await page.close();
  });

  it('reflows the questionnaire at 320 CSS pixels (WCAG 1.4.10), without sideways scrolling', async () => {
    const ticketId = finishedVisit();
    const page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${hub.url}/t/${ticketId}?k=${hub.survey.linkKey(ticketId)}`);
    await page.getByRole('heading', { name: 'Survei Kepuasan Masyarakat' }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectBigTargets(page, '.tile, .send, .toggle');
    await shotParts(page, 'phone-05-survey-320px-id');
    await page.close();
  });

  it('keeps a link without its key on the status page, with no form to fill in', async () => {
    const ticketId = finishedVisit();
    const page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
    await page.setViewportSize(PHONE);
    await page.goto(`${hub.url}/t/${ticketId}`);
    await page.locator('#card').waitFor();
    expect(await page.locator('input[name="u1"]').count()).toBe(0);
    await shot(page, 'phone-06-no-key-status-page');
    await page.close();
  });
});
