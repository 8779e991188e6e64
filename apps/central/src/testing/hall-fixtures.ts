import { connect as netConnect, createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import type pg from 'pg';
import type { ShippedEvent } from '@antre/shared';
import type { Hub } from '@antre/hub';
import { eventsAfter } from '../ingest/log-ingest.js';

/** Tickets issued at a kiosk of the hub, one command each (they pass the hub's whole command path). */
export function issueTickets(hub: Hub, n: number, tag: string, serviceId = 'informasi-pengaduan'): void {
  for (let i = 0; i < n; i++) {
    const reply = hub.service.execute({ kind: 'kiosk', kioskId: 'kiosk-1' }, `${tag}-${i}`, {
      type: 'issueTicket',
      serviceId,
    });
    if (!reply.ok) throw new Error(`issue refused: ${reply.error.code}`);
  }
}

/** Serves what is waiting at a counter: opens it, calls and finishes, as the supervisor; `tick` moves time. */
export function serveAll(
  hub: Hub,
  counterId: string,
  tag: string,
  tick: () => void = () => undefined,
): number {
  const supervisor = {
    kind: 'staff' as const,
    staff: { username: 'supervisor', name: 'Syafrizal Koto', role: 'supervisor' as const },
  };
  hub.service.execute(supervisor, `${tag}-open`, { type: 'setCounterStatus', counterId, status: 'open' });
  let served = 0;
  for (let i = 0; ; i++) {
    const called = hub.service.execute(supervisor, `${tag}-call-${i}`, { type: 'callNext', counterId });
    if (!called.ok) break;
    const ticket = called.events.find((e) => e.event.type === 'TicketCalled');
    if (!ticket || ticket.event.type !== 'TicketCalled') break;
    tick();
    const done = hub.service.execute(supervisor, `${tag}-finish-${i}`, { type: 'finish', counterId });
    if (!done.ok) throw new Error(`finish refused: ${done.error.code}`);
    served++;
  }
  return served;
}

/** The hall's log as its SQLite holds it, in the shipped form. */
export function localLog(hub: Hub): ShippedEvent[] {
  return localLogOf(hub.store.db);
}

/** The log in a hub's SQLite database (open, or opened read-only by another process), in the shipped form. */
export function localLogOf(db: { prepare(sql: string): { all(): unknown[] } }): ShippedEvent[] {
  return (
    db
      .prepare('SELECT seq, at, day, type, command_id, actor, payload FROM events ORDER BY seq')
      .all() as Array<{
      seq: number;
      at: number;
      day: string;
      type: string;
      command_id: string | null;
      actor: string | null;
      payload: string;
    }>
  ).map((r) => ({
    seq: r.seq,
    at: r.at,
    day: r.day,
    type: r.type,
    commandId: r.command_id,
    actor: r.actor,
    payload: r.payload,
  }));
}

/** The central copy of a hall's log. */
export function centralLog(pool: pg.Pool, hallId: string, logId: string): Promise<ShippedEvent[]> {
  return eventsAfter(pool, hallId, logId, 0, 1_000_000);
}

/**
 * A TCP link between a hub and the centre that the test can cut: `cutAfterRequest` lets the next request
 * through and drops the connection before its answer comes back (the centre stored the batch, the hall never
 * hears so); `down` refuses every connection (the WAN is out).
 */
export class CuttableLink {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  cutAfterRequest = 0;
  down = false;
  cuts = 0;
  port = 0;

  constructor(private readonly targetPort: () => number) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      if (this.down) return client.destroy();
      const upstream = netConnect(this.targetPort(), '127.0.0.1');
      this.track(client);
      this.track(upstream);
      client.on('data', (chunk) => upstream.write(chunk));
      upstream.on('data', (chunk) => {
        if (this.cutAfterRequest > 0) {
          this.cutAfterRequest--;
          this.cuts++;
          client.destroy();
          upstream.destroy();
          return;
        }
        client.write(chunk);
      });
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server?.address() as AddressInfo).port;
  }

  /** Cuts every open connection now. */
  cutAll(): void {
    for (const s of this.sockets) s.destroy();
  }

  async stop(): Promise<void> {
    this.cutAll();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private track(s: Socket): void {
    this.sockets.add(s);
    s.on('close', () => this.sockets.delete(s));
  }
}

/**
 * Visitors of the hall's finished tickets answer the survey, as the counter screen sends it (with the ticket's
 * link key): one answer set each, in the order the tickets finished, skipping tickets already rated. Returns
 * the ticket ids that answered.
 */
export function answerSurveys(hub: Hub, answers: ReadonlyArray<ReadonlyArray<number | null>>): string[] {
  const finished = localLog(hub)
    .filter((e) => e.type === 'TicketFinished')
    .map((e) => (JSON.parse(e.payload) as { ticketId: string }).ticketId);
  const answered: string[] = [];
  for (const ticketId of new Set(finished)) {
    const next = answers[answered.length];
    if (next === undefined) break;
    const reply = hub.survey.submit(
      { kind: 'public' },
      { ticketId, answers: [...next] },
      hub.survey.linkKey(ticketId),
    );
    if (reply.ok) answered.push(ticketId);
  }
  return answered;
}
