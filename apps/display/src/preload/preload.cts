// Sandboxed preload (CommonJS, as sandboxing requires): tells the renderer it runs in the display shell.
// It hands over no Node or Electron API: the renderer needs nothing from the machine but the screen.
// Under verbatimModuleSyntax a CommonJS import is written as `import = require`.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the one form a CommonJS preload can take
import electron = require('electron');
import type { DisplayBridge } from './display-bridge.js';

// Written out, as a sandboxed preload can require nothing but electron: the shell's VERSION_ARGUMENT.
const VERSION_ARGUMENT = '--antre-version=';

const bridge: DisplayBridge = {
  kind: 'display',
  version: process.argv.find((a) => a.startsWith(VERSION_ARGUMENT))?.slice(VERSION_ARGUMENT.length) ?? '',
};
electron.contextBridge.exposeInMainWorld('antre', bridge);
