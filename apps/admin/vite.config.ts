import { fileURLToPath } from 'node:url';
// A relative import: Vite bundles it into the config, which it would not do for a linked package.
import { appViteConfig } from '../../packages/ui/vite-app-config.js';

export default appViteConfig('admin', fileURLToPath(new URL('./src/web', import.meta.url)));
