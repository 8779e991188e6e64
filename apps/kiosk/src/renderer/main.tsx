import '@antre/ui/theme.css';
import { createRoot } from 'react-dom/client';
import { findShellBridge } from '@antre/electron-shell/bridge';
import { LanguageProvider } from '@antre/ui';
import type { KioskBackend } from '../core/kiosk-backend.js';
import type { KioskBridge } from '../core/kiosk-bridge.js';
import { BrowserBackend } from './backend/browser-backend.js';
import { ElectronBackend } from './backend/electron-backend.js';
import { KioskApp } from './kiosk-app.js';

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  // Present in the Electron kiosk (its preload); absent in a plain browser.
  const bridge = findShellBridge<KioskBridge>('kiosk');
  const backend: KioskBackend = bridge
    ? await ElectronBackend.connect(bridge)
    : new BrowserBackend(new URL(location.href), localStorage);
  createRoot(root).render(
    <LanguageProvider>
      <KioskApp backend={backend} askHubUrl={bridge !== undefined} />
    </LanguageProvider>,
  );
}

void start();
