import { WebSocket } from 'ws';

/**
 * A Socket.IO client at the wire: one WebSocket, Engine.IO and Socket.IO frames written and read as text, as a
 * client in another language or a hostile one sends them. Answers the hub's pings, nothing else by itself.
 */
export class WireClient {
  /** Every text frame from the hub, in order, pings included. */
  readonly received: string[] = [];
  /** The WebSocket close code, once the connection is closed. */
  closeCode: number | undefined;
  private readonly waiters = new Set<() => void>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      const frame = data.toString();
      if (frame === '2') ws.send('3');
      this.received.push(frame);
      this.wake();
    });
    ws.on('close', (code) => {
      this.closeCode = code;
      this.wake();
    });
  }

  /** Opens the WebSocket and reads the Engine.IO handshake (`0{…}`); no Socket.IO CONNECT is sent yet. */
  static async open(hubUrl: string): Promise<WireClient> {
    const ws = new WebSocket(`${hubUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
    const client = new WireClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    await client.next((f) => f.startsWith('0{'));
    return client;
  }

  /** Opens, sends CONNECT with `auth`, and waits until the hub accepted it (`40{"sid":…}`). */
  static async connected(hubUrl: string, auth: object): Promise<WireClient> {
    const client = await WireClient.open(hubUrl);
    client.send(`40${JSON.stringify(auth)}`);
    const reply = await client.next((f) => f.startsWith('40') || f.startsWith('44'));
    if (!reply.startsWith('40')) throw new Error(`connect refused: ${reply}`);
    return client;
  }

  send(frame: string | Buffer): void {
    this.ws.send(frame);
  }

  /** Resolves with the first frame received from `from` on that matches; rejects if the connection closes. */
  next(match: (frame: string) => boolean, from = 0): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.received.slice(from).find(match);
        if (found !== undefined) resolve(found);
        else if (this.closeCode !== undefined) reject(new Error(`closed (${this.closeCode}) before a match`));
        else return false;
        return true;
      };
      if (check()) return;
      const waiter = () => {
        if (check()) this.waiters.delete(waiter);
      };
      this.waiters.add(waiter);
    });
  }

  /** The ACK for `id` (`43<id>[reply]`), read from the frames that came after `from`. */
  async ack(id: number, from = 0): Promise<unknown> {
    const frame = await this.next((f) => new RegExp(`^43${id}\\[`).test(f), from);
    const [reply]: unknown[] = JSON.parse(frame.slice(`43${id}`.length));
    return reply;
  }

  /** Resolves with the close code once the hub has closed the connection. */
  closed(): Promise<number> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.closeCode === undefined) return false;
        resolve(this.closeCode);
        return true;
      };
      if (check()) return;
      const waiter = () => {
        if (check()) this.waiters.delete(waiter);
      };
      this.waiters.add(waiter);
    });
  }

  close(): void {
    this.ws.terminate();
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }
}
