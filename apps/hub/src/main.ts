import { resolve } from 'node:path';
import type { HallConfig } from '@antre/shared';
import { hallConfigFile, loadHallConfig } from './config-loader.js';
import { startHub } from './hub.js';
import { createLogger } from './logger.js';
import { centralLinkFromEnv } from './shipping/hub-shipping.js';
import type { Durability } from './store/event-store.js';

/** `npm start`: the hub with the hall config from HALL_CONFIG (the demo hall by default). */
async function main(): Promise<void> {
  const logger = createLogger();
  const configFile = hallConfigFile();
  const demoMode = process.env['ANTRE_DEMO'] !== '0';
  // Outside demo mode a config with plain PINs is refused here, before anything is printed.
  const { config, demoPins } = await loadHallConfig(configFile, { demoMode });
  // A demo tried at night would show every service closed: the demo hall opens around the clock,
  // while services with hours of their own keep them. ANTRE_REAL_HOURS=1 keeps the hall's real hours.
  const roundTheClock = demoMode && process.env['ANTRE_REAL_HOURS'] !== '1';
  if (roundTheClock) config.hall.hours = openAllWeek();
  // A hall of a city or province ships its log to the central service; alone, it ships nothing.
  const central = centralLinkFromEnv();
  const hub = await startHub({
    config,
    dataDir: resolve(process.env['DATA_DIR'] ?? './data'),
    port: Number(process.env['PORT'] ?? 3000),
    host: process.env['HOST'] ?? '0.0.0.0',
    ...issueRate(process.env['ANTRE_ISSUE_RATE']),
    durability: (process.env['ANTRE_SYNCHRONOUS'] as Durability | undefined) ?? 'FULL',
    demoMode,
    logger,
    ...(process.env['ANTRE_PUBLIC_URL'] ? { publicUrl: process.env['ANTRE_PUBLIC_URL'] } : {}),
    ...(central ? { central } : {}),
  });
  logger.info({ configFile, hall: config.hall.name, demoMode, roundTheClock }, 'hall loaded');
  logger.info(`Kode pemasangan perangkat / device pairing code: ${hub.pairingCode}`);
  for (const { username, pin } of demoPins) logger.info(`demo staff ${username} PIN ${pin}`);
  logger.info(`Kios ${hub.url}/kiosk/  ·  Loket ${hub.url}/counter/  ·  Layar ${hub.url}/display/`);
  logger.info(`Kode QR tiket / ticket QR codes: ${hub.publicUrl}/t/<ticket id>`);

  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    hub.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

function openAllWeek(): HallConfig['hall']['hours'] {
  const all: Array<[string, string]> = [['00:00', '24:00']];
  return { sun: all, mon: all, tue: all, wed: all, thu: all, fri: all, sat: all };
}

/** ANTRE_ISSUE_RATE: tickets per second one kiosk may issue (load tests raise it). */
function issueRate(value: string | undefined): {
  rateLimits?: { issuePerSecond: number; issueBurst: number };
} {
  const perSecond = Number(value);
  if (value === undefined || !(perSecond > 0)) return {};
  return { rateLimits: { issuePerSecond: perSecond, issueBurst: Math.max(10, perSecond) } };
}
