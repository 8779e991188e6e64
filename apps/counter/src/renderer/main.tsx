import '@antre/ui/theme.css';
import { createRoot } from 'react-dom/client';
import { HubConnection } from '@antre/client';
import { findShellBridge } from '@antre/electron-shell/bridge';
import { LanguageProvider } from '@antre/ui';
import './app.css';
import { HUB_URL_PARAM } from '../common/hub-url.js';
import type { CounterBridge } from '../preload/counter-bridge.js';
import { App } from './app.js';
import { DeskCommands } from './model/desk-commands.js';
import { HubClock } from './model/hub-clock.js';
import { SessionStore } from './model/session-store.js';
import { HubSetupScreen } from './screens/hub-setup-screen.js';

// Present only inside the Electron shell (see src/preload).
const bridge = findShellBridge<CounterBridge>('counter');
// In a browser the page comes from the hub itself (same origin); Electron names the hub in the URL.
const hubUrl = new URLSearchParams(location.search).get(HUB_URL_PARAM) ?? '';

function boot() {
  if (bridge && hubUrl === '') return <HubSetupScreen bridge={bridge} />;
  const session = new SessionStore(globalThis.localStorage);
  const conn = new HubConnection({ url: hubUrl, credentials: () => session.credentials() });
  const clock = new HubClock();
  conn.socket.on('events', (events) => clock.observe(events));
  const unseed = conn.subscribe(() => {
    if (!conn.state) return;
    clock.seed(conn.state);
    unseed();
  });
  const commands = new DeskCommands(conn, clock);
  return <App conn={conn} session={session} clock={clock} commands={commands} />;
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(<LanguageProvider persistKey="antre.counter.lang">{boot()}</LanguageProvider>);
}
