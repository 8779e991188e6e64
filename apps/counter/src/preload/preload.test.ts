import { describe, expect, it } from 'vitest';
import { runPreload } from '@antre/electron-shell/testing';
import type { CounterBridge } from './counter-bridge.js';
import { SET_HUB_URL } from './counter-bridge.js';

describe('the counter preload', () => {
  it("exposes the shell's part and the hub address setter as window.antre, and needs nothing but electron", async () => {
    const { exposed, invoked, required } = runPreload(new URL('./preload.cts', import.meta.url), {
      argv: ['--antre-version=0.3.1'],
    });
    expect(Object.keys(exposed)).toEqual(['antre']);
    const bridge = exposed['antre'] as CounterBridge;
    expect(Object.keys(bridge).sort()).toEqual(['kind', 'setHubUrl', 'version']);
    expect([bridge.kind, bridge.version]).toEqual(['counter', '0.3.1']);
    await bridge.setHubUrl('http://10.0.0.5:3000');
    expect(invoked).toEqual([[SET_HUB_URL, 'http://10.0.0.5:3000']]);
    expect(required).toEqual(['electron']);
  });
});
