import { resolve } from 'node:path';
import { restoreFromCentral } from './restore-from-central.js';

/**
 * `npm run restore -- <hall-id>`: a new store in DATA_DIR from the central copy of the hall's log, with
 * ANTRE_CENTRAL_URL and ANTRE_CENTRAL_TOKEN as the hub ships with. Then `npm start` as usual.
 */
async function main(): Promise<void> {
  const hallId = process.argv[2];
  const centralUrl = process.env['ANTRE_CENTRAL_URL'];
  const token = process.env['ANTRE_CENTRAL_TOKEN'];
  if (!hallId || !centralUrl || !token) {
    throw new Error(
      'usage: ANTRE_CENTRAL_URL=… ANTRE_CENTRAL_TOKEN=… DATA_DIR=… npm run restore -- <hall-id>',
    );
  }
  const dataDir = resolve(process.env['DATA_DIR'] ?? './data');
  const r = await restoreFromCentral({ centralUrl, token, hallId, dataDir });
  console.log(
    `Dipulihkan / restored: log ${r.logId}, ${r.events} peristiwa / events, seq ${r.lastSeq} → ${dataDir}`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
