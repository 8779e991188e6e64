import { registerAppScheme } from '@antre/electron-shell';
import { startCounterShell } from './counter-shell.js';

// The app:// scheme must be registered before Electron is ready.
registerAppScheme();
void startCounterShell();
