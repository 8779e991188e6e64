import { describe, expect, it } from 'vitest';
import type { KeyValueStorage } from './session-store.js';
import { SessionStore } from './session-store.js';

function memoryStorage(
  initial: Record<string, string> = {},
): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const SESSION = {
  sessionToken: 'token-0123456789',
  staff: { username: 'dukcapil1', name: 'Rahmi Yulianti', role: 'staff' as const, agencyId: 'disdukcapil' },
};

describe('SessionStore', () => {
  it('keeps a session across a reload and sends its token at every reconnect', () => {
    const storage = memoryStorage();
    new SessionStore(storage).signedIn(SESSION);
    const reloaded = new SessionStore(storage);
    expect(reloaded.current).toEqual(SESSION);
    expect(reloaded.credentials()).toEqual({ sessionToken: 'token-0123456789' });
  });

  it('forgets the session on sign-out but remembers the counter of this machine', () => {
    const storage = memoryStorage();
    const store = new SessionStore(storage);
    store.signedIn(SESSION);
    store.rememberCounter('loket-2');
    store.signedOut();
    expect(store.credentials()).toEqual({});
    const reloaded = new SessionStore(storage);
    expect(reloaded.current).toBeUndefined();
    expect(reloaded.rememberedCounterId).toBe('loket-2');
  });

  it('treats a damaged or foreign entry as no session', () => {
    for (const raw of [
      '{not json',
      '"a string"',
      '{"sessionToken":5}',
      '{"sessionToken":"t","staff":{"role":"admin"}}',
    ]) {
      const store = new SessionStore(memoryStorage({ 'antre.counter.session': raw }));
      expect(store.current).toBeUndefined();
    }
  });

  it('answers from memory, so another tab signing in on the same machine does not change whom this tab is', () => {
    const storage = memoryStorage();
    const tab = new SessionStore(storage);
    tab.signedIn(SESSION);
    new SessionStore(storage).signedIn({ ...SESSION, sessionToken: 'other-token-98765' });
    expect(tab.credentials()).toEqual({ sessionToken: 'token-0123456789' });
  });

  it('works without storage (a locked-down browser)', () => {
    const store = new SessionStore(undefined);
    store.signedIn(SESSION);
    expect(store.current).toEqual(SESSION);
  });
});
