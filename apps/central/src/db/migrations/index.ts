import { sql as hallLogs } from './0001-hall-logs.js';
import { sql as centralStaff } from './0002-central-staff.js';
import { sql as reportTables } from './0003-report-tables.js';
import { sql as ingestFunction } from './0004-ingest-function.js';
import { sql as hallDayTotals } from './0005-hall-day-totals.js';
import { sql as ikmDays } from './0006-ikm-days.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Applied in order, each once; never edit one that is on main: add the next. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'hall-logs', sql: hallLogs },
  { version: 2, name: 'central-staff', sql: centralStaff },
  { version: 3, name: 'report-tables', sql: reportTables },
  { version: 4, name: 'ingest-function', sql: ingestFunction },
  { version: 5, name: 'hall-day-totals', sql: hallDayTotals },
  { version: 6, name: 'ikm-days', sql: ikmDays },
];
