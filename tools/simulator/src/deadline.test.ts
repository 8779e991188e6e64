import { describe, expect, it } from 'vitest';
import { within } from './deadline.js';

describe('within', () => {
  it('passes on what the promise settles with', async () => {
    await expect(within(Promise.resolve(7), 1000, () => 'never')).resolves.toBe(7);
    await expect(within(Promise.reject(new Error('no')), 1000, () => 'never')).rejects.toThrow('no');
  });

  it('names what was still awaited when the time is up, as it stands then', async () => {
    let stuck = 'nobody';
    const pending = within(new Promise(() => undefined), 20, () => `still waiting for ${stuck}`);
    stuck = 'counter loket-3';
    await expect(pending).rejects.toThrow('still waiting for counter loket-3 (after 0 s)');
  });
});
