import { readFileSync } from 'node:fs';
import ts from 'typescript';

export interface PreloadRun {
  /** What the preload put on the page's window, by name (`antre`). */
  exposed: Record<string, unknown>;
  /** Every `ipcRenderer.invoke` call, channel first. */
  invoked: unknown[][];
  /** The modules the preload required: a sandboxed preload may require only `electron`. */
  required: string[];
  /** Sends a message from the main process on a channel, as `webContents.send` would. */
  push(channel: string, ...args: unknown[]): void;
}

/**
 * Runs a preload as a sandboxed Electron renderer does: compiled to CommonJS, `require('electron')`
 * answered by stand-ins, any other require refused, and `process.argv` holding what the main process
 * passed in `additionalArguments` (Vite does not load `.cts`, and Electron's binary is not here).
 */
export function runPreload(file: URL, options: { argv?: readonly string[] } = {}): PreloadRun {
  const source = readFileSync(file, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const exposed: Record<string, unknown> = {};
  const invoked: unknown[][] = [];
  const required: string[] = [];
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const electron = {
    contextBridge: { exposeInMainWorld: (name: string, api: unknown) => void (exposed[name] = api) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => Promise.resolve(void invoked.push(args)),
      on: (channel: string, listener: (...args: unknown[]) => void) => {
        const set = listeners.get(channel) ?? new Set();
        set.add(listener);
        listeners.set(channel, set);
      },
      removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
        listeners.get(channel)?.delete(listener),
    },
  };
  const require = (id: string) => {
    required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`a sandboxed preload may not require ${id}`);
  };
  const sandboxProcess = { argv: ['/opt/antre/antre', '--type=renderer', ...(options.argv ?? [])] };
  new Function('require', 'exports', 'module', 'process', outputText)(
    require,
    {},
    { exports: {} },
    sandboxProcess,
  );
  return {
    exposed,
    invoked,
    required,
    push: (channel, ...args) => listeners.get(channel)?.forEach((l) => l({}, ...args)),
  };
}
