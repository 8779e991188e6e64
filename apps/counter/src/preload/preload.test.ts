import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import type { CounterBridge } from './counter-bridge.js';

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
  const electron = {
    contextBridge: { exposeInMainWorld: (name: string, api: unknown) => void (exposed[name] = api) },
    ipcRenderer: { invoke: (...args: unknown[]) => Promise.resolve(void invoked.push(args)) },
  };
  const required: string[] = [];
  const require = (id: string) => {
    required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`the preload may not require ${id}`);
  };
  new Function('require', 'exports', 'module', outputText)(require, {}, { exports: {} });
  return { exposed, invoked, required };
}

describe('the counter preload', () => {
  it('exposes only the hub address setter, as window.antre, and needs nothing but electron', async () => {
    const { exposed, invoked, required } = runPreload();
    expect(Object.keys(exposed)).toEqual(['antre']);
    const bridge = exposed['antre'] as CounterBridge;
    expect(Object.keys(bridge).sort()).toEqual(['setHubUrl', 'shell']);
    expect(bridge.shell).toBe('electron');
    await bridge.setHubUrl('http://10.0.0.5:3000');
    expect(invoked).toEqual([['counter:set-hub-url', 'http://10.0.0.5:3000']]);
    expect(required).toEqual(['electron']);
  });
});
