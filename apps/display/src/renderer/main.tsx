import '@antre/ui/theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HubConnection } from '@antre/client';
import { findShellBridge } from '@antre/electron-shell/bridge';
import { LanguageProvider } from '@antre/ui';
import type { DisplayBridge } from '../preload/display-bridge.js';
import { DisplayApp } from './app.js';
import { parseDisplayOptions } from './board/display-options.js';
import { DisplayController, shownNumber } from './display-controller.js';

const options = parseDisplayOptions(window.location.search);
const inElectron = findShellBridge<DisplayBridge>('display') !== undefined;
// In Electron the renderer comes from app:// and the shell names the hub in the URL; in a browser the hub
// itself serves this page, so its own origin is the hub.
const hubUrl = inElectron ? (new URLSearchParams(window.location.search).get('hub') ?? '') : '';

const conn = new HubConnection({ url: hubUrl });
const controller = new DisplayController(conn, options, `${import.meta.env.BASE_URL}clips/`);

// The sound check and what was announced, for a technician's console and the end-to-end tests.
Object.assign(window, {
  antreDisplay: {
    renderAnnouncementWav: async (displayNumber: string, counterName: string) => {
      const wav = await controller.renderAnnouncementWav(displayNumber, counterName);
      let binary = '';
      for (const byte of wav) binary += String.fromCharCode(byte);
      return btoa(binary);
    },
    announcements: () => controller.log.map((e) => ({ ...e })),
    /** Whether the browser holds sound back, and whether announcements are held (until it allows them). */
    sound: () => ({ locked: controller.audio.locked, held: controller.queue.isPaused }),
    /** The call being announced and those waiting their turn, in order. */
    queuedAnnouncements: () =>
      [controller.queue.current, ...controller.queue.pending].flatMap((a) =>
        a ? [{ displayNumber: shownNumber(a), counterName: a.counterName, recall: a.recall }] : [],
      ),
  },
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      {/* A language set in the URL wins over the one saved on the device. */}
      <LanguageProvider
        {...(options.lang ? { initial: options.lang } : { persistKey: 'antre.display.lang' })}
      >
        <DisplayApp controller={controller} kiosk={inElectron} hubUrl={hubUrl} ikm={options.ikm} />
      </LanguageProvider>
    </StrictMode>,
  );
}
