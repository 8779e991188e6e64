import { connect as dial, createServer } from 'node:net';
import type { Socket } from 'node:net';

/**
 * A TCP hop between one counter's browser and the hub that the test can cut and mend: a network fault
 * at one desk while the hub and the other counters carry on.
 */
export class CuttableLink {
  private readonly sockets = new Set<Socket>();
  private cut = false;
  private readonly server = createServer((client) => this.accept(client));

  private constructor(private readonly targetPort: number) {}

  static async start(targetPort: number): Promise<CuttableLink> {
    const link = new CuttableLink(targetPort);
    await new Promise<void>((resolve) => link.server.listen(0, '127.0.0.1', resolve));
    return link;
  }

  /** Where the browser goes instead of the hub. */
  get url(): string {
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('the link is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  /** Drops every open connection and refuses new ones, like a pulled cable. */
  sever(): void {
    this.cut = true;
    for (const s of this.sockets) s.destroy();
  }

  mend(): void {
    this.cut = false;
  }

  async close(): Promise<void> {
    this.sever();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    if (this.cut) {
      client.destroy();
      return;
    }
    const upstream = dial(this.targetPort, '127.0.0.1');
    const pair = [client, upstream];
    for (const s of pair) {
      this.sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => {
        this.sockets.delete(s);
        for (const other of pair) other.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
