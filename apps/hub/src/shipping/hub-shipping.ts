import type { HallConfig } from '@antre/shared';
import type { Logger } from '../logger.js';
import type { EventStore } from '../store/event-store.js';
import { LogReader } from './log-reader.js';
import { LogShipper } from './log-shipper.js';

/** Where the hall ships its log, and its credential there. */
export interface CentralLink {
  url: string;
  token: string;
  /** Shipper tuning for tests and the bench; defaults suit a hall. */
  batchSize?: number;
  idleMs?: number;
  retryMs?: number;
  maxRetryMs?: number;
}

/** Starts shipping the hub's log to the centre, named by the hall id and the log id. */
export function startShipping(
  link: CentralLink,
  store: EventStore,
  config: () => HallConfig,
  logger: Logger,
): LogShipper {
  const { url, token, ...tuning } = link;
  const reader = new LogReader(store.db);
  const shipper = new LogShipper({
    centralUrl: url,
    token,
    hallId: config().hall.id,
    logId: store.logId,
    reader,
    hello: () => ({ config: JSON.stringify(config()), configSeed: reader.configSeed() }),
    logger,
    ...tuning,
  });
  shipper.start();
  return shipper;
}

/** ANTRE_CENTRAL_URL and ANTRE_CENTRAL_TOKEN: both, or no shipping. */
export function centralLinkFromEnv(env: NodeJS.ProcessEnv = process.env): CentralLink | undefined {
  const url = env['ANTRE_CENTRAL_URL'];
  const token = env['ANTRE_CENTRAL_TOKEN'];
  if (!url) return undefined;
  if (!token)
    throw new Error('ANTRE_CENTRAL_URL is set without ANTRE_CENTRAL_TOKEN: the centre needs the hall token');
  return { url, token };
}
