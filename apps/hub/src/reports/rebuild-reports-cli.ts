import { resolve } from 'node:path';
import { hallConfigFile, loadHallConfig } from '../config-loader.js';
import { rebuildReports } from './rebuild-reports.js';

/** `npm run reports:rebuild`: the reporting tables of DATA_DIR rebuilt from its log (stop the hub first). */
async function main(): Promise<void> {
  const dataDir = resolve(process.env['DATA_DIR'] ?? './data');
  // The same config the hub reads: the services' targets are part of the figures.
  const { config } = await loadHallConfig(hallConfigFile(), {
    demoMode: process.env['ANTRE_DEMO'] !== '0',
  });
  const r = await rebuildReports(dataDir, config);
  console.log(
    `Laporan dibangun ulang / reports rebuilt: ${r.events} peristiwa / events → ${r.visits} kunjungan / visits, ` +
      `${r.transactions} transaksi / transactions, ${(r.ms / 1000).toFixed(1)} s (${Math.round(r.eventsPerSecond)} events/s)`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
