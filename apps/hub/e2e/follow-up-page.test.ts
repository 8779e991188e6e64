import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@antre/shared';
import type { TestBrowser, TestHub } from '@antre/hub/testing';
import {
  connect,
  demoHall,
  launchBrowser,
  screenshotPath,
  signIn,
  startTestHub,
  waitFor,
} from '@antre/hub/testing';

const SUPERVISOR: Principal = {
  kind: 'staff',
  staff: { username: 'supervisor', name: 'Supervisor', role: 'supervisor' },
};
let hub: TestHub;
let browser: TestBrowser;
let pins: Map<string, string>;
let n = 0;

function run(command: Record<string, unknown>) {
  const reply = hub.service.execute(SUPERVISOR, `follow-up-${++n}`, command);
  if (!reply.ok) throw new Error(`${String(command['type'])}: ${reply.error.code}`);
  return reply;
}

async function tokenOf(username: string): Promise<string> {
  const conn = connect(hub.url);
  await waitFor(conn, () => conn.status === 'online');
  const token = await signIn(conn, username, pins.get(username) ?? '');
  conn.close();
  return token;
}

const PLAN = {
  planId: 'plan-test-0001',
  period: '2026-11',
  element: 'U9',
  action: 'Tambah kursi ruang tunggu',
  owner: 'Kepala MPP',
  due: '2026-12-31',
};
const post = (body: unknown, token?: string) =>
  fetch(`${hub.url}/api/survey/follow-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

async function plans(): Promise<Array<{ action: string; done: boolean }>> {
  const reply = (await (await fetch(`${hub.url}/api/ikm?period=2026-11`)).json()) as {
    report: { followUps: Array<{ action: string; done: boolean }> };
  };
  return reply.report.followUps;
}

beforeAll(async () => {
  const demo = await demoHall();
  pins = demo.pins;
  hub = await startTestHub({ config: demo.config });
  run({ type: 'setCounterStatus', counterId: 'loket-4', status: 'open' });
  const issued = run({ type: 'issueTicket', serviceId: 'kartu-keluarga' }).events[0]?.event;
  if (issued?.type !== 'TicketIssued') throw new Error('no ticket');
  run({ type: 'callNext', counterId: 'loket-4' });
  run({ type: 'finish', counterId: 'loket-4' });
  const id = issued.ticket.id;
  await fetch(`${hub.url}/api/survey`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ticketId: id, key: hub.survey.linkKey(id), answers: [4, 4, 3, 4, 4, 3, 4, 3, 2] }),
  });
  browser = await launchBrowser({ width: 1280, height: 800 });
});

afterAll(async () => {
  await browser?.close();
  await hub?.dispose();
});

describe("the supervisor's follow-up form", () => {
  it('records a plan only for a signed-in supervisor, with a clear error otherwise', async () => {
    const none = await post(PLAN);
    expect(none.status).toBe(401);
    const staff = await post(PLAN, await tokenOf('dukcapil1'));
    expect(staff.status).toBe(403);
    expect(((await staff.json()) as { error: { text: { id: string } } }).error.text.id).toBeTruthy();
    const forged = await post(PLAN, 'forgedtoken123');
    expect(forged.status).toBe(401);
    const supervisor = await tokenOf('supervisor');
    const bad = await post({ ...PLAN, element: 'U10' }, supervisor);
    expect(bad.status).toBe(400);
    expect(await plans()).toEqual([]);
  });

  it('lets a supervisor record a plan for the weakest element in the browser, then mark it done', async () => {
    const token = await tokenOf('supervisor');
    const page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
    await page.addInitScript((t) => {
      localStorage.setItem('antre.counter.session', JSON.stringify({ sessionToken: t, staff: {} }));
    }, token);
    await page.goto(`${hub.url}/ikm/tindak-lanjut?period=2026-11`);
    await page.getByRole('heading', { name: 'Tindak lanjut hasil SKM' }).waitFor();
    expect(await page.locator('#signin').isVisible()).toBe(false);
    // U9 (2,00) is the weakest: the form starts on it.
    expect(await page.locator('select[name="element"]').inputValue()).toBe('U9');
    await page.fill('textarea[name="action"]', 'Tambah kursi dan kipas angin di ruang tunggu lantai 1');
    await page.fill('input[name="owner"]', 'Kepala MPP');
    await page.fill('input[name="due"]', '2026-12-31');
    await page.screenshot({ path: screenshotPath('follow-up', '01-form-filled-1280'), fullPage: true });
    await page.getByRole('button', { name: 'Simpan rencana' }).click();
    await page.getByRole('cell', { name: 'Tambah kursi dan kipas angin di ruang tunggu lantai 1' }).waitFor();
    expect(await plans()).toMatchObject([
      { action: 'Tambah kursi dan kipas angin di ruang tunggu lantai 1', done: false },
    ]);
    await page.screenshot({ path: screenshotPath('follow-up', '02-plan-recorded-1280'), fullPage: true });

    await page.getByRole('button', { name: 'Ubah' }).click();
    await page.check('input[name="done"]');
    await page.getByRole('button', { name: 'Simpan rencana' }).click();
    await expect.poll(async () => (await plans())[0]?.done).toBe(true);
    expect(await plans()).toHaveLength(1);
    await page.getByRole('cell', { name: 'Sudah selesai' }).waitFor();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: screenshotPath('follow-up', '03-plan-done-360'), fullPage: true });
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1] ?? 0);
    await page.close();
  });

  it('tells someone not signed in where to sign in', async () => {
    const page = await browser.context.newPage();
    // The browser has no staff session (the earlier test's is still in this profile).
    await page.addInitScript(() => localStorage.removeItem('antre.counter.session'));
    await page.goto(`${hub.url}/ikm/tindak-lanjut?period=2026-11&lang=en`);
    await page.locator('#signin').waitFor();
    expect(await page.locator('#signin').textContent()).toContain('Sign in as a supervisor');
    await page.screenshot({ path: screenshotPath('follow-up', '04-not-signed-in-en') });
    await page.close();
  });
});
