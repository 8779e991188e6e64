import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import type { AntreKioskBridge } from '../core/kiosk-bridge.js';
import { KIOSK_CHANNELS } from '../core/kiosk-bridge.js';
import type { KioskSnapshot } from '../core/kiosk-backend.js';

/**
 * Runs the preload as Electron does: compiled to CommonJS, with `require('electron')` answered by
 * stand-ins (Electron's binary is not installed here, and Vite does not load `.cts`).
 */
function runPreload() {
  const source = readFileSync(new URL('./preload.cts', import.meta.url), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const exposed: Record<string, unknown> = {};
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const electron = {
    contextBridge: { exposeInMainWorld: (name: string, api: unknown) => void (exposed[name] = api) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => Promise.resolve(void invoked.push(args)),
      on: (channel: string, fn: (...args: unknown[]) => void) => {
        const set = listeners.get(channel) ?? new Set();
        set.add(fn);
        listeners.set(channel, set);
      },
      removeListener: (channel: string, fn: (...args: unknown[]) => void) =>
        listeners.get(channel)?.delete(fn),
    },
  };
  const required: string[] = [];
  const require = (id: string) => {
    required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`the preload may not require ${id}`);
  };
  new Function('require', 'exports', 'module', outputText)(require, {}, { exports: {} });
  return { bridge: exposed['antre'] as AntreKioskBridge, exposed, invoked, listeners, required };
}

describe('the kiosk preload', () => {
  it('exposes the kiosk bridge as window.antre and needs nothing but electron', () => {
    const { exposed, bridge, required } = runPreload();
    expect(Object.keys(exposed)).toEqual(['antre']);
    expect(Object.keys(bridge).sort()).toEqual(
      ['behaviour', 'enrol', 'issueTicket', 'onSnapshot', 'printOutcome', 'reprint', 'snapshot'].sort(),
    );
    expect(required).toEqual(['electron']);
  });

  it('calls the main process on the channels it listens on', async () => {
    const { bridge, invoked } = runPreload();
    await bridge.behaviour();
    await bridge.snapshot();
    await bridge.issueTicket({ serviceId: 'skck', priority: 'elderly', lang: 'en' });
    await bridge.printOutcome('t1');
    await bridge.reprint('t1', 'id');
    await bridge.enrol({ kioskId: 'kiosk-1', pairingCode: '123456', hubUrl: 'http://10.0.0.2:3000' });
    expect(invoked).toEqual([
      [KIOSK_CHANNELS.behaviour],
      [KIOSK_CHANNELS.snapshot],
      [KIOSK_CHANNELS.issueTicket, { serviceId: 'skck', priority: 'elderly', lang: 'en' }],
      [KIOSK_CHANNELS.printOutcome, 't1'],
      [KIOSK_CHANNELS.reprint, 't1', 'id'],
      [KIOSK_CHANNELS.enrol, { kioskId: 'kiosk-1', pairingCode: '123456', hubUrl: 'http://10.0.0.2:3000' }],
    ]);
  });

  it('delivers pushed snapshots until the listener is removed', () => {
    const { bridge, listeners } = runPreload();
    const seen: KioskSnapshot[] = [];
    const stop = bridge.onSnapshot((s) => seen.push(s));
    const push = (s: KioskSnapshot) =>
      listeners.get(KIOSK_CHANNELS.snapshotPushed)?.forEach((fn) => fn({}, s));
    const snapshot: KioskSnapshot = { connection: 'online', issuesOffline: true, unsynced: 0, at: 1 };
    push(snapshot);
    stop();
    push({ ...snapshot, at: 2 });
    expect(seen).toEqual([snapshot]);
  });
});
