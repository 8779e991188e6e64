import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import ts from 'typescript';

/**
 * Runs the preload as Electron does: compiled to CommonJS, with `require('electron')` answered by a stand-in
 * (Electron's binary is not installed here, and Vite does not load `.cts`).
 */
function runPreload() {
  const source = readFileSync(new URL('./preload.cts', import.meta.url), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const exposed: Record<string, unknown> = {};
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (name: string, api: unknown) => void (exposed[name] = api) },
  };
  const require = (id: string) => {
    required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`the preload may not require ${id}`);
  };
  new Function('require', 'exports', 'module', outputText)(require, {}, { exports: {} });
  return { exposed, required };
}

it('tells the renderer it runs in the display shell, and hands over nothing else', () => {
  const { exposed, required } = runPreload();
  expect(exposed).toEqual({ antre: { kind: 'display' } });
  expect(required).toEqual(['electron']);
});
