// Sandboxed preload (CommonJS, as sandboxing requires): tells the renderer it runs in the display shell.
// It hands over no Node or Electron API: the renderer needs nothing from the machine but the screen.
// Under verbatimModuleSyntax a CommonJS import is written as `import = require`.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the one form a CommonJS preload can take
import electron = require('electron');
import type { DisplayBridge } from './display-bridge.js';

const bridge: DisplayBridge = { kind: 'display' };
electron.contextBridge.exposeInMainWorld('antre', bridge);
