import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionChange, HubConnection } from '@antre/client';
import { QueueMirror } from '@antre/client';
import type { CommandInput, DayView } from '@antre/shared';
import { TestQueue, testHall } from '@antre/shared/testing';
import type { TestHub } from '@antre/hub/testing';
import { connect, demoHall, kioskCredentials, signIn, startTestHub, waitFor } from '@antre/hub/testing';
import type { CallRecord, FeedSource } from './call-feed.js';
import { CallFeed, feedSourceOf } from './call-feed.js';
import { HubTime } from './hub-time.js';

const MINUTE = 60_000;
let hub: TestHub;
let kiosk: HubConnection;
let dukcapil: HubConnection;
let imigrasi: HubConnection;
let pins: Map<string, string>;

beforeAll(async () => {
  const demo = await demoHall();
  pins = demo.pins;
  hub = await startTestHub({ config: demo.config });
  kiosk = connect(hub.url, kioskCredentials());
  dukcapil = connect(hub.url);
  imigrasi = connect(hub.url);
  for (const c of [kiosk, dukcapil, imigrasi])
    await waitFor(c, () => c.status === 'online' && c.state !== undefined);
  await signIn(dukcapil, 'dukcapil1', pins.get('dukcapil1') ?? '');
  await signIn(imigrasi, 'imigrasi1', pins.get('imigrasi1') ?? '');
  await run(dukcapil, { type: 'setCounterStatus', counterId: 'loket-2', status: 'open' });
  await run(imigrasi, { type: 'setCounterStatus', counterId: 'loket-16', status: 'open' });
});

afterAll(async () => {
  for (const c of [kiosk, dukcapil, imigrasi]) c?.close();
  await hub?.dispose();
});

/** Polls: the feed settles a microtask after the connection notifies, so waitFor's hook comes too early. */
async function eventually(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function run(conn: HubConnection, command: CommandInput) {
  const reply = await conn.command(command);
  if (!reply.ok) throw new Error(`${command.type}: ${reply.error.code}`);
  return reply;
}

/** Issues a ticket and calls it at the counter; returns the display number. */
async function issueAndCall(conn: HubConnection, serviceId: string, counterId: string): Promise<string> {
  await run(kiosk, { type: 'issueTicket', serviceId });
  // Whoever was called before has been served: this test is about the calls.
  const reply = await run(conn, { type: 'callNext', counterId, previous: 'served' });
  const called = reply.events.find((e) => e.event.type === 'TicketCalled');
  if (called?.event.type !== 'TicketCalled') throw new Error('no call');
  hub.clock.advance(1000);
  return conn.state?.tickets[called.event.ticketId]?.displayNumber ?? '?';
}

describe('CallFeed against a real hub', () => {
  let display: HubConnection;
  let feed: CallFeed;
  let spoken: Array<{ call: CallRecord; deadline: number }>;

  beforeEach(async () => {
    spoken = [];
    display = connect(hub.url);
    feed = new CallFeed({
      source: feedSourceOf(display),
      now: () => Date.now(),
      speakWithinMs: MINUTE,
      onNewCall: (call, deadline) => spoken.push({ call, deadline }),
    });
    // A display limited to the ground floor: Disdukcapil's loket-2 is in, Imigrasi's loket-16 is not.
    feed.setScope((counterId) => counterId !== 'loket-16');
    await waitFor(display, () => display.status === 'online' && display.state !== undefined);
  });

  afterEach(() => {
    feed.dispose();
    display.close();
  });

  const until = (predicate: () => boolean) => eventually(predicate, 3000);
  const numbers = () => feed.calls.map((c) => `${c.displayNumber}${c.recall ? ' (recall)' : ''}`);
  const spokenNumbers = () => spoken.map((s) => `${s.call.displayNumber}${s.call.recall ? ' (recall)' : ''}`);

  it('shows calls made before it started without speaking them, then speaks live calls and recalls in order', async () => {
    const before = await issueAndCall(dukcapil, 'perekaman-ktp-el', 'loket-2');
    // A display switched on after that call.
    const late = connect(hub.url);
    const heard: string[] = [];
    const lateFeed = new CallFeed({
      source: feedSourceOf(late),
      now: () => Date.now(),
      speakWithinMs: MINUTE,
      onNewCall: (call) => heard.push(`${call.displayNumber}${call.recall ? ' (recall)' : ''}`),
    });
    lateFeed.setScope(() => true);
    try {
      await until(() => lateFeed.calls.some((c) => c.displayNumber === before));
      expect(lateFeed.calls[0]?.displayNumber).toBe(before);
      expect(lateFeed.calls[0]?.arrivedAt).toBeUndefined();

      const first = await issueAndCall(dukcapil, 'perekaman-ktp-el', 'loket-2');
      await run(dukcapil, { type: 'recall', counterId: 'loket-2' });
      const second = await issueAndCall(dukcapil, 'perekaman-ktp-el', 'loket-2');
      await until(() => heard.length === 3);
      expect(heard).toEqual([first, `${first} (recall)`, second]);
      const shown = lateFeed.calls.map((c) => `${c.displayNumber}${c.recall ? ' (recall)' : ''}`);
      expect(shown.slice(0, 4)).toEqual([second, `${first} (recall)`, first, before]);
      expect(lateFeed.calls[0]?.counterId).toBe('loket-2');
      expect(lateFeed.calls[0]?.arrivedAt).toBeGreaterThan(Date.now() - 5000);
      // The other display, on since before, heard the same calls with a deadline a minute out.
      await until(() => spoken.length === 4);
      for (const s of spoken) expect(s.deadline).toBeGreaterThan(Date.now() + 50_000);
    } finally {
      lateFeed.dispose();
      late.close();
    }
  });

  it('neither shows nor speaks calls at counters outside its zone', async () => {
    const version = feed.version;
    const outside = await issueAndCall(imigrasi, 'paspor-baru', 'loket-16');
    const inside = await issueAndCall(dukcapil, 'cetak-ulang-ktp-el', 'loket-2');
    await until(() => spoken.length === 1);
    expect(spokenNumbers()).toEqual([inside]);
    expect(numbers()).not.toContain(outside);
    expect(feed.version).toBeGreaterThan(version);
  });

  it('catches up after a lost connection: recent missed calls are spoken, stale ones only shown', async () => {
    await issueAndCall(dukcapil, 'perekaman-ktp-el', 'loket-2');
    await until(() => spoken.length === 1);
    display.socket.disconnect();
    await until(() => display.status === 'offline');

    const stale = await issueAndCall(dukcapil, 'perekaman-ktp-el', 'loket-2');
    // The hall moves on for two minutes while this display is cut off.
    hub.clock.advance(2 * MINUTE);
    const recent = await issueAndCall(dukcapil, 'perekaman-ktp-el', 'loket-2');
    expect(numbers()).not.toContain(recent);

    display.socket.connect();
    await until(() => feed.calls[0]?.displayNumber === recent);
    expect(numbers().slice(0, 2)).toEqual([recent, stale]);
    expect(spokenNumbers().slice(1)).toEqual([recent]);

    // And live calls are spoken again afterwards.
    const after = await issueAndCall(dukcapil, 'perekaman-ktp-el', 'loket-2');
    await until(() => spoken.length === 3);
    expect(spokenNumbers()[2]).toBe(after);
  });

  it('without a clock reading, speaks what it missed during a short outage but not a long one', async () => {
    for (const [outageMs, speakWithinMs, expectSpoken] of [
      [200, MINUTE, true],
      [900, 500, false],
    ] as const) {
      // A display that never received a live event: it has no reading of the hub's clock.
      const fresh = connect(hub.url);
      const heard: string[] = [];
      const freshFeed = new CallFeed({
        source: feedSourceOf(fresh),
        now: () => Date.now(),
        speakWithinMs,
        onNewCall: (call) => heard.push(call.displayNumber),
      });
      freshFeed.setScope(() => true);
      try {
        await waitFor(fresh, () => fresh.status === 'online' && fresh.state !== undefined);
        await until(() => freshFeed.calls.length > 0);
        fresh.socket.disconnect();
        await until(() => fresh.status === 'offline');
        const missed = await issueAndCall(dukcapil, 'perekaman-ktp-el', 'loket-2');
        await new Promise((r) => setTimeout(r, outageMs));
        fresh.socket.connect();
        await until(() => freshFeed.calls[0]?.displayNumber === missed);
        expect(heard).toEqual(expectSpoken ? [missed] : []);
      } finally {
        freshFeed.dispose();
        fresh.close();
      }
    }
  });

  it('follows a hub restart without speaking anything twice', async () => {
    const first = await issueAndCall(dukcapil, 'perekaman-ktp-el', 'loket-2');
    await until(() => spoken.length === 1);
    hub = await hub.restart();
    await until(() => display.status === 'offline');
    await until(() => display.status === 'online');
    for (const c of [kiosk, dukcapil, imigrasi]) await waitFor(c, () => c.status === 'online');
    // Staff sessions end with the hub process: sign in again, as the counter app would.
    await signIn(dukcapil, 'dukcapil1', pins.get('dukcapil1') ?? '');
    await signIn(imigrasi, 'imigrasi1', pins.get('imigrasi1') ?? '');
    const next = await issueAndCall(dukcapil, 'perekaman-ktp-el', 'loket-2');
    await until(() => spoken.length === 2);
    expect(spokenNumbers()).toEqual([first, next]);
    expect(numbers().slice(0, 2)).toEqual([next, first]);
  });

  it('shows nothing until it knows its scope', async () => {
    const unscoped = new CallFeed({
      source: feedSourceOf(display),
      now: () => Date.now(),
      speakWithinMs: MINUTE,
    });
    await issueAndCall(dukcapil, 'perekaman-ktp-el', 'loket-2');
    await until(() => spoken.length === 1);
    expect(unscoped.calls).toEqual([]);
    unscoped.setScope(() => true);
    expect(unscoped.calls.length).toBeGreaterThan(0);
    unscoped.dispose();
  });
});

/**
 * A hub connection without sockets: the hub's queue (TestQueue) on one side, the client's mirror on the
 * other, and each way a change reaches a display made by hand — a broadcast, a catch-up after a cut, a
 * snapshot — told to listeners as `HubConnection` tells them.
 */
class FakeLink implements FeedSource {
  readonly mirror = new QueueMirror();
  online = true;
  private delivered = 0;
  private readonly listeners = new Set<(change: ConnectionChange) => void>();

  constructor(readonly hub: TestQueue) {}

  get state(): DayView | undefined {
    return this.mirror.state;
  }

  subscribe(listener: (change: ConnectionChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The hub's whole day, as on a first connect or after falling too far behind. */
  snapshot(): void {
    this.mirror.load(this.hub.state.snapshot());
    this.delivered = this.hub.log.length;
    this.notify({ applied: [], reset: true });
  }

  /** What the hub logged since the last delivery, as its live broadcast. */
  broadcast(): void {
    this.deliver('broadcast');
  }

  cut(): void {
    this.online = false;
    this.notify({ applied: [], reset: false });
  }

  /** Back online, then the missed events as the answer to `sync`. */
  reconnect(): void {
    this.online = true;
    this.notify({ applied: [], reset: false });
    this.deliver('sync');
  }

  private deliver(via: 'broadcast' | 'sync'): void {
    const { applied } = this.mirror.receive(this.hub.log.slice(this.delivered));
    this.delivered = this.hub.log.length;
    this.notify({ applied, via, reset: false });
  }

  private notify(change: ConnectionChange): void {
    for (const l of this.listeners) l(change);
  }
}

describe('CallFeed reading applied envelopes', () => {
  const MONDAY_9AM_WIB = Date.UTC(2026, 10, 30, 2, 0);
  // The display's own clock is three hours off: ages are measured on the hub's.
  const TV_CLOCK_OFFSET = 3 * 3600_000;

  function setup(scope: (counterId: string) => boolean = () => true, speakWithinMs = MINUTE) {
    const hub = new TestQueue(testHall(), MONDAY_9AM_WIB).open('c1', 'c2', 'c4');
    const link = new FakeLink(hub);
    const local = { t: hub.now + TV_CLOCK_OFFSET };
    const spoken: Array<{ call: CallRecord; deadline: number }> = [];
    const feed = new CallFeed({
      source: link,
      now: () => local.t,
      speakWithinMs,
      onNewCall: (call, deadline) => spoken.push({ call, deadline }),
    });
    feed.setScope(scope);
    /** Time passes in the hall and on the TV alike. */
    const advance = (ms: number) => {
      hub.advance(ms);
      local.t += ms;
    };
    const call = (counterId: string, serviceId = counterId === 'c4' ? 'paspor' : 'ktp') => {
      hub.issue(serviceId);
      // The visitor before, if any, was served: a called visitor never started is not finished by accident.
      hub.must({ type: 'callNext', counterId, previous: 'served' });
      return hub.currentAt(counterId) ?? '?';
    };
    const label = (c: CallRecord) => `${c.displayNumber}${c.recall ? ' again' : ''}`;
    return {
      hub,
      link,
      local,
      feed,
      spoken,
      advance,
      call,
      shown: () => feed.calls.map(label),
      said: () => spoken.map((s) => label(s.call)),
    };
  }

  it('shows the calls of its first snapshot without a word, then speaks each live call and recall', () => {
    const { link, feed, hub, call, advance, shown, said, spoken, local } = setup();
    const before = call('c1');
    link.snapshot();
    expect(shown()).toEqual([before]);
    expect(feed.calls[0]?.arrivedAt).toBeUndefined();
    expect(said()).toEqual([]);

    advance(5000);
    const first = call('c1');
    hub.must({ type: 'recall', counterId: 'c1' });
    const second = call('c2');
    // One broadcast holding a call and the recall of the same ticket: each is its own call, by callIndex.
    link.broadcast();
    expect(said()).toEqual([first, `${first} again`, second]);
    expect(shown()).toEqual([second, `${first} again`, first, before]);
    const [, recall, firstCall] = feed.calls;
    expect(recall?.key).toBe(`${recall?.ticketId}#1`);
    expect(firstCall?.key).toBe(`${recall?.ticketId}#0`);
    expect(recall?.callIndex).toBe(1);
    expect(firstCall).toMatchObject({ prefix: 'A', number: 2, displayNumber: 'A-002', counterId: 'c1' });
    expect(feed.calls[0]?.arrivedAt).toBe(local.t);
    for (const s of spoken) expect(s.deadline).toBe(local.t + MINUTE);

    // The same envelopes delivered again (a second listener's replay) change nothing.
    link.broadcast();
    expect(said()).toHaveLength(3);
  });

  it('neither shows nor speaks calls at counters outside its scope', () => {
    const { link, call, shown, said } = setup((counterId) => counterId !== 'c4');
    link.snapshot();
    const outside = call('c4');
    const inside = call('c1');
    link.broadcast();
    expect(said()).toEqual([inside]);
    expect(shown()).not.toContain(outside);
  });

  it('after a cut, speaks the calls it missed while recent and only shows the stale ones', () => {
    const { link, call, advance, shown, said } = setup();
    link.snapshot();
    const heard = call('c1');
    link.broadcast();
    link.cut();
    advance(1000);
    const stale = call('c1');
    advance(2 * MINUTE);
    const recent = call('c2');
    advance(1000);
    expect(shown()).toEqual([heard]);
    link.reconnect();
    expect(shown()).toEqual([recent, stale, heard]);
    expect(said()).toEqual([heard, recent]);
    // Live again: the next call is spoken at once.
    const next = call('c1');
    link.broadcast();
    expect(said()).toEqual([heard, recent, next]);
  });

  it('without a reading of the hub clock, judges calls caught up by how long the link was down', () => {
    for (const [outageMs, speakWithinMs, spokenAfter] of [
      [200, MINUTE, true],
      [900, 500, false],
    ] as const) {
      // A display that has had its snapshot and no live event since.
      const { link, call, local, said } = setup(() => true, speakWithinMs);
      link.snapshot();
      link.cut();
      const missed = call('c1');
      // The hub's clock stands still here: only the display's outage counts.
      local.t += outageMs;
      link.reconnect();
      expect(said()).toEqual(spokenAfter ? [missed] : []);
    }
  });

  it('on a reset reads the state afresh: shows every call, speaks none, keeps when known ones arrived', () => {
    const { link, call, advance, feed, shown, said } = setup();
    link.snapshot();
    const heard = call('c1');
    link.broadcast();
    const arrivedAt = feed.calls[0]?.arrivedAt;
    link.cut();
    advance(1000);
    const missed = call('c2');
    // Too far behind for events: the hub answers with a snapshot.
    link.snapshot();
    expect(shown()).toEqual([missed, heard]);
    expect(said()).toEqual([heard]);
    expect(feed.calls.find((c) => c.displayNumber === heard)?.arrivedAt).toBe(arrivedAt);
    expect(feed.calls[0]?.arrivedAt).toBeUndefined();
    // What a reset showed is never spoken later either, and live calls are spoken again.
    const next = call('c1');
    link.broadcast();
    expect(said()).toEqual([heard, next]);
  });

  it("clears yesterday's calls at a new hall day; a close by hand keeps the day's", () => {
    const { hub, link, call, advance, shown, said } = setup();
    link.snapshot();
    const morning = call('c1');
    hub.must({ type: 'closeDay' });
    link.broadcast();
    expect(shown()).toEqual([morning]);
    advance(24 * 3600_000);
    hub.open('c1');
    // The day closes before the first command after midnight: both reach the display in one broadcast.
    const today = call('c1');
    link.broadcast();
    expect(today).toBe('A-001');
    expect(shown()).toEqual([today]);
    expect(said()).toEqual([morning, today]);
  });

  it('shows nothing until it knows its scope, then the calls so far, unspoken', () => {
    const hub = new TestQueue(testHall(), MONDAY_9AM_WIB).open('c1');
    const link = new FakeLink(hub);
    const heard: string[] = [];
    const feed = new CallFeed({
      source: link,
      now: () => hub.now,
      speakWithinMs: MINUTE,
      onNewCall: (c) => heard.push(c.displayNumber),
    });
    link.snapshot();
    hub.issue('ktp');
    hub.must({ type: 'callNext', counterId: 'c1' });
    link.broadcast();
    expect(feed.calls).toEqual([]);
    feed.setScope(() => true);
    expect(feed.calls.map((c) => c.displayNumber)).toEqual(['A-001']);
    expect(heard).toEqual([]);
  });
});

describe('HubTime', () => {
  it('knows nothing before a reading, then runs on the local clock from the latest one', () => {
    const time = new HubTime();
    expect(time.now(1000)).toBeUndefined();
    time.observe(50_000, 1000);
    expect(time.now(4000)).toBe(53_000);
    time.observe(200_000, 5000);
    expect(time.now(5000)).toBe(200_000);
  });
});
