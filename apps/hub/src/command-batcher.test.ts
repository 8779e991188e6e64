import { describe, expect, it } from 'vitest';
import type { CommandReply } from '@antre/shared';
import { CommandBatcher } from './command-batcher.js';
import type { CommandRequest, QueueService } from './queue-service.js';

/** A stand-in service that records the batches it is given and answers each command with its place. */
function fakeService(fail = false) {
  const batches: string[][] = [];
  const service = {
    executeBatch(requests: readonly CommandRequest[]): CommandReply[] {
      batches.push(requests.map((r) => r.commandId));
      if (fail) throw new Error('disk full');
      return requests.map((_, i) => ({ ok: true, seq: i + 1, events: [] }));
    },
  } as unknown as QueueService;
  return { service, batches };
}

const request = (id: string): CommandRequest => ({ principal: { kind: 'public' }, commandId: id, input: {} });

describe('CommandBatcher', () => {
  it('runs what arrives in one turn as one batch, in order, and answers each', async () => {
    const { service, batches } = fakeService();
    const batcher = new CommandBatcher(service);
    const replies = await Promise.all(['a', 'b', 'c'].map((id) => batcher.submit(request(id))));
    expect(batches).toEqual([['a', 'b', 'c']]);
    expect(replies.map((r) => r.ok && r.seq)).toEqual([1, 2, 3]);
    await batcher.submit(request('d'));
    expect(batches).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('caps a batch, so a flood does not hold the first answers back', async () => {
    const { service, batches } = fakeService();
    const batcher = new CommandBatcher(service, 2);
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => batcher.submit(request(id))));
    expect(batches).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('fails every command of a batch whose write failed', async () => {
    const { service } = fakeService(true);
    const batcher = new CommandBatcher(service);
    const results = await Promise.allSettled(['a', 'b'].map((id) => batcher.submit(request(id))));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
