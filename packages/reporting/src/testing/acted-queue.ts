import type { Actor, CommandInput, HallConfig } from '@antre/shared';
import { actorTag } from '@antre/shared';
import { TestQueue } from '@antre/shared/testing';
import type { LoggedEvent } from '../report-rows.js';

/** The test queue, with the log as the hub keeps it: every event tagged with who made it. */
export class ActedQueue {
  readonly queue: TestQueue;
  readonly log: LoggedEvent[] = [];

  constructor(config: HallConfig, now: number) {
    this.queue = new TestQueue(config, now);
  }

  /** Moves the clock to `at` (never back). */
  at(at: number): this {
    if (at < this.queue.now) throw new Error('time goes forward only');
    this.queue.now = at;
    return this;
  }

  run(input: CommandInput, actor: Actor): this {
    const before = this.queue.log.length;
    this.queue.must(input, actor);
    this.tag(before, actorTag(actor));
    return this;
  }

  /** Closes the day when midnight has passed, as the hub does on its own. */
  rollover(): this {
    const before = this.queue.log.length;
    this.queue.rollover();
    this.tag(before, 'system');
    return this;
  }

  private tag(from: number, actor: string): void {
    for (const e of this.queue.log.slice(from)) this.log.push({ ...e, actor });
  }
}
