import { pino } from 'pino';

export type Logger = pino.Logger;

/** JSON lines on stdout; `LOG_LEVEL=silent` in tests. */
export function createLogger(level = process.env['LOG_LEVEL'] ?? 'info'): Logger {
  return pino({ level, base: { app: 'antre-hub' } });
}
