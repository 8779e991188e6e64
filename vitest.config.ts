import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/{src,config,e2e}/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests start real hubs on loopback ports; two workers keep a 2-core machine responsive.
    maxWorkers: 2,
  },
});
