import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import type { UserConfig } from 'vite';

/**
 * The Vite config every renderer shares: served by the hub under `/<app>/`, workspace packages
 * read from source, and in `npm run dev` the hub's Socket.IO proxied.
 */
export function appViteConfig(app: 'kiosk' | 'counter' | 'display' | 'admin', root: string): UserConfig {
  return defineConfig({
    root,
    base: `/${app}/`,
    plugins: [react()],
    resolve: { conditions: ['source', ...defaultClientConditions] },
    build: { outDir: '../../dist', emptyOutDir: true, sourcemap: true },
    server: {
      proxy: { '/socket.io': { target: process.env['ANTRE_HUB'] ?? 'http://127.0.0.1:3000', ws: true } },
    },
  });
}
