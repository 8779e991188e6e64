import { request } from 'node:http';
import type { ClientRequest, IncomingMessage } from 'node:http';

/**
 * Phones following their tickets: one Server-Sent Events stream per phone (`/t/:id/live`, the status page's
 * live stream), over plain HTTP as a phone's browser opens it. Counts what they receive, so the bench can
 * say they were served and not only connected.
 */
export class StatusPhones {
  private readonly requests: ClientRequest[] = [];
  private readonly responses: IncomingMessage[] = [];
  /** `event: ticket` messages received, all phones together. */
  messages = 0;

  private constructor() {}

  /** Opens `count` streams, round-robin over `ticketIds`, `parallel` at a time; resolves once all answered. */
  static async open(
    baseUrl: string,
    ticketIds: readonly string[],
    count: number,
    parallel = 100,
  ): Promise<StatusPhones> {
    const phones = new StatusPhones();
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const i = next;
        next += 1;
        await phones.openOne(`${baseUrl}/t/${ticketIds[i % ticketIds.length] ?? 'none'}/live`);
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
    return phones;
  }

  get open(): number {
    return this.responses.filter((r) => !r.destroyed).length;
  }

  private openOne(url: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const req = request(url, { headers: { accept: 'text/event-stream' } }, (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`${url} answered ${String(res.statusCode)}`));
          return;
        }
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          this.messages += chunk.split('event: ticket').length - 1;
        });
        res.on('error', () => undefined);
        this.responses.push(res);
        resolve();
      });
      req.on('error', reject);
      this.requests.push(req);
      req.end();
    });
  }

  close(): void {
    for (const r of this.requests) r.destroy();
  }
}
