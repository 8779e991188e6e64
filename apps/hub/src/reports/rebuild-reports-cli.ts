import { resolve } from 'node:path';
import { loadHallConfig } from '../config-loader.js';
import { rebuildReports } from './rebuild-reports.js';

/** `npm run reports:rebuild`: the reporting tables of DATA_DIR rebuilt from its log (stop the hub first). */
async function main(): Promise<void> {
  const dataDir = resolve(process.env['DATA_DIR'] ?? './data');
  const configFile = resolve(
    process.env['HALL_CONFIG'] ?? new URL('../../config/demo-hall.json', import.meta.url).pathname,
  );
  const { config } = await loadHallConfig(configFile);
  const r = await rebuildReports(dataDir, config);
  console.log(
    `Laporan dibangun ulang / reports rebuilt: ${r.events} events → ${r.visits} visits, ${r.transactions} transactions in ${(r.ms / 1000).toFixed(1)} s (${Math.round(r.eventsPerSecond)} events/s)`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
