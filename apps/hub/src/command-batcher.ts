import type { CommandReply } from '@antre/shared';
import type { CommandRequest, QueueService } from './queue-service.js';

interface Waiting {
  request: CommandRequest;
  resolve: (reply: CommandReply) => void;
  reject: (err: unknown) => void;
}

/**
 * Gathers the commands that arrive in one turn of the event loop and runs them as one batch, so that a
 * burst from many kiosks and counters costs one fsync rather than one each (group commit). Answers go out
 * only after the batch is durable; a lone command waits no more than the rest of the current turn.
 */
export class CommandBatcher {
  private waiting: Waiting[] = [];
  private scheduled = false;

  constructor(
    private readonly service: QueueService,
    private readonly maxBatch = 256,
    /** Run before each batch: the hub holds the clients' writes, so the batch's messages leave together. */
    private readonly beforeBatch: () => void = () => undefined,
  ) {}

  submit(request: CommandRequest): Promise<CommandReply> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      if (this.waiting.length >= this.maxBatch) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.flush();
        });
      }
    });
  }

  private flush(): void {
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) return;
    this.beforeBatch();
    let replies: CommandReply[];
    try {
      replies = this.service.executeBatch(batch.map((w) => w.request));
    } catch (err) {
      for (const w of batch) w.reject(err);
      return;
    }
    batch.forEach((w, i) => {
      const reply = replies[i];
      if (reply) w.resolve(reply);
      else w.reject(new Error('the batch gave no reply'));
    });
  }
}
