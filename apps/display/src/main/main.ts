import { startDisplayShell } from './display-shell.js';

// Synchronously at load: the shell registers the app:// scheme, which must happen before Electron is ready.
void startDisplayShell();
