import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import type { HubConnection } from '@antre/client';
import type { TestBrowser } from '@antre/hub/testing';
import { launchBrowser } from '@antre/hub/testing';
import type { BenchHall } from './bench-hall.js';
import { pickDesk, removeDir, sleep, tempDir } from './bench-hall.js';
import type { Child } from './child-process.js';
import { spawnChild } from './child-process.js';
import { startHubChild } from './hub-child.js';
import { closeSockets, command, openBareSockets, openKiosks, openSockets } from './sockets.js';
import type { Summary } from './stats.js';
import { summarize } from './stats.js';

export interface DisplayLatencyOptions {
  calls: number;
  warmup: number;
  /** Quiet time between calls, as between calls at a hall's counters. */
  gapMs: number;
}

export interface DisplayLatency {
  /** callNext at a counter until the called number is in the display's DOM (ms). */
  hubMs: Summary;
  /** The same page: a bare Socket.IO broadcast until its handler has written it to the DOM (ms). */
  baselineMs: Summary;
}

const DEFAULTS: DisplayLatencyOptions = { calls: 100, warmup: 10, gapMs: 50 };

/** What the bench installs in the page: a watch on one element's text, armed before each call. */
interface Watch {
  selector: string;
  /** The element's text when armed; the first mutation that changes it is the arrival. */
  before: string;
  /** Wall-clock time (ms since the epoch) of that mutation, 0 until then. */
  at: number;
  text: string;
}
type BenchWindow = Window & { antreWatch: Watch };

const NOW_NUMBER = '[data-testid="now-number"]';
const BASELINE = '#bench-baseline';

/** The wall clock with sub-millisecond resolution: the page stamps its arrivals on the same clock. */
const wallNow = () => performance.timeOrigin + performance.now();

async function installWatch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as BenchWindow;
    const watch: Watch = { selector: '', before: '', at: 0, text: '' };
    w.antreWatch = watch;
    // Runs right after the DOM changed, before paint: the number is in the DOM at that moment.
    new MutationObserver(() => {
      if (watch.at !== 0 || watch.selector === '') return;
      const text = document.querySelector(watch.selector)?.textContent?.trim() ?? '';
      if (text === watch.before) return;
      watch.at = performance.timeOrigin + performance.now();
      watch.text = text;
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

/** Arms the watch on `selector`, runs `trigger`, and answers when the element's text changed, and to what. */
async function measure(
  page: Page,
  selector: string,
  trigger: () => Promise<void>,
): Promise<{ ms: number; text: string }> {
  await page.evaluate((s) => {
    const watch = (window as unknown as BenchWindow).antreWatch;
    watch.selector = s;
    watch.before = document.querySelector(s)?.textContent?.trim() ?? '';
    watch.at = 0;
    watch.text = '';
  }, selector);
  const t0 = wallNow();
  await trigger();
  await page.waitForFunction(() => (window as unknown as BenchWindow).antreWatch.at !== 0, undefined, {
    timeout: 10_000,
  });
  const { at, text } = await page.evaluate(() => {
    const watch = (window as unknown as BenchWindow).antreWatch;
    watch.selector = '';
    return { at: watch.at, text: watch.text };
  });
  return { ms: at - t0, text };
}

/** Tickets for the desk's services, by id, with the number the display will show for each. */
async function issueNumbers(
  kiosks: readonly HubConnection[],
  serviceIds: readonly string[],
  count: number,
): Promise<Map<string, string>> {
  const numbers = new Map<string, string>();
  for (let i = 0; i < count; i += 1) {
    const kiosk = kiosks[i % kiosks.length] as HubConnection;
    const reply = await kiosk.command({
      type: 'issueTicket',
      serviceId: serviceIds[i % serviceIds.length] ?? '',
    });
    if (!reply.ok) throw new Error(`issue refused during setup: ${reply.error.code}`);
    for (const { event } of reply.events) {
      if (event.type === 'TicketIssued') numbers.set(event.ticket.id, event.ticket.displayNumber);
    }
  }
  return numbers;
}

/**
 * From callNext at a counter (a signed-in staff socket) until the called number is in the DOM of the built
 * display app, served by a hub in its own process (durability FULL) to headless Chromium; and, in the same
 * page, from a trigger until a bare Socket.IO server's broadcast of the same payload has been written into
 * the DOM by a handler of a few lines. Sound is off (`?chime=0&speech=0`): this is the screen's latency.
 * Calls alternate between the two, so that both see the same shared machine.
 */
export async function displayLatency(
  hall: BenchHall,
  options: Partial<DisplayLatencyOptions> = {},
): Promise<DisplayLatency> {
  const o = { ...DEFAULTS, ...options };
  const desk = pickDesk(hall);
  const dataDir = tempDir('display');
  let hub: Child | undefined;
  let bare: Child | undefined;
  let browser: TestBrowser | undefined;
  let kiosks: HubConnection[] = [];
  let sockets: Socket[] = [];
  let bareSockets: Socket[] = [];
  try {
    hub = await startHubChild(hall, dataDir, 'FULL');
    kiosks = await openKiosks(hub.url, 1, hall.kioskIds);
    const numbers = await issueNumbers(kiosks, desk.serviceIds, 2 * o.warmup + o.calls + 5);
    for (const k of kiosks) k.close();
    kiosks = [];

    sockets = await openSockets(hub.url, 1);
    const counter = sockets[0] as Socket;
    let payload: unknown;
    counter.on('events', (events: unknown) => {
      payload = events;
    });
    const signIn = (await counter
      .timeout(10_000)
      .emitWithAck('staff:signIn', { username: desk.username, pin: desk.pin })) as { ok: boolean };
    if (!signIn.ok) throw new Error(`staff ${desk.username} could not sign in`);
    const opened = await command(counter, {
      type: 'setCounterStatus',
      counterId: desk.counterId,
      status: 'open',
    });
    if (!opened.ok) throw new Error(`counter ${desk.counterId} did not open: ${opened.error.code}`);

    browser = await launchBrowser({ width: 1920, height: 1080 });
    const page = await browser.context.newPage();
    await page.goto(`${hub.url}/display/?chime=0&speech=0`);
    await page.locator('[data-testid="now-calling"]').waitFor({ timeout: 30_000 });
    await installWatch(page);

    const hubCall = async () => {
      let called: string | undefined;
      const shown = await measure(page, NOW_NUMBER, async () => {
        const reply = await command(counter, {
          type: 'callNext',
          counterId: desk.counterId,
          // The visitor before was served: each call ends the last visit, as calls always did here.
          previous: 'served',
        });
        if (!reply.ok) throw new Error(`callNext refused: ${reply.error.code}`);
        payload ??= reply.events;
        const event = reply.events.find((e) => e.event.type === 'TicketCalled')?.event;
        called = event?.type === 'TicketCalled' ? numbers.get(event.ticketId) : undefined;
      });
      if (shown.text !== called)
        throw new Error(`the display showed ${shown.text}, not the called ${called}`);
      return shown.ms;
    };
    for (let i = 0; i < o.warmup; i += 1) await hubCall();

    // The baseline: the same page, a bare server broadcasting the payload the hub broadcast for a call.
    bare = await spawnChild('./bare-broadcast-process.js', { payload });
    bareSockets = await openBareSockets(bare.url, 1);
    const trigger = bareSockets[0] as Socket;
    const client = createRequire(import.meta.url).resolve('socket.io-client/dist/socket.io.js');
    await page.addScriptTag({ path: client });
    await page.evaluate((url) => {
      type Io = (url: string, o: object) => { on(event: string, f: () => void): void };
      const w = window as unknown as { io: Io; antreBaselineConnected: boolean };
      const el = document.createElement('div');
      el.id = 'bench-baseline';
      el.style.position = 'absolute';
      el.style.left = '-1000px';
      document.body.append(el);
      let n = 0;
      w.antreBaselineConnected = false;
      const socket = w.io(url, { transports: ['websocket'] });
      socket.on('connect', () => {
        w.antreBaselineConnected = true;
      });
      socket.on('events', () => {
        n += 1;
        el.textContent = String(n);
      });
    }, bare.url);
    const bareCall = async () => {
      const shown = await measure(page, BASELINE, async () => {
        await command(trigger, { type: 'callNext', counterId: desk.counterId });
      });
      return shown.ms;
    };
    await page.waitForFunction(
      () => (window as unknown as { antreBaselineConnected: boolean }).antreBaselineConnected,
      undefined,
      { timeout: 10_000 },
    );
    for (let i = 0; i < o.warmup; i += 1) await bareCall();

    const hubMs: number[] = [];
    const baselineMs: number[] = [];
    for (let i = 0; i < o.calls; i += 1) {
      const order = i % 2 === 0 ? [true, false] : [false, true];
      for (const isHub of order) {
        if (isHub) hubMs.push(await hubCall());
        else baselineMs.push(await bareCall());
        await sleep(o.gapMs);
      }
    }
    return { hubMs: summarize(hubMs), baselineMs: summarize(baselineMs) };
  } finally {
    closeSockets(sockets);
    closeSockets(bareSockets);
    for (const k of kiosks) k.close();
    await browser?.close();
    await Promise.all([hub?.close(), bare?.close()]);
    removeDir(dataDir);
  }
}
