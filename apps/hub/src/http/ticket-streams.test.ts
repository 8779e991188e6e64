import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@antre/shared';
import { TicketStreams } from './ticket-streams.js';

/** A page's stream as the browser's EventSource reads it: `event` and `data` per message. */
class StreamReader {
  readonly messages: Array<{ event: string; data: string }> = [];
  private buffer = '';
  private readonly controller = new AbortController();
  private waiters: Array<() => void> = [];
  status = 0;

  async open(url: string): Promise<this> {
    const res = await fetch(url, { signal: this.controller.signal });
    this.status = res.status;
    const body = res.body;
    if (!body) return this;
    const reader = body.getReader();
    const decoder = new TextDecoder();
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          this.buffer += decoder.decode(value, { stream: true });
          let end: number;
          while ((end = this.buffer.indexOf('\n\n')) >= 0) {
            const frame = this.buffer.slice(0, end);
            this.buffer = this.buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(frame)?.[1] ?? 'message';
            const data = /^data: (.*)$/m.exec(frame)?.[1] ?? '';
            this.messages.push({ event, data });
            for (const w of this.waiters.splice(0)) w();
          }
        }
      } catch {
        // aborted
      }
    })();
    return this;
  }

  /** The `ticket` messages' data, in order. */
  get tickets(): string[] {
    return this.messages.filter((m) => m.event === 'ticket').map((m) => m.data);
  }

  async waitFor(predicate: () => boolean): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out; got ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  close(): void {
    this.controller.abort();
  }
}

let server: Server | undefined;
let streams: TicketStreams | undefined;
const readers: StreamReader[] = [];

afterEach(async () => {
  for (const r of readers.splice(0)) r.close();
  streams?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A server whose `/t/:id/live` is a TicketStreams over `view`, a ticket's text the test changes by hand. */
async function serve(view: Map<string, string>, renders: string[], options = {}) {
  streams = new TicketStreams({
    render: (id) => {
      renders.push(id);
      return { data: JSON.stringify({ id, text: view.get(id) ?? 'unknown' }) };
    },
    refreshMs: 50,
    ...options,
  });
  const s = streams;
  server = createServer((req, res) =>
    s.open(/^\/t\/([^/]+)\/live$/.exec(req.url ?? '')?.[1] ?? '', req, res),
  );
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function follow(url: string): Promise<StreamReader> {
  const reader = await new StreamReader().open(url);
  readers.push(reader);
  return reader;
}

const called = (ticketId: string, seq = 1): EventEnvelope[] => [
  {
    seq,
    at: 0,
    event: { type: 'TicketCalled', ticketId, counterId: 'c1', via: 'next', priorityStreak: 0, callIndex: 0 },
  },
];

describe('TicketStreams', () => {
  it('starts every stream with the ticket as it is now, and sends it again when an event names it', async () => {
    const view = new Map([['t1', 'waiting']]);
    const base = await serve(view, []);
    const page = await follow(`${base}/t/t1/live`);
    await page.waitFor(() => page.tickets.length === 1);
    expect(page.status).toBe(200);
    expect(JSON.parse(page.tickets[0] ?? '')).toEqual({ id: 't1', text: 'waiting' });
    view.set('t1', 'called');
    streams?.onEvents(called('t1'));
    await page.waitFor(() => page.tickets.length === 2);
    expect(JSON.parse(page.tickets[1] ?? '')).toEqual({ id: 't1', text: 'called' });
    expect(streams?.streams).toBe(1);
  });

  it('brings every other followed ticket up to date after events, once per ticket, only when it changed', async () => {
    const view = new Map([
      ['a', 'ahead 3'],
      ['b', 'ahead 5'],
    ]);
    const renders: string[] = [];
    const base = await serve(view, renders);
    const a1 = await follow(`${base}/t/a/live`);
    const a2 = await follow(`${base}/t/a/live`);
    const b = await follow(`${base}/t/b/live`);
    for (const p of [a1, a2, b]) await p.waitFor(() => p.tickets.length === 1);
    renders.length = 0;

    // A call of another ticket moves "a" forward; "b" stays where it was.
    view.set('a', 'ahead 2');
    streams?.onEvents(called('other'));
    for (const p of [a1, a2]) await p.waitFor(() => p.tickets.length === 2);
    expect(JSON.parse(a2.tickets[1] ?? '')).toEqual({ id: 'a', text: 'ahead 2' });
    // Two pages of one ticket cost one render.
    expect(renders.filter((id) => id === 'a')).toHaveLength(1);
    // "b" had nothing new then: its next message is the next change.
    view.set('b', 'ahead 4');
    streams?.onEvents(called('another', 2));
    await b.waitFor(() => b.tickets.length === 2);
    expect(b.tickets.map((t) => (JSON.parse(t) as { text: string }).text)).toEqual(['ahead 5', 'ahead 4']);
    expect(a1.tickets).toHaveLength(2);
  });

  it('makes a message again only when what it is made from changed, or an event names its ticket', async () => {
    const view = new Map([
      ['a', 'ahead 3'],
      ['b', 'ahead 5'],
    ]);
    const renders: string[] = [];
    // Here a ticket's message is made from its text alone.
    const base = await serve(view, renders, { inputs: (id: string) => view.get(id) });
    const a = await follow(`${base}/t/a/live`);
    const b = await follow(`${base}/t/b/live`);
    for (const p of [a, b]) await p.waitFor(() => p.tickets.length === 1);
    renders.length = 0;

    view.set('a', 'ahead 2');
    streams?.onEvents(called('other'));
    await a.waitFor(() => a.tickets.length === 2);
    // "b" was not made again: nothing it is made from changed.
    expect(renders).toEqual(['a']);

    // An event naming "b" makes it again though its inputs did not change (it was called, say).
    streams?.onEvents(called('b', 2));
    await expect.poll(() => renders).toEqual(['a', 'b']);
    // One naming no ticket (a counter opening) makes every one again.
    streams?.onEvents([
      { seq: 3, at: 0, event: { type: 'CounterStatusChanged', counterId: 'c1', status: 'open' } },
    ]);
    await expect.poll(() => [...renders].sort()).toEqual(['a', 'a', 'b', 'b']);
    expect(a.tickets).toHaveLength(2);
    expect(b.tickets).toHaveLength(1);
  });

  it('makes no message while work that comes first is pending, and reads the day once per refresh', async () => {
    const view = new Map([['a', 'ahead 3']]);
    const renders: string[] = [];
    let first = true;
    let refreshes = 0;
    const base = await serve(view, renders, {
      yieldTo: () => first,
      startRefresh: () => (refreshes += 1),
    });
    const a = await follow(`${base}/t/a/live`);
    await a.waitFor(() => a.tickets.length === 1);
    renders.length = 0;
    view.set('a', 'called');
    streams?.onEvents(called('a'));
    // Several turns of the event loop and refresh periods go by: the counters' broadcast still waits.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(renders).toEqual([]);
    expect(refreshes).toBe(0);
    first = false;
    await a.waitFor(() => a.tickets.length === 2);
    expect(JSON.parse(a.tickets[1] ?? '')).toEqual({ id: 'a', text: 'called' });
    await expect.poll(() => refreshes).toBeGreaterThan(0);
  });

  it('pings every open page, so that proxies keep it open and the page notices a dead one', async () => {
    const base = await serve(new Map(), [], { pingMs: 50 });
    const pages = [await follow(`${base}/t/x/live`), await follow(`${base}/t/y/live`)];
    for (const p of pages) await p.waitFor(() => p.messages.some((m) => m.event === 'ping'));
    expect(pages.map((p) => p.messages.find((m) => m.event === 'ping')?.data)).toEqual(['{}', '{}']);
  });

  it('forgets a ticket when its last page closes, and refuses streams past its limit', async () => {
    const base = await serve(new Map(), [], { maxStreams: 1 });
    const first = await follow(`${base}/t/x/live`);
    await first.waitFor(() => first.tickets.length === 1);
    const second = await follow(`${base}/t/y/live`);
    expect(second.status).toBe(503);
    first.close();
    await expect.poll(() => streams?.streams).toBe(0);
    const third = await follow(`${base}/t/y/live`);
    expect(third.status).toBe(200);
  });

  it('ends every stream when closed, so pages reconnect to the next hub', async () => {
    const base = await serve(new Map(), []);
    const page = await follow(`${base}/t/x/live`);
    await page.waitFor(() => page.tickets.length === 1);
    streams?.close();
    expect(streams?.streams).toBe(0);
    const late = await follow(`${base}/t/x/live`);
    expect(late.status).toBe(503);
  });
});
