import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ProjectionWorkerData } from './projection-messages.js';

/**
 * Starts the reports' projection thread (`projection-worker`), from the file beside this one: the compiled
 * `.js` in `dist/` as the hub runs, or the TypeScript source when the hub itself runs from source (vitest,
 * tsx).
 */
export function startProjectionThread(data: ProjectionWorkerData): Worker {
  const options = {
    workerData: data,
    // Its errors come to the hub as the worker's `error` event; its output goes where the hub's goes.
    stdout: false,
    stderr: false,
    // A young generation the size the hub's own thread has under `npm start` (--max-semi-space-size=4): the
    // default (three times 16 MB) would be held as RSS by a thread that makes little garbage.
    resourceLimits: { maxYoungGenerationSizeMb: 12 },
  };
  if (!import.meta.url.endsWith('.ts')) {
    // Not the hub's own flags (V8's, a profiler's): the thread needs none, and some are refused in a worker.
    return new Worker(new URL('./projection-worker.js', import.meta.url), { ...options, execArgv: [] });
  }
  // From source: node 20 does not apply `--import tsx` to a worker's entry, so a few lines of JavaScript load
  // the source through tsx's API, with the workspace's `source` condition, as the hub itself was loaded.
  const entry = new URL('./projection-worker.ts', import.meta.url).href;
  const tsx = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/index\.cjs$/, 'index.mjs');
  const boot = `import(${JSON.stringify(pathToFileURL(tsx).href)}).then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
  return new Worker(boot, { ...options, eval: true, execArgv: ['--conditions=source'] });
}
