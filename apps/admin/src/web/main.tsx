import '@antre/ui/theme.css';
import { createRoot } from 'react-dom/client';
import { HubConnection } from '@antre/client';
import { LanguageProvider } from '@antre/ui';
import './app.css';
import { App } from './app.js';
import { AdminSession } from './model/admin-session.js';
import { HubTime } from './model/hub-time.js';

// The admin console is served by the hub itself: same origin, no hub address to ask for.
const session = new AdminSession(globalThis.localStorage);
const conn = new HubConnection({ url: '', credentials: () => session.credentials() });
const time = new HubTime(conn);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <LanguageProvider persistKey="antre.admin.lang">
      <App conn={conn} session={session} time={time} />
    </LanguageProvider>,
  );
}
