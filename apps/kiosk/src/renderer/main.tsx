import { createRoot } from 'react-dom/client';
import { LanguageProvider } from '@antre/ui';
import '@antre/ui/theme.css';
import type { KioskBackend } from '../core/kiosk-backend.js';
import type { AntreKioskBridge } from '../core/kiosk-bridge.js';
import { BrowserBackend } from './backend/browser-backend.js';
import { ElectronBackend } from './backend/electron-backend.js';
import { KioskApp } from './kiosk-app.js';
import './kiosk.css';

declare global {
  interface Window {
    /** Present in the Electron kiosk (its preload); absent in a plain browser. */
    antre?: AntreKioskBridge;
  }
}

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  const bridge = window.antre;
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
