// A sandboxed preload is CommonJS; under verbatimModuleSyntax that is written as `import = require`.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the one form a CommonJS preload can take
import electron = require('electron');
import type { CounterBridge } from './counter-bridge.js';

// Written out, as a sandboxed preload can require nothing but electron: the shell's VERSION_ARGUMENT and
// the counter's SET_HUB_URL.
const VERSION_ARGUMENT = '--antre-version=';
const SET_HUB_URL = 'antre-counter:set-hub-url';

// The renderer's only way to the main process: set the hub's address. Everything else goes to the hub itself.
const bridge: CounterBridge = {
  kind: 'counter',
  version: process.argv.find((a) => a.startsWith(VERSION_ARGUMENT))?.slice(VERSION_ARGUMENT.length) ?? '',
  setHubUrl: async (url: string) => {
    await electron.ipcRenderer.invoke(SET_HUB_URL, url);
  },
};

electron.contextBridge.exposeInMainWorld('antre', bridge);
