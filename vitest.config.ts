import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Workspace packages are read from their TypeScript source (the `source` export condition), never a stale build.
const conditions = ['source', ...defaultServerConditions];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/*/{src,config,e2e,testing}/**/*.test.ts',
      'tools/*/src/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    testTimeout: 30_000,
    // A poll waits for behaviour, not against a deadline: its 1 s default fails on a busy machine.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 60_000,
    // Integration tests start real hubs on loopback ports; two workers keep a 2-core machine responsive.
    maxWorkers: 2,
  },
});
