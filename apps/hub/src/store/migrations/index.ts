import { sql as eventLog } from './0001-event-log.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Applied in order, each once; never edit one that is on main: add the next. */
export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'event-log', sql: eventLog }];
