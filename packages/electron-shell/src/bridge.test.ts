import { describe, expect, it } from 'vitest';
import type { AntreBridge } from './bridge.js';
import { findShellBridge, shellArguments, versionFromArguments } from './bridge.js';

type CounterBridge = AntreBridge<'counter', { setHubUrl(url: string): Promise<void> }>;

describe('the shell bridge', () => {
  it('carries the version from the main process to the preload on the command line', () => {
    const argv = ['/opt/antre/antre', '--type=renderer', ...shellArguments('0.4.2')];
    expect(versionFromArguments(argv)).toBe('0.4.2');
    expect(versionFromArguments(['/opt/antre/antre'])).toBe('');
  });

  it("finds the bridge only in the app's own shell", () => {
    const bridge: CounterBridge = { kind: 'counter', version: '0.4.2', setHubUrl: () => Promise.resolve() };
    expect(findShellBridge<CounterBridge>('counter', { antre: bridge })).toBe(bridge);
    expect(
      findShellBridge<CounterBridge>('counter', { antre: { ...bridge, kind: 'kiosk' } }),
    ).toBeUndefined();
    expect(findShellBridge<CounterBridge>('counter', {})).toBeUndefined();
    expect(findShellBridge<CounterBridge>('counter', { antre: 'counter' })).toBeUndefined();
    expect(findShellBridge<CounterBridge>('counter', { antre: null })).toBeUndefined();
  });
});
