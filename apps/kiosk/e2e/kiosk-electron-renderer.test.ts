import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestBrowser, TestHub } from '@antre/hub/testing';
import { demoHall, launchBrowser, screenshotPath, startTestHub } from '@antre/hub/testing';
import { decodeEscPos, receiptText } from '@antre/printer/testing';
import type { CheckInEntry, IssueRequest, KioskLanguage, KioskSnapshot } from '../src/core/kiosk-backend.js';
import type { KioskBridge } from '../src/core/kiosk-bridge.js';
import type { TestKiosk } from './agent-harness.js';
import { startTestKiosk, until } from './agent-harness.js';
import { stopHub } from './hall-activity.js';

/**
 * The Electron kiosk's renderer, headless: the page gets a `window.antre` bridge that calls a real kiosk
 * agent in this Node process, as the preload and the main process's IPC do. The offline path end to end.
 */
let hub: TestHub;
let kiosk: TestKiosk;
let browser: TestBrowser;
let page: Page;

declare global {
  interface Window {
    antre?: KioskBridge;
    antreCall(method: string, args: unknown[]): Promise<unknown>;
    antrePush(snapshot: KioskSnapshot): void;
  }
}

beforeAll(async () => {
  hub = await startTestHub({ config: (await demoHall()).config });
  kiosk = await startTestKiosk(hub, 'kiosk-1');
  await until(
    () => (kiosk.agent.store.offlineNumbersLeft(hub.service.state.day).get('perekaman-ktp-el') ?? 0) > 0,
    'leases',
  );
  browser = await launchBrowser({ width: 1920, height: 1080 });
  page = await browser.context.newPage();
  page.setDefaultTimeout(10_000);
  await page.clock.install({ time: hub.clock.now() });
  await page.exposeFunction('antreCall', (method: string, args: unknown[]) => {
    const agent = kiosk.agent;
    switch (method) {
      case 'behaviour':
        return { idleSeconds: 30, ticketSeconds: 15 };
      case 'snapshot':
        return agent.snapshot();
      case 'issueTicket':
        return agent.issueTicket(args[0] as IssueRequest);
      case 'printOutcome':
        return agent.printOutcome(args[0] as string);
      case 'reprint':
        return agent.reprint(args[0] as string, args[1] as KioskLanguage);
      case 'checkIn':
        return agent.checkIn(args[0] as CheckInEntry);
      default:
        throw new Error(`no bridge method ${method}`);
    }
  });
  // What the preload exposes, over the exposed function instead of IPC.
  await page.addInitScript(() => {
    const listeners = new Set<(s: KioskSnapshot) => void>();
    window.antrePush = (s) => listeners.forEach((l) => l(s));
    const call = (method: string, ...args: unknown[]) => window.antreCall(method, args) as Promise<never>;
    window.antre = {
      kind: 'kiosk',
      version: '0.0.0-test',
      behaviour: () => call('behaviour'),
      snapshot: () => call('snapshot'),
      onSnapshot: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      issueTicket: (request) => call('issueTicket', request),
      printOutcome: (ticketId) => call('printOutcome', ticketId),
      reprint: (ticketId, lang) => call('reprint', ticketId, lang),
      enrol: () => Promise.resolve({ ok: true }),
      checkIn: (entry) => call('checkIn', entry),
    };
  });
  // The main process pushes every new snapshot to the window.
  kiosk.agent.subscribe(() => {
    page.evaluate((s) => window.antrePush(s), kiosk.agent.snapshot()).catch(() => undefined);
  });
  await page.goto(`${hub.url}/kiosk/`);
  await page.getByTestId('agency-disdukcapil').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.dispose();
  await hub?.dispose();
});

const shot = (name: string) => page.screenshot({ path: screenshotPath('kiosk', name) });

async function take(agencyId: string, serviceId: string): Promise<string> {
  await page.getByTestId(`agency-${agencyId}`).click();
  await page.getByTestId(`service-${serviceId}`).click();
  await page.getByTestId('take-number').click();
  await page.getByTestId('ticket-screen').waitFor();
  await page.getByText('Silakan ambil tiket Anda').waitFor();
  return (await page.getByTestId('ticket-number').textContent()) ?? '';
}

it('keeps issuing while the hub is down, says so, and the ticket reaches the hub when it is back', async () => {
  const online = await take('disdukcapil', 'perekaman-ktp-el');
  expect(online).toBe('A-001');
  await page.getByTestId('done').click();

  await stopHub(hub);
  await page.getByText('Nomor antrean tetap dapat diambil').waitFor();
  await shot('18-electron-offline-home');
  const offline = await take('disdukcapil', 'perekaman-ktp-el');
  expect(Number(offline.split('-')[1])).toBeGreaterThanOrEqual(501);
  await page.getByText('Diterbitkan saat jaringan terputus').waitFor();
  await shot('19-electron-offline-ticket');
  const jobs = (await kiosk.printer.waitForJobs(2)).map((j) => receiptText(decodeEscPos(j)));
  expect(jobs.some((text) => text.includes(offline))).toBe(true);
  await page.getByTestId('done').click();

  hub = await hub.restart();
  await page.getByTestId('status-banner').waitFor({ state: 'detached' });
  await until(() => kiosk.agent.store.unsynced().length === 0, 'the offline ticket is synced');
  const ticket = Object.values(hub.service.state.tickets).find((t) => t.displayNumber === offline);
  expect(ticket?.origin).toEqual({ kind: 'kiosk', kioskId: 'kiosk-1', offline: true });
});

it('checks an appointment in through its agent, which keeps and prints the hub’s ticket', async () => {
  const day = hub.service.state.day;
  const slots = (await (await fetch(`${hub.url}/api/booking/slots?service=skck&day=${day}`)).json()) as {
    slots: Array<{ start: number; free: number }>;
  };
  // The next slot begins within 15 minutes: its check-in is open.
  const slot = slots.slots.find((s) => s.free > 0);
  const res = await fetch(`${hub.url}/api/booking`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      serviceId: 'skck',
      day,
      slotStart: slot?.start,
      name: 'Warga',
      nik: '1374012708900003',
      phone: '081200001111',
    }),
  });
  const code = ((await res.json()) as { booking?: { code: string } }).booking?.code ?? '';
  expect(code).not.toBe('');
  await page.getByTestId('check-in-entry').click();
  // A USB scanner types the QR's code and Enter.
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await page.getByTestId('ticket-screen').waitFor();
  const number = (await page.getByTestId('ticket-number').textContent()) ?? '';
  expect(await page.getByTestId('ticket-appointment').textContent()).toMatch(/^Janji temu \d\d\.\d\d$/);
  const jobs = (await kiosk.printer.waitForJobs(3)).map((j) => receiptText(decodeEscPos(j)));
  expect(jobs.some((text) => text.includes(number))).toBe(true);
  const ticket = Object.values(hub.service.state.tickets).find((t) => t.displayNumber === number);
  expect(ticket?.appointment?.slotStart).toBe(slot?.start);
  // Kept in the kiosk's own store like a ticket it issued online, so it can be printed again.
  expect(kiosk.agent.store.ticket(ticket?.id ?? '')).toMatchObject({
    displayNumber: number,
    syncState: 'hub',
  });
  await page.getByTestId('done').click();
});
