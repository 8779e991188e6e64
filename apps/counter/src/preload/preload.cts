// A sandboxed preload is CommonJS; under verbatimModuleSyntax that is written as `import = require`.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the one form a CommonJS preload can take
import electron = require('electron');
import type { CounterBridge } from './counter-bridge.js';

// The renderer's only way to the main process: set the hub's address. Everything else goes to the hub itself.
const bridge: CounterBridge = {
  shell: 'electron',
  setHubUrl: async (url: string) => {
    await electron.ipcRenderer.invoke('counter:set-hub-url', url);
  },
};

electron.contextBridge.exposeInMainWorld('antre', bridge);
