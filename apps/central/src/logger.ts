import { pino } from 'pino';

export type Logger = pino.Logger;

/** JSON lines on stdout, as the hub logs; LOG_LEVEL sets the level. */
export function createLogger(level = process.env['LOG_LEVEL'] ?? 'info'): Logger {
  return pino({ level, base: { app: 'antre-central' } });
}
