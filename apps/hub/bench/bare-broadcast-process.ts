import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { MAX_PAYLOAD_BYTES } from '@antre/shared';

/**
 * Child entry: the call-latency baseline. A bare Socket.IO server (same version and options as the hub)
 * that answers every `command` by broadcasting a fixed payload to everyone and acking with it, as the hub
 * does after a callNext, but with no validation, queue logic or disk write.
 */
interface StartMessage {
  type: 'start';
  /** The `events` payload to broadcast: a real callNext's, captured by the hub run. */
  payload: unknown;
}

let close: (() => Promise<void>) | undefined;

async function start(m: StartMessage): Promise<void> {
  const t0 = performance.now();
  const http = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"status":"ok"}');
  });
  const io = new Server(http, {
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    serveClient: false,
    cors: { origin: true },
    pingInterval: 10_000,
    pingTimeout: 8_000,
  });
  let seq = 0;
  io.on('connection', (socket) => {
    socket.on('command', (_envelope: unknown, ack: (reply: unknown) => void) => {
      seq += 1;
      io.emit('events', m.payload);
      ack({ ok: true, seq, events: m.payload });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
  close = async () => {
    await new Promise<void>((resolve) => void io.close(() => resolve()));
    http.closeAllConnections();
  };
  const port = (http.address() as AddressInfo).port;
  process.send?.({ type: 'ready', url: `http://127.0.0.1:${port}`, startMs: performance.now() - t0 });
}

process.on('message', (m: { type: string }) => {
  if (m.type === 'start') {
    start(m as StartMessage).catch((err: unknown) => {
      process.send?.({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    });
  } else if (m.type === 'memory') {
    const { rss, heapUsed } = process.memoryUsage();
    process.send?.({ type: 'memory', rss, heapUsed });
  } else if (m.type === 'close') {
    void (close?.() ?? Promise.resolve()).finally(() => {
      process.send?.({ type: 'closed' });
      process.disconnect();
    });
  }
});

process.on('disconnect', () => {
  void (close?.() ?? Promise.resolve()).finally(() => process.exit(0));
});

process.send?.({ type: 'listening' });
