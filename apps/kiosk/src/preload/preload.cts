// A sandboxed preload is CommonJS; under verbatimModuleSyntax that is written as `import = require`.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the one form a CommonJS preload can take
import electron = require('electron');
import type { KioskBridge } from '../core/kiosk-bridge.js';
import type { KioskSnapshot } from '../core/kiosk-backend.js';

// Written out, as a sandboxed preload can require nothing but electron: the shell's VERSION_ARGUMENT and
// the channels of KIOSK_CHANNELS.
const VERSION_ARGUMENT = '--antre-version=';
const BEHAVIOUR = 'antre-kiosk:behaviour';
const SNAPSHOT = 'antre-kiosk:snapshot';
const SNAPSHOT_PUSHED = 'antre-kiosk:snapshot-pushed';
const ISSUE_TICKET = 'antre-kiosk:issue-ticket';
const PRINT_OUTCOME = 'antre-kiosk:print-outcome';
const REPRINT = 'antre-kiosk:reprint';
const ENROL = 'antre-kiosk:enrol';
const CHECK_IN = 'antre-kiosk:check-in';

const { ipcRenderer } = electron;

// The renderer's only way to the agent in the main process: these calls and nothing else.
const bridge: KioskBridge = {
  kind: 'kiosk',
  version: process.argv.find((a) => a.startsWith(VERSION_ARGUMENT))?.slice(VERSION_ARGUMENT.length) ?? '',
  behaviour: () => ipcRenderer.invoke(BEHAVIOUR),
  snapshot: () => ipcRenderer.invoke(SNAPSHOT),
  onSnapshot: (listener) => {
    const handler = (_event: unknown, snapshot: KioskSnapshot) => listener(snapshot);
    ipcRenderer.on(SNAPSHOT_PUSHED, handler);
    return () => void ipcRenderer.removeListener(SNAPSHOT_PUSHED, handler);
  },
  issueTicket: (request) => ipcRenderer.invoke(ISSUE_TICKET, request),
  printOutcome: (ticketId) => ipcRenderer.invoke(PRINT_OUTCOME, ticketId),
  reprint: (ticketId, lang) => ipcRenderer.invoke(REPRINT, ticketId, lang),
  enrol: (request) => ipcRenderer.invoke(ENROL, request),
  checkIn: (entry) => ipcRenderer.invoke(CHECK_IN, entry),
};

electron.contextBridge.exposeInMainWorld('antre', bridge);
